import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_MEDIA_TYPES, operationIdOf } from '../src/plugins/openapi.ts';
import { createTestApp, type TestApp } from './helpers.ts';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  'x-permission'?: string;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

let t: TestApp;
let body: string;
let document: Document;

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ url: '/api/docs/json' });
  expect(response.statusCode).toBe(200);
  body = response.body;
  document = response.json();
});
afterAll(() => t.done());

const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const operationOf = (method: string, url: string) => document.paths[openApiPath(url)]?.[method.toLowerCase()];
const apiRoutes = () => t.app.routeList.filter((r) => r.url.startsWith('/api/v1'));

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended rules without errors", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: body, absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warn');
    // warnings are allowed (e.g. no license, a redirect has no 2xx); printed so they stay visible
    for (const w of warnings) console.info(`redocly warning ${w.ruleId}: ${w.location[0]?.pointer}`);
    expect(errors.map((e) => `${e.ruleId}: ${e.message} at ${e.location[0]?.pointer}`)).toEqual([]);
  });

  it('declares the session cookie and the bearer token', () => {
    expect(document.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'lis_session' }),
      bearerToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
  });

  it('has every /api/v1 route with a unique operationId, its security and 401/403 when protected', () => {
    const ids = new Set<string>();
    expect(apiRoutes().length).toBeGreaterThan(15);
    for (const route of apiRoutes()) {
      const name = `${route.method} ${route.url}`;
      const operation = operationOf(route.method, route.url);
      expect(operation, name).toBeDefined();
      if (!operation) continue;
      expect(operation.operationId, name).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(ids.has(operation.operationId as string), `${name}: duplicate operationId`).toBe(false);
      ids.add(operation.operationId as string);
      expect(operation['x-permission'], name).toBe(route.permission);
      if (route.permission === 'public') {
        expect(operation.security, name).toEqual([]);
      } else {
        expect(operation.security, name).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);
        expect(Object.keys(operation.responses), name).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
  });

  it('derives stable camelCase operationIds from method and path', () => {
    expect(operationIdOf('GET', '/api/v1/kpis/:kpiId/series')).toBe('getKpisByKpiIdSeries');
    expect(operationIdOf('DELETE', '/api/v1/benchmark/peer-groups/:name')).toBe('deleteBenchmarkPeerGroupsByName');
  });

  it('refers to shared schemas under components', () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['ErrorResponse', 'Me', 'Batch', 'Dashboard', 'OrgUnit', 'KpiStatus', 'FeedName']),
    );
    expect(operationOf('GET', '/api/v1/auth/me')?.responses['200']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Me' } },
    });
    expect(body).toContain('"$ref":"#/components/schemas/ErrorResponse"');
  });

  it('writes closed lists as enums', () => {
    const schemas = document.components.schemas as Record<string, { enum?: unknown[]; properties?: Record<string, unknown> }>;
    expect(schemas.Role?.enum).toEqual(['admin', 'direktion', 'oekonom', 'chef', 'feeder']);
    expect(schemas.FeedName?.enum).toContain('organisation');
    expect(schemas.KpiStatus?.enum).toContain('suppressed');
    expect(schemas.ErrorResponse?.properties?.code).toEqual(
      expect.objectContaining({ enum: expect.arrayContaining(['not_found']) }),
    );
    expect(body).not.toMatch(/"anyOf":\[\{"type":"string","enum":\["[^"]*"\]\}/);
  });

  it('documents the feed upload as CSV, JSON, XLSX or multipart', () => {
    const upload = operationOf('POST', '/api/v1/feeds/:feed');
    expect(Object.keys(upload?.requestBody?.content ?? {})).toEqual(
      expect.arrayContaining(['text/csv', 'application/json', 'multipart/form-data']),
    );
    expect(upload?.requestBody?.content['multipart/form-data']).toEqual({
      schema: expect.objectContaining({
        required: ['file'],
        properties: { file: expect.objectContaining({ format: 'binary' }) },
      }),
    });
  });

  it('gives exports their real media types beside JSON', () => {
    for (const url of ['/api/v1/dashboard', '/api/v1/kpis/:kpiId/series', '/api/v1/budget/followup']) {
      expect(Object.keys(operationOf('GET', url)?.responses['200']?.content ?? {}), url).toEqual([
        'application/json',
        EXPORT_MEDIA_TYPES.csv,
        EXPORT_MEDIA_TYPES.xlsx,
      ]);
    }
  });
});

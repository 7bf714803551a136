import { StringEnum } from '@lis/contracts';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { responseCheck } from '../src/plugins/response-check.ts';
import { createTestApp, type TestApp } from './helpers.ts';

// The check the whole suite relies on (test/setup-response-check.ts) must itself catch what it claims to.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // routes the document declares one way and that answer another; added before the app is ready
  t.app.get(
    '/api/v1/probe/enum',
    { config: { permission: 'public' }, schema: { response: { 200: Type.Object({ kind: StringEnum(['a', 'b']) }) } } },
    async () => ({ kind: 'c' as 'a' }),
  );
  t.app.get(
    '/api/v1/probe/status',
    { config: { permission: 'public' }, schema: { response: { 200: Type.Object({}) } } },
    async (_request, reply) => (reply as FastifyReply).status(418).send({}), // the status the schema does not allow
  );
});
afterAll(() => t.done());

const probe = async (url: string) => {
  const response = await t.app.inject({ url });
  const found = responseCheck.mismatches.splice(0); // taken, so that the setup does not fail this test
  return { status: response.statusCode, found };
};

it('records a body that does not match the documented schema, with route, status and the error', async () => {
  const { status, found } = await probe('/api/v1/probe/enum');
  expect(status).toBe(200);
  expect(found).toEqual([
    {
      route: 'GET /api/v1/probe/enum',
      status: 200,
      problem: expect.stringContaining('must be equal to one of the allowed values'),
    },
  ]);
});

it('records a status the route does not document', async () => {
  const { found } = await probe('/api/v1/probe/status');
  expect(found).toEqual([
    { route: 'GET /api/v1/probe/status', status: 418, problem: expect.stringContaining('status 418 is not documented') },
  ]);
});

it('accepts documented answers, including the errors every protected route documents', async () => {
  const before = responseCheck.checked;
  expect((await probe('/api/v1/dashboard')).found).toEqual([]); // 401
  expect((await probe('/api/v1/kpis?format=nope')).found).toEqual([]);
  expect(responseCheck.checked).toBe(before + 2);
});

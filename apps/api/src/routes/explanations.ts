import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ActionDoneInput,
  ErrorResponse,
  Explanation,
  ExplanationHistory,
  ExplanationInput,
  ExplanationList,
  ExplanationParams,
  ExplanationQuery,
  MissingExplanationList,
  MissingQuery,
  OverdueActionList,
} from '@lis/contracts';
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../lib/read-context.ts';
import * as explanations from '../modules/explanations/explanations.service.ts';
import { getKpiOrThrow } from '../modules/kpi/indicators.service.ts';
import { getOrg, subtreeOf } from '../modules/org/org.service.ts';
import { HttpError } from '../plugins/errors.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const read = { permission: 'kpi:read' as const };
const write = { permission: 'explanations:write' as const };

const asHttp = (error: unknown): never => {
  if (error instanceof NotFoundError) throw new HttpError(404, error.message, error.parameter);
  if (error instanceof explanations.ExplanationInputError) throw new HttpError(400, error.message, error.parameter);
  throw error;
};

const writerOf = (request: FastifyRequest): explanations.Writer => ({
  name: request.principal?.name ?? 'anonymous',
  role: request.principal?.role ?? 'feeder',
  orgIds: request.principal?.orgIds ?? null,
});

/** Explanations of yellow and red figures and their actions (docs/explanations.md). */
export const explanationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => ({ db: app.lis.store.db, municipality: request.municipality });

  /** Unknown units and KPIs are 404 before the access check says 403, for everyone alike. */
  const guardRead = async (request: FastifyRequest, orgId: string, kpiId?: string) => {
    try {
      if (kpiId) getKpiOrThrow(kpiId);
      await getOrg(ctx(request), orgId);
    } catch (error) {
      asHttp(error);
    }
    await app.assertCanRead(request, orgId);
  };

  /** A write needs the unit in the writer's own subtree; a refusal is audited. */
  const guardWrite = async (request: FastifyRequest, key: explanations.ExplanationKey, action: string) => {
    await guardRead(request, key.orgId, key.kpiId);
    if (await explanations.mayExplainUnit(ctx(request), writerOf(request), key.orgId)) return;
    await app.audit(request, { action, target: targetOf(key), outcome: 'denied' });
    throw new HttpError(403, `You may not explain figures of org unit ${key.orgId}`, 'org', 'org_forbidden');
  };

  app.get(
    '/explanations',
    {
      config: read,
      schema: {
        tags: ['explanations'],
        summary: "A unit's explanations: one month, or every month (a KPI's series)",
        querystring: ExplanationQuery,
        response: { 200: ExplanationList, ...errors },
      },
    },
    async (request) => {
      const { org, period, kpi } = request.query;
      await guardRead(request, org, kpi);
      const items = await explanations.listExplanations(ctx(request), {
        orgIds: [org],
        period: period ?? null,
        ...(kpi ? { kpiIds: [kpi] } : {}),
      });
      const mayExplain = await explanations.mayExplainUnit(ctx(request), writerOf(request), org);
      return { orgId: org, period: period ?? null, mayExplain, items };
    },
  );

  app.get(
    '/explanations/missing',
    {
      config: read,
      schema: {
        tags: ['explanations'],
        summary: 'Mangler forklaring: yellow and red figures of the month without an explanation',
        description:
          "For a chef the units they answer for (their subtree, less units with a chef of their own below them); for the others every unit. The status is the dashboard's.",
        querystring: MissingQuery,
        response: { 200: MissingExplanationList, ...errors },
      },
    },
    async (request) => {
      const visible = await explanations.responsibleUnits(ctx(request), request.principal?.orgIds ?? null);
      return explanations.missingExplanations(ctx(request), { visible, period: request.query.period ?? null });
    },
  );

  app.get(
    '/explanations/overdue',
    {
      config: read,
      schema: {
        tags: ['explanations'],
        summary: "Actions past their due date and not done (a chef's: in their subtree)",
        response: { 200: OverdueActionList, ...errors },
      },
    },
    async (request) => {
      const scope = request.principal?.orgIds ?? null;
      const visible = scope === null ? null : await subtreeOf(app.lis.store.db, request.municipality, scope);
      const today = new Date().toISOString().slice(0, 10);
      return { today, items: await explanations.overdueActions(ctx(request), { visible, today }) };
    },
  );

  app.put(
    '/explanations/:kpiId/:orgId/:period',
    {
      config: write,
      schema: {
        tags: ['explanations'],
        summary: 'Write or edit the explanation (and action) of a KPI for a unit and month',
        description: 'Each write is kept as a version. A chef writes only in their own subtree.',
        params: ExplanationParams,
        body: ExplanationInput,
        response: { 200: Explanation, ...errors },
      },
    },
    async (request) => {
      const key = request.params;
      await guardWrite(request, key, 'write_explanation');
      const saved = await explanations.writeExplanation(ctx(request), key, request.body, writerOf(request)).catch(asHttp);
      await app.audit(request, {
        action: 'write_explanation',
        target: targetOf(key),
        outcome: 'ok',
        details: { version: saved.version, action: saved.action !== null },
      });
      return saved;
    },
  );

  app.post(
    '/explanations/:kpiId/:orgId/:period/action-done',
    {
      config: write,
      schema: {
        tags: ['explanations'],
        summary: "Mark the explanation's action done (or open again)",
        params: ExplanationParams,
        body: ActionDoneInput,
        response: { 200: Explanation, ...errors },
      },
    },
    async (request) => {
      const key = request.params;
      await guardWrite(request, key, 'action_done');
      const saved = await explanations.setActionDone(ctx(request), key, request.body.done, writerOf(request)).catch(asHttp);
      await app.audit(request, {
        action: 'action_done',
        target: targetOf(key),
        outcome: 'ok',
        details: { done: request.body.done, version: saved.version },
      });
      return saved;
    },
  );

  app.get(
    '/explanations/:kpiId/:orgId/:period/history',
    {
      config: read,
      schema: {
        tags: ['explanations'],
        summary: 'Every version of an explanation: who, when, what (newest first)',
        params: ExplanationParams,
        response: { 200: ExplanationHistory, ...errors },
      },
    },
    async (request) => {
      const key = request.params;
      await guardRead(request, key.orgId, key.kpiId);
      return { items: await explanations.explanationHistory(ctx(request), key).catch(asHttp) };
    },
  );
};

const targetOf = (key: explanations.ExplanationKey) => `explanation:${key.kpiId}/${key.orgId}/${key.period}`;

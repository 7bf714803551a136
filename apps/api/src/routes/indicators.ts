import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Breakdown,
  BreakdownQuery,
  Dashboard,
  DashboardQuery,
  ErrorResponse,
  KpiCatalogue,
  KpiParams,
  MAX_SERIES_MONTHS,
  OrgUnitList,
  type RollupView,
  Series,
  SeriesQuery,
} from '@lis/contracts';
import { KPIS } from '@lis/domain';
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../lib/read-context.ts';
import { listExplanations } from '../modules/explanations/explanations.service.ts';
import { breakdownTable, dashboardTable, seriesTable } from '../modules/export/indicators.export.ts';
import * as indicators from '../modules/kpi/indicators.service.ts';
import { getOrg, listOrgUnits } from '../modules/org/org.service.ts';
import { HttpError } from '../plugins/errors.ts';
import { claimExportSlot, respond } from './export-reply.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse };
const read = { permission: 'kpi:read' as const };
const SICK_LEAVE = new Set(KPIS.filter((k) => k.personalData).map((k) => k.id));
/** An export of history recast into today's tree says so in its file name (docs/adr/0011). */
const viewSuffix = (view: RollupView) => (view === 'now' ? '-som-organiseret-nu' : '');

/** Org tree, KPI catalogue and the indicators: dashboard, series and breakdown (JSON, CSV, XLSX). */
export const indicatorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => app.readContext(request);
  app.addHook('preHandler', app.chooseReadSource);
  app.addHook('preHandler', claimExportSlot);

  /** Unknown units and KPIs are 404 before the access check says 403, for everyone alike. */
  const guard = async (request: FastifyRequest, orgId: string, kpiId?: string) => {
    let org: Awaited<ReturnType<typeof getOrg>>;
    try {
      if (kpiId) indicators.getKpiOrThrow(kpiId);
      org = await getOrg(ctx(request), orgId);
    } catch (error) {
      if (error instanceof NotFoundError) throw new HttpError(404, error.message, error.parameter);
      throw error;
    }
    await app.assertCanRead(request, orgId);
    return org;
  };

  /** Sick-leave figures below forvaltning level are personal data: record who looked. */
  const auditSickLeave = async (request: FastifyRequest, orgId: string, level: string, kpiIds: string[]) => {
    if ((level === 'afdeling' || level === 'enhed') && kpiIds.some((id) => SICK_LEAVE.has(id))) {
      await app.audit(request, { action: 'view_sick_leave', target: `org:${orgId}`, outcome: 'ok' });
    }
  };

  app.get(
    '/org-units',
    {
      config: read,
      schema: { tags: ['indicators'], summary: 'The organisation the caller may see', response: { 200: OrgUnitList, ...errors } },
    },
    async (request) => {
      const visible = await app.visibleOrgs(request);
      const units = await listOrgUnits(ctx(request).db, request.municipality);
      return visible === null ? units : units.filter((u) => visible.has(u.id));
    },
  );

  app.get(
    '/kpis',
    { config: read, schema: { tags: ['indicators'], summary: 'The KPI catalogue', response: { 200: KpiCatalogue, ...errors } } },
    async () => [...KPIS],
  );

  app.get(
    '/dashboard',
    {
      config: read,
      schema: {
        tags: ['indicators'],
        summary: 'Every KPI of an org unit for a month, with target, status and comparisons',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...errors },
      },
    },
    async (request, reply) => {
      const orgId = request.query.org ?? (await homeOrg(request));
      // One round trip reads the unit with its figures; the scope is checked before anything is sent.
      const result = await indicators.dashboard(ctx(request), orgId, request.query.period ?? null);
      if (!result) throw new HttpError(404, `Unknown org unit ${orgId}`, 'org');
      await app.assertCanRead(request, orgId);
      await auditSickLeave(
        request,
        orgId,
        result.org.level,
        result.indicators.map((i) => i.kpiId),
      );
      return respond(app, request, reply, request.query.format, result, `lis-${result.org.id}-${result.period}`, dashboardTable);
    },
  );

  app.get(
    '/kpis/:kpiId/series',
    {
      config: read,
      schema: {
        tags: ['indicators'],
        summary: 'A KPI month by month',
        description:
          'The months from `from` to `to` that lie between the first and the newest month with data in the store ' +
          `(a range entirely outside them answers no points); more than ${MAX_SERIES_MONTHS} such months is 400. ` +
          'Exports (csv, xlsx) are limited per caller and server; more at once answer 429 with Retry-After.',
        params: KpiParams,
        querystring: SeriesQuery,
        response: { 200: Series, ...errors },
      },
    },
    async (request, reply) => {
      const { kpiId } = request.params;
      const org = await guard(request, request.query.org, kpiId);
      const result = await indicators
        .series(ctx(request), kpiId, org, request.query.from ?? null, request.query.to ?? null, request.query.view)
        .catch(badParameter);
      await auditSickLeave(request, result.org.id, result.org.level, [kpiId]);
      const explained = await explanationsForFile(request, request.query.format, [result.org.id], null, kpiId, (e) => e.period);
      return respond(
        app,
        request,
        reply,
        request.query.format,
        result,
        `lis-${kpiId}-${result.org.id}${viewSuffix(result.view)}`,
        (r) => seriesTable(r, explained),
      );
    },
  );

  app.get(
    '/kpis/:kpiId/breakdown',
    {
      config: read,
      schema: {
        tags: ['indicators'],
        summary: 'A KPI for each child unit',
        params: KpiParams,
        querystring: BreakdownQuery,
        response: { 200: Breakdown, ...errors },
      },
    },
    async (request, reply) => {
      const { kpiId } = request.params;
      const org = await guard(request, request.query.org, kpiId);
      const visible = await app.visibleOrgs(request);
      const result = await indicators.breakdown(ctx(request), kpiId, org, request.query.period, visible, request.query.view);
      const childLevel = result.items[0]?.org.level;
      if (childLevel) await auditSickLeave(request, result.org.id, childLevel, [kpiId]);
      const explained = await explanationsForFile(
        request,
        request.query.format,
        result.items.map((i) => i.org.id),
        result.period,
        kpiId,
        (e) => e.orgId,
      );
      return respond(
        app,
        request,
        reply,
        request.query.format,
        result,
        `lis-${kpiId}-${result.org.id}-${result.period}-underenheder${viewSuffix(result.view)}`,
        (r) => breakdownTable(r, explained),
      );
    },
  );

  /** The explanations' texts for a CSV or XLSX file (keyed by month or unit); none for JSON. */
  async function explanationsForFile(
    request: FastifyRequest,
    format: string | undefined,
    orgIds: string[],
    period: string | null,
    kpiId: string,
    keyOf: (e: { period: string; orgId: string }) => string,
  ): Promise<Map<string, string>> {
    if (format !== 'csv' && format !== 'xlsx') return new Map();
    const found = await listExplanations(ctx(request), { orgIds, period, kpiIds: [kpiId] });
    return new Map(found.map((e) => [keyOf(e), e.text]));
  }

  /** The unit a dashboard opens on: the kommune, or a chef's own (first) unit. */
  async function homeOrg(request: FastifyRequest): Promise<string> {
    const own = request.principal?.orgIds?.[0];
    const root = own ?? (await app.rootOrgId(request));
    if (!root) throw new HttpError(404, 'No organisation has been loaded yet', 'org');
    return root;
  }
};

function badParameter(error: unknown): never {
  if (error instanceof indicators.InvalidParameterError) throw new HttpError(400, error.message, error.parameter);
  throw error;
}

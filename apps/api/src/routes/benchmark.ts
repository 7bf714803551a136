import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BenchmarkAccounts,
  BenchmarkAccountsParams,
  BenchmarkAccountsQuery,
  BenchmarkAreas,
  BenchmarkQuery,
  BenchmarkResult,
  BenchmarkSummary,
  BenchmarkSummaryQuery,
  ErrorResponse,
  PeerGroup,
  PeerGroupList,
  PeerGroupParams,
} from '@lis/contracts';
import type { FastifyRequest } from 'fastify';
import { areaAccounts } from '../modules/benchmark/area-accounts.service.ts';
import {
  type BenchmarkOptions,
  BenchmarkRequestError,
  benchmarkArea,
  benchmarkAreas,
  benchmarkSummary,
  type Caller,
  deletePeerGroup,
  IMPORTED_ROWS,
  PeerGroupRefusal,
  peerGroups,
  type RowSource,
  savePeerGroup,
} from '../modules/benchmark/benchmark.service.ts';
import { storeRows, storeYears } from '../modules/benchmark/store-rows.ts';
import { ownUnitsFor } from '../modules/budget/budget.service.ts';
import { benchmarkSheets, summarySheets } from '../modules/export/benchmark.export.ts';
import { getOrg } from '../modules/org/org.service.ts';
import { HttpError } from '../plugins/errors.ts';
import { claimExportSlot, respond } from './export-reply.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const read = { permission: 'benchmark:read' as const };
/** Saved peer groups are the municipality's shared lists: those who prepare benchmarks keep them (ADR 0003). */
const write = { permission: 'benchmark:write' as const };

/** The caller as the peer groups know them; the permission check has made sure there is one. */
const callerOf = (request: FastifyRequest): Caller => ({
  name: request.principal?.name ?? 'anonymous',
  role: request.principal?.role ?? 'feeder',
});

/** Unit costs against comparable municipalities (municipality level, visible to every reader). */
export const benchmarkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', app.chooseReadSource);
  app.addHook('preHandler', claimExportSlot);
  const ctx = (request: FastifyRequest) => ({ db: app.lis.store.db, municipality: request.municipality });
  const reads = (request: FastifyRequest) => app.readContext(request);
  // the store's own figures of other municipalities are read on the owner connection, as sums only (store-rows.ts)
  const rowSource = (source: 'statbank' | 'store' | undefined): RowSource =>
    source === 'store' ? storeRows(app.lis.store.db) : IMPORTED_ROWS;
  const options = (q: {
    year?: number;
    peers?: string;
    method?: BenchmarkOptions['method'];
    includeOwn?: boolean;
    needAdjusted?: boolean;
  }): BenchmarkOptions => ({
    year: q.year ?? null,
    peers: q.peers ?? 'kora',
    method: q.method ?? 'mean',
    includeOwn: q.includeOwn ?? true,
    needAdjusted: q.needAdjusted ?? false,
  });
  const asHttp = (error: unknown): never => {
    if (error instanceof BenchmarkRequestError)
      throw new HttpError(error.parameter === 'area' ? 404 : 400, error.message, error.parameter);
    if (error instanceof PeerGroupRefusal) throw new HttpError(error.statusCode, error.message, 'name', error.code);
    throw error;
  };
  /** A refused save or delete is audited before it is answered. */
  const auditRefusal = async (request: FastifyRequest, action: string, name: string, error: unknown) => {
    if (error instanceof PeerGroupRefusal)
      await app.audit(request, { action, target: `peer_group:${name}`, outcome: 'denied', details: { code: error.code } });
    return asHttp(error);
  };

  app.get(
    '/benchmark/areas',
    {
      config: read,
      schema: {
        tags: ['benchmark'],
        summary: 'Areas and years with benchmark data (imported, and from the store’s own facts)',
        response: { 200: BenchmarkAreas, ...errors },
      },
    },
    async (request) => {
      const context = reads(request);
      return benchmarkAreas(context, await storeYears(app.lis.store.db, context.municipality));
    },
  );

  app.get(
    '/benchmark',
    {
      config: read,
      schema: {
        tags: ['benchmark'],
        summary: 'One area: unit costs, benchmark and potential',
        querystring: BenchmarkQuery,
        response: { 200: BenchmarkResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await benchmarkArea(
        reads(request),
        request.query.area,
        options(request.query),
        rowSource(request.query.source),
      ).catch(asHttp);
      return respond(
        app,
        request,
        reply,
        request.query.format,
        result,
        `benchmark-${result.area}-${result.year}-${result.method}`,
        benchmarkSheets,
      );
    },
  );

  app.get(
    '/benchmark/summary',
    {
      config: read,
      schema: {
        tags: ['benchmark'],
        summary: 'All areas: the potential over the benchmark, not netted',
        querystring: BenchmarkSummaryQuery,
        response: { 200: BenchmarkSummary, ...errors },
      },
    },
    async (request, reply) => {
      const result = await benchmarkSummary(reads(request), options(request.query), rowSource(request.query.source)).catch(
        asHttp,
      );
      return respond(
        app,
        request,
        reply,
        request.query.format,
        result,
        `benchmark-alle-omraader-${result.year}-${result.method}`,
        summarySheets,
      );
    },
  );

  app.get(
    '/benchmark/areas/:area/accounts',
    {
      // the own economy facts behind an area: who reads the economy, limited as the budget pages are (ADR 0003)
      config: { permission: 'economy:read' },
      schema: {
        tags: ['benchmark'],
        summary:
          'An area’s functions of the chart of accounts and the units that spend on them (own economy, the benchmark year)',
        params: BenchmarkAccountsParams,
        querystring: BenchmarkAccountsQuery,
        response: { 200: BenchmarkAccounts, ...errors },
      },
    },
    async (request) => {
      const rootId = await app.rootOrgId(request);
      const root = rootId ? await getOrg(reads(request), rootId) : null;
      // a chef reads the kommune for its totals only: the breakdowns cover their own units
      const ownUnits = root ? await ownUnitsFor(reads(request), request.principal?.orgIds ?? null, root.id) : null;
      return areaAccounts(reads(request), request.params.area, request.query.year ?? null, { root, ownUnits }).catch(asHttp);
    },
  );

  app.get(
    '/benchmark/peer-groups',
    {
      config: read,
      schema: { tags: ['benchmark'], summary: 'Built-in and saved peer groups', response: { 200: PeerGroupList, ...errors } },
    },
    async (request) => peerGroups(reads(request), callerOf(request)),
  );

  app.post(
    '/benchmark/peer-groups',
    {
      config: write,
      schema: {
        tags: ['benchmark'],
        summary: 'Save a peer group under a name (a new one is the caller’s; only its owner or an admin replaces it)',
        body: PeerGroup,
        response: { 200: PeerGroupList, 409: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const { name, municipalities } = request.body;
      const saved = await savePeerGroup(ctx(request), name, municipalities, callerOf(request)).catch((error: unknown) =>
        auditRefusal(request, 'peer_group_save', name, error),
      );
      await app.audit(request, {
        action: saved.change === 'created' ? 'peer_group_save' : 'peer_group_overwrite',
        target: `peer_group:${name}`,
        outcome: 'ok',
        details: { owner: saved.owner, municipalities: saved.municipalities },
      });
      return peerGroups(ctx(request), callerOf(request));
    },
  );

  app.delete(
    '/benchmark/peer-groups/:name',
    {
      config: write,
      schema: {
        tags: ['benchmark'],
        summary: 'Delete a saved peer group (its owner or an admin)',
        params: PeerGroupParams,
        response: { 200: PeerGroupList, ...errors },
      },
    },
    async (request) => {
      const { name } = request.params;
      const deleted = await deletePeerGroup(ctx(request), name, callerOf(request)).catch((error: unknown) =>
        auditRefusal(request, 'peer_group_delete', name, error),
      );
      if (!deleted) throw new HttpError(404, `No saved peer group "${name}"`, 'name');
      await app.audit(request, {
        action: 'peer_group_delete',
        target: `peer_group:${name}`,
        outcome: 'ok',
        details: { owner: deleted.owner },
      });
      return peerGroups(ctx(request), callerOf(request));
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
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
import {
  type BenchmarkOptions,
  BenchmarkRequestError,
  benchmarkArea,
  benchmarkAreas,
  benchmarkSummary,
  deletePeerGroup,
  peerGroups,
  savePeerGroup,
} from '../modules/benchmark/benchmark.service.ts';
import { benchmarkSheets, summarySheets } from '../modules/export/benchmark.export.ts';
import { HttpError } from '../plugins/errors.ts';
import { respond } from './export-reply.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const read = { permission: 'benchmark:read' as const };

/** Unit costs against comparable municipalities (municipality level, visible to every reader). */
export const benchmarkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = () => ({ db: app.lis.store.db, municipality: app.lis.config.municipality });
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
    throw error;
  };

  app.get(
    '/benchmark/areas',
    {
      config: read,
      schema: {
        tags: ['benchmark'],
        summary: 'Areas and years with benchmark data',
        response: { 200: BenchmarkAreas, ...errors },
      },
    },
    async () => benchmarkAreas(ctx()),
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
      const result = await benchmarkArea(ctx(), request.query.area, options(request.query)).catch(asHttp);
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
      const result = await benchmarkSummary(ctx(), options(request.query)).catch(asHttp);
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
    '/benchmark/peer-groups',
    {
      config: read,
      schema: { tags: ['benchmark'], summary: 'Built-in and saved peer groups', response: { 200: PeerGroupList, ...errors } },
    },
    async () => peerGroups(ctx()),
  );

  app.post(
    '/benchmark/peer-groups',
    {
      config: read,
      schema: {
        tags: ['benchmark'],
        summary: 'Save a peer group under a name',
        body: PeerGroup,
        response: { 200: PeerGroupList, ...errors },
      },
    },
    async (request) => {
      await savePeerGroup(ctx(), request.body.name, request.body.municipalities, request.principal?.name ?? 'unknown').catch(
        asHttp,
      );
      return peerGroups(ctx());
    },
  );

  app.delete(
    '/benchmark/peer-groups/:name',
    {
      config: read,
      schema: {
        tags: ['benchmark'],
        summary: 'Delete a saved peer group',
        params: PeerGroupParams,
        response: { 200: PeerGroupList, ...errors },
      },
    },
    async (request) => {
      if (!(await deletePeerGroup(ctx(), request.params.name)))
        throw new HttpError(404, `No saved peer group "${request.params.name}"`, 'name');
      return peerGroups(ctx());
    },
  );
};

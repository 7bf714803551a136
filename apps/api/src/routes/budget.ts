import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Accounts,
  AccountsQuery,
  Balance,
  BalanceQuery,
  ErrorResponse,
  FollowUp,
  FollowUpQuery,
  PlanYears,
} from '@lis/contracts';
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../lib/read-context.ts';
import {
  accounts,
  balance,
  budgetYearsWithPlan,
  defaultPeriod,
  followUp,
  NoPlanError,
  ownUnitsFor,
} from '../modules/budget/budget.service.ts';
import { accountsTable, balanceTables, followUpTables } from '../modules/export/budget.export.ts';
import { HttpError } from '../plugins/errors.ts';
import { claimExportSlot, respond } from './export-reply.ts';

/** An export of a chef's own units at the kommune root says so in its file name. */
const ownSuffix = (result: { breakdown: string }) => (result.breakdown === 'own_units' ? '-dine-enheder' : '');

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** Budget follow-up (by organisation and by chart of accounts) and the budget balance. */
export const budgetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', app.chooseReadSource);
  app.addHook('preHandler', claimExportSlot);
  const ctx = (request: FastifyRequest) => app.readContext(request);

  /**
   * The unit asked for (default: the caller's home unit), known and visible to the caller, read
   * by `load` with what the page needs beside it in the same round trip.
   */
  const unitFor = async <T>(request: FastifyRequest, orgId: string | undefined, load: (id: string) => Promise<T>) => {
    const id = orgId ?? request.principal?.orgIds?.[0] ?? (await app.rootOrgId(request));
    if (!id) throw new HttpError(404, 'No organisation has been loaded yet', 'org');
    const found = await load(id).catch((error: unknown) => {
      if (error instanceof NotFoundError) throw new HttpError(404, error.message, 'org');
      throw error;
    });
    await app.assertCanRead(request, id);
    return found;
  };

  /** A chef at the kommune root gets its breakdowns over their own units only (ADR 0003). */
  const ownUnitsAt = (request: FastifyRequest, orgId: string) =>
    ownUnitsFor(ctx(request), request.principal?.orgIds ?? null, orgId);

  app.get(
    '/budget/followup',
    {
      config: { permission: 'economy:read' },
      schema: {
        tags: ['budget'],
        summary: 'Budget follow-up of a unit for a month',
        querystring: FollowUpQuery,
        response: { 200: FollowUp, ...errors },
      },
    },
    async (request, reply) => {
      const period = request.query.period ?? (await defaultPeriod(ctx(request)));
      const visible = await app.visibleOrgs(request);
      const result = await unitFor(request, request.query.org, async (id) =>
        followUp(ctx(request), id, period, await ownUnitsAt(request, id), visible),
      );
      const org = result.org;
      return respond(
        app,
        request,
        reply,
        request.query.format,
        result,
        `budgetopfoelgning-${org.id}-${period}${ownSuffix(result)}`,
        followUpTables,
      );
    },
  );

  app.get(
    '/budget/accounts',
    {
      config: { permission: 'economy:read' },
      schema: {
        tags: ['budget'],
        summary: 'Budget follow-up by the chart of accounts',
        querystring: AccountsQuery,
        response: { 200: Accounts, ...errors },
      },
    },
    async (request, reply) => {
      const period = request.query.period ?? (await defaultPeriod(ctx(request)));
      const prefix = request.query.prefix ?? '';
      const result = await unitFor(request, request.query.org, async (id) =>
        accounts(ctx(request), id, period, prefix, await ownUnitsAt(request, id)),
      );
      const org = result.org;
      return respond(
        app,
        request,
        reply,
        request.query.format,
        result,
        `konti-${org.id}-${period}-${result.prefix || 'alle'}${ownSuffix(result)}`,
        accountsTable,
      );
    },
  );

  app.get(
    '/budget/plans',
    {
      config: { permission: 'economy:read' },
      schema: {
        tags: ['budget'],
        summary: 'Budget years that have a plan, newest first',
        response: { 200: PlanYears, ...errors },
      },
    },
    async (request) => budgetYearsWithPlan(ctx(request)),
  );

  app.get(
    '/budget/balance',
    {
      config: { permission: 'economy:read' },
      schema: {
        tags: ['budget'],
        summary: 'The budget balance of a plan and its forecast years',
        querystring: BalanceQuery,
        response: { 200: Balance, ...errors },
      },
    },
    async (request, reply) => {
      // The plan is the whole municipality's, by kind of income and spending, never by unit: a chef
      // sees it as the kommune-level context it is (ADR 0003).
      const result = await balance(ctx(request), request.query.budgetYear, request.query.compareTo ?? null).catch(
        (error: unknown) => {
          if (error instanceof NoPlanError) throw new HttpError(404, error.message, 'budgetYear');
          throw error;
        },
      );
      return respond(app, request, reply, request.query.format, result, `budgetbalance-B${result.budgetYear}`, balanceTables);
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccessRuleBody, AccessRuleList, AccessRuleParams, AccessRuleView, ErrorResponse } from '@lis/contracts';
import { Type } from 'typebox';
import { addAccessRule, listRules, removeAccessRule } from '../modules/auth/users.service.ts';
import { adminActor, asHttp, noContent } from './user-admin-http.ts';

const admin = { permission: 'users:admin' as const };
const denied = { 401: ErrorResponse, 403: ErrorResponse };

/** The admin's mapping from the identity provider's claims (groups) to a role and units; read at every OIDC sign-in. */
export const accessRuleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/access-rules',
    {
      config: admin,
      schema: { tags: ['users'], summary: 'The access rules, by claim and value', response: { 200: AccessRuleList, ...denied } },
    },
    async (request) => listRules(app.authFor(request)),
  );

  app.post(
    '/access-rules',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Add a rule: a claim value gives a role (a chef: one or more units); one rule per claim and value',
        body: AccessRuleBody,
        response: { 201: AccessRuleView, 400: ErrorResponse, 409: ErrorResponse, ...denied },
      },
    },
    async (request, reply) => {
      const rule = await addAccessRule(app.authFor(request), request.body, adminActor(request)).catch(asHttp);
      return reply.status(201).send(rule);
    },
  );

  app.delete(
    '/access-rules/:id',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Remove a rule; people it gave access keep their role until their next sign-in',
        params: AccessRuleParams,
        response: { 204: Type.Null(), 400: ErrorResponse, 404: ErrorResponse, ...denied },
      },
    },
    async (request, reply) => {
      await removeAccessRule(app.authFor(request), request.params.id, adminActor(request)).catch(asHttp);
      return noContent(reply);
    },
  );
};

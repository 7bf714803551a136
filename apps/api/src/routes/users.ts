import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, PasswordResetBody, SessionsEnded, UserList, UserParams } from '@lis/contracts';
import { Type } from 'typebox';
import {
  disableUserAsAdmin,
  enableUserAsAdmin,
  endSessionsAsAdmin,
  listUsers,
  resetPasswordAsAdmin,
} from '../modules/auth/users.service.ts';
import { adminActor, asHttp, noContent } from './user-admin-http.ts';

const admin = { permission: 'users:admin' as const };
const denied = { 401: ErrorResponse, 403: ErrorResponse };
const change = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, ...denied };

/** The admin's page "Brugere": every user, and disable/enable, end sessions, a new local password (each audited). */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Every user with role, units, source, last sign-in and open sessions',
        response: { 200: UserList, ...denied },
      },
    },
    async (request) => listUsers(app.authFor(request)),
  );

  app.post(
    '/users/:username/disable',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Stop a user from signing in; their open sessions end now (not yourself)',
        params: UserParams,
        response: { 200: SessionsEnded, ...change },
      },
    },
    async (request) => ({
      sessionsEnded: await disableUserAsAdmin(app.authFor(request), request.params.username, adminActor(request)).catch(asHttp),
    }),
  );

  app.post(
    '/users/:username/enable',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Let a disabled user sign in again',
        params: UserParams,
        response: { 204: Type.Null(), ...change },
      },
    },
    async (request, reply) => {
      await enableUserAsAdmin(app.authFor(request), request.params.username, adminActor(request)).catch(asHttp);
      return noContent(reply);
    },
  );

  app.post(
    '/users/:username/end-sessions',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Sign a user out everywhere (not yourself)',
        params: UserParams,
        response: { 200: SessionsEnded, ...change },
      },
    },
    async (request) => ({
      sessionsEnded: await endSessionsAsAdmin(app.authFor(request), request.params.username, adminActor(request)).catch(asHttp),
    }),
  );

  app.post(
    '/users/:username/reset-password',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: "A new password for a local user (the password policy applies); the user's open sessions end",
        params: UserParams,
        body: PasswordResetBody,
        response: { 200: SessionsEnded, ...change },
      },
    },
    async (request) => ({
      sessionsEnded: await resetPasswordAsAdmin(
        app.authFor(request),
        request.params.username,
        request.body.password,
        adminActor(request),
      ).catch(asHttp),
    }),
  );
};

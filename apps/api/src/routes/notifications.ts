import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, NotificationSettings, NotificationSettingsBody } from '@lis/contracts';
import type { FastifyRequest } from 'fastify';
import { notificationSettings, saveNotificationKinds } from '../modules/notifications/notifications.service.ts';
import { HttpError } from '../plugins/errors.ts';

const session = { permission: 'session' as const };
const denied = { 401: ErrorResponse, 404: ErrorResponse };

/** Each person's own e-mail settings: which kinds of notification they get. */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The signed-in person's id; an API token is no person and has no settings. */
  const personOf = (request: FastifyRequest) => {
    const principal = request.principal;
    if (principal?.kind !== 'user' || principal.id === null)
      throw new HttpError(404, 'Only a signed-in person has notification settings (not an API token)', undefined, 'not_found');
    return principal.id;
  };

  app.get(
    '/me/notifications',
    {
      config: session,
      schema: {
        tags: ['auth'],
        summary: "The caller's e-mail address and which notifications they get",
        response: { 200: NotificationSettings, ...denied },
      },
    },
    async (request) =>
      notificationSettings(app.lis.store.db, personOf(request), app.lis.servedFor(request.municipality).notifier !== null),
  );

  app.put(
    '/me/notifications',
    {
      config: session,
      schema: {
        tags: ['auth'],
        summary: 'Turn kinds of notification on or off for the caller (each person their own)',
        body: NotificationSettingsBody,
        response: { 200: NotificationSettings, 400: ErrorResponse, ...denied },
      },
    },
    async (request) => {
      const userId = personOf(request);
      await saveNotificationKinds(app.lis.store.db, userId, request.body.kinds);
      await app.audit(request, {
        action: 'notification_settings',
        target: `user:${request.principal?.name}`,
        outcome: 'ok',
        details: { kinds: request.body.kinds },
      });
      return notificationSettings(app.lis.store.db, userId, app.lis.servedFor(request.municipality).notifier !== null);
    },
  );
};

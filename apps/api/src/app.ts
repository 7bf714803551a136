import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Store } from '@lis/db';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { readPools } from './lib/readers.ts';
import type { ReplicaMonitor } from './lib/replica-monitor.ts';
import { OidcProvider } from './modules/auth/oidc.service.ts';
import type { IngestContext } from './modules/ingest/ingest.service.ts';
import { ingestContext } from './modules/kpi/ingest-context.ts';
import { Notifier } from './modules/notifications/notifications.service.ts';
import { recordRoutes, registerAuth } from './plugins/auth.ts';
import { errorHandler } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerReadReplica } from './plugins/read-replica.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerSpa } from './plugins/spa.ts';
import { registerStoreBusy } from './plugins/store-busy.ts';
import { accessRuleRoutes } from './routes/access-rules.ts';
import { authRoutes } from './routes/auth.ts';
import { batchRoutes } from './routes/batches.ts';
import { benchmarkRoutes } from './routes/benchmark.ts';
import { budgetRoutes } from './routes/budget.ts';
import { demographyRoutes } from './routes/demography.ts';
import { explanationRoutes } from './routes/explanations.ts';
import { feedRoutes } from './routes/feeds.ts';
import { healthRoutes } from './routes/health.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { matrixRoutes } from './routes/matrix.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { reportRoutes } from './routes/report.ts';
import { usageRoutes } from './routes/usage.ts';
import { userRoutes } from './routes/users.ts';

export interface AppOptions {
  config: Config;
  store: Store;
  /** a streaming replica of the store for reads (DATABASE_READ_URL) */
  replica?: Store | null;
  /** the credential the local `lis` command uses while this server owns the embedded store */
  cliToken?: string | null;
  logger?: boolean;
  /** tests: check every /api/v1 answer against the API document (plugins/response-check.ts); never in production */
  checkResponses?: boolean;
}

/** What routes reach through `app.lis`: the store and the services' context. */
interface LisContext {
  config: Config;
  store: Store;
  /** the read replica's lag and state, when DATABASE_READ_URL is set */
  replica: ReplicaMonitor | null;
  /** the municipality's identity provider, when sign-in through it is configured */
  oidc: OidcProvider | null;
  /** a served municipality's ingestion and e-mail notifier (one of LIS_MUNICIPALITIES; LIS_MUNICIPALITY alone by default) */
  servedFor(municipality: string): Served;
}

/** What a municipality's deliveries go through: its ingestion (with the publish's refresh) and its e-mails. */
interface Served {
  ingest: IngestContext;
  /** e-mail notifications, when SMTP and the public address are configured */
  notifier: Notifier | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    lis: LisContext;
  }
}

/** The whole HTTP application; the server only listens and tests call `app.inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, store } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // the client's address and protocol from X-Forwarded-* only when the proxy is trusted (LIS_TRUST_PROXY)
    trustProxy: config.trustProxy,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const readers = await readPools(store, options.replica ?? null, app.log);
  const replica = registerReadReplica(app, store, options.replica ?? null, { maxLagMs: config.replicaMaxLagMs, readers });
  const served = new Map(config.municipalities.map((municipality) => [municipality, servedBy(config, store, municipality, app)]));
  app.decorate('lis', {
    config,
    store,
    replica,
    oidc: config.oidc ? new OidcProvider(config.oidc) : null,
    servedFor: (municipality) => {
      const found = served.get(municipality);
      if (!found) throw new Error(`Municipality ${municipality} is not served here`);
      return found;
    },
  });
  app.addHook('onClose', async () => {
    for (const { notifier } of served.values()) await notifier?.close();
    await readers?.close();
  });
  app.setErrorHandler(errorHandler);
  recordRoutes(app);

  await registerSecurityHeaders(app);
  await app.register(cors, { origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, credentials: true });
  await registerOpenApi(app);
  if (options.checkResponses) await (await import('./plugins/response-check.ts')).registerResponseCheck(app);

  registerStoreBusy(app, store);
  await registerAuth(
    app,
    {
      db: store.db,
      municipality: config.municipality,
      municipalities: config.municipalities,
      cliToken: options.cliToken ?? null,
    },
    { allowedOrigins: config.corsOrigins },
  );

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(oidcRoutes, { prefix: '/api/v1' });
  await app.register(userRoutes, { prefix: '/api/v1' });
  await app.register(accessRuleRoutes, { prefix: '/api/v1' });
  await app.register(feedRoutes, { prefix: '/api/v1' });
  await app.register(batchRoutes, { prefix: '/api/v1' });
  await app.register(indicatorRoutes, { prefix: '/api/v1' });
  await app.register(reportRoutes, { prefix: '/api/v1' });
  await app.register(matrixRoutes, { prefix: '/api/v1' });
  await app.register(budgetRoutes, { prefix: '/api/v1' });
  await app.register(benchmarkRoutes, { prefix: '/api/v1' });
  await app.register(demographyRoutes, { prefix: '/api/v1' });
  await app.register(notificationRoutes, { prefix: '/api/v1' });
  await app.register(explanationRoutes, { prefix: '/api/v1' });
  await app.register(usageRoutes, { prefix: '/api/v1' });
  await registerSpa(app, config.webDist, { sourceMaps: config.sourceMaps });
  return app;
}

function servedBy(config: Config, store: Store, municipality: string, app: FastifyInstance): Served {
  const notifier = config.notifications ? new Notifier(config.notifications, store, municipality, app.log) : null;
  return {
    ingest: ingestContext(store, municipality, notifier ? (refresh) => notifier.watchPublish(refresh) : undefined),
    notifier,
  };
}

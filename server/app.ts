import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { DatabaseHandle } from './db/client.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { installMetrics } from './http/metrics.ts';
import { installStaticWeb, isApiPath } from './http/static-web.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { installSharedCaches } from './lib/shared-cache.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { catalogueRoutes } from './modules/catalogue/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { draftsRoutes } from './modules/drafts/routes.ts';
import { dossierFileRoutes } from './modules/dossiers/file-routes.ts';
import { feesRoutes } from './modules/fees/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { ratingsRoutes } from './modules/ratings/routes.ts';
import { jobsRoutes } from './jobs/routes.ts';
import { notificationsRoutes } from './modules/notifications/routes.ts';
import { installIdentity } from './modules/identity/guard.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { unitsRoutes } from './modules/units/routes.ts';
import { paymentsRoutes } from './modules/payments/routes.ts';
import { dossiersRoutes } from './modules/dossiers/routes.ts';
import { apologyRoutes } from './modules/dossiers/apology-routes.ts';
import { timelinessRoutes } from './modules/timeliness/routes.ts';
import { reportsRoutes } from './modules/reports/routes.ts';
import { signingRoutes } from './modules/signing/routes.ts';
import { resultRoutes } from './modules/dossiers/result-routes.ts';

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  /** Close the database when the app closes (true when the app owns it, e.g. main.ts). */
  ownsDatabase?: boolean;
}

/** Builds the whole HTTP application without listening; tests call this and use `app.inject()`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // Never log credentials or personal contact data (ISSUE 7: no phone numbers in logs).
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]'],
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    logController: new LogController({ disableRequestLogging: !config.LOG_REQUESTS }),
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    config,
    clock: options.clock ?? systemClock,
    log: app.log,
  };

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Một Cửa API',
        description:
          'Online public services and the shared three-tier one-stop office (Vietnamese first, English with Accept-Language: en).',
        version: '0.1.0',
      },
      servers: [{ url: config.PUBLIC_URL }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  // gzip/brotli for anything over 1 KB: the citizens' phones are on slow networks.
  await app.register(fastifyCompress, { threshold: 1024 });
  const hasWeb = await installStaticWeb(app, config.WEB_DIST_DIR);
  installErrorHandling(app, (request, reply) =>
    hasWeb && request.method === 'GET' && !isApiPath(request.url) ? reply.sendFile('index.html') : undefined,
  );
  installMetrics(app);
  await installIdentity(app, ctx); // before any module route: the permission guard checks every later route

  await app.register(healthRoutes, { ctx });
  await app.register(unitsRoutes, { ctx });
  await app.register(identityRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
  await app.register(calendarRoutes, { ctx });
  await app.register(notificationsRoutes, { ctx });
  await app.register(jobsRoutes, { ctx });
  await app.register(catalogueRoutes, { ctx });
  await app.register(draftsRoutes, { ctx });
  await app.register(ratingsRoutes, { ctx });
  await app.register(feesRoutes, { ctx });
  await app.register(dossierFileRoutes, { ctx });
  await app.register(paymentsRoutes, { ctx });
  await app.register(dossiersRoutes, { ctx });
  await app.register(apologyRoutes, { ctx });
  await app.register(resultRoutes, { ctx });
  await app.register(signingRoutes, { ctx });
  await app.register(timelinessRoutes, { ctx });
  await app.register(reportsRoutes, { ctx });

  // Reference caches (procedures, agencies) follow change notices from every process (server/lib/shared-cache.ts).
  const stopCaches = await installSharedCaches(database);
  app.addHook('onClose', async () => {
    await stopCaches();
    if (options.ownsDatabase) await database.close();
  });
  return app;
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../http/errors.ts';
import type { ModuleOptions } from '../http/route-config.ts';
import { listDeadJobs, retryDeadJob } from './maintenance.ts';

const DeadJob = z.object({
  id: z.number().int(),
  name: z.string(),
  key: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
const DeadJobList = z.object({ items: z.array(DeadJob) });
const JobParams = z.object({ id: z.coerce.number().int().positive() });

/** The dead-letter list for operators: what failed for good, with its last error, and a retry button. */
export async function jobsRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admin/jobs/dead', {
    config: { permission: 'jobs.manage' },
    schema: {
      tags: ['jobs'],
      summary: 'Background jobs that failed on every attempt (dead letters), newest first',
      response: { 200: DeadJobList },
    },
    handler: async () => ({
      // The payload is left out: it may carry identifiers that are not the operator's business.
      items: (await listDeadJobs(ctx)).map(({ payload: _payload, finishedAt, ...job }) => ({
        ...job,
        finishedAt: finishedAt ? finishedAt.toISOString() : null,
      })),
    }),
  });

  r.post('/api/admin/jobs/:id/retry', {
    config: { permission: 'jobs.manage' },
    schema: {
      tags: ['jobs'],
      summary: 'Put a dead job back in the queue with fresh attempts',
      params: JobParams,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      if (!(await retryDeadJob(ctx, request.params.id)))
        throw notFound({ vi: 'công việc lỗi', en: 'dead job' }, String(request.params.id));
      return reply.code(204).send(null);
    },
  });
}

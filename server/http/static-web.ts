import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app (web/dist) at `/`, and its index.html for any other GET that is not an
 * API path, so client-side routes (`/thu-tuc/1.001193`) survive a reload.
 */
export async function installStaticWeb(app: FastifyInstance, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    setHeaders: (res, path) => {
      // Hashed assets never change; the HTML must be revalidated so a deploy is seen at once.
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

export function isApiPath(url: string): boolean {
  return /^\/(api|docs|openapi\.json|metrics|healthz)(\/|\?|$)/.test(url);
}

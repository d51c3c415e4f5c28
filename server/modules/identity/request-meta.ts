import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type RequestMeta } from './sessions.ts';

export function requestMeta(request: FastifyRequest): RequestMeta {
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    previousToken: request.cookies[SESSION_COOKIE],
  };
}

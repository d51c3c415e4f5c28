import type { AppContext } from '../../context.ts';
import { grantsFor, type Actor } from './policy.ts';
import * as repo from './repository.ts';
import type { Access } from './scope.ts';

/** Resolves an actor's Access for a permission (cached per actor object, i.e. per request). */
const cache = new WeakMap<Actor, Map<string, Promise<Access>>>();

export function resolveAccess(ctx: Pick<AppContext, 'db'>, actor: Actor, permission: string): Promise<Access> {
  let perActor = cache.get(actor);
  if (!perActor) cache.set(actor, (perActor = new Map<string, Promise<Access>>()));
  let access = perActor.get(permission);
  if (!access) perActor.set(permission, (access = computeAccess(ctx, actor, permission)));
  return access;
}

async function computeAccess(ctx: Pick<AppContext, 'db'>, actor: Actor, permission: string): Promise<Access> {
  const grants = grantsFor(actor, permission);
  const base = { permission, all: grants.global, ownerId: grants.own ? actor.id : null };
  if (grants.global || grants.subtrees.length === 0) return { ...base, unitIds: [], agencyIds: [] };
  const unitRoots = grants.subtrees.flatMap((g) => (g.unitId === null ? [] : [g.unitId]));
  const agencyRoots = grants.subtrees.flatMap((g) => (g.agencyId === null ? [] : [g.agencyId]));
  return { ...base, ...(await repo.expandSubtrees(ctx.db, unitRoots, agencyRoots)) };
}

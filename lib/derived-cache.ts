// Cache for figures derived from a whole organisation's register (facet counts, risk evaluations): the
// key includes the head of the organisation's audit chain and of the instance chain (reference data),
// so every write — by any app instance, since every write appends an audit event in its own
// transaction (lib/audit.ts) — makes the cached value unreachable. No invalidation calls, no TTL, no
// shared cache server: each instance keeps its own bounded map, and a stale value cannot be served as
// long as every change of register or reference data is audited (house rule, ADR 0005).
// Not 'server-only': the benchmark and the tests use it with their own client.
import type { Db } from "@/lib/db";
import { INSTANCE_CHAIN } from "@/lib/audit";

/** Entries kept per process (least recently used dropped first). */
export const DERIVED_CACHE_LIMIT = 500;

const entries = new Map<string, Promise<unknown>>();

/**
 * False when the environment sets VVT_DERIVED_CACHE=off: every call computes (the benchmark's "cold" runs,
 * and an operator's switch if a cached figure is ever suspected). Read on every call.
 */
export function derivedCacheEnabled(): boolean {
  return process.env.VVT_DERIVED_CACHE !== "off";
}

/**
 * The version stamp of an organisation's data: its audit chain head and the instance chain head
 * (reference data, adequacy decisions). One indexed read of at most two rows.
 */
export async function auditStamp(db: Db, orgId: string): Promise<string> {
  const heads = await db.auditChainHead.findMany({ where: { chainId: { in: [orgId, INSTANCE_CHAIN] } }, select: { chainId: true, seq: true, hash: true } });
  const of = (id: string) => {
    const h = heads.find((x) => x.chainId === id);
    return h ? `${h.seq}:${h.hash.slice(0, 16)}` : "0";
  };
  return `${of(orgId)}|${of(INSTANCE_CHAIN)}`;
}

/**
 * The value for `key` under `stamp`, computed once per process while the stamp holds. Concurrent callers
 * share the same computation; a failed computation is not kept.
 */
export function derived<T>(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
  if (!derivedCacheEnabled()) return compute();
  const full = `${stamp}␟${key}`;
  const hit = entries.get(full);
  if (hit) {
    entries.delete(full);
    entries.set(full, hit);
    return hit as Promise<T>;
  }
  const pending = compute();
  entries.set(full, pending);
  pending.catch(() => {
    if (entries.get(full) === pending) entries.delete(full);
  });
  while (entries.size > DERIVED_CACHE_LIMIT) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return pending;
}

/** Empties the cache (tests and the benchmark's "cold" runs). */
export function clearDerivedCache(): void {
  entries.clear();
}

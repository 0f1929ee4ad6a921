// Audit trail and revision history (docs/decisions/0005-history-and-audit-chain.md).
// No 'server-only': the admin command line (scripts/verify-audit.ts) uses this module too.
//
// recordAudit and recordRevision run INSIDE the caller's transaction and await only `tx.*` (C31);
// hashing is pure and synchronous. Appends to one chain are serialised by a row lock on its
// AuditChainHead row, so several app instances on one PostgreSQL database never fork a chain:
//   1. INSERT … ON CONFLICT ("chainId") DO UPDATE takes (or creates) the head row and locks it until
//      COMMIT/ROLLBACK. A second transaction on the same chain waits here; when the first commits it
//      continues with the new head. Two transactions creating the same new chain do not fail: the
//      second waits for the first's uncommitted insert and then takes the conflict branch.
//   2. seq = head.seq + 1, prevHash = head.hash (GENESIS_HASH for a new chain, stored as seq 0),
//      hash = chainHash(prevHash, content); insert the event; move the head.
// On SQLite every transaction holds the database write lock from BEGIN IMMEDIATE, which serialises
// appends anyway. A transaction that appends to two chains should take them in a fixed order
// (organisation chain first, then the instance chain) so two such transactions cannot deadlock.
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import { GENESIS_HASH, chainHash, type AuditEventContent } from "@/lib/domain/audit-hash";
import { toJsonValue } from "@/lib/domain/diff";

export type Actor = { id: string | null; name: string; ip?: string | null };

/** Chain of events that belong to no organisation (sign-in, users, reference data). */
export const INSTANCE_CHAIN = "instance";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  changes?: unknown;
  at?: Date;
};

export type RevisionInput = {
  entityType: string;
  entityId: string;
  organisationId: string | null;
  version: number;
  action: string;
  snapshot: unknown;
  changes?: unknown;
  reason?: string | null;
  at?: Date;
};

export type AuditChainFault = "seq-gap" | "prev-mismatch" | "hash-mismatch" | "head-mismatch" | "head-missing";

export type AuditChainVerification =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | { ok: false; brokenAtSeq: number; reason: AuditChainFault };

export const chainIdOf = (organisationId: string | null): string => organisationId ?? INSTANCE_CHAIN;

/** The stored (and hashed) form of a JSON value: Dates as ISO strings, undefined dropped; null for none. */
function jsonOrNull(value: unknown): Prisma.InputJsonValue | null {
  const json = toJsonValue(value);
  return json === null ? null : (json as Prisma.InputJsonValue);
}

/** A copy of the instant at millisecond precision (what both databases store). */
function instant(at: Date | undefined): Date {
  const ms = (at ?? new Date()).getTime();
  if (!Number.isFinite(ms)) throw new RangeError("recordAudit: invalid date");
  return new Date(Math.trunc(ms));
}

/**
 * Appends one AuditEvent to the chain of the organisation (chainId = organisationId ?? INSTANCE_CHAIN)
 * inside the caller's transaction. The event exists if and only if the transaction commits.
 */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<{ seq: number; hash: string }> {
  const chainId = chainIdOf(input.organisationId);
  const createdAt = instant(input.at);
  const changes = jsonOrNull(input.changes);

  // 1. Lock (or create) the head row of the chain; held until the transaction ends.
  await tx.$executeRaw`INSERT INTO "AuditChainHead" ("chainId", "seq", "hash", "updatedAt")
    VALUES (${chainId}, 0, ${GENESIS_HASH}, ${createdAt})
    ON CONFLICT ("chainId") DO UPDATE SET "updatedAt" = excluded."updatedAt"`;
  const head = await tx.auditChainHead.findUniqueOrThrow({ where: { chainId }, select: { seq: true, hash: true } });

  // 2. Link the event to the head and hash exactly what is stored.
  const content: AuditEventContent = {
    chainId,
    seq: head.seq + 1,
    actorId: actor.id,
    actorName: actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    organisationId: input.organisationId,
    changes,
    ip: actor.ip ?? null,
    createdAt: createdAt.toISOString(),
  };
  const hash = chainHash(head.hash, content);

  await tx.auditEvent.create({
    data: {
      chainId,
      seq: content.seq,
      prevHash: head.hash,
      hash,
      actorId: content.actorId,
      actorName: content.actorName,
      action: content.action,
      entityType: content.entityType,
      entityId: content.entityId,
      organisationId: content.organisationId,
      ...(changes === null ? {} : { changes }),
      ip: content.ip,
      createdAt,
    },
    select: { id: true },
  });
  await tx.auditChainHead.update({ where: { chainId }, data: { seq: content.seq, hash }, select: { chainId: true } });
  return { seq: content.seq, hash };
}

/** Appends one Revision (full snapshot after the change + field diff) inside the caller's transaction. */
export async function recordRevision(tx: Tx, actor: Actor, input: RevisionInput): Promise<void> {
  const snapshot = jsonOrNull(input.snapshot);
  if (snapshot === null) throw new TypeError("recordRevision: snapshot is required");
  const changes = jsonOrNull(input.changes);
  await tx.revision.create({
    data: {
      organisationId: input.organisationId,
      entityType: input.entityType,
      entityId: input.entityId,
      version: input.version,
      action: input.action,
      snapshot,
      ...(changes === null ? {} : { changes }),
      reason: input.reason ?? null,
      authorId: actor.id,
      authorName: actor.name,
      createdAt: instant(input.at),
    },
    select: { id: true },
  });
}

const BATCH = 1000;

/**
 * Reads a chain in seq order, in batches, and verifies every link (the rules of
 * lib/domain/audit-hash.ts verifyChain, applied batch by batch), then compares the last event with
 * AuditChainHead. Events appended while it runs are outside the head read first and are not counted.
 * Proves integrity only relative to a head anchored outside the database (ADR 0005).
 */
export async function verifyAuditChain(db: Db, chainId: string): Promise<AuditChainVerification> {
  const head = await db.auditChainHead.findUnique({ where: { chainId }, select: { seq: true, hash: true } });
  const limit = head?.seq ?? Number.MAX_SAFE_INTEGER;

  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { chainId, seq: { gte: expectedSeq, lte: Math.min(limit, 2_147_483_647) } },
      orderBy: { seq: "asc" },
      take: BATCH,
      select: {
        chainId: true, seq: true, prevHash: true, hash: true, actorId: true, actorName: true, action: true,
        entityType: true, entityId: true, organisationId: true, changes: true, ip: true, createdAt: true,
      },
    });
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, brokenAtSeq: expectedSeq, reason: "seq-gap" };
      if (row.prevHash !== prev) return { ok: false, brokenAtSeq: row.seq, reason: "prev-mismatch" };
      const content: AuditEventContent = { ...row, changes: row.changes, createdAt: row.createdAt.toISOString() };
      if (chainHash(row.prevHash, content) !== row.hash) return { ok: false, brokenAtSeq: row.seq, reason: "hash-mismatch" };
      prev = row.hash;
      expectedSeq++;
    }
    if (rows.length < BATCH) break;
  }
  const count = expectedSeq - 1;

  if (!head || head.seq === 0) {
    if (count > 0) return { ok: false, brokenAtSeq: 1, reason: "head-missing" };
    return { ok: true, count: 0, head: null };
  }
  // Events deleted at the end of the chain.
  if (count < head.seq) return { ok: false, brokenAtSeq: count + 1, reason: "seq-gap" };
  if (head.hash !== prev) return { ok: false, brokenAtSeq: head.seq, reason: "head-mismatch" };

  // An event beyond the head is legitimate only if it was committed after the head was read; an
  // event and its head move commit together, so re-reading the head after the event settles it.
  const beyond = await db.auditEvent.findFirst({ where: { chainId, seq: { gt: head.seq } }, orderBy: { seq: "desc" }, select: { seq: true } });
  if (beyond) {
    const now = await db.auditChainHead.findUnique({ where: { chainId }, select: { seq: true } });
    if (!now || now.seq < beyond.seq) return { ok: false, brokenAtSeq: (now?.seq ?? head.seq) + 1, reason: "head-mismatch" };
  }
  return { ok: true, count, head: { seq: head.seq, hash: head.hash } };
}

/** Every chain that has a head or at least one event, sorted. */
export async function listAuditChains(db: Db): Promise<string[]> {
  const fromEvents = await db.$queryRaw<{ chainId: string }[]>`SELECT DISTINCT "chainId" FROM "AuditEvent"`;
  const fromHeads = await db.auditChainHead.findMany({ select: { chainId: true } });
  return [...new Set([...fromEvents, ...fromHeads].map((r) => r.chainId))].sort();
}

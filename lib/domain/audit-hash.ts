// Audit hash chain (reliability-checks §4): hash = SHA-256(prevHash ‖ canonicalJSON(event)),
// canonical JSON per RFC 8785 (JCS).
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

export type AuditEventContent = {
  chainId: string;
  seq: number;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  changes: unknown;
  ip: string | null;
  /** ISO 8601 in UTC, e.g. 2026-11-23T17:58:54.204Z */
  createdAt: string;
};

export type StoredAuditEvent = AuditEventContent & { prevHash: string; hash: string };

export type ChainVerification =
  | { ok: true; head: { seq: number; hash: string } | null }
  | { ok: false; brokenAtSeq: number; reason: "hash-mismatch" | "prev-mismatch" | "seq-gap" };

/** RFC 8785 canonical JSON. Throws for values JSON cannot represent (undefined, NaN, Infinity). */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new TypeError("canonicalJson: value has no JSON representation");
  return json;
}

/** Exactly the hashed fields, so extra row columns (id, prevHash, hash) never enter the hash. */
function content(e: AuditEventContent): AuditEventContent {
  const { chainId, seq, actorId, actorName, action, entityType, entityId, organisationId, changes, ip, createdAt } = e;
  return { chainId, seq, actorId, actorName, action, entityType, entityId, organisationId, changes, ip, createdAt };
}

export function chainHash(prevHash: string, event: AuditEventContent): string {
  return createHash("sha256").update(prevHash + canonicalJson(content(event)), "utf8").digest("hex");
}

/**
 * Verifies a whole chain, given sorted by seq ascending from seq 1 (prevHash = GENESIS_HASH).
 * `brokenAtSeq` is the first seq that does not verify (for a gap: the missing seq).
 * Detects tampering only relative to an anchored head kept outside the database.
 */
export function verifyChain(events: readonly StoredAuditEvent[]): ChainVerification {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { ok: false, brokenAtSeq: expectedSeq, reason: "seq-gap" };
    if (e.prevHash !== prev) return { ok: false, brokenAtSeq: e.seq, reason: "prev-mismatch" };
    if (chainHash(e.prevHash, e) !== e.hash) return { ok: false, brokenAtSeq: e.seq, reason: "hash-mismatch" };
    prev = e.hash;
    expectedSeq++;
  }
  const last = events.at(-1);
  return { ok: true, head: last ? { seq: last.seq, hash: last.hash } : null };
}

// Administrator changes to the legal reference data (issue 4). Transaction bodies only: the caller
// opens `db.$transaction` and passes `tx`; inside, only `tx.*` is awaited (C31). Every change writes a
// new ReferenceDataVersion ("<base>.<n>", numeric so compareVersions orders it after its base), which
// changes the cache key of loadReferenceSnapshot and names the version every later verdict used.
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit";
import { canonicalJson } from "@/lib/domain/audit-hash";
import type { AdequacyScope } from "@/lib/domain/reference";
import { compareVersions } from "@/lib/reference-data/load";

export type NewLegalSource = { identifier: string; title: string; url: string | null };

export type AddAdequacyInput = {
  /** ISO 3166-1 alpha-2 code, or null for an international organisation. */
  countryCode: string | null;
  organisationName: string | null;
  /** An existing LegalSource id, or a new source (identifier, title, url). */
  source: { id: string } | NewLegalSource;
  scope: AdequacyScope;
  scopeText: string | null;
  validFrom: Date;
  entryIntoForce: Date | null;
  validTo: Date | null;
  reviewDue: Date | null;
  note: string | null;
};

export type AddAdequacyResult =
  | { ok: true; decisionId: string; version: string }
  | { ok: false; error: "reference.errors.noVersion" | "reference.errors.target" | "reference.errors.country" | "reference.errors.source" | "reference.errors.sourceExists" | "reference.errors.dates" };

/** The version after `newest`: "2026.11.1" → "2026.11.1.1", "2026.11.1.1" → "2026.11.1.2" (base = the bundled version). */
export function nextLocalVersion(newest: string, base: string): string {
  if (newest.startsWith(`${base}.`)) {
    const parts = newest.split(".");
    const last = Number(parts.at(-1) ?? "0");
    return [...parts.slice(0, -1), String(last + 1)].join(".");
  }
  return `${newest}.1`;
}

/**
 * Adds an adequacy decision (and, if given, its new legal source), records a new reference version whose
 * content hash chains the previous hash with the change, and an instance-chain audit event.
 */
export async function addAdequacyDecision(tx: Tx, actor: Actor, input: AddAdequacyInput, base: string, now = new Date()): Promise<AddAdequacyResult> {
  if (!input.countryCode === !input.organisationName) return { ok: false, error: "reference.errors.target" };
  if (input.validTo && input.validTo.getTime() < input.validFrom.getTime()) return { ok: false, error: "reference.errors.dates" };
  if (input.entryIntoForce && input.entryIntoForce.getTime() < input.validFrom.getTime()) return { ok: false, error: "reference.errors.dates" };

  const versions = await tx.referenceDataVersion.findMany({ select: { version: true, contentHash: true } });
  const newest = versions.sort((a, b) => compareVersions(a.version, b.version)).at(-1);
  if (!newest) return { ok: false, error: "reference.errors.noVersion" };

  if (input.countryCode) {
    const country = await tx.country.findUnique({ where: { code: input.countryCode }, select: { code: true } });
    if (!country) return { ok: false, error: "reference.errors.country" };
  }

  let sourceId: string;
  let sourceIdentifier: string;
  if ("id" in input.source) {
    const existing = await tx.legalSource.findUnique({ where: { id: input.source.id }, select: { id: true, identifier: true } });
    if (!existing) return { ok: false, error: "reference.errors.source" };
    sourceId = existing.id;
    sourceIdentifier = existing.identifier;
  } else {
    const clash = await tx.legalSource.findUnique({ where: { identifier: input.source.identifier }, select: { id: true } });
    if (clash) return { ok: false, error: "reference.errors.sourceExists" };
    const created = await tx.legalSource.create({
      data: { kind: "DECISION", identifier: input.source.identifier, title: input.source.title, url: input.source.url },
      select: { id: true, identifier: true },
    });
    sourceId = created.id;
    sourceIdentifier = created.identifier;
  }

  const decision = await tx.adequacyDecision.create({
    data: {
      countryCode: input.countryCode,
      organisationName: input.organisationName,
      sourceId,
      scope: input.scope,
      scopeText: input.scopeText,
      validFrom: input.validFrom,
      entryIntoForce: input.entryIntoForce,
      validTo: input.validTo,
      reviewDue: input.reviewDue,
      status: "IN_FORCE",
      checkedAt: now,
      note: input.note,
      verified: true,
    },
    select: { id: true },
  });

  const change = {
    countryCode: input.countryCode,
    organisationName: input.organisationName,
    source: sourceIdentifier,
    scope: input.scope,
    scopeText: input.scopeText,
    validFrom: input.validFrom.toISOString(),
    entryIntoForce: input.entryIntoForce?.toISOString() ?? null,
    validTo: input.validTo?.toISOString() ?? null,
    reviewDue: input.reviewDue?.toISOString() ?? null,
    note: input.note,
  };
  const version = nextLocalVersion(newest.version, base);
  const contentHash = createHash("sha256").update(canonicalJson({ previous: newest.contentHash, adequacyDecision: change }), "utf8").digest("hex");
  const versionRow = await tx.referenceDataVersion.create({
    data: { version, releasedAt: now, contentHash, changedById: actor.id ?? actor.name, note: `adequacy decision ${sourceIdentifier}` },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: "reference-data.adequacy.create",
    entityType: "AdequacyDecision",
    entityId: decision.id,
    organisationId: null,
    changes: { ...change, version, referenceDataVersionId: versionRow.id },
    at: now,
  });
  return { ok: true, decisionId: decision.id, version };
}

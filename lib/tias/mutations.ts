// Transaction bodies of the TIA actions; await only `tx.*` (C31). The vendor is re-checked to belong to `orgId`
// and the destination country to exist as a Country; one Revision + one AuditEvent per success, none on failure.
import type { Tx } from "@/lib/db";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { diff } from "@/lib/domain/diff";
import { toSearchText } from "@/lib/domain/search-text";
import { IMPORTER_ROLES, TIA_MECHANISMS, type TiaCreateInput, type TiaUpdateInput } from "@/lib/tias/schema";
import { z } from "zod";
import { DataFormat, TiaConclusion } from "@/prisma/generated/sqlite/enums";
import { restoredFrom, revisionSnapshot, snapDate, snapText } from "@/lib/history/revisions";
import type { RevisionRestoreInput } from "@/lib/history/schema";
import type { MutationResult } from "@/lib/vendors/mutations";

const NOT_FOUND = { ok: false, error: "not-found" } as const;
const CONFLICT = { ok: false, error: "conflict" } as const;
export const TIA_ENTITY = "Tia";

/** Empty optional fields are stored as null (an edit can clear a field). */
function tiaData(input: TiaCreateInput) {
  return {
    title: input.title,
    vendorId: input.vendorId ?? null,
    destinationCountry: input.destinationCountry ?? null,
    importerRole: input.importerRole ?? null,
    mechanism: input.mechanism ?? null,
    dataFormat: input.dataFormat,
    lawsAssessed: input.lawsAssessed ?? null,
    practicalExperience: input.practicalExperience ?? null,
    supplementaryMeasures: input.supplementaryMeasures ?? null,
    residualRisk: input.residualRisk ?? null,
    conclusion: input.conclusion ?? null,
    signedOffBy: input.signedOffBy ?? null,
    assessedAt: input.assessedAt ?? null,
    nextReviewAt: input.nextReviewAt ?? null,
    documentUrl: input.documentUrl ?? null,
  };
}

/** The assessment as stored in a Revision. Null if it is not in `orgId`. */
export async function snapshotTia(tx: Tx, orgId: string, id: string) {
  return tx.transferImpactAssessment.findFirst({ where: { id, organisationId: orgId }, omit: { searchText: true } });
}

/** Vendor (not archived, of `orgId`) and destination country (a Country) are checked; returns the failing field or the search words. */
async function checkReferences(tx: Tx, orgId: string, input: TiaCreateInput): Promise<{ field: string } | { words: string[] }> {
  const words: string[] = [];
  if (input.vendorId !== undefined) {
    const vendor = await tx.vendor.findFirst({ where: { id: input.vendorId, organisationId: orgId, archivedAt: null }, select: { name: true } });
    if (!vendor) return { field: "vendorId" };
    words.push(vendor.name);
  }
  if (input.destinationCountry !== undefined) {
    const country = await tx.country.findUnique({ where: { code: input.destinationCountry }, select: { code: true, nameDe: true, nameEn: true } });
    if (!country) return { field: "destinationCountry" };
    words.push(country.code, country.nameDe, country.nameEn);
  }
  return { words };
}

const searchTextOf = (d: ReturnType<typeof tiaData>, words: string[]) =>
  toSearchText([d.title, ...words, d.lawsAssessed, d.supplementaryMeasures, d.signedOffBy]);

export async function createTiaTx(tx: Tx, actor: Actor, orgId: string, input: TiaCreateInput): Promise<MutationResult> {
  const refs = await checkReferences(tx, orgId, input);
  if ("field" in refs) return { ok: false, error: "not-found", field: refs.field };
  const data = tiaData(input);
  const created = await tx.transferImpactAssessment.create({
    data: { ...data, organisationId: orgId, createdById: actor.id, updatedById: actor.id, searchText: searchTextOf(data, refs.words) },
    select: { id: true },
  });
  const snapshot = await snapshotTia(tx, orgId, created.id);
  await recordRevision(tx, actor, { entityType: TIA_ENTITY, entityId: created.id, organisationId: orgId, version: 1, action: "create", snapshot });
  await recordAudit(tx, actor, { action: "tia.create", entityType: TIA_ENTITY, entityId: created.id, organisationId: orgId, changes: diff({}, data) });
  return { ok: true, id: created.id };
}

/** A stale save: who changed the assessment last, when, and how the stored values differ from the submitted ones (C32). */
async function tiaConflict(tx: Tx, id: string, submitted: Record<string, unknown>): Promise<MutationResult> {
  const current = await tx.transferImpactAssessment.findUnique({ where: { id } });
  if (!current) return NOT_FOUND;
  const last = await tx.revision.findFirst({ where: { entityType: TIA_ENTITY, entityId: id }, orderBy: { version: "desc" }, select: { authorName: true, createdAt: true } });
  return {
    ok: false,
    error: "conflict",
    conflict: { by: last?.authorName ?? "—", at: (last?.createdAt ?? current.updatedAt).toISOString(), version: current.version, changes: diff(current, submitted) },
  };
}

export async function updateTiaTx(tx: Tx, actor: Actor, orgId: string, id: string, input: TiaUpdateInput): Promise<MutationResult> {
  const { version, reason, ...fields } = input;
  const before = await snapshotTia(tx, orgId, id);
  if (!before || before.archivedAt !== null) return NOT_FOUND;
  const refs = await checkReferences(tx, orgId, fields);
  if ("field" in refs) return { ok: false, error: "not-found", field: refs.field };
  const data = tiaData(fields);
  if (before.version !== version) return tiaConflict(tx, id, data);
  const { count } = await tx.transferImpactAssessment.updateMany({
    where: { id, organisationId: orgId, version },
    data: { ...data, updatedById: actor.id, version: { increment: 1 }, searchText: searchTextOf(data, refs.words) },
  });
  if (count === 0) return tiaConflict(tx, id, data);
  const after = await snapshotTia(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = diff(before, data);
  await recordRevision(tx, actor, { entityType: TIA_ENTITY, entityId: id, organisationId: orgId, version: after.version, action: "update", snapshot: after, changes, reason: reason ?? null });
  await recordAudit(tx, actor, { action: "tia.update", entityType: TIA_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

/** Archive (archived = true) or restore. Never a hard delete. */
export async function setTiaArchivedTx(tx: Tx, actor: Actor, orgId: string, id: string, version: number, archived: boolean): Promise<MutationResult> {
  const before = await tx.transferImpactAssessment.findFirst({ where: { id, organisationId: orgId }, select: { archivedAt: true, version: true } });
  if (!before) return NOT_FOUND;
  if (before.version !== version || (before.archivedAt !== null) === archived) return CONFLICT;
  const archivedAt = archived ? new Date() : null;
  const { count } = await tx.transferImpactAssessment.updateMany({ where: { id, organisationId: orgId, version }, data: { archivedAt, updatedById: actor.id, version: { increment: 1 } } });
  if (count === 0) return CONFLICT;
  const after = await snapshotTia(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { archivedAt: { old: before.archivedAt?.toISOString() ?? null, new: archivedAt?.toISOString() ?? null } };
  const action = archived ? "archive" : "restore";
  await recordRevision(tx, actor, { entityType: TIA_ENTITY, entityId: id, organisationId: orgId, version: after.version, action, snapshot: after, changes });
  await recordAudit(tx, actor, { action: `tia.${action}`, entityType: TIA_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

// ───────────────────────────── Restoring a revision (C33) ─────────────────────────────

const storedTiaSchema = z.object({
  title: z.string().min(1), vendorId: snapText, destinationCountry: snapText, importerRole: z.enum(IMPORTER_ROLES).nullish().catch(null).transform((v) => v ?? null),
  mechanism: z.enum(TIA_MECHANISMS).nullish().catch(null).transform((v) => v ?? null), dataFormat: z.enum(DataFormat),
  lawsAssessed: snapText, practicalExperience: snapText, supplementaryMeasures: snapText, residualRisk: snapText,
  conclusion: z.enum(TiaConclusion).nullish().transform((v) => v ?? null), signedOffBy: snapText, assessedAt: snapDate, nextReviewAt: snapDate, documentUrl: snapText,
});

/**
 * Brings back the content of revision `input.revision` as a new revision (action "revert", audit "tia.revert").
 * A vendor that is no longer in the organisation or a country no longer known is cleared, not refused.
 */
export async function restoreTiaRevisionTx(tx: Tx, actor: Actor, orgId: string, id: string, input: RevisionRestoreInput): Promise<MutationResult> {
  const before = await snapshotTia(tx, orgId, id);
  if (!before || before.archivedAt !== null) return NOT_FOUND;
  const stored = storedTiaSchema.safeParse(await revisionSnapshot(tx, TIA_ENTITY, orgId, id, input.revision));
  if (!stored.success) return NOT_FOUND;
  const data = { ...stored.data };
  const words: string[] = [];
  const vendor = data.vendorId ? await tx.vendor.findFirst({ where: { id: data.vendorId, organisationId: orgId }, select: { name: true } }) : null;
  if (vendor) words.push(vendor.name);
  else data.vendorId = null;
  const country = data.destinationCountry ? await tx.country.findUnique({ where: { code: data.destinationCountry }, select: { code: true, nameDe: true, nameEn: true } }) : null;
  if (country) words.push(country.code, country.nameDe, country.nameEn);
  else data.destinationCountry = null;
  if (before.version !== input.version) return tiaConflict(tx, id, data);
  const { count } = await tx.transferImpactAssessment.updateMany({
    where: { id, organisationId: orgId, version: input.version },
    data: { ...data, updatedById: actor.id, version: { increment: 1 }, searchText: searchTextOf(data, words) },
  });
  if (count === 0) return tiaConflict(tx, id, data);
  const after = await snapshotTia(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { ...diff(before, after, { ignore: ["updatedAt", "version", "updatedById"] }), ...restoredFrom(input.revision) };
  await recordRevision(tx, actor, { entityType: TIA_ENTITY, entityId: id, organisationId: orgId, version: after.version, action: "revert", snapshot: after, changes, reason: input.reason });
  await recordAudit(tx, actor, { action: "tia.revert", entityType: TIA_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

// Transaction bodies of the TOM actions; await only `tx.*` (C31). The code is unique per organisation
// ("duplicate" on `code`); one Revision + one AuditEvent per success, none on failure.
import type { Tx } from "@/lib/db";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { diff } from "@/lib/domain/diff";
import { toSearchText } from "@/lib/domain/search-text";
import type { TomCreateInput, TomUpdateInput } from "@/lib/toms/schema";
import { z } from "zod";
import { TomCategory } from "@/prisma/generated/sqlite/enums";
import { restoredFrom, revisionSnapshot, snapText } from "@/lib/history/revisions";
import type { RevisionRestoreInput } from "@/lib/history/schema";
import type { MutationResult } from "@/lib/vendors/mutations";

const NOT_FOUND = { ok: false, error: "not-found" } as const;
const CONFLICT = { ok: false, error: "conflict" } as const;
const DUPLICATE = { ok: false, error: "duplicate", field: "code" } as const;
export const TOM_ENTITY = "Tom";

/** Empty optional fields are stored as null (an edit can clear a field). */
function tomData(input: TomCreateInput) {
  return { code: input.code, category: input.category, title: input.title, description: input.description ?? null, documentUrl: input.documentUrl ?? null };
}

const searchTextOf = (d: ReturnType<typeof tomData>) => toSearchText([d.code, d.title, d.description]);

/** The measure as stored in a Revision. Null if it is not in `orgId`. */
export async function snapshotTom(tx: Tx, orgId: string, id: string) {
  return tx.technicalOrganisationalMeasure.findFirst({ where: { id, organisationId: orgId }, omit: { searchText: true } });
}

async function codeTaken(tx: Tx, orgId: string, code: string, exceptId?: string): Promise<boolean> {
  const other = await tx.technicalOrganisationalMeasure.findFirst({ where: { organisationId: orgId, code, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  return other !== null;
}

export async function createTomTx(tx: Tx, actor: Actor, orgId: string, input: TomCreateInput): Promise<MutationResult> {
  if (await codeTaken(tx, orgId, input.code)) return DUPLICATE;
  const data = tomData(input);
  const created = await tx.technicalOrganisationalMeasure.create({ data: { ...data, organisationId: orgId, searchText: searchTextOf(data) }, select: { id: true } });
  const snapshot = await snapshotTom(tx, orgId, created.id);
  await recordRevision(tx, actor, { entityType: TOM_ENTITY, entityId: created.id, organisationId: orgId, version: 1, action: "create", snapshot });
  await recordAudit(tx, actor, { action: "tom.create", entityType: TOM_ENTITY, entityId: created.id, organisationId: orgId, changes: diff({}, data) });
  return { ok: true, id: created.id };
}

/** A stale save: who changed the measure last, when, and how the stored values differ from the submitted ones (C32). */
async function tomConflict(tx: Tx, id: string, submitted: Record<string, unknown>): Promise<MutationResult> {
  const current = await tx.technicalOrganisationalMeasure.findUnique({ where: { id } });
  if (!current) return NOT_FOUND;
  const last = await tx.revision.findFirst({ where: { entityType: TOM_ENTITY, entityId: id }, orderBy: { version: "desc" }, select: { authorName: true, createdAt: true } });
  return {
    ok: false,
    error: "conflict",
    conflict: { by: last?.authorName ?? "—", at: (last?.createdAt ?? current.updatedAt).toISOString(), version: current.version, changes: diff(current, submitted) },
  };
}

export async function updateTomTx(tx: Tx, actor: Actor, orgId: string, id: string, input: TomUpdateInput): Promise<MutationResult> {
  const { version, reason, ...fields } = input;
  const before = await snapshotTom(tx, orgId, id);
  if (!before || before.archivedAt !== null) return NOT_FOUND;
  const data = tomData(fields);
  if (before.version !== version) return tomConflict(tx, id, data);
  if (data.code !== before.code && (await codeTaken(tx, orgId, data.code, id))) return DUPLICATE;
  const { count } = await tx.technicalOrganisationalMeasure.updateMany({
    where: { id, organisationId: orgId, version },
    data: { ...data, searchText: searchTextOf(data), version: { increment: 1 } },
  });
  if (count === 0) return tomConflict(tx, id, data);
  const after = await snapshotTom(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = diff(before, data);
  await recordRevision(tx, actor, { entityType: TOM_ENTITY, entityId: id, organisationId: orgId, version: after.version, action: "update", snapshot: after, changes, reason: reason ?? null });
  await recordAudit(tx, actor, { action: "tom.update", entityType: TOM_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

/** Archive (archived = true) or restore. Never a hard delete. */
export async function setTomArchivedTx(tx: Tx, actor: Actor, orgId: string, id: string, version: number, archived: boolean): Promise<MutationResult> {
  const before = await tx.technicalOrganisationalMeasure.findFirst({ where: { id, organisationId: orgId }, select: { archivedAt: true, version: true } });
  if (!before) return NOT_FOUND;
  if (before.version !== version || (before.archivedAt !== null) === archived) return CONFLICT;
  const archivedAt = archived ? new Date() : null;
  const { count } = await tx.technicalOrganisationalMeasure.updateMany({ where: { id, organisationId: orgId, version }, data: { archivedAt, version: { increment: 1 } } });
  if (count === 0) return CONFLICT;
  const after = await snapshotTom(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { archivedAt: { old: before.archivedAt?.toISOString() ?? null, new: archivedAt?.toISOString() ?? null } };
  const action = archived ? "archive" : "restore";
  await recordRevision(tx, actor, { entityType: TOM_ENTITY, entityId: id, organisationId: orgId, version: after.version, action, snapshot: after, changes });
  await recordAudit(tx, actor, { action: `tom.${action}`, entityType: TOM_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

// ───────────────────────────── Restoring a revision (C33) ─────────────────────────────

const storedTomSchema = z.object({ code: z.string().min(1), category: z.enum(TomCategory), title: z.string().min(1), description: snapText, documentUrl: snapText });

/**
 * Brings back the content of revision `input.revision` as a new revision (action "revert", audit "tom.revert")
 * with the given reason; a stale `input.version` is a conflict, a code now used by another measure "duplicate".
 */
export async function restoreTomRevisionTx(tx: Tx, actor: Actor, orgId: string, id: string, input: RevisionRestoreInput): Promise<MutationResult> {
  const before = await snapshotTom(tx, orgId, id);
  if (!before || before.archivedAt !== null) return NOT_FOUND;
  const stored = storedTomSchema.safeParse(await revisionSnapshot(tx, TOM_ENTITY, orgId, id, input.revision));
  if (!stored.success) return NOT_FOUND;
  const data = stored.data;
  if (before.version !== input.version) return tomConflict(tx, id, data);
  if (data.code !== before.code && (await codeTaken(tx, orgId, data.code, id))) return DUPLICATE;
  const { count } = await tx.technicalOrganisationalMeasure.updateMany({
    where: { id, organisationId: orgId, version: input.version },
    data: { ...data, searchText: searchTextOf(data), version: { increment: 1 } },
  });
  if (count === 0) return tomConflict(tx, id, data);
  const after = await snapshotTom(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { ...diff(before, after), ...restoredFrom(input.revision) };
  await recordRevision(tx, actor, { entityType: TOM_ENTITY, entityId: id, organisationId: orgId, version: after.version, action: "revert", snapshot: after, changes, reason: input.reason });
  await recordAudit(tx, actor, { action: "tom.revert", entityType: TOM_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

// Transaction bodies of the vocabulary actions; await only `tx.*` (C31). Only an organisation's own terms
// change (built-in terms have organisationId = null and are never matched here). A German label already used
// by a live term of the same kind (own or built-in) is a "duplicate" on `labelDe`; the code is derived from the
// label once and never changes, so activities keep their references. Optimistic concurrency on `updatedAt`
// (the form's `stamp`); one Revision (version = previous revision + 1) + one AuditEvent per success.
import type { Tx } from "@/lib/db";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { diff } from "@/lib/domain/diff";
import { termCode, type TermCreateInput, type TermUpdateInput } from "@/lib/vocabulary/schema";
import type { MutationResult } from "@/lib/vendors/mutations";
import type { VocabularyKind } from "@/prisma/generated/sqlite/enums";

const NOT_FOUND = { ok: false, error: "not-found" } as const;
const CONFLICT = { ok: false, error: "conflict" } as const;
const DUPLICATE = { ok: false, error: "duplicate", field: "labelDe" } as const;
export const TERM_ENTITY = "VocabularyTerm";

const sameLabel = (a: string, b: string) => a.localeCompare(b, "de", { sensitivity: "accent" }) === 0;

/** Codes of the kind (own and built-in, archived included) and whether a live term already has the German label. */
async function kindTerms(tx: Tx, orgId: string, kind: VocabularyKind, label: string, exceptId?: string) {
  const terms = await tx.vocabularyTerm.findMany({ where: { kind, OR: [{ organisationId: null }, { organisationId: orgId }] }, select: { id: true, code: true, labelDe: true, archivedAt: true } });
  return {
    codes: new Set(terms.map((t) => t.code)),
    labelTaken: terms.some((t) => t.id !== exceptId && t.archivedAt === null && sameLabel(t.labelDe, label)),
  };
}

/** The own term as stored in a Revision. Null if it is not an own term of `orgId`. */
export async function snapshotTerm(tx: Tx, orgId: string, id: string) {
  return tx.vocabularyTerm.findFirst({ where: { id, organisationId: orgId } });
}

async function nextRevision(tx: Tx, id: string): Promise<number> {
  const last = await tx.revision.findFirst({ where: { entityType: TERM_ENTITY, entityId: id }, orderBy: { version: "desc" }, select: { version: true } });
  return (last?.version ?? 0) + 1;
}

function termData(input: Omit<TermUpdateInput, "stamp">, kind: VocabularyKind) {
  return { labelDe: input.labelDe, labelEn: input.labelEn, citation: input.citation ?? null, isSpecialCategory: kind === "DATA_CATEGORY" && input.isSpecialCategory };
}

export async function createTermTx(tx: Tx, actor: Actor, orgId: string, input: TermCreateInput): Promise<MutationResult> {
  const { codes, labelTaken } = await kindTerms(tx, orgId, input.kind, input.labelDe);
  if (labelTaken) return DUPLICATE;
  const data = { kind: input.kind, code: termCode(input.labelDe, codes), ...termData(input, input.kind) };
  const created = await tx.vocabularyTerm.create({ data: { ...data, organisationId: orgId, sortOrder: 1000 }, select: { id: true } });
  const snapshot = await snapshotTerm(tx, orgId, created.id);
  await recordRevision(tx, actor, { entityType: TERM_ENTITY, entityId: created.id, organisationId: orgId, version: 1, action: "create", snapshot });
  await recordAudit(tx, actor, { action: "vocabulary.create", entityType: TERM_ENTITY, entityId: created.id, organisationId: orgId, changes: diff({}, data) });
  return { ok: true, id: created.id };
}

async function termConflict(tx: Tx, id: string, submitted: Record<string, unknown>): Promise<MutationResult> {
  const current = await tx.vocabularyTerm.findUnique({ where: { id } });
  if (!current) return NOT_FOUND;
  const last = await tx.revision.findFirst({ where: { entityType: TERM_ENTITY, entityId: id }, orderBy: { version: "desc" }, select: { authorName: true, createdAt: true, version: true } });
  return {
    ok: false,
    error: "conflict",
    conflict: { by: last?.authorName ?? "—", at: (last?.createdAt ?? current.updatedAt).toISOString(), version: last?.version ?? 0, changes: diff(current, submitted) },
  };
}

export async function updateTermTx(tx: Tx, actor: Actor, orgId: string, id: string, input: TermUpdateInput): Promise<MutationResult> {
  const { stamp, ...fields } = input;
  const before = await snapshotTerm(tx, orgId, id);
  if (!before || before.archivedAt !== null) return NOT_FOUND;
  if (fields.isSpecialCategory && before.kind !== "DATA_CATEGORY") return { ok: false, error: "not-found", field: "isSpecialCategory" };
  const data = termData(fields, before.kind);
  if (before.updatedAt.getTime() !== stamp.getTime()) return termConflict(tx, id, data);
  if (!sameLabel(before.labelDe, data.labelDe) && (await kindTerms(tx, orgId, before.kind, data.labelDe, id)).labelTaken) return DUPLICATE;
  const { count } = await tx.vocabularyTerm.updateMany({ where: { id, organisationId: orgId, updatedAt: before.updatedAt }, data });
  if (count === 0) return termConflict(tx, id, data);
  const after = await snapshotTerm(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = diff(before, data);
  await recordRevision(tx, actor, { entityType: TERM_ENTITY, entityId: id, organisationId: orgId, version: await nextRevision(tx, id), action: "update", snapshot: after, changes });
  await recordAudit(tx, actor, { action: "vocabulary.update", entityType: TERM_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

/**
 * Archive (archived = true) or restore an own term. An archived term is no longer offered in the pickers and
 * no longer accepted on a save; activities that use it keep the code and its label. Restoring is refused
 * when a live term of the kind has taken the German label meanwhile.
 */
export async function setTermArchivedTx(tx: Tx, actor: Actor, orgId: string, id: string, stamp: Date, archived: boolean): Promise<MutationResult> {
  const before = await snapshotTerm(tx, orgId, id);
  if (!before) return NOT_FOUND;
  if (before.updatedAt.getTime() !== stamp.getTime() || (before.archivedAt !== null) === archived) return CONFLICT;
  if (!archived && (await kindTerms(tx, orgId, before.kind, before.labelDe, id)).labelTaken) return DUPLICATE;
  const archivedAt = archived ? new Date() : null;
  const { count } = await tx.vocabularyTerm.updateMany({ where: { id, organisationId: orgId, updatedAt: before.updatedAt }, data: { archivedAt } });
  if (count === 0) return CONFLICT;
  const after = await snapshotTerm(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { archivedAt: { old: before.archivedAt?.toISOString() ?? null, new: archivedAt?.toISOString() ?? null } };
  const action = archived ? "archive" : "restore";
  await recordRevision(tx, actor, { entityType: TERM_ENTITY, entityId: id, organisationId: orgId, version: await nextRevision(tx, id), action, snapshot: after, changes });
  await recordAudit(tx, actor, { action: `vocabulary.${action}`, entityType: TERM_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

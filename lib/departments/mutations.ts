// Transaction bodies of the department actions; await only `tx.*` (C31). The name is unique per organisation
// ("duplicate" on `name`); optimistic concurrency on `version` (C32); one Revision + one AuditEvent per
// success, none on failure; archive instead of delete (ADR 0005).
import type { Tx } from "@/lib/db";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { diff } from "@/lib/domain/diff";
import type { DepartmentCreateInput, DepartmentUpdateInput } from "@/lib/departments/schema";
import type { MutationResult } from "@/lib/vendors/mutations";

const NOT_FOUND = { ok: false, error: "not-found" } as const;
const CONFLICT = { ok: false, error: "conflict" } as const;
const DUPLICATE = { ok: false, error: "duplicate", field: "name" } as const;
export const DEPARTMENT_ENTITY = "Department";

/** Empty optional fields are stored as null (an edit can clear a field). */
function departmentData(input: DepartmentCreateInput) {
  return { name: input.name, contactName: input.contactName ?? null, contactEmail: input.contactEmail ?? null, contactPhone: input.contactPhone ?? null };
}

/** The department as stored in a Revision. Null if it is not in `orgId`. */
export async function snapshotDepartment(tx: Tx, orgId: string, id: string) {
  return tx.department.findFirst({ where: { id, organisationId: orgId } });
}

async function nameTaken(tx: Tx, orgId: string, name: string, exceptId?: string): Promise<boolean> {
  const other = await tx.department.findFirst({ where: { organisationId: orgId, name, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  return other !== null;
}

export async function createDepartmentTx(tx: Tx, actor: Actor, orgId: string, input: DepartmentCreateInput): Promise<MutationResult> {
  if (await nameTaken(tx, orgId, input.name)) return DUPLICATE;
  const data = departmentData(input);
  const created = await tx.department.create({ data: { ...data, organisationId: orgId }, select: { id: true } });
  const snapshot = await snapshotDepartment(tx, orgId, created.id);
  await recordRevision(tx, actor, { entityType: DEPARTMENT_ENTITY, entityId: created.id, organisationId: orgId, version: 1, action: "create", snapshot });
  await recordAudit(tx, actor, { action: "department.create", entityType: DEPARTMENT_ENTITY, entityId: created.id, organisationId: orgId, changes: diff({}, data) });
  return { ok: true, id: created.id };
}

/** A stale save: who changed the department last, when, and how the stored values differ from the submitted ones (C32). */
async function departmentConflict(tx: Tx, id: string, submitted: Record<string, unknown>): Promise<MutationResult> {
  const current = await tx.department.findUnique({ where: { id } });
  if (!current) return NOT_FOUND;
  const last = await tx.revision.findFirst({ where: { entityType: DEPARTMENT_ENTITY, entityId: id }, orderBy: { version: "desc" }, select: { authorName: true, createdAt: true } });
  return {
    ok: false,
    error: "conflict",
    conflict: { by: last?.authorName ?? "—", at: (last?.createdAt ?? current.updatedAt).toISOString(), version: current.version, changes: diff(current, submitted) },
  };
}

export async function updateDepartmentTx(tx: Tx, actor: Actor, orgId: string, id: string, input: DepartmentUpdateInput): Promise<MutationResult> {
  const { version, ...fields } = input;
  const before = await snapshotDepartment(tx, orgId, id);
  if (!before || before.archivedAt !== null) return NOT_FOUND;
  const data = departmentData(fields);
  if (before.version !== version) return departmentConflict(tx, id, data);
  if (data.name !== before.name && (await nameTaken(tx, orgId, data.name, id))) return DUPLICATE;
  const { count } = await tx.department.updateMany({ where: { id, organisationId: orgId, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) return departmentConflict(tx, id, data);
  const after = await snapshotDepartment(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = diff(before, data);
  await recordRevision(tx, actor, { entityType: DEPARTMENT_ENTITY, entityId: id, organisationId: orgId, version: after.version, action: "update", snapshot: after, changes });
  await recordAudit(tx, actor, { action: "department.update", entityType: DEPARTMENT_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

/** Archive (archived = true) or restore. Never a hard delete: activities and recipients keep pointing at it. */
export async function setDepartmentArchivedTx(tx: Tx, actor: Actor, orgId: string, id: string, version: number, archived: boolean): Promise<MutationResult> {
  const before = await tx.department.findFirst({ where: { id, organisationId: orgId }, select: { archivedAt: true, version: true } });
  if (!before) return NOT_FOUND;
  if (before.version !== version || (before.archivedAt !== null) === archived) return CONFLICT;
  const archivedAt = archived ? new Date() : null;
  const { count } = await tx.department.updateMany({ where: { id, organisationId: orgId, version }, data: { archivedAt, version: { increment: 1 } } });
  if (count === 0) return CONFLICT;
  const after = await snapshotDepartment(tx, orgId, id);
  if (!after) return NOT_FOUND;
  const changes = { archivedAt: { old: before.archivedAt?.toISOString() ?? null, new: archivedAt?.toISOString() ?? null } };
  const action = archived ? "archive" : "restore";
  await recordRevision(tx, actor, { entityType: DEPARTMENT_ENTITY, entityId: id, organisationId: orgId, version: after.version, action, snapshot: after, changes });
  await recordAudit(tx, actor, { action: `department.${action}`, entityType: DEPARTMENT_ENTITY, entityId: id, organisationId: orgId, changes });
  return { ok: true, id };
}

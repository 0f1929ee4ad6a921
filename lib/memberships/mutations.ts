// Transaction bodies of the membership actions; await only `tx.*` (C31). One AuditEvent per change, none on
// a refusal. An organisation keeps at least one member who manages members (ADMIN or DPO): demoting or
// removing the last one is refused. The organisation row is locked first, so two concurrent changes cannot
// both pass the check and leave the organisation without a manager (PostgreSQL READ COMMITTED; SQLite takes
// its write lock at the same statement).
import type { Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit";
import type { MemberRole } from "@/prisma/generated/sqlite/enums";

/** Roles that manage members (member:manage) and count for the last-manager rule. */
export const MANAGER_ROLES = ["ADMIN", "DPO"] as const satisfies readonly MemberRole[];
const isManager = (role: MemberRole) => (MANAGER_ROLES as readonly MemberRole[]).includes(role);

export type MembershipResult = { ok: true; id: string } | { ok: false; error: "not-found" | "duplicate" | "last-manager" };

/** Serialises membership changes of one organisation (row lock until the transaction ends). */
async function lockOrganisation(tx: Tx, orgId: string): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "Organisation" SET "updatedAt" = "updatedAt" WHERE "id" = ${orgId}`;
  return n > 0;
}

const managerCount = (tx: Tx, orgId: string) => tx.membership.count({ where: { organisationId: orgId, role: { in: [...MANAGER_ROLES] } } });

/** Adds the user with `email` (normalised by the caller; created if unknown) to the organisation. */
export async function addMemberTx(tx: Tx, actor: Actor, orgId: string, input: { email: string; name?: string | null; role: MemberRole }): Promise<MembershipResult> {
  if (!(await lockOrganisation(tx, orgId))) return { ok: false, error: "not-found" };
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  const member = existing ?? (await tx.user.create({ data: { email: input.email, name: input.name ?? null }, select: { id: true } }));
  const already = await tx.membership.findUnique({ where: { userId_organisationId: { userId: member.id, organisationId: orgId } }, select: { id: true } });
  if (already) return { ok: false, error: "duplicate" };
  const m = await tx.membership.create({ data: { userId: member.id, organisationId: orgId, role: input.role }, select: { id: true } });
  await recordAudit(tx, actor, { action: "membership.create", entityType: "Membership", entityId: m.id, organisationId: orgId, changes: { email: input.email, role: { old: null, new: input.role } } });
  return { ok: true, id: m.id };
}

/** Changes the role of a membership of `orgId`. Unchanged role: ok without an event. */
export async function changeMemberRoleTx(tx: Tx, actor: Actor, orgId: string, input: { membershipId: string; role: MemberRole }): Promise<MembershipResult> {
  if (!(await lockOrganisation(tx, orgId))) return { ok: false, error: "not-found" };
  const m = await tx.membership.findFirst({ where: { id: input.membershipId, organisationId: orgId }, select: { id: true, role: true } });
  if (!m) return { ok: false, error: "not-found" };
  if (m.role === input.role) return { ok: true, id: m.id };
  if (isManager(m.role) && !isManager(input.role) && (await managerCount(tx, orgId)) <= 1) return { ok: false, error: "last-manager" };
  await tx.membership.update({ where: { id: m.id }, data: { role: input.role } });
  await recordAudit(tx, actor, { action: "membership.update", entityType: "Membership", entityId: m.id, organisationId: orgId, changes: { role: { old: m.role, new: input.role } } });
  return { ok: true, id: m.id };
}

/** Removes a membership of `orgId` (the user account stays). */
export async function removeMemberTx(tx: Tx, actor: Actor, orgId: string, input: { membershipId: string }): Promise<MembershipResult> {
  if (!(await lockOrganisation(tx, orgId))) return { ok: false, error: "not-found" };
  const m = await tx.membership.findFirst({ where: { id: input.membershipId, organisationId: orgId }, select: { id: true, role: true, user: { select: { email: true } } } });
  if (!m) return { ok: false, error: "not-found" };
  if (isManager(m.role) && (await managerCount(tx, orgId)) <= 1) return { ok: false, error: "last-manager" };
  await tx.membership.delete({ where: { id: m.id } });
  await recordAudit(tx, actor, { action: "membership.delete", entityType: "Membership", entityId: m.id, organisationId: orgId, changes: { email: m.user.email, role: { old: m.role, new: null } } });
  return { ok: true, id: m.id };
}

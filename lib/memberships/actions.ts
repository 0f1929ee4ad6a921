"use server";
// Members of an organisation: add (creates the user if needed), change role, remove. DPO and ADMIN only.
// A change applies on the member's next request: roles are read from the database on every request.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { actorOf, requireUser, authorize } from "@/lib/current-user";
import { parseForm, type FormState } from "@/lib/forms";
import { recordAudit } from "@/lib/audit";
import { normalizeEmail } from "@/lib/domain/email";
import { addMemberSchema, changeRoleSchema, removeMemberSchema } from "@/lib/memberships/schema";

const MANAGERS = new Set(["ADMIN", "DPO"]);

export async function addMember(orgId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "member:manage", orgId);
  const input = parseForm(addMemberSchema, formData);
  if (!input.ok) return input.state;
  const email = normalizeEmail(input.data.email);
  if (!email.ok) return { fieldErrors: { email: ["errors.invalidEmail"] }, formError: "errors.validation", values: { email: input.data.email, role: input.data.role } };
  const actor = await actorOf(user);

  const outcome = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: email.email }, select: { id: true } });
    const member = existing ?? (await tx.user.create({ data: { email: email.email, name: input.data.name ?? null }, select: { id: true } }));
    const already = await tx.membership.findUnique({ where: { userId_organisationId: { userId: member.id, organisationId: orgId } } });
    if (already) return "duplicate" as const;
    const m = await tx.membership.create({ data: { userId: member.id, organisationId: orgId, role: input.data.role } });
    await recordAudit(tx, actor, { action: "membership.create", entityType: "Membership", entityId: m.id, organisationId: orgId, changes: { email: email.email, role: { old: null, new: input.data.role } } });
    return "ok" as const;
  });
  if (outcome === "duplicate") return { fieldErrors: { email: ["errors.alreadyMember"] }, formError: "errors.validation", values: { email: input.data.email, role: input.data.role } };
  revalidatePath(`/o/${orgId}/settings/members`);
  return { ok: true };
}

export async function changeMemberRole(orgId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "member:manage", orgId);
  const input = parseForm(changeRoleSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);

  const outcome = await db.$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { id: input.data.membershipId, organisationId: orgId } });
    if (!m) return "not-found" as const;
    if (m.role === input.data.role) return "ok" as const;
    if (MANAGERS.has(m.role) && !MANAGERS.has(input.data.role)) {
      const managers = await tx.membership.count({ where: { organisationId: orgId, role: { in: ["ADMIN", "DPO"] } } });
      if (managers <= 1) return "last-manager" as const;
    }
    await tx.membership.update({ where: { id: m.id }, data: { role: input.data.role } });
    await recordAudit(tx, actor, { action: "membership.update", entityType: "Membership", entityId: m.id, organisationId: orgId, changes: { role: { old: m.role, new: input.data.role } } });
    return "ok" as const;
  });
  if (outcome === "not-found") return { formError: "errors.notFound" };
  if (outcome === "last-manager") return { formError: "errors.lastManager" };
  revalidatePath(`/o/${orgId}/settings/members`);
  return { ok: true };
}

export async function removeMember(orgId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "member:manage", orgId);
  const input = parseForm(removeMemberSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);

  const outcome = await db.$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { id: input.data.membershipId, organisationId: orgId }, select: { id: true, role: true, user: { select: { email: true } } } });
    if (!m) return "not-found" as const;
    if (MANAGERS.has(m.role)) {
      const managers = await tx.membership.count({ where: { organisationId: orgId, role: { in: ["ADMIN", "DPO"] } } });
      if (managers <= 1) return "last-manager" as const;
    }
    await tx.membership.delete({ where: { id: m.id } });
    await recordAudit(tx, actor, { action: "membership.delete", entityType: "Membership", entityId: m.id, organisationId: orgId, changes: { email: m.user.email, role: { old: m.role, new: null } } });
    return "ok" as const;
  });
  if (outcome === "not-found") return { formError: "errors.notFound" };
  if (outcome === "last-manager") return { formError: "errors.lastManager" };
  revalidatePath(`/o/${orgId}/settings/members`);
  return { ok: true };
}

"use server";
// Members of an organisation: add (creates the user if needed), change role, remove. DPO and ADMIN only.
// A change applies on the member's next request: roles are read from the database on every request.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { actorOf, requireUser, authorize } from "@/lib/current-user";
import { parseForm, type FormState } from "@/lib/forms";
import { normalizeEmail } from "@/lib/domain/email";
import { addMemberSchema, changeRoleSchema, removeMemberSchema } from "@/lib/memberships/schema";
import { addMemberTx, changeMemberRoleTx, removeMemberTx } from "@/lib/memberships/mutations";

export async function addMember(orgId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "member:manage", orgId);
  const input = parseForm(addMemberSchema, formData);
  if (!input.ok) return input.state;
  const email = normalizeEmail(input.data.email);
  if (!email.ok) return { fieldErrors: { email: ["errors.invalidEmail"] }, formError: "errors.validation", values: { email: input.data.email, role: input.data.role } };
  const actor = await actorOf(user);

  const outcome = await db.$transaction((tx) => addMemberTx(tx, actor, orgId, { email: email.email, name: input.data.name ?? null, role: input.data.role }));
  if (!outcome.ok && outcome.error === "not-found") return { formError: "errors.notFound" };
  if (!outcome.ok && outcome.error === "duplicate") return { fieldErrors: { email: ["errors.alreadyMember"] }, formError: "errors.validation", values: { email: input.data.email, role: input.data.role } };
  revalidatePath(`/o/${orgId}/settings/members`);
  return { ok: true };
}

export async function changeMemberRole(orgId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "member:manage", orgId);
  const input = parseForm(changeRoleSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);

  const outcome = await db.$transaction((tx) => changeMemberRoleTx(tx, actor, orgId, input.data));
  if (!outcome.ok) return { formError: outcome.error === "last-manager" ? "errors.lastManager" : "errors.notFound" };
  revalidatePath(`/o/${orgId}/settings/members`);
  return { ok: true };
}

export async function removeMember(orgId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "member:manage", orgId);
  const input = parseForm(removeMemberSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);

  const outcome = await db.$transaction((tx) => removeMemberTx(tx, actor, orgId, input.data));
  if (!outcome.ok) return { formError: outcome.error === "last-manager" ? "errors.lastManager" : "errors.notFound" };
  revalidatePath(`/o/${orgId}/settings/members`);
  return { ok: true };
}

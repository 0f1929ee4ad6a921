"use server";
// Department writes (house-style §4): requireUser → authorize → parseForm → db.$transaction(mutations) → revalidate/redirect.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { actorOf, authorize, requireUser } from "@/lib/current-user";
import { parseForm, type FormState } from "@/lib/forms";
import { refusal, submittedFormValues } from "@/lib/mutation-outcome";
import { createDepartmentTx, setDepartmentArchivedTx, updateDepartmentTx } from "@/lib/departments/mutations";
import { departmentArchiveSchema, departmentCreateSchema, departmentUpdateSchema } from "@/lib/departments/schema";
import type { MutationResult } from "@/lib/vendors/mutations";
import type { VendorFormState } from "@/lib/vendors/schema";

/** A unique violation (P2002) that slipped past the pre-check (two saves of the same name at once) → "duplicate" on `name`. */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code?: unknown }).code === "P2002";
}

async function run(fn: () => Promise<MutationResult>): Promise<MutationResult> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, error: "duplicate", field: "name" };
    throw e;
  }
}

const listPath = (orgId: string) => `/o/${orgId}/settings/departments`;

export async function createDepartment(orgId: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "department:write", orgId);
  const input = parseForm(departmentCreateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await run(() => db.$transaction(async (tx) => createDepartmentTx(tx, actor, orgId, input.data)));
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}`, "layout");
  redirect(`${listPath(orgId)}?saved=1`);
}

export async function updateDepartment(orgId: string, id: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "department:write", orgId);
  const input = parseForm(departmentUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await run(() => db.$transaction(async (tx) => updateDepartmentTx(tx, actor, orgId, id, input.data)));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}`, "layout");
  redirect(`${listPath(orgId)}?saved=1`);
}

export async function archiveDepartment(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "department:write", orgId);
  const input = parseForm(departmentArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setDepartmentArchivedTx(tx, actor, orgId, id, input.data.version, true));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(listPath(orgId));
  return { ok: true };
}

export async function restoreDepartment(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "department:write", orgId);
  const input = parseForm(departmentArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setDepartmentArchivedTx(tx, actor, orgId, id, input.data.version, false));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(listPath(orgId));
  return { ok: true };
}

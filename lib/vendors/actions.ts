"use server";
// Vendor writes (house-style §4): requireUser → authorize → parseForm → db.$transaction(mutations) → revalidate/redirect.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { restoreVendorRevisionTx } from "@/lib/vendors/mutations";
import { revisionRestoreSchema } from "@/lib/history/schema";
import { actorOf, authorize, requireUser } from "@/lib/current-user";
import { parseForm, type FormState } from "@/lib/forms";
import { refusal, submittedFormValues } from "@/lib/mutation-outcome";
import type { VendorFormState } from "@/lib/vendors/schema";
import {
  addCertificationTx,
  addContactTx,
  addDpfCheckTx,
  addLocationTx,
  addSubProcessorTx,
  createVendorTx,
  disableContactTx,
  removeCertificationTx,
  removeLocationTx,
  removeSubProcessorTx,
  setVendorArchivedTx,
  updateVendorTx,
  type MutationResult,
} from "@/lib/vendors/mutations";
import {
  certificationSchema,
  childIdSchema,
  contactSchema,
  dpfCheckSchema,
  locationSchema,
  subProcessorSchema,
  vendorArchiveSchema,
  vendorCreateSchema,
  vendorUpdateSchema,
} from "@/lib/vendors/schema";




export async function createVendor(orgId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(vendorCreateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => createVendorTx(tx, actor, orgId, input.data));
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/vendors`);
  redirect(`/o/${orgId}/vendors/${result.id}`);
}

export async function updateVendor(orgId: string, id: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(vendorUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => updateVendorTx(tx, actor, orgId, id, input.data));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/vendors`);
  redirect(`/o/${orgId}/vendors/${id}?saved=1`);
}

export async function archiveVendor(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:archive", orgId);
  const input = parseForm(vendorArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setVendorArchivedTx(tx, actor, orgId, id, input.data.version, true));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, undefined);
  revalidatePath(`/o/${orgId}/vendors`);
  redirect(`/o/${orgId}/vendors/${id}`);
}

export async function restoreVendor(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:archive", orgId);
  const input = parseForm(vendorArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setVendorArchivedTx(tx, actor, orgId, id, input.data.version, false));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, undefined);
  revalidatePath(`/o/${orgId}/vendors`);
  redirect(`/o/${orgId}/vendors/${id}`);
}

/** Child forms: a refusal stays in the form; success shows the vendor page with the saved state. */
function childDone(orgId: string, vendorId: string, result: MutationResult, formData: FormData): FormState {
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/vendors/${vendorId}`);
  redirect(`/o/${orgId}/vendors/${vendorId}?saved=1`);
}

export async function addVendorLocation(orgId: string, vendorId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(locationSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => addLocationTx(tx, actor, orgId, vendorId, input.data));
  return childDone(orgId, vendorId, result, formData);
}

export async function removeVendorLocation(orgId: string, vendorId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(childIdSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => removeLocationTx(tx, actor, orgId, vendorId, input.data.id));
  return childDone(orgId, vendorId, result, formData);
}

export async function addVendorCertification(orgId: string, vendorId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(certificationSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => addCertificationTx(tx, actor, orgId, vendorId, input.data));
  return childDone(orgId, vendorId, result, formData);
}

export async function removeVendorCertification(orgId: string, vendorId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(childIdSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => removeCertificationTx(tx, actor, orgId, vendorId, input.data.id));
  return childDone(orgId, vendorId, result, formData);
}

export async function addVendorDpfCheck(orgId: string, vendorId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(dpfCheckSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => addDpfCheckTx(tx, actor, orgId, vendorId, input.data));
  return childDone(orgId, vendorId, result, formData);
}

export async function addVendorSubProcessor(orgId: string, vendorId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(subProcessorSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => addSubProcessorTx(tx, actor, orgId, vendorId, input.data));
  return childDone(orgId, vendorId, result, formData);
}

export async function removeVendorSubProcessor(orgId: string, vendorId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(childIdSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => removeSubProcessorTx(tx, actor, orgId, vendorId, input.data.id));
  return childDone(orgId, vendorId, result, formData);
}

export async function addVendorContact(orgId: string, vendorId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(contactSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => addContactTx(tx, actor, orgId, vendorId, input.data));
  if (!result.ok && result.error === "duplicate") return { formError: "errors.validation", fieldErrors: { email: ["vendor.errors.duplicateContact"] }, values: submittedFormValues(formData) };
  return childDone(orgId, vendorId, result, formData);
}

export async function disableVendorContact(orgId: string, vendorId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(childIdSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => disableContactTx(tx, actor, orgId, vendorId, input.data.id));
  return childDone(orgId, vendorId, result, formData);
}

/**
 * Restores an older revision as a new one (C33): the current version from the history page (optimistic
 * concurrency, C32) and a change reason are required; one Revision + one AuditEvent.
 */
export async function restoreVendorRevision(orgId: string, id: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "vendor:write", orgId);
  const input = parseForm(revisionRestoreSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => restoreVendorRevisionTx(tx, actor, orgId, id, input.data));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/vendors`);
  revalidatePath(`/o/${orgId}/vendors/${id}`);
  redirect(`/o/${orgId}/vendors/${id}/history?restored=${input.data.revision}`);
}

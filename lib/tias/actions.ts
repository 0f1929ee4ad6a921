"use server";
// TIA writes (house-style §4): requireUser → authorize → parseForm → db.$transaction(mutations) → revalidate/redirect.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { restoreTiaRevisionTx } from "@/lib/tias/mutations";
import { revisionRestoreSchema } from "@/lib/history/schema";
import { actorOf, authorize, requireUser } from "@/lib/current-user";
import { parseForm, type FormState } from "@/lib/forms";
import { refusal, submittedFormValues } from "@/lib/mutation-outcome";
import { createTiaTx, setTiaArchivedTx, updateTiaTx } from "@/lib/tias/mutations";
import { tiaArchiveSchema, tiaCreateSchema, tiaUpdateSchema } from "@/lib/tias/schema";
import type { VendorFormState } from "@/lib/vendors/schema";




export async function createTia(orgId: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "tia:write", orgId);
  const input = parseForm(tiaCreateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => createTiaTx(tx, actor, orgId, input.data));
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/tias`);
  redirect(`/o/${orgId}/tias/${result.id}?saved=1`);
}

export async function updateTia(orgId: string, id: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "tia:write", orgId);
  const input = parseForm(tiaUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => updateTiaTx(tx, actor, orgId, id, input.data));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/tias`);
  redirect(`/o/${orgId}/tias/${id}?saved=1`);
}

export async function archiveTia(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "tia:write", orgId);
  const input = parseForm(tiaArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setTiaArchivedTx(tx, actor, orgId, id, input.data.version, true));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/tias`);
  return { ok: true };
}

export async function restoreTia(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "tia:write", orgId);
  const input = parseForm(tiaArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setTiaArchivedTx(tx, actor, orgId, id, input.data.version, false));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/tias`);
  return { ok: true };
}

/**
 * Restores an older revision as a new one (C33): the current version from the history page (optimistic
 * concurrency, C32) and a change reason are required; one Revision + one AuditEvent.
 */
export async function restoreTiaRevision(orgId: string, id: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "tia:write", orgId);
  const input = parseForm(revisionRestoreSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => restoreTiaRevisionTx(tx, actor, orgId, id, input.data));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/tias`);
  revalidatePath(`/o/${orgId}/tias/${id}`);
  redirect(`/o/${orgId}/tias/${id}/history?restored=${input.data.revision}`);
}

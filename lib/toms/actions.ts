"use server";
// TOM writes (house-style §4): requireUser → authorize → parseForm → db.$transaction(mutations) → revalidate/redirect.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { restoreTomRevisionTx } from "@/lib/toms/mutations";
import { revisionRestoreSchema } from "@/lib/history/schema";
import { actorOf, authorize, requireUser } from "@/lib/current-user";
import { parseForm, type FormState } from "@/lib/forms";
import { refusal, submittedFormValues } from "@/lib/mutation-outcome";
import { createTomTx, setTomArchivedTx, updateTomTx } from "@/lib/toms/mutations";
import { tomArchiveSchema, tomCreateSchema, tomUpdateSchema } from "@/lib/toms/schema";
import type { MutationResult } from "@/lib/vendors/mutations";
import type { VendorFormState } from "@/lib/vendors/schema";




/** A unique violation (P2002) that slipped past the pre-check (two saves of the same code at once) → "duplicate" on `code`. */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code?: unknown }).code === "P2002";
}

async function run(fn: () => Promise<MutationResult>): Promise<MutationResult> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, error: "duplicate", field: "code" };
    throw e;
  }
}

export async function createTom(orgId: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "tom:write", orgId);
  const input = parseForm(tomCreateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await run(() => db.$transaction(async (tx) => createTomTx(tx, actor, orgId, input.data)));
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/toms`);
  redirect(`/o/${orgId}/toms/${result.id}?saved=1`);
}

export async function updateTom(orgId: string, id: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "tom:write", orgId);
  const input = parseForm(tomUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await run(() => db.$transaction(async (tx) => updateTomTx(tx, actor, orgId, id, input.data)));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/toms`);
  redirect(`/o/${orgId}/toms/${id}?saved=1`);
}

export async function archiveTom(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "tom:write", orgId);
  const input = parseForm(tomArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setTomArchivedTx(tx, actor, orgId, id, input.data.version, true));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/toms`);
  return { ok: true };
}

export async function restoreTom(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "tom:write", orgId);
  const input = parseForm(tomArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setTomArchivedTx(tx, actor, orgId, id, input.data.version, false));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/toms`);
  return { ok: true };
}

/**
 * Restores an older revision as a new one (C33): the current version from the history page (optimistic
 * concurrency, C32) and a change reason are required; one Revision + one AuditEvent.
 */
export async function restoreTomRevision(orgId: string, id: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "tom:write", orgId);
  const input = parseForm(revisionRestoreSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => restoreTomRevisionTx(tx, actor, orgId, id, input.data));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}/toms`);
  revalidatePath(`/o/${orgId}/toms/${id}`);
  redirect(`/o/${orgId}/toms/${id}/history?restored=${input.data.revision}`);
}

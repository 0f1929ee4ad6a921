"use server";
// Agreement (AVV) writes (house-style §4): requireUser → authorize → parseForm → db.$transaction → revalidate/redirect.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { restoreDpaRevisionTx } from "@/lib/agreements/mutations";
import { revisionRestoreSchema } from "@/lib/history/schema";
import { actorOf, authorize, requireUser } from "@/lib/current-user";
import { formDataToObject, parseForm, type FormState } from "@/lib/forms";
import { createDpaTx, setDpaArchivedTx, updateDpaTx } from "@/lib/agreements/mutations";
import { dpaArchiveSchema, dpaCreateSchema, dpaUpdateSchema } from "@/lib/agreements/schema";
import type { MutationResult } from "@/lib/vendors/mutations";


function refusal(result: Exclude<MutationResult, { ok: true }>, formData: FormData): FormState {
  const { values } = formDataToObject(formData);
  if (result.error === "conflict") return { formError: "errors.conflict", values };
  if (result.field) return { formError: "errors.validation", fieldErrors: { [result.field]: ["errors.invalidOption"] }, values };
  return { formError: "errors.notFound", values };
}

export async function createAgreement(orgId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "dpa:write", orgId);
  const input = parseForm(dpaCreateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => createDpaTx(tx, actor, orgId, input.data));
  if (!result.ok) return refusal(result, formData);
  revalidatePath(`/o/${orgId}/agreements`);
  redirect(`/o/${orgId}/agreements?saved=1`);
}

export async function updateAgreement(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "dpa:write", orgId);
  const input = parseForm(dpaUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => updateDpaTx(tx, actor, orgId, id, input.data));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, formData);
  revalidatePath(`/o/${orgId}/agreements`);
  redirect(`/o/${orgId}/agreements?saved=1`);
}

export async function archiveAgreement(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "dpa:write", orgId);
  const input = parseForm(dpaArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setDpaArchivedTx(tx, actor, orgId, id, input.data.version, true));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, formData);
  revalidatePath(`/o/${orgId}/agreements`);
  return { ok: true };
}

export async function restoreAgreement(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "dpa:write", orgId);
  const input = parseForm(dpaArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setDpaArchivedTx(tx, actor, orgId, id, input.data.version, false));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, formData);
  revalidatePath(`/o/${orgId}/agreements`);
  return { ok: true };
}

/**
 * Restores an older revision as a new one (C33): the current version from the history page (optimistic
 * concurrency, C32) and a change reason are required; one Revision + one AuditEvent.
 */
export async function restoreAgreementRevision(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "dpa:write", orgId);
  const input = parseForm(revisionRestoreSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => restoreDpaRevisionTx(tx, actor, orgId, id, input.data));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, formData);
  revalidatePath(`/o/${orgId}/agreements`);
  revalidatePath(`/o/${orgId}/agreements/${id}`);
  redirect(`/o/${orgId}/agreements/${id}/history?restored=${input.data.revision}`);
}

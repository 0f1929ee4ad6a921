"use server";
// Writes of an organisation's own vocabulary terms (house-style §4): requireUser → authorize → parseForm →
// db.$transaction(mutations) → revalidate/redirect.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { actorOf, authorize, requireUser } from "@/lib/current-user";
import { parseForm, type FormState } from "@/lib/forms";
import { refusal, submittedFormValues } from "@/lib/mutation-outcome";
import { createTermTx, setTermArchivedTx, updateTermTx } from "@/lib/vocabulary/mutations";
import { termArchiveSchema, termCreateSchema, termUpdateSchema } from "@/lib/vocabulary/schema";
import type { MutationResult } from "@/lib/vendors/mutations";
import type { VendorFormState } from "@/lib/vendors/schema";

/** Two creates of the same label at once derive the same code: the unique index (P2002) refuses the second → "duplicate" on `labelDe`. */
async function run(fn: () => Promise<MutationResult>): Promise<MutationResult> {
  try {
    return await fn();
  } catch (e) {
    if (typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002") return { ok: false, error: "duplicate", field: "labelDe" };
    throw e;
  }
}

const listPath = (orgId: string, kind: string) => `/o/${orgId}/settings/vocabulary?kind=${kind}`;

export async function createVocabularyTerm(orgId: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "vocabulary:write", orgId);
  const input = parseForm(termCreateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await run(() => db.$transaction(async (tx) => createTermTx(tx, actor, orgId, input.data)));
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}`, "layout");
  redirect(`${listPath(orgId, input.data.kind)}&saved=1`);
}

export async function updateVocabularyTerm(orgId: string, id: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "vocabulary:write", orgId);
  const input = parseForm(termUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await run(() => db.$transaction(async (tx) => updateTermTx(tx, actor, orgId, id, input.data)));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  const kind = (await db.vocabularyTerm.findUnique({ where: { id }, select: { kind: true } }))?.kind ?? "DATA_CATEGORY";
  revalidatePath(`/o/${orgId}`, "layout");
  redirect(`${listPath(orgId, kind)}&saved=1`);
}

export async function archiveVocabularyTerm(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vocabulary:write", orgId);
  const input = parseForm(termArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setTermArchivedTx(tx, actor, orgId, id, input.data.stamp, true));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}`, "layout");
  return { ok: true };
}

export async function restoreVocabularyTerm(orgId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "vocabulary:write", orgId);
  const input = parseForm(termArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => setTermArchivedTx(tx, actor, orgId, id, input.data.stamp, false));
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}`, "layout");
  return { ok: true };
}

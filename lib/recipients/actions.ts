"use server";
// Recipients and transfers of an activity (house-style §4): requireUser → authorize → parseForm →
// db.$transaction(mutations) → revalidate → redirect back to the recipients page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { actorOf, authorize, requireUser } from "@/lib/current-user";
import { formDataToObject, parseForm, type FormState } from "@/lib/forms";
import {
  ActivityConflict,
  addRecipientTx,
  addTransferTx,
  archiveTransferTx,
  removeRecipientTx,
  updateRecipientTx,
  updateTransferTx,
  type ChildResult,
} from "@/lib/recipients/mutations";
import {
  recipientCreateSchema,
  recipientRemoveSchema,
  recipientUpdateSchema,
  transferArchiveSchema,
  transferCreateSchema,
  transferUpdateSchema,
} from "@/lib/recipients/schema";
import type { Tx } from "@/lib/db";


/** The transaction; a concurrent change of the activity rolls it back and reads as a conflict. */
async function run(body: (tx: Tx) => Promise<ChildResult>): Promise<ChildResult> {
  try {
    return await db.$transaction(body);
  } catch (e) {
    if (e instanceof ActivityConflict) return { ok: false, error: "conflict" };
    throw e;
  }
}

function done(orgId: string, activityId: string, result: ChildResult, formData: FormData): FormState {
  if (result.ok) {
    revalidatePath(`/o/${orgId}/activities/${activityId}`);
    revalidatePath(`/o/${orgId}/activities/${activityId}/recipients`);
    redirect(`/o/${orgId}/activities/${activityId}/recipients?saved=1`);
  }
  const { values } = formDataToObject(formData);
  if (result.error === "conflict") return { formError: "errors.conflict", values };
  if (result.error === "archived") return { formError: "activity.errors.archived", values };
  if (result.field) return { formError: "errors.validation", fieldErrors: { [result.field]: ["errors.invalidOption"] }, values };
  return { formError: "errors.notFound", values };
}

export async function addRecipient(orgId: string, activityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "transfer:write", orgId);
  const input = parseForm(recipientCreateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  return done(orgId, activityId, await run((tx) => addRecipientTx(tx, actor, orgId, activityId, input.data)), formData);
}

export async function updateRecipient(orgId: string, activityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "transfer:write", orgId);
  const input = parseForm(recipientUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  return done(orgId, activityId, await run((tx) => updateRecipientTx(tx, actor, orgId, activityId, input.data)), formData);
}

export async function removeRecipient(orgId: string, activityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "transfer:write", orgId);
  const input = parseForm(recipientRemoveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  return done(orgId, activityId, await run((tx) => removeRecipientTx(tx, actor, orgId, activityId, input.data.recipientId)), formData);
}

export async function addTransfer(orgId: string, activityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "transfer:write", orgId);
  const input = parseForm(transferCreateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  return done(orgId, activityId, await run((tx) => addTransferTx(tx, actor, orgId, activityId, input.data)), formData);
}

export async function updateTransfer(orgId: string, activityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "transfer:write", orgId);
  const input = parseForm(transferUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  return done(orgId, activityId, await run((tx) => updateTransferTx(tx, actor, orgId, activityId, input.data)), formData);
}

export async function archiveTransfer(orgId: string, activityId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "transfer:write", orgId);
  const input = parseForm(transferArchiveSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  return done(orgId, activityId, await run((tx) => archiveTransferTx(tx, actor, orgId, activityId, input.data.transferId, input.data.version)), formData);
}

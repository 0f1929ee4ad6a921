"use server";
// DPIA screening writes (house-style §4): requireUser → authorize → parse (zod, strict) → db.$transaction
// (lib/activities/mutations.ts: write + revision + audit event) → revalidate / redirect.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db, type Tx } from "@/lib/db";
import { actorOf, authorize, requireUser } from "@/lib/current-user";
import { isBusyError } from "@/lib/errors";
import { parseForm } from "@/lib/forms";
import { submittedFormValues } from "@/lib/mutation-outcome";
import { isEntityId, type ActivityFormState } from "@/lib/activities/schema";
import { recordDpiaDecisionTx, saveDpiaCriteriaTx, type ActivityOutcome } from "@/lib/activities/mutations";
import { dpiaCriteriaSchema, dpiaDecisionSchema } from "@/lib/dpia/schema";
import { loadReferenceSnapshot } from "@/lib/risk/load";

async function run(fn: (tx: Tx) => Promise<ActivityOutcome>): Promise<ActivityOutcome | "busy"> {
  try {
    return await db.$transaction(fn);
  } catch (e) {
    if (isBusyError(e)) return "busy";
    throw e;
  }
}

function refusal(outcome: Exclude<ActivityOutcome, { ok: true }> | "busy", values: ActivityFormState["values"]): ActivityFormState {
  if (outcome === "busy") return { formError: "errors.busy", values };
  if (outcome.kind === "not-found") notFound();
  if (outcome.kind === "conflict") return { formError: "errors.conflict", conflict: outcome.conflict, values };
  if (outcome.kind === "invalid") return { formError: "errors.validation", fieldErrors: outcome.fieldErrors, values };
  return { formError: outcome.error, values };
}

const revalidate = (orgId: string, id: string) => {
  revalidatePath(`/o/${orgId}/activities/${id}`);
  revalidatePath(`/o/${orgId}/activities/${id}/dpia`);
  revalidatePath(`/o/${orgId}/activities`);
};

/** The DPO records the DPIA decision (required / not required) with a mandatory reason against the indicator. */
export async function recordDpiaDecision(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "dpia:decide", orgId);
  if (!isEntityId(id)) notFound();
  const input = parseForm(dpiaDecisionSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const lists = (await loadReferenceSnapshot(db)).dpiaLists;

  const outcome = await run((tx) => recordDpiaDecisionTx(tx, actor, orgId, id, input.data, lists));
  if (outcome === "busy" || !outcome.ok) return refusal(outcome, submittedFormValues(formData));

  revalidate(orgId, id);
  redirect(`/o/${orgId}/activities/${id}/dpia?saved=decision`);
}

/** Saves the ticked screening criteria (Art. 35(3), WP248, DSK Muss-Liste). */
export async function saveDpiaCriteria(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:write", orgId);
  if (!isEntityId(id)) notFound();
  const input = parseForm(dpiaCriteriaSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const lists = (await loadReferenceSnapshot(db)).dpiaLists;

  const outcome = await run((tx) => saveDpiaCriteriaTx(tx, actor, orgId, id, input.data, lists));
  if (outcome === "busy" || !outcome.ok) return refusal(outcome, submittedFormValues(formData));

  revalidate(orgId, id);
  redirect(`/o/${orgId}/activities/${id}/dpia?saved=criteria`);
}

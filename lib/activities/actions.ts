"use server";
// Writes of processing activities (house-style §4): requireUser → authorize → parse (zod, strict) →
// db.$transaction (mutation + revision + audit event, awaiting only tx.*) → revalidate / redirect.
// The transaction bodies live in mutations.ts so the integration tests run them without Next.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db, type Tx } from "@/lib/db";
import { authorize, requireUser, type CurrentUser } from "@/lib/current-user";
import { isBusyError } from "@/lib/errors";
import { clientIp } from "@/lib/rate-limit";
import { parseForm } from "@/lib/forms";
import type { Actor } from "@/lib/audit";
import type { WorkflowStep } from "@/lib/domain/workflow";
import {
  activityCreateSchema, activityUpdateSchema, copyActivitySchema, isEntityId, parseActivityForm, restoreRevisionSchema, workflowSchema,
  type ActivityFormState,
} from "@/lib/activities/schema";
import { copyActivityTx, createActivityTx, restoreRevisionTx, updateActivityTx, workflowStepTx, type ActivityOutcome } from "@/lib/activities/mutations";

/** Bound ids arrive from the client as they are: anything but a plain id is a miss (C25: no Prisma operator objects). */
function assertId(id: unknown): asserts id is string {
  if (!isEntityId(id)) notFound();
}

async function actorOf(user: CurrentUser): Promise<Actor> {
  return { id: user.id, name: user.name ?? user.email, ip: clientIp(await headers()) };
}

/** Runs a transaction; a busy SQLite database becomes errors.busy instead of a 500 (C36). */
async function run(fn: (tx: Tx) => Promise<ActivityOutcome>): Promise<ActivityOutcome | "busy"> {
  try {
    return await db.$transaction(fn);
  } catch (e) {
    if (isBusyError(e)) return "busy";
    throw e;
  }
}

/** A refused outcome → form state (values kept by the caller). */
function refusal(outcome: Exclude<ActivityOutcome, { ok: true }> | "busy", values?: ActivityFormState["values"]): ActivityFormState {
  if (outcome === "busy") return { formError: "errors.busy", values };
  if (outcome.kind === "not-found") notFound();
  if (outcome.kind === "conflict") return { formError: "errors.conflict", conflict: outcome.conflict, values };
  if (outcome.kind === "invalid") return { formError: "errors.validation", fieldErrors: outcome.fieldErrors, values };
  return { formError: outcome.error, values };
}

const paths = (orgId: string, id?: string) => {
  revalidatePath(`/o/${orgId}/activities`);
  revalidatePath(`/o/${orgId}`);
  if (id) revalidatePath(`/o/${orgId}/activities/${id}`);
};

export async function createActivity(orgId: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:write", orgId);
  const input = parseActivityForm(activityCreateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);

  const outcome = await run((tx) => createActivityTx(tx, actor, orgId, input.data));
  if (outcome === "busy" || !outcome.ok) return refusal(outcome, submitted(formData));

  paths(orgId, outcome.id);
  redirect(`/o/${orgId}/activities/${outcome.id}?saved=1`);
}

export async function updateActivity(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:write", orgId);
  assertId(id);
  const input = parseActivityForm(activityUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);

  const outcome = await run((tx) => updateActivityTx(tx, actor, orgId, id, input.data));
  if (outcome === "busy" || !outcome.ok) return refusal(outcome, submitted(formData));

  paths(orgId, id);
  redirect(`/o/${orgId}/activities/${id}?saved=1`);
}

/** What the user typed, for the form to keep after a refusal (repeated keys as arrays). */
function submitted(formData: FormData): NonNullable<ActivityFormState["values"]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v !== "string" || k.startsWith("$ACTION")) continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

async function step(orgId: string, id: string, s: WorkflowStep, formData: FormData, user: CurrentUser): Promise<ActivityFormState> {
  const input = parseForm(workflowSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const outcome = await run((tx) => workflowStepTx(tx, actor, orgId, id, s, input.data));
  if (outcome === "busy" || !outcome.ok) return refusal(outcome);
  paths(orgId, id);
  return { ok: true };
}

export async function submitActivityForReview(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:write", orgId);
  assertId(id);
  return step(orgId, id, "submit", formData, user);
}

export async function releaseActivity(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:release", orgId);
  assertId(id);
  return step(orgId, id, "release", formData, user);
}

export async function returnActivityToDraft(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:write", orgId);
  assertId(id);
  return step(orgId, id, "backToDraft", formData, user);
}

export async function archiveActivity(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:archive", orgId);
  assertId(id);
  return step(orgId, id, "archive", formData, user);
}

export async function restoreActivity(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:archive", orgId);
  assertId(id);
  return step(orgId, id, "restore", formData, user);
}

export async function confirmActivityReview(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:write", orgId);
  assertId(id);
  return step(orgId, id, "review", formData, user);
}

export async function restoreActivityRevision(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "activity:write", orgId);
  assertId(id);
  const input = parseForm(restoreRevisionSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);

  const outcome = await run((tx) => restoreRevisionTx(tx, actor, orgId, id, input.data));
  if (outcome === "busy" || !outcome.ok) return refusal(outcome);

  paths(orgId, id);
  revalidatePath(`/o/${orgId}/activities/${id}/history`);
  redirect(`/o/${orgId}/activities/${id}/history?restored=${input.data.revision}`);
}

export async function copyActivity(orgId: string, id: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  assertId(id);
  const input = parseForm(copyActivitySchema, formData);
  if (!input.ok) return input.state;
  authorize(user, "activity:write", input.data.targetOrganisationId);
  const actor = await actorOf(user);

  const outcome = await run((tx) => copyActivityTx(tx, actor, orgId, id, input.data.targetOrganisationId));
  if (outcome === "busy" || !outcome.ok) return refusal(outcome);

  paths(input.data.targetOrganisationId, outcome.id);
  redirect(`/o/${input.data.targetOrganisationId}/activities/${outcome.id}?copied=1`);
}

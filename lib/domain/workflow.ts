// Workflow of a register entry (processing activity): draft → in review → released → archived.
// Pure: plain data in, plain data out; the date is passed in (house-style §3). Permissions are checked by
// the action with authorize(); this module decides whether a step is allowed from the current state.
import type { Permission } from "@/lib/domain/permissions";

export type ActivityStatus = "DRAFT" | "IN_REVIEW" | "RELEASED" | "ARCHIVED";

/** Workflow steps a user can take on an activity (besides editing its content). */
export type WorkflowStep = "submit" | "release" | "backToDraft" | "archive" | "restore" | "review";

export const WORKFLOW_STEPS: readonly WorkflowStep[] = ["submit", "release", "backToDraft", "archive", "restore", "review"];

/** The permission each step needs (house-style §5). */
export const WORKFLOW_PERMISSION = {
  submit: "activity:write",
  release: "activity:release",
  backToDraft: "activity:write",
  archive: "activity:archive",
  restore: "activity:archive",
  review: "activity:write",
} as const satisfies Record<WorkflowStep, Permission>;

/** Statuses from which a step may be taken. */
const FROM: Record<WorkflowStep, readonly ActivityStatus[]> = {
  submit: ["DRAFT"],
  release: ["IN_REVIEW"],
  backToDraft: ["IN_REVIEW", "RELEASED"],
  archive: ["DRAFT", "IN_REVIEW", "RELEASED"],
  restore: ["ARCHIVED"],
  review: ["DRAFT", "IN_REVIEW", "RELEASED"],
};

const TO: Record<WorkflowStep, ActivityStatus | "same"> = {
  submit: "IN_REVIEW",
  release: "RELEASED",
  backToDraft: "DRAFT",
  archive: "ARCHIVED",
  restore: "DRAFT",
  review: "same",
};

export type WorkflowContext = {
  status: ActivityStatus;
  /** Who takes the step. */
  actorId: string;
  /** The last editor of the content (ProcessingActivity.updatedById). */
  lastEditorId: string | null;
  /** Organisation.requireFourEyes: the releaser must not be the last editor. */
  requireFourEyes: boolean;
};

export type WorkflowOutcome = { ok: true; status: ActivityStatus } | { ok: false; error: string };

/** Whether `step` is allowed in `ctx`, and the resulting status; refusals carry a message key. */
export function applyWorkflowStep(step: WorkflowStep, ctx: WorkflowContext): WorkflowOutcome {
  if (!FROM[step].includes(ctx.status)) return { ok: false, error: "activity.errors.invalidTransition" };
  if (step === "release" && ctx.requireFourEyes && ctx.lastEditorId !== null && ctx.lastEditorId === ctx.actorId) {
    return { ok: false, error: "activity.errors.fourEyes" };
  }
  const to = TO[step];
  return { ok: true, status: to === "same" ? ctx.status : to };
}

/** Steps offered for a status (the UI still checks permissions with `can`). */
export function availableSteps(status: ActivityStatus): WorkflowStep[] {
  return WORKFLOW_STEPS.filter((s) => FROM[s].includes(status));
}

/**
 * Status after a content change (edit or restoring an earlier version): a released entry goes back to
 * review; an archived entry cannot be edited.
 */
export function statusAfterEdit(status: ActivityStatus): WorkflowOutcome {
  if (status === "ARCHIVED") return { ok: false, error: "activity.errors.archived" };
  return { ok: true, status: status === "RELEASED" ? "IN_REVIEW" : status };
}

/** `date` plus whole calendar months (UTC); the day is clamped to the last day of the target month. */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/** Review confirmed at `asOf`: last reviewed now, next review after the interval. */
export function confirmReview(asOf: Date, intervalMonths: number): { lastReviewedAt: Date; nextReviewAt: Date } {
  return { lastReviewedAt: asOf, nextReviewAt: addMonths(asOf, intervalMonths) };
}

import { describe, expect, it } from "vitest";
import { addMonths, applyWorkflowStep, availableSteps, confirmReview, statusAfterEdit, WORKFLOW_PERMISSION, type ActivityStatus, type WorkflowStep } from "./workflow";

const ctx = (status: ActivityStatus, over: Partial<{ actorId: string; lastEditorId: string | null; requireFourEyes: boolean }> = {}) => ({
  status, actorId: "dpo", lastEditorId: "editor", requireFourEyes: false, ...over,
});

describe("applyWorkflowStep", () => {
  const table: [WorkflowStep, ActivityStatus, ActivityStatus | null][] = [
    ["submit", "DRAFT", "IN_REVIEW"], ["submit", "IN_REVIEW", null], ["submit", "RELEASED", null], ["submit", "ARCHIVED", null],
    ["release", "IN_REVIEW", "RELEASED"], ["release", "DRAFT", null], ["release", "RELEASED", null], ["release", "ARCHIVED", null],
    ["backToDraft", "IN_REVIEW", "DRAFT"], ["backToDraft", "RELEASED", "DRAFT"], ["backToDraft", "DRAFT", null], ["backToDraft", "ARCHIVED", null],
    ["archive", "DRAFT", "ARCHIVED"], ["archive", "IN_REVIEW", "ARCHIVED"], ["archive", "RELEASED", "ARCHIVED"], ["archive", "ARCHIVED", null],
    ["restore", "ARCHIVED", "DRAFT"], ["restore", "DRAFT", null], ["restore", "RELEASED", null],
    ["review", "RELEASED", "RELEASED"], ["review", "DRAFT", "DRAFT"], ["review", "IN_REVIEW", "IN_REVIEW"], ["review", "ARCHIVED", null],
  ];
  it.each(table)("%s from %s → %s", (step, from, to) => {
    const r = applyWorkflowStep(step, ctx(from));
    expect(r).toEqual(to === null ? { ok: false, error: "activity.errors.invalidTransition" } : { ok: true, status: to });
  });

  it("four eyes: the last editor cannot release when the organisation requires it", () => {
    expect(applyWorkflowStep("release", ctx("IN_REVIEW", { actorId: "a", lastEditorId: "a", requireFourEyes: true }))).toEqual({ ok: false, error: "activity.errors.fourEyes" });
    expect(applyWorkflowStep("release", ctx("IN_REVIEW", { actorId: "a", lastEditorId: "b", requireFourEyes: true }))).toEqual({ ok: true, status: "RELEASED" });
    expect(applyWorkflowStep("release", ctx("IN_REVIEW", { actorId: "a", lastEditorId: "a", requireFourEyes: false }))).toEqual({ ok: true, status: "RELEASED" });
    expect(applyWorkflowStep("release", ctx("IN_REVIEW", { actorId: "a", lastEditorId: null, requireFourEyes: true }))).toEqual({ ok: true, status: "RELEASED" });
  });

  it("release needs the DPO permission, archive and restore the archive permission", () => {
    expect(WORKFLOW_PERMISSION.release).toBe("activity:release");
    expect(WORKFLOW_PERMISSION.archive).toBe("activity:archive");
    expect(WORKFLOW_PERMISSION.restore).toBe("activity:archive");
    expect(WORKFLOW_PERMISSION.submit).toBe("activity:write");
  });

  it("availableSteps lists the steps allowed from a status", () => {
    expect(availableSteps("DRAFT")).toEqual(["submit", "archive", "review"]);
    expect(availableSteps("ARCHIVED")).toEqual(["restore"]);
    expect(availableSteps("RELEASED")).toEqual(["backToDraft", "archive", "review"]);
  });
});

describe("statusAfterEdit", () => {
  it("sends a released entry back to review and refuses archived entries", () => {
    expect(statusAfterEdit("RELEASED")).toEqual({ ok: true, status: "IN_REVIEW" });
    expect(statusAfterEdit("DRAFT")).toEqual({ ok: true, status: "DRAFT" });
    expect(statusAfterEdit("IN_REVIEW")).toEqual({ ok: true, status: "IN_REVIEW" });
    expect(statusAfterEdit("ARCHIVED")).toEqual({ ok: false, error: "activity.errors.archived" });
  });
});

describe("addMonths / confirmReview", () => {
  it("adds calendar months and clamps the day", () => {
    expect(addMonths(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonths(new Date("2024-01-31T00:00:00Z"), 1).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(addMonths(new Date("2026-11-15T00:00:00Z"), 12).toISOString()).toBe("2027-11-15T00:00:00.000Z");
    expect(addMonths(new Date("2026-11-15T00:00:00Z"), 2).toISOString()).toBe("2027-01-15T00:00:00.000Z");
  });
  it("confirmReview sets last and next review", () => {
    const asOf = new Date("2026-03-10T08:00:00Z");
    expect(confirmReview(asOf, 6)).toEqual({ lastReviewedAt: asOf, nextReviewAt: new Date("2026-09-10T08:00:00Z") });
  });
});

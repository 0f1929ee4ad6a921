// Forms of the DPIA screening page (client-safe): the ticked criteria (editors) and the DPO's decision
// with its mandatory reason. Strict (C03); the version is the activity's, for optimistic concurrency (C32).
import { z } from "zod";

/** Decisions a DPO can record against the indicator; PENDING is the state before any decision. */
export const RECORDABLE_DPIA_DECISIONS = ["REQUIRED", "NOT_REQUIRED"] as const;
export type RecordableDpiaDecision = (typeof RECORDABLE_DPIA_DECISIONS)[number];

export const DPIA_REASON_MAX = 5000;
/** Upper bound on ticked criteria (the lists have 29 items in all). */
const MAX_CRITERIA = 100;

const version = z.coerce.number().int().min(1);
const criterionCode = z.string().regex(/^[A-Z0-9_]{1,40}$/);
const toList = (v: unknown) => (v === undefined || v === null ? [] : Array.isArray(v) ? v.filter((x) => x !== undefined) : [v]);

export const dpiaDecisionSchema = z
  .object({
    version,
    decision: z.enum(RECORDABLE_DPIA_DECISIONS),
    reason: z.string().trim().min(1).max(DPIA_REASON_MAX),
  })
  .strict();
export type DpiaDecisionInput = z.infer<typeof dpiaDecisionSchema>;

export const dpiaCriteriaSchema = z
  .object({
    version,
    criteria: z.preprocess(toList, z.array(criterionCode).max(MAX_CRITERIA)),
  })
  .strict();
export type DpiaCriteriaInput = z.infer<typeof dpiaCriteriaSchema>;

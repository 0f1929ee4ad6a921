// The DPO's DPIA decision against the screening indicator (issue 4). Pure: no I/O, no Date.now(); the
// database facts and the screening result in, the red flags, the stored decision basis and its drift out.
//
// The basis is what the indicator said when the decision was recorded (criteria ticked, verdict, each
// triggered item with its list version, consequences). It is stored in the revision snapshot of the
// decision ("dpiaScreening"), so a later change of the indicator shows up as a warning on the DPIA page.
import type { DpiaConsequence, DpiaRedFlags, DpiaScreeningResult, DpiaVerdict } from "@/lib/domain/dpia-screening";

/** Data-subject codes (VocabularyTerm DATA_SUBJECT) that are vulnerable in the WP248 sense (criterion 7). */
export const VULNERABLE_DATA_SUBJECTS: readonly string[] = ["EMPLOYEES", "APPLICANTS", "CHILDREN", "PUPILS", "PATIENTS"];
/** Consent to access terminal equipment (§ 25(1) TDDDG) indicates tracking; a suggestion only. */
export const TRACKING_LEGAL_BASES: readonly string[] = ["TDDDG_25_1"];
/**
 * Estimated data subjects from which the screening suggests "large scale" (WP248 criterion 5). The GDPR
 * sets no number; this only pre-ticks a criterion for the user to confirm or untick.
 */
export const LARGE_SCALE_SUGGESTION_FROM = 10_000;

export type DpiaFacts = {
  dataSubjectCodes: readonly string[];
  specialCategory: boolean;
  legalBasisCodes: readonly string[];
  estimatedDataSubjects: number | null;
  automatedDecisionMaking: boolean;
  profiling: boolean;
};

/** Red flags from the record (legal-reference §7.4). AI is not recorded on the activity, so it never pre-ticks. */
export function redFlagsOf(f: DpiaFacts): DpiaRedFlags {
  return {
    specialCategories: f.specialCategory,
    employeesOrChildren: f.dataSubjectCodes.some((c) => VULNERABLE_DATA_SUBJECTS.includes(c)),
    ai: false,
    tracking: f.legalBasisCodes.some((c) => TRACKING_LEGAL_BASES.includes(c)),
    largeScale: f.estimatedDataSubjects !== null && f.estimatedDataSubjects >= LARGE_SCALE_SUGGESTION_FROM,
  };
}

/** Criterion codes from the stored Json column (anything else ignored), sorted and unique. */
export function criteriaOf(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  return [...new Set(json.filter((c): c is string => typeof c === "string"))].sort();
}

export type DecisionBasisReason = { code: string; listCode: string; listVersion: string; itemNo: string; hard: boolean };

export type DecisionBasis = {
  criteria: string[];
  verdict: DpiaVerdict;
  wp248Count: number;
  reasons: DecisionBasisReason[];
  consequences: DpiaConsequence[];
  asOf: string;
};

/** The indicator as it stands, in the form stored with a decision. */
export function decisionBasis(criteria: readonly string[], r: DpiaScreeningResult): DecisionBasis {
  return {
    criteria: [...new Set(criteria)].sort(),
    verdict: r.verdict,
    wp248Count: r.wp248Count,
    reasons: r.reasons.map(({ code, listCode, listVersion, itemNo, hard }) => ({ code, listCode, listVersion, itemNo, hard })),
    consequences: [...r.consequences],
    asOf: r.asOf,
  };
}

const VERDICTS: readonly DpiaVerdict[] = ["required", "likely", "check", "not-indicated"];
const CONSEQUENCES: readonly DpiaConsequence[] = ["dpia", "dpo-mandatory-38-bdsg", "prior-consultation-art36", "review-35-11"];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** Reads a stored basis (the revision snapshot's "dpiaScreening"); null when absent or unreadable. */
export function parseDecisionBasis(json: unknown): DecisionBasis | null {
  if (!isRecord(json)) return null;
  const verdict = VERDICTS.find((v) => v === json.verdict);
  const asOf = str(json.asOf);
  if (!verdict || asOf === null || !Array.isArray(json.reasons)) return null;
  const reasons: DecisionBasisReason[] = [];
  for (const r of json.reasons) {
    if (!isRecord(r)) return null;
    const code = str(r.code), listCode = str(r.listCode), listVersion = str(r.listVersion), itemNo = str(r.itemNo);
    if (code === null || listCode === null || listVersion === null || itemNo === null) return null;
    reasons.push({ code, listCode, listVersion, itemNo, hard: r.hard === true });
  }
  return {
    criteria: criteriaOf(json.criteria),
    verdict,
    wp248Count: typeof json.wp248Count === "number" ? json.wp248Count : 0,
    reasons,
    consequences: Array.isArray(json.consequences) ? CONSEQUENCES.filter((c) => (json.consequences as unknown[]).includes(c)) : [],
    asOf,
  };
}

export type DecisionDrift = {
  /** True when the indicator today differs from the one the decision was recorded against. */
  stale: boolean;
  verdictChanged: boolean;
  /** Triggered items (code@listVersion) now, not at the decision. */
  added: string[];
  /** Triggered items at the decision, not now. */
  removed: string[];
};

const itemKey = (r: { code: string; listVersion: string }) => `${r.code}@${r.listVersion}`;

/** Compares the stored basis with the current indicator: verdict and the triggered items with their list versions. */
export function decisionDrift(recorded: DecisionBasis, current: DecisionBasis): DecisionDrift {
  const before = new Set(recorded.reasons.map(itemKey));
  const now = new Set(current.reasons.map(itemKey));
  const added = [...now].filter((k) => !before.has(k)).sort();
  const removed = [...before].filter((k) => !now.has(k)).sort();
  const verdictChanged = recorded.verdict !== current.verdict;
  return { stale: verdictChanged || added.length > 0 || removed.length > 0, verdictChanged, added, removed };
}

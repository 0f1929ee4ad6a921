import "server-only";
// Read side of the organisation start page and the risk badges (issues 3 and 4). Authorizes the caller,
// loads plain rows (lib/overview/load.ts, lib/risk/load.ts) and aggregates them with the pure functions in
// lib/domain/start-page.ts and lib/domain/risk-summary.ts.
import { db } from "@/lib/db";
import { authorize, type CurrentUser } from "@/lib/current-user";
import { toDay } from "@/lib/domain/reference";
import { summarizeByActivity, summarizeByVendor, summarizeRisk, type LevelCounts, type VendorRisk } from "@/lib/domain/risk-summary";
import { daysBefore, healthCounts, registerGaps, reviewsDue, riskTrend, type HealthCounts, type RegisterGap, type ReviewsDue, type RiskTrend } from "@/lib/domain/start-page";
import type { RiskReason, TransferVerdict, VerdictLevel } from "@/lib/domain/transfer-risk";
import { loadActivityRiskInputs, loadStartPageActivities, loadVendorRiskRows } from "@/lib/overview/load";
import { evaluateRiskInputs, loadReferenceSnapshot } from "@/lib/risk/load";
import { loadRiskInputsAsOf } from "@/lib/risk/history";
import { evaluatedRiskRows } from "@/lib/risk/queries";
import { auditStamp, derived } from "@/lib/derived-cache";

/** Days back for the trend of the transfer-risk findings. */
export const TREND_DAYS = 30;
/** Reviews due within this many days are listed as "due soon". */
export const DUE_SOON_DAYS = 30;

export type StartPage = {
  reviews: ReviewsDue;
  gaps: RegisterGap[];
  health: HealthCounts;
  risk: {
    /** Findings per level as of today. */
    now: LevelCounts;
    /** Findings per level of the register as it stood on `thenAsOf` (rebuilt from the revisions), evaluated as of that day. */
    then: LevelCounts;
    trend: RiskTrend;
    asOf: string;
    thenAsOf: string;
    referenceVersion: string;
  };
};

/**
 * The start page's lists and counts: reviews overdue and due soon, activities with missing Art. 30 fields,
 * register-health counts, and the transfer-risk findings now and 30 days ago. The earlier figure is the
 * register as it stood at the end of that day, rebuilt from the revision history (lib/risk/history.ts),
 * evaluated with the legal reference data as of that day. Both evaluations are cached per audit head.
 */
export async function getStartPage(user: CurrentUser, orgId: string, today: Date = new Date()): Promise<StartPage> {
  authorize(user, "register:read", orgId);
  const then = daysBefore(today, TREND_DAYS);
  const endOfThen = new Date(Date.UTC(then.getUTCFullYear(), then.getUTCMonth(), then.getUTCDate(), 23, 59, 59, 999));
  const [activities, ref, stamp] = await Promise.all([loadStartPageActivities(db, orgId), loadReferenceSnapshot(db), auditStamp(db, orgId)]);
  const [nowRows, thenRows] = await Promise.all([
    evaluatedRiskRows(orgId, today, ref, stamp),
    derived(`risk-rows-history:${orgId}:${toDay(then)}:${ref.version}`, stamp, async () => evaluateRiskInputs(await loadRiskInputsAsOf(db, orgId, endOfThen), endOfThen, ref)),
  ]);
  const now = summarizeRisk(nowRows.rows, nowRows.edges).totals.findings;
  const before = summarizeRisk(thenRows.rows, thenRows.edges).totals.findings;
  return {
    reviews: reviewsDue(activities, today, DUE_SOON_DAYS),
    gaps: registerGaps(activities),
    health: healthCounts(activities, today),
    risk: { now, then: before, trend: riskTrend(now, before), asOf: toDay(today), thenAsOf: toDay(then), referenceVersion: ref.version },
  };
}

/** What a badge shows: the worst verdict and every reason behind it. */
export type RiskBadgeData = { verdict: VerdictLevel; reasons: RiskReason[] };

export type ActivityRiskBadge = RiskBadgeData & {
  /** Per transfer of the activity: its own verdict. */
  transfers: Record<string, TransferVerdict>;
};

/**
 * Risk badges for the given activities (the page of the list, or one detail page): only their transfers
 * are evaluated, as of today. Activities without a transfer have no entry.
 */
export async function getActivityRiskBadges(user: CurrentUser, orgId: string, activityIds: readonly string[], asOf: Date = new Date()): Promise<Record<string, ActivityRiskBadge>> {
  authorize(user, "register:read", orgId);
  if (activityIds.length === 0) return {};
  // The facts are cached per audit stamp (lib/derived-cache.ts); the evaluation as of `asOf` runs every time.
  const [ref, inputs] = await Promise.all([
    loadReferenceSnapshot(db),
    auditStamp(db, orgId).then((stamp) => derived(JSON.stringify(["activity-risk-inputs", orgId, activityIds]), stamp, () => loadActivityRiskInputs(db, orgId, activityIds))),
  ]);
  const { rows } = evaluateRiskInputs(inputs, asOf, ref);
  const result: Record<string, ActivityRiskBadge> = {};
  for (const a of summarizeByActivity(rows)) {
    result[a.activityId] = {
      verdict: a.verdict,
      reasons: a.verdicts.flatMap((v) => v.reasons),
      transfers: Object.fromEntries(a.verdicts.map((v) => [v.transferId, v])),
    };
  }
  return result;
}

export type VendorRiskBadge = RiskBadgeData & Pick<VendorRisk, "directVerdict" | "chainVerdict" | "chainVendorIds" | "counts">;

/**
 * Risk badges for the given vendors: the transfers to them or through them and those of the
 * sub-processors in their chain (summarizeByVendor), evaluated as of today. Vendors without any
 * transfer in their chain have no entry.
 */
export async function getVendorRiskBadges(user: CurrentUser, orgId: string, vendorIds: readonly string[], asOf: Date = new Date()): Promise<Record<string, VendorRiskBadge>> {
  authorize(user, "register:read", orgId);
  if (vendorIds.length === 0) return {};
  const ref = await loadReferenceSnapshot(db);
  const { rows, edges } = await loadVendorRiskRows(db, orgId, vendorIds, asOf, ref);
  const wanted = new Set(vendorIds);
  const result: Record<string, VendorRiskBadge> = {};
  for (const v of summarizeByVendor(rows, edges)) {
    if (!wanted.has(v.vendorId) || v.transferIds.length + v.chainVendorIds.length === 0) continue;
    if (v.counts.critical + v.counts.attention + v.counts.info + v.counts.ok === 0) continue;
    result[v.vendorId] = {
      verdict: v.verdict,
      reasons: v.verdicts.flatMap((x) => x.reasons),
      directVerdict: v.directVerdict,
      chainVerdict: v.chainVerdict,
      chainVendorIds: v.chainVendorIds,
      counts: v.counts,
    };
  }
  return result;
}

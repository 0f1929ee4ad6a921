// Aggregations for the organisation start page (issues 3 and 4). Pure: activity DTOs, counts and the
// day in; the due reviews, the gaps in the register, the register-health counts and the trend out.
import { missingArt30Fields, registerHealth, type Art30FieldKey, type HealthActivity, type HealthCode } from "./register-health";
import type { LevelCounts } from "./risk-summary";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of the UTC day of `d`. */
function utcDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** `d` minus `days` calendar days (UTC). */
export function daysBefore(d: Date, days: number): Date {
  return new Date(utcDay(d) - days * DAY_MS);
}

export type ReviewItem = { id: string; name: string; referenceNumber: string; nextReviewAt: Date; days: number };
export type ReviewsDue = { overdue: ReviewItem[]; dueSoon: ReviewItem[] };

/**
 * Reviews past their date (overdue: before today) and those due from today to `windowDays` days ahead,
 * each with the whole days until the date (negative when overdue); earliest first.
 */
export function reviewsDue(
  activities: readonly { id: string; name: string; referenceNumber: string; nextReviewAt: Date | null }[],
  today: Date,
  windowDays = 30,
): ReviewsDue {
  const start = utcDay(today);
  const overdue: ReviewItem[] = [];
  const dueSoon: ReviewItem[] = [];
  for (const a of activities) {
    if (!a.nextReviewAt) continue;
    const days = Math.round((utcDay(a.nextReviewAt) - start) / DAY_MS);
    const item = { id: a.id, name: a.name, referenceNumber: a.referenceNumber, nextReviewAt: a.nextReviewAt, days };
    if (days < 0) overdue.push(item);
    else if (days <= windowDays) dueSoon.push(item);
  }
  const byDate = (x: ReviewItem, y: ReviewItem) => x.nextReviewAt.getTime() - y.nextReviewAt.getTime() || (x.referenceNumber < y.referenceNumber ? -1 : 1);
  return { overdue: overdue.sort(byDate), dueSoon: dueSoon.sort(byDate) };
}

export type RegisterGap = { id: string; name: string; referenceNumber: string; missing: Art30FieldKey[] };

/** Activities with required Art. 30 fields missing, each with the field keys, in the activities' order. */
export function registerGaps(activities: readonly (HealthActivity & { name: string; referenceNumber: string })[]): RegisterGap[] {
  return activities.flatMap((a) => {
    const missing = missingArt30Fields(a).map((f) => f.key);
    return missing.length > 0 ? [{ id: a.id, name: a.name, referenceNumber: a.referenceNumber, missing }] : [];
  });
}

export type HealthCounts = Record<HealthCode, { findings: number; activities: number }>;

export function emptyHealthCounts(): HealthCounts {
  const zero = () => ({ findings: 0, activities: 0 });
  return {
    art30Incomplete: zero(),
    dpaMissing: zero(),
    dpaReviewDue: zero(),
    specialCategoryWithoutCondition: zero(),
    retentionMissing: zero(),
    consentAndLegitimateInterest: zero(),
    consentRecipientsNotNamed: zero(),
    bdsg26OnlyBasis: zero(),
    ttdsgStale: zero(),
    staleTransferReference: zero(),
  };
}

/** Register-health findings per code over all activities: how many findings and how many activities. */
export function healthCounts(activities: readonly HealthActivity[], asOf: Date): HealthCounts {
  const counts = emptyHealthCounts();
  for (const a of activities) {
    const seen = new Set<HealthCode>();
    for (const f of registerHealth(a, asOf).findings) {
      counts[f.code].findings++;
      if (!seen.has(f.code)) {
        seen.add(f.code);
        counts[f.code].activities++;
      }
    }
  }
  return counts;
}

export type Trend = { now: number; then: number; delta: number; direction: "up" | "down" | "same" };

/** Change of a count between then and now. */
export function trend(now: number, then: number): Trend {
  const delta = now - then;
  return { now, then, delta, direction: delta > 0 ? "up" : delta < 0 ? "down" : "same" };
}

export type RiskTrend = { critical: Trend; attention: Trend };

/** Critical and attention findings now and then. */
export function riskTrend(now: LevelCounts, then: LevelCounts): RiskTrend {
  return { critical: trend(now.critical, then.critical), attention: trend(now.attention, then.attention) };
}

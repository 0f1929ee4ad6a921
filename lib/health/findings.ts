// Register-health findings page (issue 4). Pure: the findings of lib/domain/register-health.ts per activity
// and the link facts in; the rows with the entry to fix, grouped by kind and sorted by severity, out.
import { HEALTH_CODES, type HealthCode, type HealthFinding } from "@/lib/domain/register-health";
import { compareLevels, type VerdictLevel } from "@/lib/domain/transfer-risk";

/** Where a finding is fixed: the activity (optionally a section of it), the vendor or the agreement. */
export type HealthLink =
  | { kind: "activity"; id: string; section: "purposes" | "dataCategories" | "recipients" | null }
  | { kind: "vendor"; id: string }
  | { kind: "agreement"; id: string };

export type HealthActivityRef = { id: string; name: string; referenceNumber: string };

export type HealthRow = HealthFinding & { activity: HealthActivityRef; link: HealthLink };

export type HealthGroup = { code: HealthCode; level: Exclude<VerdictLevel, "ok">; rows: HealthRow[] };

export type LinkFacts = {
  /** Recipient id → its vendor id (null: department or category). */
  recipientVendor: ReadonlyMap<string, string | null>;
  /** Vendor id → the agreement whose review is due (latest review date before the day). */
  dueAgreement: ReadonlyMap<string, string>;
};

/** The entry to open for a finding of `activityId`. */
export function linkFor(f: HealthFinding, activityId: string, facts: LinkFacts): HealthLink {
  const activity = (section: "purposes" | "dataCategories" | "recipients" | null): HealthLink => ({ kind: "activity", id: activityId, section });
  switch (f.target.kind) {
    case "purpose":
      return activity("purposes");
    case "dataCategory":
      return activity("dataCategories");
    case "recipient": {
      const vendorId = facts.recipientVendor.get(f.target.id) ?? null;
      if (!vendorId) return activity("recipients");
      if (f.code === "dpaReviewDue") {
        const dpaId = facts.dueAgreement.get(vendorId);
        if (dpaId) return { kind: "agreement", id: dpaId };
      }
      return { kind: "vendor", id: vendorId };
    }
    default:
      return activity(f.code === "consentRecipientsNotNamed" ? "recipients" : null);
  }
}

/** `?kind=` → a finding code, anything else → null (all kinds). */
export function parseHealthKind(value: unknown): HealthCode | null {
  const v = Array.isArray(value) ? value[0] : value;
  return HEALTH_CODES.find((c) => c === v) ?? null;
}

/**
 * Groups the rows by kind (finding code), optionally only one kind. Groups: worst severity first, then the
 * order of HEALTH_CODES; rows: worst severity first, then by reference number and activity name.
 */
export function groupHealthFindings(rows: readonly HealthRow[], kind: HealthCode | null = null): HealthGroup[] {
  const byCode = new Map<HealthCode, HealthRow[]>();
  for (const r of rows) {
    if (kind && r.code !== kind) continue;
    const list = byCode.get(r.code);
    if (list) list.push(r);
    else byCode.set(r.code, [r]);
  }
  const groups: HealthGroup[] = [];
  for (const [code, list] of byCode) {
    list.sort(
      (a, b) =>
        compareLevels(b.level, a.level) ||
        a.activity.referenceNumber.localeCompare(b.activity.referenceNumber, "de", { numeric: true }) ||
        a.activity.name.localeCompare(b.activity.name, "de"),
    );
    const level = list.reduce<HealthGroup["level"]>((w, r) => (compareLevels(r.level, w) > 0 ? r.level : w), "info");
    groups.push({ code, level, rows: list });
  }
  return groups.sort((a, b) => compareLevels(b.level, a.level) || HEALTH_CODES.indexOf(a.code) - HEALTH_CODES.indexOf(b.code));
}

/** Findings per kind (for the filter), every kind present with 0 when none. */
export function countByKind(rows: readonly HealthRow[]): Record<HealthCode, number> {
  const out = Object.fromEntries(HEALTH_CODES.map((c) => [c, 0])) as Record<HealthCode, number>;
  for (const r of rows) out[r.code]++;
  return out;
}

// The transfer-risk overview DTO (issue 4) built from evaluated rows: filters, worst-of summaries
// (lib/domain/risk-summary.ts), findings with the entry to fix, and the values for the filter controls.
// Not 'server-only' (tests and scripts); lib/risk/queries.ts wraps it with the caller's authorization.
import type { ReferenceSnapshot } from "@/lib/domain/reference";
import {
  filterRiskRows,
  summarizeRisk,
  type ActivityRisk,
  type DestinationRisk,
  type LevelCounts,
  type RiskFinding,
  type RiskMatrix,
  type VendorRisk,
} from "@/lib/domain/risk-summary";
import { toDay } from "@/lib/domain/reference";
import type { TransferMechanism, VerdictLevel } from "@/lib/domain/transfer-risk";
import type { LoadedRiskRow, RiskRows } from "@/lib/risk/load";

export type RiskOverviewFilter = {
  /** The as-of day (YYYY-MM-DD or a Date); default today (UTC). */
  asOf?: string | Date;
  verdict?: VerdictLevel;
  /** Destination key as in `destinationKey`: an ISO code, `ORG:<name>` or `UNKNOWN`. */
  country?: string;
  mechanism?: TransferMechanism;
  vendorId?: string;
  departmentId?: string;
};

/** Where the DPO fixes a finding. */
export type RiskLinkTarget = { kind: "activity" | "vendor" | "transfer"; id: string };

export type RiskFindingItem = RiskFinding & {
  target: RiskLinkTarget;
  activityName: string;
  activityRef: string;
  recipientName: string;
  vendorName: string | null;
  /** Destination key (ISO code, `ORG:<name>` or `UNKNOWN`). */
  country: string;
  mechanism: TransferMechanism;
};

export type ActivityRiskItem = ActivityRisk & { activityName: string; activityRef: string };
export type VendorRiskItem = VendorRisk & { vendorName: string };

export type RiskOverview = {
  /** The as-of day used (YYYY-MM-DD). */
  asOf: string;
  /** The reference-data version every verdict used. */
  referenceVersion: string;
  totals: { transfers: LevelCounts; findings: LevelCounts };
  byDestination: DestinationRisk[];
  matrix: RiskMatrix;
  byVendor: VendorRiskItem[];
  byActivity: ActivityRiskItem[];
  /** Findings at "info" or worse, worst first. */
  findings: RiskFindingItem[];
  /** Values for the filter controls, from all transfers of the organisation (before filtering). */
  options: {
    countries: string[];
    mechanisms: TransferMechanism[];
    vendors: { id: string; name: string }[];
    departments: { id: string; name: string }[];
  };
};

/** The link target of a finding: vendor-level rules go to the vendor, mechanism rules to the transfer. */
export function targetOf(ruleId: string, row: LoadedRiskRow): RiskLinkTarget {
  if ((ruleId === "TR02" || ruleId === "TR03" || ruleId === "TR07" || ruleId === "ONWARD") && row.vendorId) return { kind: "vendor", id: row.vendorId };
  if (ruleId === "DEST") return { kind: "activity", id: row.activityId };
  return { kind: "transfer", id: row.transferId };
}

/** The as-of day of a filter: a Date, or a "YYYY-MM-DD" string (UTC); today when absent or not a valid day. */
export function parseAsOf(value: string | Date | undefined, today: Date = new Date()): Date {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? today : value;
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return today;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? today : d;
}

/** The overview of evaluated rows (all of the organisation's transfers), filtered as requested. */
export function buildRiskOverview({ rows, edges, departments }: RiskRows, ref: ReferenceSnapshot, asOf: Date, filter: RiskOverviewFilter = {}): RiskOverview {
  const rowById = new Map(rows.map((r) => [r.transferId, r]));
  const filtered = filterRiskRows(rows, {
    verdicts: filter.verdict ? [filter.verdict] : undefined,
    country: filter.country,
    mechanism: filter.mechanism,
    vendorId: filter.vendorId,
    departmentId: filter.departmentId,
  });
  const filterActive = filtered.length !== rows.length;
  const summary = summarizeRisk(filtered, edges);

  const activityInfo = new Map(rows.map((r) => [r.activityId, { activityName: r.activityName, activityRef: r.activityRef }]));
  const vendorNames = new Map<string, string>();
  for (const r of rows) if (r.vendorId && r.vendorName) vendorNames.set(r.vendorId, r.vendorName);
  for (const e of edges) {
    if (e.vendorName) vendorNames.set(e.vendorId, e.vendorName);
    if (e.subVendorName) vendorNames.set(e.subVendorId, e.subVendorName);
  }

  const findings: RiskFindingItem[] = [];
  for (const f of summary.findings) {
    const row = rowById.get(f.transferId);
    if (!row) continue;
    findings.push({
      ...f,
      target: targetOf(f.ruleId, row),
      activityName: row.activityName,
      activityRef: row.activityRef,
      recipientName: row.recipientName,
      vendorName: row.vendorName,
      country: row.country,
      mechanism: row.mechanism,
    });
  }

  return {
    asOf: toDay(asOf),
    referenceVersion: ref.version,
    totals: summary.totals,
    byDestination: summary.byDestination,
    matrix: summary.matrix,
    byVendor: summary.byVendor
      .filter((v) => !filterActive || v.counts.critical + v.counts.attention + v.counts.info + v.counts.ok > 0)
      .map((v) => ({ ...v, vendorName: vendorNames.get(v.vendorId) ?? v.vendorId })),
    byActivity: summary.byActivity.map((a) => ({
      ...a,
      activityName: activityInfo.get(a.activityId)?.activityName ?? "",
      activityRef: activityInfo.get(a.activityId)?.activityRef ?? "",
    })),
    findings,
    options: {
      countries: [...new Set(rows.map((r) => r.country))].sort(),
      mechanisms: [...new Set(rows.map((r) => r.mechanism))].sort(),
      vendors: [...vendorNames.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      departments,
    },
  };
}

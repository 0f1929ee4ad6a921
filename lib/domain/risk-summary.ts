// Worst-of aggregation of transfer verdicts for the overviews (issue 4): per activity, per vendor
// including its sub-processor chain, per destination (the map), the country × mechanism matrix, and
// the findings list sorted by severity. Pure: rows with their evaluated verdicts in, numbers out.

import {
  compareLevels,
  TRANSFER_MECHANISMS,
  VERDICT_LEVELS,
  worstLevel,
  type RiskReason,
  type TransferDestination,
  type TransferMechanism,
  type TransferVerdict,
  type VerdictLevel,
} from "./transfer-risk";

export type RiskRow = {
  transferId: string;
  activityId: string;
  /** The recipient's vendor, if the recipient is a vendor. */
  vendorId: string | null;
  /** Onward transfer: the sub-processor in the chain (Transfer.viaVendorId). */
  viaVendorId: string | null;
  departmentId: string | null;
  mechanism: TransferMechanism;
  verdict: TransferVerdict;
};

/** `vendorId` engages `subVendorId` as a sub-processor (SubProcessor.subVendorId). */
export type VendorEdge = { vendorId: string; subVendorId: string };

export type LevelCounts = Record<VerdictLevel, number>;

export type RiskFinding = RiskReason & { transferId: string; activityId: string; vendorId: string | null };

/** `verdicts` are the transfers' own verdicts (not copied), each with all its reasons. */
export type ActivityRisk = { activityId: string; verdict: VerdictLevel; counts: LevelCounts; transferIds: string[]; verdicts: TransferVerdict[] };

export type VendorRisk = {
  vendorId: string;
  /** Worst of direct and chain. */
  verdict: VerdictLevel;
  /** Worst of the transfers to this vendor or through it. */
  directVerdict: VerdictLevel;
  /** Worst of the transfers of the sub-processors it engages, at any depth. */
  chainVerdict: VerdictLevel;
  /** Per level, over direct and chain transfers (each counted once). */
  counts: LevelCounts;
  transferIds: string[];
  /** The sub-processors reached (their transfers and reasons are on their own entries). */
  chainVendorIds: string[];
  /** Verdicts of the direct transfers (not copied), each with all its reasons. */
  verdicts: TransferVerdict[];
};

export type DestinationRisk = { key: string; destination: TransferDestination; verdict: VerdictLevel; counts: LevelCounts; total: number };

export type MatrixCell = { country: string; mechanism: TransferMechanism; verdict: VerdictLevel; counts: LevelCounts; total: number };
export type RiskMatrix = { countries: string[]; mechanisms: TransferMechanism[]; cells: MatrixCell[] };

export type RiskSummary = {
  totals: { transfers: LevelCounts; findings: LevelCounts };
  byActivity: ActivityRisk[];
  byVendor: VendorRisk[];
  byDestination: DestinationRisk[];
  matrix: RiskMatrix;
  /** Findings at "info" or worse, worst first. */
  findings: RiskFinding[];
  asOf: string | null;
  referenceVersions: string[];
};

export type RiskFilter = {
  verdicts?: readonly VerdictLevel[];
  country?: string;
  mechanism?: TransferMechanism;
  vendorId?: string;
  departmentId?: string;
};

function pushInto<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const emptyCounts = (): LevelCounts => ({ critical: 0, attention: 0, info: 0, ok: 0 });

/** Map key of a destination: the country code, `ORG:<name>` or `UNKNOWN`. */
export function destinationKey(d: TransferDestination): string {
  if (d.kind === "country") return d.code;
  if (d.kind === "organisation") return `ORG:${d.name}`;
  return "UNKNOWN";
}

export function filterRiskRows(rows: readonly RiskRow[], f: RiskFilter): RiskRow[] {
  return rows.filter(
    (r) =>
      (!f.verdicts || f.verdicts.length === 0 || f.verdicts.includes(r.verdict.verdict)) &&
      (!f.country || destinationKey(r.verdict.destination) === f.country) &&
      (!f.mechanism || r.mechanism === f.mechanism) &&
      (!f.vendorId || r.vendorId === f.vendorId || r.viaVendorId === f.vendorId) &&
      (!f.departmentId || r.departmentId === f.departmentId),
  );
}

const findingsOf = (r: RiskRow): RiskFinding[] =>
  r.verdict.reasons.map((x) => ({
    ruleId: x.ruleId,
    level: x.level,
    messageKey: x.messageKey,
    fixKey: x.fixKey,
    citations: x.citations,
    params: x.params,
    transferId: r.transferId,
    activityId: r.activityId,
    vendorId: r.vendorId,
  }));

function countLevels(rows: Iterable<RiskRow>): LevelCounts {
  const counts = emptyCounts();
  for (const r of rows) counts[r.verdict.verdict]++;
  return counts;
}

/** Code-unit order: deterministic, locale-independent and fast (ids and codes, not labels). */
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const bySeverity = (a: { verdict: VerdictLevel }, b: { verdict: VerdictLevel }) => compareLevels(b.verdict, a.verdict);

/** Findings at `minLevel` or worse, worst first, then by activity, transfer and rule. */
export function riskFindings(rows: readonly RiskRow[], minLevel: VerdictLevel = "info"): RiskFinding[] {
  return rows
    .flatMap(findingsOf)
    .filter((f) => compareLevels(f.level, minLevel) >= 0)
    .sort(
      (a, b) =>
        compareLevels(b.level, a.level) || byString(a.activityId, b.activityId) || byString(a.transferId, b.transferId) || byString(a.ruleId, b.ruleId),
    );
}

export function summarizeByActivity(rows: readonly RiskRow[]): ActivityRisk[] {
  const groups = new Map<string, RiskRow[]>();
  for (const r of rows) pushInto(groups, r.activityId, r);
  return [...groups.entries()]
    .map(([activityId, rs]) => ({
      activityId,
      verdict: worstLevel(rs.map((r) => r.verdict.verdict)),
      counts: countLevels(rs),
      transferIds: rs.map((r) => r.transferId),
      verdicts: rs.map((r) => r.verdict),
    }))
    .sort((a, b) => bySeverity(a, b) || byString(a.activityId, b.activityId));
}

/**
 * A vendor's risk covers its chain: the transfers to it or through it (direct) and those of every
 * sub-processor it engages, at any depth (chain). Computed from per-vendor aggregates, so long chains
 * stay linear in the number of vendors reached; a transfer listed under two vendors of the same chain
 * (an onward transfer: recipient and via-vendor) is counted once.
 */
export function summarizeByVendor(rows: readonly RiskRow[], edges: readonly VendorEdge[] = []): VendorRisk[] {
  const direct = new Map<string, RiskRow[]>();
  const onwardByRecipient = new Map<string, RiskRow[]>();
  for (const r of rows) {
    if (r.vendorId) pushInto(direct, r.vendorId, r);
    if (r.viaVendorId && r.viaVendorId !== r.vendorId) {
      pushInto(direct, r.viaVendorId, r);
      if (r.vendorId) pushInto(onwardByRecipient, r.vendorId, r);
    }
  }
  const aggregate = new Map<string, { worst: VerdictLevel; counts: LevelCounts }>();
  for (const [vendorId, rs] of direct) aggregate.set(vendorId, { worst: worstLevel(rs.map((r) => r.verdict.verdict)), counts: countLevels(rs) });
  const subs = new Map<string, string[]>();
  for (const e of edges) pushInto(subs, e.vendorId, e.subVendorId);

  const vendorIds = new Set<string>([...direct.keys(), ...edges.flatMap((e) => [e.vendorId, e.subVendorId])]);
  const result: VendorRisk[] = [];
  for (const vendorId of vendorIds) {
    const chainVendorIds: string[] = [];
    const inSet = new Set<string>([vendorId]);
    const queue = [...(subs.get(vendorId) ?? [])];
    for (let i = 0; i < queue.length; i++) {
      const next = queue[i];
      if (next === undefined || inSet.has(next)) continue;
      inSet.add(next);
      chainVendorIds.push(next);
      for (const s of subs.get(next) ?? []) queue.push(s);
    }
    const own = direct.get(vendorId) ?? [];
    const directVerdict = aggregate.get(vendorId)?.worst ?? "ok";
    let chainVerdict: VerdictLevel = "ok";
    const counts = emptyCounts();
    for (const id of inSet) {
      const agg = aggregate.get(id);
      if (!agg) continue;
      if (id !== vendorId) chainVerdict = worstLevel([chainVerdict, agg.worst]);
      for (const level of VERDICT_LEVELS) counts[level] += agg.counts[level];
    }
    for (const id of inSet) {
      for (const r of onwardByRecipient.get(id) ?? []) if (r.viaVendorId && inSet.has(r.viaVendorId)) counts[r.verdict.verdict]--;
    }
    result.push({
      vendorId,
      verdict: worstLevel([directVerdict, chainVerdict]),
      directVerdict,
      chainVerdict,
      counts,
      transferIds: own.map((r) => r.transferId),
      chainVendorIds,
      verdicts: own.map((r) => r.verdict),
    });
  }
  return result.sort((a, b) => bySeverity(a, b) || byString(a.vendorId, b.vendorId));
}

/** Per destination (the world map): worst verdict and counts per level. */
export function summarizeByDestination(rows: readonly RiskRow[]): DestinationRisk[] {
  const groups = new Map<string, { destination: TransferDestination; rows: RiskRow[] }>();
  for (const r of rows) {
    const key = destinationKey(r.verdict.destination);
    const g = groups.get(key) ?? { destination: r.verdict.destination, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, destination: g.destination, verdict: worstLevel(g.rows.map((r) => r.verdict.verdict)), counts: countLevels(g.rows), total: g.rows.length }))
    .sort((a, b) => byString(a.key, b.key));
}

/** Country × mechanism; countries sorted by key, mechanisms in enum order, only non-empty cells. */
export function riskMatrix(rows: readonly RiskRow[]): RiskMatrix {
  const cells = new Map<string, { country: string; mechanism: TransferMechanism; rows: RiskRow[] }>();
  for (const r of rows) {
    const country = destinationKey(r.verdict.destination);
    const id = `${country}\u0000${r.mechanism}`;
    const c = cells.get(id) ?? { country, mechanism: r.mechanism, rows: [] };
    c.rows.push(r);
    cells.set(id, c);
  }
  const countries = [...new Set([...cells.values()].map((c) => c.country))].sort();
  const used = new Set([...cells.values()].map((c) => c.mechanism));
  const mechanisms = TRANSFER_MECHANISMS.filter((m) => used.has(m));
  const order = (m: TransferMechanism) => TRANSFER_MECHANISMS.indexOf(m);
  return {
    countries,
    mechanisms,
    cells: [...cells.values()]
      .map((c) => ({ country: c.country, mechanism: c.mechanism, verdict: worstLevel(c.rows.map((r) => r.verdict.verdict)), counts: countLevels(c.rows), total: c.rows.length }))
      .sort((a, b) => byString(a.country, b.country) || order(a.mechanism) - order(b.mechanism)),
  };
}

export function summarizeRisk(rows: readonly RiskRow[], edges: readonly VendorEdge[] = []): RiskSummary {
  const findings = riskFindings(rows, "info");
  const findingCounts = emptyCounts();
  for (const r of rows) for (const reason of r.verdict.reasons) findingCounts[reason.level]++;
  return {
    totals: { transfers: countLevels(rows), findings: findingCounts },
    byActivity: summarizeByActivity(rows),
    byVendor: summarizeByVendor(rows, edges),
    byDestination: summarizeByDestination(rows),
    matrix: riskMatrix(rows),
    findings,
    asOf: rows[0]?.verdict.asOf ?? null,
    referenceVersions: [...new Set(rows.map((r) => r.verdict.referenceVersion))].sort(),
  };
}

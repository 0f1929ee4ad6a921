import "server-only";
// Read side of the transfer-risk overview (issue 4): authorizes the caller, loads plain rows and evaluates
// them (lib/risk/load.ts), then builds the overview DTO with the pure summaries (lib/risk/overview.ts).
// Evaluated rows and overviews are kept in the derived-data cache (lib/derived-cache.ts): keyed by the
// organisation's audit-chain head, the reference-data version and the as-of day, so any write or a new
// reference version is seen on the next request, by every instance.
import { db } from "@/lib/db";
import { authorize, type CurrentUser } from "@/lib/current-user";
import { auditStamp, derived } from "@/lib/derived-cache";
import { toDay, type ReferenceSnapshot } from "@/lib/domain/reference";
import { loadReferenceSnapshot, loadRiskRows, type RiskRows } from "@/lib/risk/load";
import { buildRiskOverview, parseAsOf, type RiskOverview, type RiskOverviewFilter } from "@/lib/risk/overview";

export type { ActivityRiskItem, RiskFindingItem, RiskLinkTarget, RiskOverview, RiskOverviewFilter, VendorRiskItem } from "@/lib/risk/overview";

/** Every transfer of the organisation evaluated as of `asOf` (cached per audit head, reference version and day). */
export function evaluatedRiskRows(orgId: string, asOf: Date, ref: ReferenceSnapshot, stamp: string): Promise<RiskRows> {
  return derived(`risk-rows:${orgId}:${toDay(asOf)}:${ref.version}`, stamp, () => loadRiskRows(db, orgId, asOf, ref));
}

/** The organisation's transfer-risk overview as of `filter.asOf` (default today), filtered. */
export async function getRiskOverview(user: CurrentUser, orgId: string, filter: RiskOverviewFilter = {}): Promise<RiskOverview> {
  authorize(user, "register:read", orgId);
  const asOf = parseAsOf(filter.asOf);
  const [ref, stamp] = await Promise.all([loadReferenceSnapshot(db), auditStamp(db, orgId)]);
  const key = JSON.stringify([orgId, toDay(asOf), ref.version, filter.verdict, filter.country, filter.mechanism, filter.vendorId, filter.departmentId]);
  return derived(`risk-overview:${key}`, stamp, async () => buildRiskOverview(await evaluatedRiskRows(orgId, asOf, ref, stamp), ref, asOf, filter));
}

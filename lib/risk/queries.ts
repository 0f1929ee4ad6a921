import "server-only";
// Read side of the transfer-risk overview (issue 4): authorizes the caller, loads plain rows and evaluates
// them (lib/risk/load.ts), then builds the overview DTO with the pure summaries (lib/risk/overview.ts).
import { db } from "@/lib/db";
import { authorize, type CurrentUser } from "@/lib/current-user";
import { loadReferenceSnapshot, loadRiskRows } from "@/lib/risk/load";
import { buildRiskOverview, parseAsOf, type RiskOverview, type RiskOverviewFilter } from "@/lib/risk/overview";

export type { ActivityRiskItem, RiskFindingItem, RiskLinkTarget, RiskOverview, RiskOverviewFilter, VendorRiskItem } from "@/lib/risk/overview";

/** The organisation's transfer-risk overview as of `filter.asOf` (default today), filtered. */
export async function getRiskOverview(user: CurrentUser, orgId: string, filter: RiskOverviewFilter = {}): Promise<RiskOverview> {
  authorize(user, "register:read", orgId);
  const asOf = parseAsOf(filter.asOf);
  const ref = await loadReferenceSnapshot(db);
  return buildRiskOverview(await loadRiskRows(db, orgId, asOf, ref), ref, asOf, filter);
}

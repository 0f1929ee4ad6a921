// Plain-row loading for the transfer-risk engine (issue 4). Not 'server-only': the admin CLI, the
// benchmark and the tests call it with their own client. A handful of batched findMany calls with
// `select`, joined in memory; the evaluation itself is the pure engine in lib/domain/transfer-risk.ts.
import type { Db } from "@/lib/db";
import { compareVersions } from "@/lib/reference-data/load";
import { referenceSnapshotFromJson, type ReferenceSnapshot } from "@/lib/domain/reference";
import {
  evaluateTransfer,
  exporterRoleFor,
  importerRoleFor,
  includesHrData,
  tiaFacts,
  type TransferContext,
  type TransferFacts,
  type VendorFacts,
} from "@/lib/domain/transfer-risk";
import { destinationKey, type RiskRow, type VendorEdge } from "@/lib/domain/risk-summary";

// ───────────────────────────── Reference snapshot ─────────────────────────────

let cached: { key: string; snapshot: ReferenceSnapshot } | undefined;

/**
 * The reference snapshot from the database rows of the newest loaded ReferenceDataVersion. Cached per
 * process by version and content hash: a new version (an administrator's change) is picked up on the
 * next call. Throws when no reference data has been loaded.
 */
export async function loadReferenceSnapshot(db: Db): Promise<ReferenceSnapshot> {
  const versions = await db.referenceDataVersion.findMany({ select: { version: true, contentHash: true } });
  const newest = versions.sort((a, b) => compareVersions(a.version, b.version)).at(-1);
  if (!newest) throw new Error("reference data has not been loaded (run the migrations / seed first)");
  const key = `${newest.version}|${newest.contentHash}`;
  if (cached?.key === key) return cached.snapshot;

  const [countries, legalSources, adequacy, instruments, dpiaLists] = await Promise.all([
    db.country.findMany({ select: { code: true, nameDe: true, nameEn: true, eeaFrom: true, eeaTo: true, isTerritoryOf: true } }),
    db.legalSource.findMany({ select: { id: true, kind: true, identifier: true, title: true, adoptedOn: true, url: true } }),
    db.adequacyDecision.findMany({
      select: {
        countryCode: true,
        organisationName: true,
        sourceId: true,
        scope: true,
        scopeText: true,
        validFrom: true,
        entryIntoForce: true,
        validTo: true,
        reviewDue: true,
        status: true,
        verified: true,
      },
    }),
    db.transferInstrument.findMany({ select: { code: true, validFrom: true, newContractsUntil: true, validTo: true, successorCode: true, sourceId: true } }),
    db.dpiaList.findMany({
      select: {
        code: true,
        version: true,
        validFrom: true,
        validTo: true,
        title: true,
        sourceId: true,
        items: { select: { itemNo: true, code: true, textDe: true, textEn: true, hard: true, verified: true } },
      },
    }),
  ]);
  const identifierOf = new Map(legalSources.map((s) => [s.id, s.identifier]));
  const sourceOf = (id: string): string => identifierOf.get(id) ?? id;

  const snapshot = referenceSnapshotFromJson({
    version: newest.version,
    countries,
    legalSources,
    adequacyDecisions: adequacy.map(({ sourceId, ...a }) => ({ ...a, source: sourceOf(sourceId) })),
    transferInstruments: instruments.map(({ sourceId, ...i }) => ({ ...i, source: sourceOf(sourceId) })),
    dpiaLists: dpiaLists.map(({ sourceId, ...l }) => ({ ...l, source: sourceOf(sourceId) })),
  });
  cached = { key, snapshot };
  return snapshot;
}

// ───────────────────────────── Risk rows ─────────────────────────────

/** A transfer with its verdict and the labels the overviews and the CLI show. */
export type LoadedRiskRow = RiskRow & {
  activityName: string;
  activityRef: string;
  recipientId: string;
  recipientName: string;
  vendorName: string | null;
  /** Destination key (ISO code, `ORG:<name>` or `UNKNOWN`). */
  country: string;
};

export type LoadedVendorEdge = VendorEdge & { vendorName: string; subVendorName: string };

export type RiskRows = {
  rows: LoadedRiskRow[];
  /** Sub-processor chain edges between vendor records (for summarizeByVendor). */
  edges: LoadedVendorEdge[];
  departments: { id: string; name: string }[];
};

/**
 * Every live transfer of the organisation (not archived, of a live activity), evaluated as of `asOf`.
 * The facts come from the transfer, its recipient and vendor (DPF checks, locations, sub-processors),
 * the activity (role; data subjects and categories for the HR test) and the linked TIA record.
 */
export async function loadRiskRows(db: Db, orgId: string, asOf: Date, ref: ReferenceSnapshot): Promise<RiskRows> {
  return evaluateRiskInputs(await fetchRiskInputs(db, orgId), asOf, ref);
}

/** The columns the risk evaluation reads; shared by every loader that feeds evaluateRiskInputs. */
export const RISK_SELECT = {
  transfer: {
    id: true,
    recipientId: true,
    destinationCountry: true,
    internationalOrganisation: true,
    access: true,
    viaVendorId: true,
    mechanism: true,
    contractConcludedAt: true,
    isRegular: true,
    importerSubjectToGdpr: true,
    art49Assessment: true,
    saInformedAt: true,
    tiaId: true,
    tiaReference: true,
    tiaDate: true,
    supplementaryMeasures: true,
  },
  recipient: { id: true, activityId: true, kind: true, vendorId: true, departmentId: true, categoryCode: true, role: true },
  activity: {
    id: true,
    name: true,
    referenceNumber: true,
    departmentId: true,
    role: true,
    dataSubjects: { select: { categoryCode: true } },
    dataCategories: { select: { categoryCode: true } },
  },
  vendor: {
    id: true,
    name: true,
    country: true,
    parentCountry: true,
    dpfChecks: { select: { status: true, coversHr: true, coversNonHr: true, checkedAt: true, nextCertificationDue: true } },
    locations: { select: { country: true, purpose: true } },
    subProcessors: { select: { name: true, country: true, access: true, subVendorId: true } },
  },
  tia: { id: true, assessedAt: true, nextReviewAt: true, conclusion: true },
} as const;

/** The plain rows the evaluation needs (six batched queries, no N+1). */
export async function fetchRiskInputs(db: Db, orgId: string) {
  const [transfers, recipients, activities, vendors, tias, departments] = await Promise.all([
    db.transfer.findMany({
      where: { organisationId: orgId, archivedAt: null },
      select: RISK_SELECT.transfer,
      orderBy: { id: "asc" },
    }),
    db.recipient.findMany({
      where: { organisationId: orgId },
      select: RISK_SELECT.recipient,
    }),
    db.processingActivity.findMany({
      where: { organisationId: orgId, archivedAt: null },
      select: RISK_SELECT.activity,
    }),
    db.vendor.findMany({
      where: { organisationId: orgId },
      select: RISK_SELECT.vendor,
    }),
    db.transferImpactAssessment.findMany({
      where: { organisationId: orgId, archivedAt: null },
      select: RISK_SELECT.tia,
    }),
    db.department.findMany({ where: { organisationId: orgId, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { transfers, recipients, activities, vendors, tias, departments };
}

export type RiskInputs = Awaited<ReturnType<typeof fetchRiskInputs>>;

/** Pure: joins the rows in memory and evaluates every transfer as of `asOf`. */
export function evaluateRiskInputs(inputs: RiskInputs, asOf: Date, ref: ReferenceSnapshot): RiskRows {
  const { transfers, recipients, activities, vendors, tias, departments } = inputs;

  const recipientById = new Map(recipients.map((r) => [r.id, r]));
  const activityById = new Map(activities.map((a) => [a.id, a]));
  const tiaById = new Map(tias.map((t) => [t.id, t]));
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const vendorById = new Map(vendors.map((v) => [v.id, v]));
  const vendorFacts = new Map<string, VendorFacts>(
    vendors.map((v) => [
      v.id,
      {
        country: v.country,
        parentCountry: v.parentCountry,
        dpfChecks: v.dpfChecks,
        locations: v.locations,
        subProcessors: v.subProcessors.map((s) => ({ name: s.name, country: s.country, access: s.access })),
      },
    ]),
  );
  const hrByActivity = new Map(
    activities.map((a) => [a.id, includesHrData(a.dataSubjects.map((s) => s.categoryCode), a.dataCategories.map((c) => c.categoryCode))]),
  );

  // Countries each recipient's transfers already record (their vendor locations are evaluated there).
  const coveredByRecipient = new Map<string, string[]>();
  for (const t of transfers) {
    if (!t.destinationCountry) continue;
    const list = coveredByRecipient.get(t.recipientId);
    if (list) list.push(t.destinationCountry);
    else coveredByRecipient.set(t.recipientId, [t.destinationCountry]);
  }

  const rows: LoadedRiskRow[] = [];
  for (const t of transfers) {
    const recipient = recipientById.get(t.recipientId);
    const activity = recipient ? activityById.get(recipient.activityId) : undefined;
    if (!recipient || !activity) continue; // the activity is archived
    const onward = t.viaVendorId !== null && t.viaVendorId !== recipient.vendorId;
    const importerVendorId = onward ? t.viaVendorId : recipient.vendorId;
    const tia = t.tiaId ? (tiaById.get(t.tiaId) ?? null) : null;

    const facts: TransferFacts = {
      id: t.id,
      destinationCountry: t.destinationCountry,
      internationalOrganisation: t.internationalOrganisation,
      access: t.access,
      mechanism: t.mechanism,
      contractConcludedAt: t.contractConcludedAt,
      isRegular: t.isRegular,
      importerSubjectToGdpr: t.importerSubjectToGdpr,
      art49Assessment: t.art49Assessment,
      saInformedAt: t.saInformedAt,
      tia: tiaFacts(tia ? { assessedAt: tia.assessedAt, nextReviewAt: tia.nextReviewAt, conclusion: tia.conclusion } : null, t.tiaReference, t.tiaDate),
      supplementaryMeasures: t.supplementaryMeasures,
    };
    const context: TransferContext = {
      exporterRole: exporterRoleFor(activity.role, onward),
      importerRole: onward ? "PROCESSOR" : importerRoleFor(recipient.role),
      dataIncludesHr: hrByActivity.get(activity.id) ?? false,
      // Art. 49(1)(a) consent for a transfer to a processor: hosting or a service run by a vendor (TR14).
      consentForTrackingOrHosting: t.mechanism === "ART49_1A" && (recipient.role === "PROCESSOR" || recipient.role === "SUB_PROCESSOR"),
      vendor: importerVendorId ? (vendorFacts.get(importerVendorId) ?? null) : null,
      coveredCountries: coveredByRecipient.get(recipient.id) ?? [],
    };
    const verdict = evaluateTransfer(facts, context, asOf, ref);
    const vendorName = recipient.vendorId ? (vendorById.get(recipient.vendorId)?.name ?? null) : null;
    const recipientName =
      vendorName ?? (recipient.departmentId ? (departmentName.get(recipient.departmentId) ?? recipient.departmentId) : (recipient.categoryCode ?? recipient.kind));
    rows.push({
      transferId: t.id,
      activityId: activity.id,
      vendorId: recipient.vendorId,
      viaVendorId: t.viaVendorId,
      departmentId: activity.departmentId,
      mechanism: t.mechanism,
      verdict,
      activityName: activity.name,
      activityRef: activity.referenceNumber,
      recipientId: recipient.id,
      recipientName,
      vendorName,
      country: destinationKey(verdict.destination),
    });
  }

  const edges: LoadedVendorEdge[] = [];
  for (const v of vendors) {
    for (const s of v.subProcessors) {
      if (!s.subVendorId) continue;
      edges.push({ vendorId: v.id, subVendorId: s.subVendorId, vendorName: v.name, subVendorName: vendorById.get(s.subVendorId)?.name ?? s.name });
    }
  }
  return { rows, edges, departments };
}

// Plain-row loading for the organisation start page and the risk badges (issues 3 and 4). Not
// 'server-only': the tests call it with their own client; lib/overview/queries.ts authorizes and wraps it.
// Batched findMany calls with `select`, joined in memory (no N+1); the logic is in lib/domain.
import type { Db } from "@/lib/db";
import type { HealthActivity } from "@/lib/domain/register-health";
import type { ReferenceSnapshot } from "@/lib/domain/reference";
import { evaluateRiskInputs, RISK_SELECT, type RiskInputs, type RiskRows } from "@/lib/risk/load";

export type StartPageActivity = HealthActivity & {
  name: string;
  referenceNumber: string;
  nextReviewAt: Date | null;
};

/**
 * Every live activity (not archived) of the organisation as the register-health DTO, with name,
 * reference number and next review date for the start page. Ten batched queries for the whole register.
 */
export async function loadStartPageActivities(db: Db, orgId: string): Promise<StartPageActivity[]> {
  const live = { organisationId: orgId, archivedAt: null, status: { not: "ARCHIVED" as const } };
  const byActivity = { activity: live };
  const [org, activities, purposes, subjects, categories, joint, recipients, transfers, toms, dpaLinks] = await Promise.all([
    db.organisation.findUnique({ where: { id: orgId }, select: { name: true, street: true, city: true, phone: true, email: true } }),
    db.processingActivity.findMany({
      where: live,
      select: {
        id: true,
        name: true,
        referenceNumber: true,
        role: true,
        processingCategories: true,
        noThirdCountryTransfer: true,
        generalTomDescription: true,
        description: true,
        nextReviewAt: true,
        clientVendor: { select: { name: true } },
      },
      orderBy: { referenceNumber: "asc" },
    }),
    db.purpose.findMany({
      where: byActivity,
      select: { id: true, activityId: true, description: true, legalBases: { select: { basisCode: true, note: true } } },
      orderBy: { position: "asc" },
    }),
    db.activityDataSubject.findMany({ where: byActivity, select: { activityId: true, categoryCode: true } }),
    db.activityDataCategory.findMany({
      where: byActivity,
      select: { id: true, activityId: true, categoryCode: true, isSpecialCategory: true, retentionPeriod: true, retentionMonths: true },
    }),
    db.jointController.findMany({ where: byActivity, select: { activityId: true, name: true } }),
    db.recipient.findMany({
      where: { organisationId: orgId, activity: live },
      select: { id: true, activityId: true, kind: true, role: true, vendorId: true, vendor: { select: { name: true } }, department: { select: { name: true } } },
    }),
    db.transfer.findMany({
      where: { organisationId: orgId, archivedAt: null, recipient: { activity: live } },
      select: { id: true, recipient: { select: { activityId: true } }, destinationCountry: true, internationalOrganisation: true, mechanism: true, art49Assessment: true },
    }),
    db.activityTom.findMany({ where: byActivity, select: { activityId: true } }),
    db.dpaActivity.findMany({ where: { activity: live, dpa: { archivedAt: null } }, select: { activityId: true, dpaId: true } }),
  ]);
  const vendorIds = [...new Set(recipients.flatMap((r) => (r.vendorId ? [r.vendorId] : [])))];
  const agreements =
    vendorIds.length === 0
      ? []
      : await db.dataProcessingAgreement.findMany({
          where: { organisationId: orgId, archivedAt: null, vendorId: { in: vendorIds } },
          select: { id: true, vendorId: true, status: true, signedAt: true, termEndsAt: true, nextReviewAt: true },
        });

  const group = <T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> => {
    const map = new Map<K, T[]>();
    for (const item of items) {
      const k = key(item);
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
    return map;
  };
  const purposesOf = group(purposes, (p) => p.activityId);
  const subjectsOf = group(subjects, (s) => s.activityId);
  const categoriesOf = group(categories, (c) => c.activityId);
  const jointOf = group(joint, (j) => j.activityId);
  const recipientsOf = group(recipients, (r) => r.activityId);
  const transfersOf = group(transfers, (t) => t.recipient.activityId);
  const tomsOf = group(toms, (t) => t.activityId);
  const dpaIdsOf = group(dpaLinks, (l) => l.activityId);
  const agreementsOf = group(agreements, (d) => d.vendorId);
  const linkedDpaIds = new Set(dpaLinks.map((l) => l.dpaId));
  const hasContactDetails = Boolean(org && (org.street || org.city) && (org.phone || org.email));

  return activities.map((a) => {
    const activityDpaIds = new Set((dpaIdsOf.get(a.id) ?? []).map((l) => l.dpaId));
    const ownPurposes = purposesOf.get(a.id) ?? [];
    return {
      id: a.id,
      name: a.name,
      referenceNumber: a.referenceNumber,
      nextReviewAt: a.nextReviewAt,
      role: a.role,
      organisation: { name: org?.name ?? null, hasContactDetails },
      jointControllers: (jointOf.get(a.id) ?? []).map((j) => ({ name: j.name })),
      clientControllerName: a.clientVendor?.name ?? null,
      processingCategories: a.processingCategories,
      purposes: ownPurposes.map((p) => ({ id: p.id, description: p.description, legalBases: p.legalBases.map((b) => ({ code: b.basisCode })) })),
      dataSubjects: (subjectsOf.get(a.id) ?? []).map((s) => s.categoryCode),
      dataCategories: (categoriesOf.get(a.id) ?? []).map((c) => ({
        id: c.id,
        code: c.categoryCode,
        isSpecialCategory: c.isSpecialCategory,
        retentionPeriod: c.retentionPeriod,
        retentionMonths: c.retentionMonths,
      })),
      recipients: (recipientsOf.get(a.id) ?? []).map((r) => ({
        id: r.id,
        name: r.vendor?.name ?? r.department?.name ?? null,
        kind: r.kind,
        role: r.role,
        // The vendor's agreements linked to this activity, or those linked to no activity (covering all).
        agreements: r.vendorId
          ? (agreementsOf.get(r.vendorId) ?? [])
              .filter((d) => activityDpaIds.has(d.id) || !linkedDpaIds.has(d.id))
              .map((d) => ({ status: d.status, signedAt: d.signedAt, termEndsAt: d.termEndsAt, nextReviewAt: d.nextReviewAt }))
          : [],
      })),
      transfers: (transfersOf.get(a.id) ?? []).map((t) => ({
        id: t.id,
        destinationCountry: t.destinationCountry,
        internationalOrganisation: t.internationalOrganisation,
        mechanism: t.mechanism,
        art49Assessment: t.art49Assessment,
      })),
      noThirdCountryTransfer: a.noThirdCountryTransfer,
      generalTomDescription: a.generalTomDescription,
      tomCount: (tomsOf.get(a.id) ?? []).length,
      texts: [a.description ?? "", ...ownPurposes.flatMap((p) => [p.description, ...p.legalBases.map((b) => b.note ?? "")])].filter((s) => s !== ""),
    };
  });
}

/**
 * The transfers of the given activities only, evaluated as of `asOf` (the list and detail badges):
 * the same facts as lib/risk/load.ts fetchRiskInputs, restricted to those activities' recipients and
 * the vendors they reach (importers, onward vendors and their sub-processor chain one level deep).
 */
export async function loadActivityRiskRows(db: Db, orgId: string, activityIds: readonly string[], asOf: Date, ref: ReferenceSnapshot): Promise<RiskRows> {
  if (activityIds.length === 0) return { rows: [], edges: [], departments: [] };
  return evaluateRiskInputs(await loadActivityRiskInputs(db, orgId, activityIds), asOf, ref);
}

/** The facts loadActivityRiskRows evaluates (independent of `asOf`: cacheable per audit stamp, lib/derived-cache.ts). */
export async function loadActivityRiskInputs(db: Db, orgId: string, activityIds: readonly string[]): Promise<RiskInputs> {
  const ids = [...activityIds];
  const [transfers, recipients, activities, departments] = await Promise.all([
    db.transfer.findMany({
      where: { organisationId: orgId, archivedAt: null, recipient: { activityId: { in: ids } } },
      select: RISK_SELECT.transfer,
      orderBy: { id: "asc" },
    }),
    db.recipient.findMany({
      where: { organisationId: orgId, activityId: { in: ids } },
      select: RISK_SELECT.recipient,
    }),
    db.processingActivity.findMany({
      where: { organisationId: orgId, archivedAt: null, id: { in: ids } },
      select: RISK_SELECT.activity,
    }),
    db.department.findMany({ where: { organisationId: orgId, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const usedRecipientIds = new Set(transfers.map((t) => t.recipientId));
  const vendorIds = new Set<string>();
  for (const r of recipients) if (r.vendorId && usedRecipientIds.has(r.id)) vendorIds.add(r.vendorId);
  for (const t of transfers) if (t.viaVendorId) vendorIds.add(t.viaVendorId);
  const tiaIds = [...new Set(transfers.flatMap((t) => (t.tiaId ? [t.tiaId] : [])))];
  const [vendors, tias] = await Promise.all([
    vendorIds.size === 0 ? Promise.resolve([]) : db.vendor.findMany({ where: { organisationId: orgId, id: { in: [...vendorIds] } }, select: RISK_SELECT.vendor }),
    tiaIds.length === 0
      ? Promise.resolve([])
      : db.transferImpactAssessment.findMany({
          where: { organisationId: orgId, archivedAt: null, id: { in: tiaIds } },
          select: RISK_SELECT.tia,
        }),
  ]);
  return { transfers, recipients, activities, vendors, tias, departments };
}

/**
 * The transfers that concern the given vendors (to them, through them, or to a sub-processor in their
 * chain, any depth), evaluated as of `asOf`, with the chain edges: for summarizeByVendor on the vendor
 * list and detail without evaluating the whole register.
 */
export async function loadVendorRiskRows(db: Db, orgId: string, vendorIdsIn: readonly string[], asOf: Date, ref: ReferenceSnapshot): Promise<RiskRows> {
  if (vendorIdsIn.length === 0) return { rows: [], edges: [], departments: [] };
  // The chain: breadth-first over SubProcessor.subVendorId, one query per level.
  const reached = new Set(vendorIdsIn);
  let frontier = [...vendorIdsIn];
  while (frontier.length > 0) {
    const subs = await db.subProcessor.findMany({
      where: { vendorId: { in: frontier }, subVendorId: { not: null }, vendor: { organisationId: orgId } },
      select: { subVendorId: true },
    });
    frontier = [];
    for (const s of subs) {
      if (s.subVendorId && !reached.has(s.subVendorId)) {
        reached.add(s.subVendorId);
        frontier.push(s.subVendorId);
      }
    }
  }
  const ids = [...reached];
  const activityRows = await db.recipient.findMany({
    where: { organisationId: orgId, OR: [{ vendorId: { in: ids } }, { transfers: { some: { viaVendorId: { in: ids }, archivedAt: null } } }] },
    select: { activityId: true },
  });
  const activityIds = [...new Set(activityRows.map((r) => r.activityId))];
  const evaluated = await loadActivityRiskRows(db, orgId, activityIds, asOf, ref);
  const edgeRows = await db.subProcessor.findMany({
    where: { vendorId: { in: ids }, subVendorId: { in: ids }, vendor: { organisationId: orgId } },
    select: { vendorId: true, subVendorId: true, name: true, vendor: { select: { name: true } } },
  });
  const edges = edgeRows.flatMap((e) => (e.subVendorId ? [{ vendorId: e.vendorId, subVendorId: e.subVendorId, vendorName: e.vendor.name, subVendorName: e.name }] : []));
  const rows = evaluated.rows.filter((r) => (r.vendorId !== null && reached.has(r.vendorId)) || (r.viaVendorId !== null && reached.has(r.viaVendorId)));
  return { rows, edges, departments: evaluated.departments };
}



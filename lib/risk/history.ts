// The register's transfer-risk inputs as they stood on a past day, rebuilt from the revision history
// (issue 4: "the trend since the last 30 days, from the revision history"). Every save writes the full
// snapshot of the entry (lib/audit.ts recordRevision): an activity's snapshot carries its recipients and
// their transfers (lib/activities/snapshot.ts), a vendor's its DPF checks, locations and sub-processors,
// a TIA its dates and conclusion. The state on day T is the newest revision written on or before T.
// Entries without any revision (bulk-loaded before history existed) count as they are today.
// `registerAsOf` is pure; `loadRiskInputsAsOf` reads the revisions. Not 'server-only' (tests, CLI).
import type { Db } from "@/lib/db";
import { fetchRiskInputs, type RiskInputs } from "@/lib/risk/load";

/** The revision entity types the risk inputs are rebuilt from (as written by lib/{activities,vendors,tias}/mutations.ts). */
export const RISK_HISTORY_ENTITIES = { activity: "Activity", vendor: "Vendor", tia: "Tia" } as const;

export type RevisionRow = { entityType: string; entityId: string; version: number; createdAt: Date; snapshot: unknown };

type Activity = RiskInputs["activities"][number];
type Recipient = RiskInputs["recipients"][number];
type Transfer = RiskInputs["transfers"][number];
type Vendor = RiskInputs["vendors"][number];
type Tia = RiskInputs["tias"][number];

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : fallback);
const date = (v: unknown): Date | null => {
  if (v instanceof Date) return v;
  if (typeof v !== "string") return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};
const archivedBy = (snapshot: Obj, at: Date): boolean => {
  const archivedAt = date(snapshot.archivedAt);
  return (archivedAt !== null && archivedAt <= at) || snapshot.status === "ARCHIVED";
};

/** Per entity, the newest revision written on or before `at`, and the set of entities that have any revision. */
function latestRevisions(revisions: readonly RevisionRow[], entityType: string, at: Date) {
  const latest = new Map<string, RevisionRow>();
  const known = new Set<string>();
  for (const r of revisions) {
    if (r.entityType !== entityType) continue;
    known.add(r.entityId);
    if (r.createdAt > at) continue;
    const had = latest.get(r.entityId);
    if (!had || r.version > had.version) latest.set(r.entityId, r);
  }
  return { latest, known };
}

/** An activity from its snapshot; lists the snapshot lacks (older snapshot formats) are taken from today's row. */
function activityFromSnapshot(id: string, s: Obj, now: Activity | undefined): Activity {
  const codes = (v: unknown, fallback: { categoryCode: string }[] | undefined) =>
    Array.isArray(v) ? arr(v).map((x) => ({ categoryCode: str(x.categoryCode) ?? "" })) : (fallback ?? []);
  return {
    id,
    name: str(s.name) ?? now?.name ?? "",
    referenceNumber: str(s.referenceNumber) ?? now?.referenceNumber ?? "",
    departmentId: "departmentId" in s ? str(s.departmentId) : (now?.departmentId ?? null),
    role: (str(s.role) ?? now?.role ?? "CONTROLLER") as Activity["role"],
    dataSubjects: codes(s.dataSubjects, now?.dataSubjects),
    dataCategories: codes(s.dataCategories, now?.dataCategories),
  };
}

function recipientFromSnapshot(activityId: string, r: Obj): Recipient {
  return {
    id: str(r.id) ?? "",
    activityId,
    kind: (str(r.kind) ?? "VENDOR") as Recipient["kind"],
    vendorId: str(r.vendorId),
    departmentId: str(r.departmentId),
    categoryCode: str(r.categoryCode),
    role: (str(r.role) ?? "PROCESSOR") as Recipient["role"],
  };
}

function transferFromSnapshot(recipientId: string, t: Obj): Transfer {
  return {
    id: str(t.id) ?? "",
    recipientId,
    destinationCountry: str(t.destinationCountry),
    internationalOrganisation: str(t.internationalOrganisation),
    access: (str(t.access) ?? "STORAGE") as Transfer["access"],
    viaVendorId: str(t.viaVendorId),
    mechanism: (str(t.mechanism) ?? "NONE_STATED") as Transfer["mechanism"],
    contractConcludedAt: date(t.contractConcludedAt),
    isRegular: bool(t.isRegular, true),
    importerSubjectToGdpr: bool(t.importerSubjectToGdpr, false),
    art49Assessment: str(t.art49Assessment),
    saInformedAt: date(t.saInformedAt),
    tiaId: str(t.tiaId),
    tiaReference: str(t.tiaReference),
    tiaDate: date(t.tiaDate),
    supplementaryMeasures: str(t.supplementaryMeasures),
  };
}

function vendorFromSnapshot(id: string, s: Obj): Vendor {
  return {
    id,
    name: str(s.name) ?? "",
    country: str(s.country),
    parentCountry: str(s.parentCountry),
    dpfChecks: arr(s.dpfChecks).map((c) => ({
      status: (str(c.status) ?? "NOT_LISTED") as Vendor["dpfChecks"][number]["status"],
      coversHr: bool(c.coversHr, false),
      coversNonHr: bool(c.coversNonHr, true),
      checkedAt: date(c.checkedAt) ?? new Date(0),
      nextCertificationDue: date(c.nextCertificationDue),
    })),
    locations: arr(s.locations).map((l) => ({ country: str(l.country) ?? "", purpose: (str(l.purpose) ?? "STORAGE") as Vendor["locations"][number]["purpose"] })),
    subProcessors: arr(s.subProcessors).map((p) => ({
      name: str(p.name) ?? "",
      country: str(p.country),
      access: (str(p.access) ?? "STORAGE") as Vendor["subProcessors"][number]["access"],
      subVendorId: str(p.subVendorId),
    })),
  };
}

/**
 * The risk inputs as of the end of `at`: activities, their recipients and transfers, vendors and TIAs from
 * the newest revision on or before `at`; entries whose first revision is later did not exist yet; entries
 * archived by then are left out; entries with no revision at all are taken as they are now. Activity
 * revisions written before snapshots carried recipients keep today's recipients and transfers.
 */
export function registerAsOf(current: RiskInputs, revisions: readonly RevisionRow[], at: Date): RiskInputs {
  const acts = latestRevisions(revisions, RISK_HISTORY_ENTITIES.activity, at);
  const vens = latestRevisions(revisions, RISK_HISTORY_ENTITIES.vendor, at);
  const tiaRevs = latestRevisions(revisions, RISK_HISTORY_ENTITIES.tia, at);

  const activities: Activity[] = [];
  const recipients: Recipient[] = [];
  const transfers: Transfer[] = [];
  const currentRecipients = new Map<string, Recipient[]>();
  for (const r of current.recipients) currentRecipients.set(r.activityId, [...(currentRecipients.get(r.activityId) ?? []), r]);
  const currentTransfers = new Map<string, Transfer[]>();
  for (const t of current.transfers) currentTransfers.set(t.recipientId, [...(currentTransfers.get(t.recipientId) ?? []), t]);
  const keepCurrentChildren = (activityId: string) => {
    for (const r of currentRecipients.get(activityId) ?? []) {
      recipients.push(r);
      transfers.push(...(currentTransfers.get(r.id) ?? []));
    }
  };

  const currentActivity = new Map(current.activities.map((a) => [a.id, a]));
  for (const a of current.activities) {
    if (acts.known.has(a.id)) continue; // rebuilt from its revisions below
    activities.push(a);
    keepCurrentChildren(a.id);
  }
  for (const [id, rev] of acts.latest) {
    const s = obj(rev.snapshot);
    if (archivedBy(s, at)) continue;
    activities.push(activityFromSnapshot(id, s, currentActivity.get(id)));
    if (!Array.isArray(s.recipients)) {
      keepCurrentChildren(id);
      continue;
    }
    for (const r of arr(s.recipients)) {
      const recipient = recipientFromSnapshot(id, r);
      recipients.push(recipient);
      for (const t of arr(r.transfers)) if (!archivedBy(t, at)) transfers.push(transferFromSnapshot(recipient.id, t));
    }
  }

  const vendors: Vendor[] = current.vendors.filter((v) => !vens.known.has(v.id));
  for (const [id, rev] of vens.latest) vendors.push(vendorFromSnapshot(id, obj(rev.snapshot)));

  const tias: Tia[] = current.tias.filter((t) => !tiaRevs.known.has(t.id));
  for (const [id, rev] of tiaRevs.latest) {
    const s = obj(rev.snapshot);
    if (archivedBy(s, at)) continue;
    tias.push({ id, assessedAt: date(s.assessedAt), nextReviewAt: date(s.nextReviewAt), conclusion: str(s.conclusion) as Tia["conclusion"] });
  }

  transfers.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { transfers, recipients, activities, vendors, tias, departments: current.departments };
}

/** The organisation's risk inputs as they stood at the end of `at` (see registerAsOf). */
export async function loadRiskInputsAsOf(db: Db, orgId: string, at: Date): Promise<RiskInputs> {
  const types = Object.values(RISK_HISTORY_ENTITIES);
  const [current, revisions, firsts] = await Promise.all([
    fetchRiskInputs(db, orgId),
    db.revision.findMany({
      where: { organisationId: orgId, entityType: { in: types }, createdAt: { lte: at } },
      select: { entityType: true, entityId: true, version: true, createdAt: true, snapshot: true },
      orderBy: [{ entityId: "asc" }, { version: "asc" }],
    }),
    // Entities whose history starts after `at` did not exist then: their first revision tells.
    db.revision.findMany({
      where: { organisationId: orgId, entityType: { in: types }, createdAt: { gt: at }, version: 1 },
      select: { entityType: true, entityId: true, version: true, createdAt: true },
    }),
  ]);
  return registerAsOf(current, [...revisions, ...firsts.map((f) => ({ ...f, snapshot: null }))], at);
}

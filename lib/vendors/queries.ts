import "server-only";
// Read side of vendors. Staff reads are scoped by organisation and membership; the vendor portal reads are
// scoped by the signed-in contact's own (organisation, vendor) pairs: a vendor contact never reaches another
// vendor's sheet (C01).
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import { normalizeQuery } from "@/lib/domain/search-text";
import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Label } from "@/lib/activities/queries";
import { canAccessVendorSheet } from "@/lib/domain/permissions";
import {
  DpaStatus as DpaStatusEnum,
  DpfStatus as DpfStatusEnum,
  VendorKind as VendorKindEnum,
  type DpaStatus,
  type DpfStatus,
  type LocationPurpose,
  type TransferAccess,
  type VendorKind,
} from "@/prisma/generated/sqlite/enums";

/** Number of vendors (not archived) of an organisation the user is a member of. */
export async function countVendors(user: CurrentUser, orgId: string): Promise<number> {
  return db.vendor.count({ where: { organisationId: orgId, organisation: { memberships: { some: { userId: user.id } } }, archivedAt: null } });
}

export type VendorSheet = {
  id: string;
  organisationName: string;
  name: string;
  legalForm: string | null;
  kind: VendorKind;
  address: { street: string | null; postalCode: string | null; city: string | null; country: Label | null };
  website: string | null;
  email: string | null;
  phone: string | null;
  contactName: string | null;
  dpo: { name: string | null; email: string | null };
  euRepresentative: string | null;
  parentCompany: string | null;
  parentCountry: Label | null;
  services: string | null;
  contacts: { id: string; name: string | null; email: string; function: string | null; phone: string | null }[];
  locations: { id: string; country: Label; city: string | null; purpose: LocationPurpose; note: string | null }[];
  certifications: {
    id: string;
    name: string;
    issuer: string | null;
    certificateNumber: string | null;
    validFrom: Date | null;
    validUntil: Date | null;
    documentUrl: string | null;
  }[];
  subProcessors: { id: string; name: string; country: Label | null; service: string | null; access: TransferAccess }[];
  latestDpfCheck: { status: DpfStatus; checkedAt: Date; coversHr: boolean; coversNonHr: boolean } | null;
  updatedAt: Date;
  version: number;
};

/**
 * The vendor sheets of the signed-in vendor contact: only the (organisation, vendor) pairs in
 * `user.vendorContacts`, each re-checked with canAccessVendorSheet, and only while the contact row is
 * active. Archived vendors are not shown.
 */
export async function listMyVendorSheets(user: CurrentUser): Promise<VendorSheet[]> {
  const pairs = user.vendorContacts.filter((v) => canAccessVendorSheet(user, v.orgId, v.vendorId));
  if (pairs.length === 0) return [];
  const vendors = await db.vendor.findMany({
    where: {
      OR: pairs.map((p) => ({ id: p.vendorId, organisationId: p.orgId })),
      archivedAt: null,
      contacts: { some: { disabledAt: null, OR: [{ userId: user.id }, { email: user.email }] } },
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      legalForm: true,
      kind: true,
      street: true,
      postalCode: true,
      city: true,
      country: true,
      website: true,
      email: true,
      phone: true,
      contactName: true,
      dpoName: true,
      dpoEmail: true,
      euRepresentative: true,
      parentCompany: true,
      parentCountry: true,
      services: true,
      updatedAt: true,
      version: true,
      organisation: { select: { name: true } },
      contacts: { where: { disabledAt: null }, select: { id: true, name: true, email: true, function: true, phone: true }, orderBy: { email: "asc" } },
      locations: { select: { id: true, country: true, city: true, purpose: true, note: true }, orderBy: [{ country: "asc" }, { city: "asc" }] },
      certifications: {
        select: { id: true, name: true, issuer: true, certificateNumber: true, validFrom: true, validUntil: true, documentUrl: true },
        orderBy: { name: "asc" },
      },
      subProcessors: { select: { id: true, name: true, country: true, service: true, access: true }, orderBy: { name: "asc" } },
      dpfChecks: { select: { status: true, checkedAt: true, coversHr: true, coversNonHr: true }, orderBy: { checkedAt: "desc" }, take: 1 },
    },
  });

  const codes = new Set<string>();
  for (const v of vendors) {
    for (const c of [v.country, v.parentCountry, ...v.locations.map((l) => l.country), ...v.subProcessors.map((s) => s.country)]) if (c) codes.add(c);
  }
  const countryRows = codes.size ? await db.country.findMany({ where: { code: { in: [...codes] } }, select: { code: true, nameDe: true, nameEn: true } }) : [];
  const countries = new Map(countryRows.map((c) => [c.code, { de: c.nameDe, en: c.nameEn }]));
  const country = (code: string | null): Label | null => (code ? (countries.get(code) ?? { de: code, en: code }) : null);

  return vendors.map((v) => ({
    id: v.id,
    organisationName: v.organisation.name,
    name: v.name,
    legalForm: v.legalForm,
    kind: v.kind,
    address: { street: v.street, postalCode: v.postalCode, city: v.city, country: country(v.country) },
    website: v.website,
    email: v.email,
    phone: v.phone,
    contactName: v.contactName,
    dpo: { name: v.dpoName, email: v.dpoEmail },
    euRepresentative: v.euRepresentative,
    parentCompany: v.parentCompany,
    parentCountry: country(v.parentCountry),
    services: v.services,
    contacts: v.contacts,
    locations: v.locations.map((l) => ({ ...l, country: country(l.country) ?? { de: l.country, en: l.country } })),
    certifications: v.certifications,
    subProcessors: v.subProcessors.map((s) => ({ ...s, country: country(s.country) })),
    latestDpfCheck: v.dpfChecks[0] ?? null,
    updatedAt: v.updatedAt,
    version: v.version,
  }));
}

// ───────────────────────────── Staff: vendor list, detail, pickers ─────────────────────────────

export const VENDOR_PAGE_SIZE = 50;
export const VENDOR_QUERY_MAX_LENGTH = 200;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Tolerant parser for `?q=&country=&kind=&dpa=&dpf=&archived=&page=`: garbage falls back to the default. */
const vendorListParamsSchema = z.object({
  q: z.preprocess(firstValue, z.string().trim().max(VENDOR_QUERY_MAX_LENGTH)).catch(""),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000)).catch(1),
  country: z.preprocess(firstValue, z.string().regex(/^[A-Z]{2}$/).nullable()).catch(null),
  kind: z.preprocess(firstValue, z.enum(VendorKindEnum).nullable()).catch(null),
  dpa: z.preprocess(firstValue, z.enum([...Object.values(DpaStatusEnum), "NONE"]).nullable()).catch(null),
  dpf: z.preprocess(firstValue, z.enum([...Object.values(DpfStatusEnum), "NONE"]).nullable()).catch(null),
  certified: z.preprocess(firstValue, z.enum(["yes", "no"]).nullable()).catch(null),
  used: z.preprocess(firstValue, z.enum(["yes", "no"]).nullable()).catch(null),
  archived: z.preprocess(firstValue, z.enum(["1", "true", "on"]).transform(() => true)).catch(false),
});
export type VendorListParams = z.infer<typeof vendorListParamsSchema>;

export function parseVendorListParams(sp: Record<string, string | string[] | undefined>): VendorListParams {
  return vendorListParamsSchema.parse({ q: sp.q ?? "", page: sp.page ?? 1, country: sp.country ?? null, kind: sp.kind ?? null, dpa: sp.dpa ?? null, dpf: sp.dpf ?? null, certified: sp.certified ?? null, used: sp.used ?? null, archived: sp.archived ?? false });
}

export function vendorListSearchParams(p: VendorListParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.q) out.q = p.q;
  if (p.country) out.country = p.country;
  if (p.kind) out.kind = p.kind;
  if (p.dpa) out.dpa = p.dpa;
  if (p.dpf) out.dpf = p.dpf;
  if (p.certified) out.certified = p.certified;
  if (p.used) out.used = p.used;
  if (p.archived) out.archived = "1";
  if (p.page > 1) out.page = String(p.page);
  return out;
}

function vendorScope(user: CurrentUser, orgId: string): Prisma.VendorWhereInput {
  return { organisationId: orgId, organisation: { memberships: { some: { userId: user.id } } } };
}

const LIKE_ESCAPE = "!";
const likeContains = (term: string) => `%${term.replace(/[!%_]/g, (c) => LIKE_ESCAPE + c)}%`;

async function vendorSearchWhere(orgId: string, q: string): Promise<Prisma.VendorWhereInput> {
  const terms = normalizeQuery(q);
  if (terms.length === 0) return {};
  const literal = terms.filter((t) => !/[%_]/.test(t));
  const escaped = terms.filter((t) => /[%_]/.test(t));
  const and: Prisma.VendorWhereInput[] = literal.map((term) => ({ searchText: { contains: term } }));
  if (escaped.length > 0) {
    const conditions = escaped.map((term) => Prisma.sql`"searchText" LIKE ${likeContains(term)} ESCAPE '!'`);
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Vendor" WHERE "organisationId" = ${orgId} AND ${Prisma.join(conditions, " AND ")}`;
    and.push({ id: { in: rows.map((r) => r.id) } });
  }
  return { AND: and };
}

/** Vendor ids of `orgId` whose latest DPF check (by checkedAt) has `status`. */
async function vendorIdsByLatestDpf(orgId: string, status: DpfStatus): Promise<string[]> {
  const latest = await db.dpfCheck.findMany({
    where: { vendor: { organisationId: orgId } },
    orderBy: [{ vendorId: "asc" }, { checkedAt: "desc" }, { createdAt: "desc" }],
    distinct: ["vendorId"],
    select: { vendorId: true, status: true },
  });
  return latest.filter((c) => c.status === status).map((c) => c.vendorId);
}

export type VendorListRow = {
  id: string;
  name: string;
  kind: VendorKind;
  country: Label | null;
  city: string | null;
  dpaStatus: DpaStatus | null;
  dpfStatus: DpfStatus | null;
  certificationCount: number;
  activityCount: number;
  isArchived: boolean;
};
export type VendorList = { rows: VendorListRow[]; total: number; page: number; pageCount: number };

async function countryLabels(codes: Iterable<string | null | undefined>): Promise<(code: string | null) => Label | null> {
  const set = new Set<string>();
  for (const c of codes) if (c) set.add(c);
  const rows = set.size ? await db.country.findMany({ where: { code: { in: [...set] } }, select: { code: true, nameDe: true, nameEn: true } }) : [];
  const map = new Map(rows.map((c) => [c.code, { de: c.nameDe, en: c.nameEn }]));
  return (code) => (code ? (map.get(code) ?? { de: code, en: code }) : null);
}

const DPA_RANK: Record<DpaStatus, number> = { SIGNED: 0, IN_NEGOTIATION: 1, DRAFT: 2, EXPIRED: 3, TERMINATED: 4 };

export async function listVendors(user: CurrentUser, orgId: string, p: VendorListParams): Promise<VendorList> {
  const and: Prisma.VendorWhereInput[] = [vendorScope(user, orgId), await vendorSearchWhere(orgId, p.q)];
  if (!p.archived) and.push({ archivedAt: null });
  if (p.country) and.push({ OR: [{ country: p.country }, { locations: { some: { country: p.country } } }, { subProcessors: { some: { country: p.country } } }] });
  if (p.kind) and.push({ kind: p.kind });
  if (p.dpa === "NONE") and.push({ agreements: { none: { archivedAt: null } } });
  else if (p.dpa) and.push({ agreements: { some: { archivedAt: null, status: p.dpa } } });
  if (p.dpf === "NONE") and.push({ dpfChecks: { none: {} } });
  else if (p.dpf) and.push({ id: { in: await vendorIdsByLatestDpf(orgId, p.dpf) } });
  if (p.certified === "yes") and.push({ certifications: { some: {} } });
  else if (p.certified === "no") and.push({ certifications: { none: {} } });
  const usedBy: Prisma.RecipientWhereInput = { activity: { archivedAt: null } };
  if (p.used === "yes") and.push({ recipients: { some: usedBy } });
  else if (p.used === "no") and.push({ recipients: { none: usedBy } });
  const where: Prisma.VendorWhereInput = { AND: and };
  const total = await db.vendor.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / VENDOR_PAGE_SIZE));
  const page = Math.min(p.page, pageCount);
  const rows = await db.vendor.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * VENDOR_PAGE_SIZE,
    take: VENDOR_PAGE_SIZE,
    select: {
      id: true, name: true, kind: true, country: true, city: true, archivedAt: true,
      agreements: { where: { archivedAt: null }, select: { status: true } },
      dpfChecks: { orderBy: [{ checkedAt: "desc" }, { createdAt: "desc" }], take: 1, select: { status: true } },
      _count: { select: { certifications: true } },
      recipients: { where: { activity: { archivedAt: null } }, select: { activityId: true } },
    },
  });
  const label = await countryLabels(rows.map((r) => r.country));
  return {
    total, page, pageCount,
    rows: rows.map((r) => ({
      id: r.id, name: r.name, kind: r.kind, country: label(r.country), city: r.city, isArchived: r.archivedAt !== null,
      dpaStatus: r.agreements.map((a) => a.status).sort((a, b) => DPA_RANK[a] - DPA_RANK[b])[0] ?? null,
      dpfStatus: r.dpfChecks[0]?.status ?? null,
      certificationCount: r._count.certifications,
      activityCount: new Set(r.recipients.map((x) => x.activityId)).size,
    })),
  };
}

export type VendorDetail = Omit<VendorSheet, "organisationName" | "latestDpfCheck" | "subProcessors" | "contacts"> & {
  sector: string | null;
  notes: string | null;
  countryCode: string | null;
  parentCountryCode: string | null;
  archivedAt: Date | null;
  contacts: { id: string; name: string | null; email: string; function: string | null; phone: string | null; canSignIn: boolean; lastSignInAt: Date | null }[];
  dpfChecks: { id: string; status: DpfStatus; listedName: string | null; listUrl: string | null; frameworks: string | null; coversHr: boolean; coversNonHr: boolean; certifiedSince: Date | null; nextCertificationDue: Date | null; checkedAt: Date; checkedByName: string; evidenceUrl: string | null; note: string | null }[];
  subProcessors: { id: string; name: string; subVendorId: string | null; country: Label | null; service: string | null; access: TransferAccess }[];
  subProcessorOf: { vendorId: string; name: string }[];
  agreements: { id: string; title: string; status: DpaStatus; signedAt: Date | null; archived: boolean }[];
  activities: { id: string; name: string; referenceNumber: string }[];
  updatedByName: string | null;
};

/** One vendor of `orgId` (archived too), or notFound(). */
export async function getVendor(user: CurrentUser, orgId: string, id: string): Promise<VendorDetail> {
  const v = await db.vendor.findFirst({
    where: { ...vendorScope(user, orgId), id },
    select: {
      id: true, name: true, legalForm: true, kind: true, street: true, postalCode: true, city: true, country: true, website: true, email: true, phone: true,
      contactName: true, dpoName: true, dpoEmail: true, euRepresentative: true, parentCompany: true, parentCountry: true, services: true, sector: true, notes: true,
      archivedAt: true, updatedAt: true, version: true, updatedById: true,
      contacts: { where: { disabledAt: null }, orderBy: { email: "asc" }, select: { id: true, name: true, email: true, function: true, phone: true, canSignIn: true, lastSignInAt: true } },
      locations: { orderBy: [{ country: "asc" }, { city: "asc" }], select: { id: true, country: true, city: true, purpose: true, note: true } },
      certifications: { orderBy: { name: "asc" }, select: { id: true, name: true, issuer: true, certificateNumber: true, validFrom: true, validUntil: true, documentUrl: true } },
      dpfChecks: {
        orderBy: [{ checkedAt: "desc" }, { createdAt: "desc" }],
        select: { id: true, status: true, listedName: true, listUrl: true, frameworks: true, coversHr: true, coversNonHr: true, certifiedSince: true, nextCertificationDue: true, checkedAt: true, checkedByName: true, evidenceUrl: true, note: true },
      },
      subProcessors: { orderBy: { name: "asc" }, select: { id: true, name: true, subVendorId: true, country: true, service: true, access: true } },
      subProcessorOf: { where: { vendor: { organisationId: orgId } }, select: { vendor: { select: { id: true, name: true } } } },
      agreements: { orderBy: { createdAt: "desc" }, select: { id: true, title: true, status: true, signedAt: true, archivedAt: true } },
      recipients: { where: { activity: { archivedAt: null } }, select: { activity: { select: { id: true, name: true, referenceNumber: true } } } },
    },
  });
  if (!v) notFound();
  const label = await countryLabels([v.country, v.parentCountry, ...v.locations.map((l) => l.country), ...v.subProcessors.map((s) => s.country)]);
  const editor = v.updatedById ? await db.user.findUnique({ where: { id: v.updatedById }, select: { name: true, email: true } }) : null;
  const activities = new Map(v.recipients.map((r) => [r.activity.id, r.activity]));
  return {
    id: v.id, name: v.name, legalForm: v.legalForm, kind: v.kind,
    address: { street: v.street, postalCode: v.postalCode, city: v.city, country: label(v.country) },
    countryCode: v.country, parentCountryCode: v.parentCountry,
    website: v.website, email: v.email, phone: v.phone, contactName: v.contactName, dpo: { name: v.dpoName, email: v.dpoEmail },
    euRepresentative: v.euRepresentative, parentCompany: v.parentCompany, parentCountry: label(v.parentCountry), services: v.services, sector: v.sector, notes: v.notes,
    archivedAt: v.archivedAt, updatedAt: v.updatedAt, version: v.version, updatedByName: editor ? (editor.name ?? editor.email) : null,
    contacts: v.contacts,
    locations: v.locations.map((l) => ({ ...l, country: label(l.country) ?? { de: l.country, en: l.country } })),
    certifications: v.certifications,
    dpfChecks: v.dpfChecks,
    subProcessors: v.subProcessors.map((s) => ({ ...s, country: label(s.country) })),
    subProcessorOf: v.subProcessorOf.map((s) => ({ vendorId: s.vendor.id, name: s.vendor.name })),
    agreements: v.agreements.map((a) => ({ id: a.id, title: a.title, status: a.status, signedAt: a.signedAt, archived: a.archivedAt !== null })),
    activities: [...activities.values()].sort((a, b) => a.referenceNumber.localeCompare(b.referenceNumber)),
  };
}

/** Vendors of `orgId` for a searchable select (not archived). */
export async function listVendorOptions(user: CurrentUser, orgId: string): Promise<{ id: string; name: string; country: string | null }[]> {
  return db.vendor.findMany({ where: { ...vendorScope(user, orgId), archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, country: true } });
}

/** Every country (reference data) with its labels, for searchable selects. */
export async function listCountries(): Promise<{ code: string; label: Label }[]> {
  const rows = await db.country.findMany({ orderBy: { code: "asc" }, select: { code: true, nameDe: true, nameEn: true } });
  return rows.map((c) => ({ code: c.code, label: { de: c.nameDe, en: c.nameEn } }));
}

import "server-only";
// Read side of vendors. Staff reads are scoped by organisation and membership; the vendor portal reads are
// scoped by the signed-in contact's own (organisation, vendor) pairs: a vendor contact never reaches another
// vendor's sheet (C01).
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import type { VendorFilters } from "@/lib/domain/vendor-filters";
import { searchVendors, type VendorSearchResult } from "@/lib/vendors/search";
import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Label } from "@/lib/activities/queries";
import { canAccessVendorSheet } from "@/lib/domain/permissions";
import {
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

/**
 * One page of the vendor list for the URL state (search, facets, sort, page; lib/domain/vendor-filters.ts)
 * with the facet counts: lib/vendors/search.ts, scoped to members of `orgId`.
 */
export async function listVendorPage(user: CurrentUser, orgId: string, filters: VendorFilters, locale: "de" | "en"): Promise<VendorSearchResult> {
  return searchVendors(db, orgId, filters, { userId: user.id, locale });
}

function vendorScope(user: CurrentUser, orgId: string): Prisma.VendorWhereInput {
  return { organisationId: orgId, organisation: { memberships: { some: { userId: user.id } } } };
}

async function countryLabels(codes: Iterable<string | null | undefined>): Promise<(code: string | null) => Label | null> {
  const set = new Set<string>();
  for (const c of codes) if (c) set.add(c);
  const rows = set.size ? await db.country.findMany({ where: { code: { in: [...set] } }, select: { code: true, nameDe: true, nameEn: true } }) : [];
  const map = new Map(rows.map((c) => [c.code, { de: c.nameDe, en: c.nameEn }]));
  return (code) => (code ? (map.get(code) ?? { de: code, en: code }) : null);
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

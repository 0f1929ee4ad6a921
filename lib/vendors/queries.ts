import "server-only";
// Read side of vendors. Staff reads are scoped by organisation and membership; the vendor portal reads are
// scoped by the signed-in contact's own (organisation, vendor) pairs: a vendor contact never reaches another
// vendor's sheet (C01).
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import type { Label } from "@/lib/activities/queries";
import { canAccessVendorSheet } from "@/lib/domain/permissions";
import type { DpfStatus, LocationPurpose, TransferAccess, VendorKind } from "@/prisma/generated/sqlite/enums";

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

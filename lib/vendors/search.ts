// The vendor list: full-text search, facets with disjunctive counts (country, kind, DPA status, DPF status,
// certification, used by activities), sort and page. The facts the list needs of every vendor of the
// organisation (a few hundred rows at most, 5 indexed queries) are loaded once per organisation and audit
// stamp (lib/derived-cache.ts: every write of vendors, agreements, DPF checks, certifications, recipients,
// activities or reference data appends an audit event and so makes the cached facts unreachable); filtering,
// counting, sorting and paging are the pure functions of lib/domain/vendor-filters.ts over them, so a facet
// click costs one stamp read. Takes the database handle so the integration test runs it on its own databases;
// the page passes the signed-in user (`userId`: no membership, empty result).
import type { Db } from "@/lib/db";
import type { Label } from "@/lib/activities/search";
import { auditStamp, derived } from "@/lib/derived-cache";
import {
  DPA_RANK,
  NONE,
  VENDOR_FACET_KEYS,
  VENDOR_PAGE_SIZE,
  vendorListPage,
  type VendorFacetKey,
  type VendorFacts,
  type VendorFilters,
} from "@/lib/domain/vendor-filters";
import type { DpaStatus, DpfStatus, VendorKind } from "@/prisma/generated/sqlite/enums";

export type VendorSearchRow = Omit<VendorFacts, "country" | "countries" | "searchText" | "dpa" | "dpf" | "certifications" | "kind"> & {
  kind: VendorKind;
  country: Label | null;
  countryCode: string | null;
  dpaStatus: DpaStatus | null;
  dpfStatus: DpfStatus | null;
  certifications: string[];
  /** Services (shown as a snippet when the search matches it). */
  services: string | null;
};

export type VendorFacetValue = { value: string; count: number; label: Label | null };
export type VendorSearchFacets = Record<VendorFacetKey, VendorFacetValue[]>;

export type VendorSearchResult = { rows: VendorSearchRow[]; total: number; page: number; pageCount: number; pageSize: number; facets: VendorSearchFacets };

type OrgVendorFacts = { vendors: (VendorFacts & { services: string | null })[]; countries: Record<string, Label> };

/** The facts of every vendor of `orgId` (archived too) and the labels of their countries. */
export async function loadVendorFacts(db: Db, orgId: string): Promise<OrgVendorFacts> {
  const rows = await db.vendor.findMany({
    where: { organisationId: orgId },
    select: {
      id: true,
      name: true,
      kind: true,
      country: true,
      city: true,
      services: true,
      archivedAt: true,
      updatedAt: true,
      searchText: true,
      locations: { select: { country: true } },
      subProcessors: { select: { country: true } },
      certifications: { select: { name: true } },
      agreements: { where: { archivedAt: null }, select: { status: true } },
      dpfChecks: { orderBy: [{ checkedAt: "desc" }, { createdAt: "desc" }], take: 1, select: { status: true } },
      recipients: { where: { activity: { archivedAt: null } }, select: { activityId: true } },
    },
  });
  const codes = new Set<string>();
  const vendors = rows.map((v): OrgVendorFacts["vendors"][number] => {
    const countries = [...new Set([v.country, ...v.locations.map((l) => l.country), ...v.subProcessors.map((s) => s.country)].filter((c): c is string => !!c))];
    for (const c of countries) codes.add(c);
    return {
      id: v.id,
      name: v.name,
      kind: v.kind,
      country: v.country,
      city: v.city,
      services: v.services,
      countries,
      dpa: v.agreements.map((a) => a.status).sort((a, b) => DPA_RANK[a] - DPA_RANK[b])[0] ?? NONE,
      dpf: v.dpfChecks[0]?.status ?? NONE,
      certifications: [...new Set(v.certifications.map((c) => c.name.trim()).filter(Boolean))],
      activityCount: new Set(v.recipients.map((r) => r.activityId)).size,
      isArchived: v.archivedAt !== null,
      updatedAt: v.updatedAt,
      searchText: v.searchText,
    };
  });
  const countryRows = codes.size ? await db.country.findMany({ where: { code: { in: [...codes] } }, select: { code: true, nameDe: true, nameEn: true } }) : [];
  return { vendors, countries: Object.fromEntries(countryRows.map((c) => [c.code, { de: c.nameDe, en: c.nameEn }])) };
}

export type VendorSearchOptions = { /** Only vendors of an organisation this user is a member of. */ userId?: string; locale?: "de" | "en" };

const emptyFacets = (): VendorSearchFacets => Object.fromEntries(VENDOR_FACET_KEYS.map((k) => [k, [] as VendorFacetValue[]])) as VendorSearchFacets;

/** One page of the vendor list for a filter state, with the total and the facet counts. */
export async function searchVendors(db: Db, orgId: string, f: VendorFilters, options: VendorSearchOptions = {}): Promise<VendorSearchResult> {
  if (options.userId) {
    const member = await db.membership.findFirst({ where: { organisationId: orgId, userId: options.userId }, select: { id: true } });
    if (!member) return { rows: [], total: 0, page: 1, pageCount: 1, pageSize: VENDOR_PAGE_SIZE, facets: emptyFacets() };
  }
  const stamp = await auditStamp(db, orgId);
  const facts = await derived(`vendor-facts:${orgId}`, stamp, () => loadVendorFacts(db, orgId));
  const lang = options.locale ?? "de";
  const label = (code: string | null): Label | null => (code ? (facts.countries[code] ?? { de: code, en: code }) : null);
  const list = vendorListPage(facts.vendors, f, (code) => label(code)?.[lang] ?? code);
  const services = new Map(facts.vendors.map((v) => [v.id, v.services]));
  const facets = Object.fromEntries(
    VENDOR_FACET_KEYS.map((key) => [key, list.facets[key].map((v) => ({ ...v, label: key === "country" ? label(v.value) : null }))]),
  ) as VendorSearchFacets;
  return {
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    pageSize: list.pageSize,
    facets,
    rows: list.rows.map((v) => ({
      id: v.id,
      name: v.name,
      kind: v.kind,
      country: label(v.country),
      countryCode: v.country,
      city: v.city,
      dpaStatus: v.dpa === NONE ? null : v.dpa,
      dpfStatus: v.dpf === NONE ? null : v.dpf,
      certifications: v.certifications,
      activityCount: v.activityCount,
      isArchived: v.isArchived,
      updatedAt: v.updatedAt,
      services: services.get(v.id) ?? null,
    })),
  };
}

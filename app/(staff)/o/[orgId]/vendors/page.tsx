import Form from "next/form";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { SearchInput } from "@/components/search-input";
import { Tag } from "@/components/status-badge";
import { primaryButtonClass } from "@/components/form/styles";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getVendorRiskBadges } from "@/lib/overview/queries";
import { VENDOR_QUERY_MAX_LENGTH, listCountries, listVendors, parseVendorListParams, vendorListSearchParams } from "@/lib/vendors/queries";
import { DpaStatus, DpfStatus, VendorKind } from "@/prisma/generated/sqlite/enums";
import { VendorRisk } from "./vendor-risk";

export async function generateMetadata() {
  const t = await getTranslations("vendor.list");
  return { title: t("title") };
}

const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** The vendor list: search and filters live in the URL (?q=&country=&kind=&dpa=&dpf=&archived=&page=). */
export default async function VendorsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const filters = parseVendorListParams(await searchParams);
  const [list, countries] = await Promise.all([listVendors(user, orgId, filters), listCountries()]);
  // Only this page's vendors (their transfers and sub-processor chains) are evaluated.
  const risk = await getVendorRiskBadges(user, orgId, list.rows.map((r) => r.id));
  const tRisk = await getTranslations("overview.lists");
  const locale = await getLocale();
  const t = await getTranslations("vendor.list");
  const te = await getTranslations("enums");
  const pathname = `/o/${orgId}/vendors`;
  const current = vendorListSearchParams(filters);
  const isFiltered = Object.keys(current).some((k) => k !== "page");
  const canWrite = userCan(user, "vendor:write", orgId);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={canWrite ? <Link href={`${pathname}/new`} className={primaryButtonClass}>{t("new")}</Link> : undefined} />
      <Form action={pathname} role="search" aria-label={t("filters.label")} className="mb-4 flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:flex-row sm:flex-wrap sm:items-end dark:border-zinc-800 dark:bg-zinc-900">
        <SearchInput label={t("filters.search")} placeholder={t("filters.searchPlaceholder")} defaultValue={filters.q} maxLength={VENDOR_QUERY_MAX_LENGTH} />
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-country" className="text-sm font-medium">{t("filters.country")}</label>
          <select id="filter-country" name="country" defaultValue={filters.country ?? ""} className={selectClass}>
            <option value="">{t("filters.all")}</option>
            {countries.map((c) => ({ code: c.code, label: locale === "en" ? c.label.en : c.label.de })).sort((a, b) => a.label.localeCompare(b.label, locale)).map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-kind" className="text-sm font-medium">{t("filters.kind")}</label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className={selectClass}>
            <option value="">{t("filters.all")}</option>
            {Object.values(VendorKind).map((k) => <option key={k} value={k}>{te(`VendorKind.${k}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-dpa" className="text-sm font-medium">{t("filters.dpa")}</label>
          <select id="filter-dpa" name="dpa" defaultValue={filters.dpa ?? ""} className={selectClass}>
            <option value="">{t("filters.all")}</option>
            {Object.values(DpaStatus).map((k) => <option key={k} value={k}>{te(`DpaStatus.${k}`)}</option>)}
            <option value="NONE">{t("filters.none")}</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-dpf" className="text-sm font-medium">{t("filters.dpf")}</label>
          <select id="filter-dpf" name="dpf" defaultValue={filters.dpf ?? ""} className={selectClass}>
            <option value="">{t("filters.all")}</option>
            {Object.values(DpfStatus).map((k) => <option key={k} value={k}>{te(`DpfStatus.${k}`)}</option>)}
            <option value="NONE">{t("filters.none")}</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-certified" className="text-sm font-medium">{t("filters.certified")}</label>
          <select id="filter-certified" name="certified" defaultValue={filters.certified ?? ""} className={selectClass}>
            <option value="">{t("filters.all")}</option>
            <option value="yes">{t("filters.yes")}</option>
            <option value="no">{t("filters.no")}</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-used" className="text-sm font-medium">{t("filters.used")}</label>
          <select id="filter-used" name="used" defaultValue={filters.used ?? ""} className={selectClass}>
            <option value="">{t("filters.all")}</option>
            <option value="yes">{t("filters.yes")}</option>
            <option value="no">{t("filters.no")}</option>
          </select>
        </div>
        <div className="flex items-center gap-2 sm:pb-1.5">
          <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={filters.archived} className="size-4 rounded border-zinc-300 dark:border-zinc-700" />
          <label htmlFor="filter-archived" className="text-sm">{t("filters.showArchived")}</label>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300">{t("filters.apply")}</button>
          {isFiltered ? <Link href={pathname} className="text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">{t("filters.reset")}</Link> : null}
        </div>
      </Form>

      <p role="status" className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">{t("count", { count: list.total })}</p>
      {list.rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.name")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.kind")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.country")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.dpa")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.dpf")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.certifications")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.activities")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{tRisk("riskColumn")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2">
                    <Link href={`${pathname}/${r.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">{r.name}</Link>
                    {r.isArchived ? <span className="ml-2"><Tag>{t("archived")}</Tag></span> : null}
                  </td>
                  <td className="px-3 py-2">{te(`VendorKind.${r.kind}`)}</td>
                  <td className="px-3 py-2">{r.country ? r.country[locale === "en" ? "en" : "de"] : "—"}{r.city ? `, ${r.city}` : ""}</td>
                  <td className="px-3 py-2">{r.dpaStatus ? te(`DpaStatus.${r.dpaStatus}`) : "—"}</td>
                  <td className="px-3 py-2">{r.dpfStatus ? te(`DpfStatus.${r.dpfStatus}`) : "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.certificationCount}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.activityCount}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <VendorRisk risk={risk[r.id]} label={r.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination pathname={pathname} params={current} page={list.page} pageCount={list.pageCount} />
    </>
  );
}

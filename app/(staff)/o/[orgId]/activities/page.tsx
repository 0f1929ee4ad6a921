import Form from "next/form";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { DataTableSkeleton } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { SearchInput } from "@/components/search-input";
import { ACTIVITY_QUERY_MAX_LENGTH, activityListSearchParams, parseActivityListParams } from "@/lib/activities/queries";
import { authorize, requireUser } from "@/lib/current-user";
import { FACET_KEYS, isActivityListFiltered, OPTIONAL_ACTIVITY_COLUMNS, SORT_DIRECTIONS, SORT_KEYS, type OptionalActivityColumn } from "@/lib/domain/activity-filters";

/** Message key (register.activities.columns) of each optional column but the risk column. */
const COLUMN_LABEL: Record<Exclude<OptionalActivityColumn, "transferRisk">, "department" | "role" | "status" | "recipients" | "thirdCountryTransfers" | "nextReview"> = {
  department: "department", role: "role", status: "status", recipients: "recipients", thirdCountry: "thirdCountryTransfers", nextReview: "nextReview",
};
import { ActiveFilters, ActivityFacets, ActivityFacetsSkeleton } from "./activity-facets";
import { ActivityTable, ACTIVITY_TABLE_COLUMN_COUNT } from "./activity-table";

export async function generateMetadata() {
  const t = await getTranslations("register.activities");
  return { title: t("title") };
}

/**
 * The register list. All state is in the URL (search, facets, archived, sort, page; lib/domain/activity-filters.ts):
 * shareable, back button works. The search form is a GET form (next/form: client-side navigation, works without
 * JavaScript) that carries the active facets as hidden fields; facets are links in the sidebar.
 */
export default async function ActivitiesPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);

  const filters = parseActivityListParams(await searchParams);
  const tByClient = await getTranslations("activity.byClient");
  const tOverview = await getTranslations("overview.lists");
  const t = await getTranslations("register.activities");
  const pathname = `/o/${orgId}/activities`;
  const isFiltered = isActivityListFiltered(filters);
  const stateKey = new URLSearchParams(activityListSearchParams(filters)).toString();
  const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<Link href={`/o/${orgId}/activities/by-client`} className="text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">{tByClient("link")}</Link>}
      />

      <Form action={pathname} role="search" aria-label={t("filters.label")} className="mb-4 flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:flex-row sm:flex-wrap sm:items-end dark:border-zinc-800 dark:bg-zinc-900">
        <SearchInput label={t("filters.search")} placeholder={t("filters.searchPlaceholder")} defaultValue={filters.q} maxLength={ACTIVITY_QUERY_MAX_LENGTH} />
        {FACET_KEYS.map((key) => {
          const value = filters[key];
          return value === null ? null : <input key={key} type="hidden" name={key} value={value} />;
        })}
        {filters.hide.length > 0 ? <input type="hidden" name="hide" value={filters.hide.join(",")} /> : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="sort-key" className="text-sm font-medium">
            {t("sort.key")}
          </label>
          <select id="sort-key" name="sort" defaultValue={filters.sort} className={selectClass}>
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`sort.keys.${key}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="sort-dir" className="text-sm font-medium">
            {t("sort.dir")}
          </label>
          <select id="sort-dir" name="dir" defaultValue={filters.dir} className={selectClass}>
            {SORT_DIRECTIONS.map((dir) => (
              <option key={dir} value={dir}>
                {t(`sort.${dir}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 sm:pb-1.5">
          <input
            id="filter-archived"
            type="checkbox"
            name="archived"
            value="1"
            defaultChecked={filters.archived}
            className="size-4 rounded border-zinc-300 dark:border-zinc-700"
          />
          <label htmlFor="filter-archived" className="text-sm">
            {t("filters.showArchived")}
          </label>
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            {t("filters.apply")}
          </button>
          {isFiltered ? (
            <Link href={pathname} className="text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
              {t("filters.reset")}
            </Link>
          ) : null}
        </div>
      </Form>

      {/* Three boundaries: the table does not wait for the facet counts (and the counts not for the table). */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <Suspense key={stateKey} fallback={<ActivityFacetsSkeleton />}>
            <ActivityFacets user={user} orgId={orgId} filters={filters} pathname={pathname} />
          </Suspense>
        </aside>
        <div className="min-w-0">
          <details className="mb-2 text-sm">
            <summary className="cursor-pointer text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">{t("columnChoice.label")}</summary>
            <Form action={pathname} className="mt-2 flex flex-wrap items-end gap-x-4 gap-y-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
              {Object.entries(activityListSearchParams(filters))
                .filter(([key]) => key !== "hide" && key !== "page")
                .map(([key, value]) => (
                  <input key={key} type="hidden" name={key} value={value} />
                ))}
              <input type="hidden" name="cols" value="1" />
              <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
                <legend className="mb-1 font-medium">{t("columnChoice.legend")}</legend>
                {OPTIONAL_ACTIVITY_COLUMNS.map((column) => (
                  <label key={column} className="flex items-center gap-2">
                    <input type="checkbox" name="show" value={column} defaultChecked={!filters.hide.includes(column)} className="size-4 rounded border-zinc-300 dark:border-zinc-700" />
                    {column === "transferRisk" ? tOverview("riskColumn") : t(`columns.${COLUMN_LABEL[column]}`)}
                  </label>
                ))}
              </fieldset>
              <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">{t("columnChoice.apply")}</button>
            </Form>
          </details>
          <Suspense key={stateKey} fallback={null}>
            <ActiveFilters user={user} orgId={orgId} filters={filters} pathname={pathname} />
          </Suspense>
          <Suspense key={stateKey} fallback={<DataTableSkeleton columns={ACTIVITY_TABLE_COLUMN_COUNT - filters.hide.length} label={t("loading")} />}>
            <ActivityTable user={user} orgId={orgId} filters={filters} pathname={pathname} />
          </Suspense>
        </div>
      </div>
    </>
  );
}

import Link from "next/link";
import { cache } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { listActivityFacets } from "@/lib/activities/queries";
import type { FacetValue } from "@/lib/activities/search";
import type { CurrentUser } from "@/lib/current-user";
import type { ActivityRole, ActivityStatus, DpiaDecision, TransferMechanism } from "@/prisma/generated/sqlite/enums";
import { activityFiltersHref, FACET_KEYS, isActivityListFiltered, type ActivityFilters, type FacetKey } from "@/lib/domain/activity-filters";

type Translate = (key: FacetKey, value: FacetValue) => string;

type FacetProps = { user: CurrentUser; orgId: string; filters: ActivityFilters; pathname: string };

/** The facet counts, loaded once per request for the sidebar and the filter chips (same user and filter objects). */
const facetsOf = cache((user: CurrentUser, orgId: string, filters: ActivityFilters) => listActivityFacets(user, orgId, filters));

async function facetValueLabel(): Promise<Translate> {
  const locale = await getLocale();
  const tStatus = await getTranslations("enums.ActivityStatus");
  const tRole = await getTranslations("enums.ActivityRole");
  const tDpia = await getTranslations("enums.DpiaDecision");
  const tMechanism = await getTranslations("enums.TransferMechanism");
  const t = await getTranslations("register.activities.facets.values");
  return (key, v) => {
    switch (key) {
      case "status":
        return tStatus(v.value as ActivityStatus);
      case "role":
        return tRole(v.value as ActivityRole);
      case "dpia":
        return tDpia(v.value as DpiaDecision);
      case "mechanism":
        return tMechanism(v.value as TransferMechanism);
      case "special":
        return v.value === "yes" ? t("special.yes") : t("special.no");
      case "review":
        return v.value === "overdue" ? t("review.overdue") : t("review.due30");
      default:
        return v.label ? (locale === "en" ? v.label.en : v.label.de) : v.value;
    }
  };
}

/** Chips of the active filters, each with a link that removes it, and "reset filters". */
export async function ActiveFilters({ user, orgId, filters, pathname }: FacetProps) {
  if (!isActivityListFiltered(filters)) return null;
  const facets = await facetsOf(user, orgId, filters);
  const t = await getTranslations("register.activities");
  const label = await facetValueLabel();
  const active = FACET_KEYS.flatMap((key) => {
    const value = filters[key];
    if (value === null) return [];
    const v = facets[key].find((x) => x.value === value) ?? { value, count: 0, label: null };
    return [{ key, text: `${t(`facets.${key}`)}: ${label(key, v)}` }];
  });
  return (
    <ul aria-label={t("facets.label")} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      {active.map((a) => (
        <li key={a.key}>
          <Link
            href={activityFiltersHref(pathname, filters, { [a.key]: null })}
            aria-label={t("facets.remove", { facet: a.text })}
            className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-zinc-50 px-2.5 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-800 dark:hover:bg-zinc-700"
          >
            {a.text} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
      <li>
        <Link href={pathname} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
          {t("filters.reset")}
        </Link>
      </li>
    </ul>
  );
}

/**
 * The facet sidebar, streamed in its own Suspense boundary (the counts are the most expensive part of the list;
 * cached per audit stamp, lib/derived-cache.ts). A labelled region, not a second <nav>): per facet a fieldset of links with the number of matches (disjunctive counts: the search
 * and the other facets apply). A link selects the value; the selected value's link removes it again. A
 * <details> element makes the sidebar collapsible on small screens without JavaScript.
 */
export async function ActivityFacets({ user, orgId, filters, pathname }: FacetProps) {
  const facets = await facetsOf(user, orgId, filters);
  const t = await getTranslations("register.activities");
  const format = await getFormatter();
  const label = await facetValueLabel();
  return (
    <details open className="group rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer px-3 py-2 text-sm font-semibold select-none">{t("facets.label")}</summary>
      <section aria-label={t("facets.label")} className="flex flex-col gap-4 border-t border-zinc-200 px-3 py-3 dark:border-zinc-800">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("facets.countsNote")}</p>
        {FACET_KEYS.map((key) => {
          const values = facets[key];
          const selected = filters[key];
          return (
            <fieldset key={key} data-facet={key} className="min-w-0">
              <legend className="mb-1 text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">{t(`facets.${key}`)}</legend>
              {values.length === 0 ? (
                <p className="text-sm text-zinc-500">{t("facets.none")}</p>
              ) : (
                <ul className="flex flex-col gap-0.5 text-sm">
                  {values.map((v) => {
                    const isSelected = v.value === selected;
                    const text = label(key, v);
                    return (
                      <li key={v.value}>
                        <Link
                          href={activityFiltersHref(pathname, filters, { [key]: isSelected ? null : v.value })}
                          aria-current={isSelected ? "true" : undefined}
                          className={`flex items-baseline justify-between gap-2 rounded px-1.5 py-0.5 hover:bg-zinc-100 focus-visible:outline-2 dark:hover:bg-zinc-800 ${
                            isSelected ? "bg-blue-50 font-semibold text-blue-900 dark:bg-blue-950 dark:text-blue-200" : ""
                          }`}
                        >
                          <span className="flex min-w-0 items-baseline gap-1.5">
                            <span aria-hidden="true" className="inline-block w-3 shrink-0">
                              {isSelected ? "✓" : ""}
                            </span>
                            <span className="truncate" title={text}>
                              {text}
                            </span>
                          </span>
                          <span className="shrink-0 text-xs text-zinc-600 tabular-nums dark:text-zinc-400" data-facet-count>
                            {format.number(v.count)}
                          </span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              )}
            </fieldset>
          );
        })}
      </section>
    </details>
  );
}

/** Placeholder of the sidebar while the counts load. */
export async function ActivityFacetsSkeleton() {
  const t = await getTranslations("register.activities");
  return (
    <div aria-busy="true" className="rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm font-semibold dark:border-zinc-800 dark:bg-zinc-900">
      {t("facets.label")}
      <div className="mt-3 flex flex-col gap-2" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-4 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
        ))}
      </div>
    </div>
  );
}

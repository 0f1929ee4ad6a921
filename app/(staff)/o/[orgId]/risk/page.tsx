import Form from "next/form";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { StatTile } from "@/components/stat-tile";
import { EmptyState } from "@/components/empty-state";
import { WorldMap, type WorldMapEntry } from "@/components/world-map";
import { inputClass } from "@/components/form/styles";
import { authorize, requireUser } from "@/lib/current-user";
import { getRiskOverview } from "@/lib/risk/queries";
import { VERDICT_LEVELS } from "@/lib/domain/transfer-risk";
import { parseRiskParams, riskHref } from "./risk-params";
import { ActivityRiskTable, FindingsList, RiskMatrixTable, VendorRiskTable, type DestinationLabel } from "./risk-sections";

export async function generateMetadata() {
  const t = await getTranslations("overview.page");
  return { title: t("title") };
}

/**
 * Transfer-risk overview (issue 4): map, country × mechanism matrix, lists by vendor and by activity, and
 * the findings worst first. All filters are in the URL (GET form), including the as-of date.
 */
export default async function RiskOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);

  const filters = parseRiskParams(await searchParams);
  const overview = await getRiskOverview(user, orgId, {
    asOf: filters.asOf,
    verdict: filters.verdict,
    country: filters.country,
    mechanism: filters.mechanism,
    vendorId: filters.vendor,
    departmentId: filters.department,
  });

  const t = await getTranslations("overview");
  const tMechanism = await getTranslations("enums.TransferMechanism");
  const locale = await getLocale();
  const format = await getFormatter();
  const regionNames = new Intl.DisplayNames([locale], { type: "region" });
  const destinationLabel: DestinationLabel = (key) =>
    key === "UNKNOWN" ? t("destination.unknown") : key.startsWith("ORG:") ? t("destination.organisation", { name: key.slice(4) }) : (regionNames.of(key) ?? key);
  const asOfText = format.dateTime(new Date(`${overview.asOf}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const isFiltered = Object.values(filters).some(Boolean);
  const pathname = `/o/${orgId}/risk`;

  // "Filter to critical" shows the critical findings; a critical transfer's milder reasons stay on its badge.
  const findings = filters.verdict ? overview.findings.filter((f) => f.level === filters.verdict) : overview.findings;
  const transferCount = VERDICT_LEVELS.reduce((sum, l) => sum + overview.totals.transfers[l], 0);

  const mapEntries: WorldMapEntry[] = overview.byDestination.map((d) => ({
    code: d.key,
    label: destinationLabel(d.key),
    verdict: d.verdict,
    counts: d.counts,
    total: d.total,
    href: riskHref(orgId, filters, { country: d.key }),
  }));

  const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

  return (
    <>
      <PageHeader
        title={t("page.title")}
        description={t("page.description")}
        meta={<span className="text-zinc-600 dark:text-zinc-400">{t("page.meta", { asOf: asOfText, version: overview.referenceVersion })}</span>}
      />

      <Form
        action={pathname}
        role="search"
        aria-label={t("page.filters.label")}
        className="mb-6 flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:flex-row sm:flex-wrap sm:items-end dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="risk-verdict" className="text-sm font-medium">{t("page.filters.verdict")}</label>
          <select id="risk-verdict" name="verdict" defaultValue={filters.verdict ?? ""} className={selectClass}>
            <option value="">{t("page.filters.allVerdicts")}</option>
            {VERDICT_LEVELS.map((l) => (
              <option key={l} value={l}>{t(`verdict.${l}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="risk-country" className="text-sm font-medium">{t("page.filters.country")}</label>
          <select id="risk-country" name="country" defaultValue={filters.country ?? ""} className={selectClass}>
            <option value="">{t("page.filters.allCountries")}</option>
            {overview.options.countries
              .map((c) => ({ value: c, label: destinationLabel(c) }))
              .sort((a, b) => a.label.localeCompare(b.label, locale))
              .map((c) => (
                <option key={c.value} value={c.value}>{c.label}</option>
              ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="risk-mechanism" className="text-sm font-medium">{t("page.filters.mechanism")}</label>
          <select id="risk-mechanism" name="mechanism" defaultValue={filters.mechanism ?? ""} className={`${selectClass} max-w-72`}>
            <option value="">{t("page.filters.allMechanisms")}</option>
            {overview.options.mechanisms.map((m) => (
              <option key={m} value={m}>{tMechanism(m)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="risk-vendor" className="text-sm font-medium">{t("page.filters.vendor")}</label>
          <select id="risk-vendor" name="vendor" defaultValue={filters.vendor ?? ""} className={`${selectClass} max-w-60`}>
            <option value="">{t("page.filters.allVendors")}</option>
            {overview.options.vendors.map((v) => (
              <option key={v.id} value={v.id}>{v.name}</option>
            ))}
          </select>
        </div>
        {overview.options.departments.length > 0 ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="risk-department" className="text-sm font-medium">{t("page.filters.department")}</label>
            <select id="risk-department" name="department" defaultValue={filters.department ?? ""} className={`${selectClass} max-w-60`}>
              <option value="">{t("page.filters.allDepartments")}</option>
              {overview.options.departments.map((d) => (
                <option key={d.id} value={d.id}>{d.name}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="risk-as-of" className="text-sm font-medium">{t("page.filters.asOf")}</label>
          <input
            id="risk-as-of"
            type="date"
            name="asOf"
            min="1995-01-01"
            defaultValue={filters.asOf ?? ""}
            aria-describedby="risk-as-of-hint"
            className={`${inputClass} mt-0 py-1.5`}
          />
          <span id="risk-as-of-hint" className="sr-only">{t("page.filters.asOfHint")}</span>
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            {t("page.filters.apply")}
          </button>
          {isFiltered ? (
            <Link href={pathname} className="text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
              {t("page.filters.reset")}
            </Link>
          ) : null}
        </div>
      </Form>

      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatTile label={t("page.totals.transfers")} value={transferCount} />
        <StatTile label={t("page.totals.critical")} value={overview.totals.findings.critical} tone={overview.totals.findings.critical > 0 ? "warning" : "neutral"} href={riskHref(orgId, filters, { verdict: "critical" })} />
        <StatTile label={t("page.totals.attention")} value={overview.totals.findings.attention} href={riskHref(orgId, filters, { verdict: "attention" })} />
        <StatTile label={t("page.totals.info")} value={overview.totals.findings.info} href={riskHref(orgId, filters, { verdict: "info" })} />
      </div>

      {transferCount === 0 ? (
        <EmptyState title={t("page.empty.title")} description={t("page.empty.description")} />
      ) : (
        <div className="flex flex-col gap-6">
          <Section id="risk-map" title={t("page.map.title")}>
            <WorldMap entries={mapEntries} caption={t("map.caption")} />
          </Section>

          <Section id="risk-findings" title={t("page.findings.title")} description={t("page.findings.description")}>
            <FindingsList
              orgId={orgId}
              findings={findings}
              asOfText={asOfText}
              referenceVersion={overview.referenceVersion}
              destinationLabel={destinationLabel}
            />
          </Section>

          <Section id="risk-matrix" title={t("page.matrix.title")} description={t("page.matrix.description")}>
            <RiskMatrixTable orgId={orgId} filters={filters} matrix={overview.matrix} destinationLabel={destinationLabel} />
          </Section>

          <div className="flex flex-col gap-6">
            <Section id="risk-by-vendor" title={t("page.byVendor.title")}>
              <VendorRiskTable orgId={orgId} vendors={overview.byVendor} />
            </Section>
            <Section id="risk-by-activity" title={t("page.byActivity.title")}>
              <ActivityRiskTable orgId={orgId} activities={overview.byActivity} />
            </Section>
          </div>
        </div>
      )}
    </>
  );
}

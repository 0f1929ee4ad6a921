// Route-private sections of the transfer-risk overview: the country × mechanism matrix, the lists by
// vendor and by activity, and the findings list. Server components; DTOs from lib/risk/queries.ts.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { RiskBadge, RiskReasonText, VERDICT_BADGE_STYLES, VerdictLabel } from "@/components/risk-badge";
import type { LevelCounts, RiskMatrix } from "@/lib/domain/risk-summary";
import { compareLevels, type RiskReason, type TransferVerdict } from "@/lib/domain/transfer-risk";
import type { ActivityRiskItem, RiskFindingItem, VendorRiskItem } from "@/lib/risk/queries";
import { riskHref, type RiskPageParams } from "./risk-params";

export type DestinationLabel = (key: string) => string;

/** Findings shown at most; the filters narrow a large register down. */
const FINDINGS_LIMIT = 200;
/** Rows of the by-vendor and by-activity tables shown at most (worst first). */
const LIST_LIMIT = 100;

const linkClass = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";

function reasonsOf(verdicts: readonly TransferVerdict[]): RiskReason[] {
  return verdicts.flatMap((v) => v.reasons).sort((a, b) => compareLevels(b.level, a.level));
}

function CountsText({ counts }: { counts: LevelCounts }) {
  const t = useTranslations("overview.page");
  return <span className="whitespace-nowrap tabular-nums">{t("counts", counts)}</span>;
}

export function RiskMatrixTable({ orgId, filters, matrix, destinationLabel }: { orgId: string; filters: RiskPageParams; matrix: RiskMatrix; destinationLabel: DestinationLabel }) {
  const t = useTranslations("overview");
  const tMechanism = useTranslations("enums.TransferMechanism");
  const cells = new Map(matrix.cells.map((c) => [`${c.country}\u0000${c.mechanism}`, c]));
  return (
    <div role="region" aria-label={t("page.matrix.caption")} tabIndex={0} className="max-h-[70dvh] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">{t("page.matrix.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky top-0 left-0 z-20 border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-left font-semibold dark:border-zinc-800 dark:bg-zinc-900">
              {t("page.matrix.country")}
            </th>
            {matrix.mechanisms.map((m) => (
              <th key={m} scope="col" className="sticky top-0 z-10 min-w-32 border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-left align-bottom text-xs font-semibold dark:border-zinc-800 dark:bg-zinc-900">
                {tMechanism(m)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.countries.map((country) => (
            <tr key={country}>
              <th scope="row" className="sticky left-0 z-10 border-b border-zinc-100 bg-white px-3 py-2 text-left font-normal whitespace-nowrap dark:border-zinc-800 dark:bg-zinc-900">
                {destinationLabel(country)}
              </th>
              {matrix.mechanisms.map((m) => {
                const cell = cells.get(`${country}\u0000${m}`);
                return (
                  <td key={m} className="border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
                    {cell ? (
                      <Link
                        href={riskHref(orgId, filters, { country, mechanism: m })}
                        className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs font-semibold tabular-nums ${VERDICT_BADGE_STYLES[cell.verdict]}`}
                      >
                        {t("page.matrix.cell", { total: cell.total, verdict: t(`verdict.${cell.verdict}`) })}
                      </Link>
                    ) : (
                      <span className="text-zinc-400" aria-label={t("page.matrix.empty")}>·</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VendorRiskTable({ orgId, vendors }: { orgId: string; vendors: VendorRiskItem[] }) {
  const t = useTranslations("overview");
  if (vendors.length === 0) return <EmptyState title={t("page.byVendor.empty")} />;
  const shown = vendors.slice(0, LIST_LIMIT);
  return (
    <>
      <DataTable
        caption={t("page.byVendor.caption")}
        rows={shown}
        rowKey={(v) => v.vendorId}
        columns={[
          {
            id: "vendor",
            header: t("page.byVendor.vendor"),
            isRowHeader: true,
            cell: (v) => <Link href={`/o/${orgId}/vendors/${v.vendorId}`} className={linkClass}>{v.vendorName}</Link>,
          },
          { id: "verdict", header: t("page.byVendor.verdict"), cell: (v) => <RiskBadge verdict={v.verdict} reasons={reasonsOf(v.verdicts)} label={v.vendorName} href={`/o/${orgId}/vendors/${v.vendorId}`} /> },
          {
            id: "chain",
            header: <abbr title={t("page.byVendor.chainHint")} className="no-underline">{t("page.byVendor.chain")}</abbr>,
            cell: (v) => (v.chainVendorIds.length > 0 ? <VerdictLabel verdict={v.chainVerdict} /> : null),
          },
          { id: "counts", header: t("page.byVendor.counts"), cell: (v) => <CountsText counts={v.counts} /> },
        ]}
      />
      {vendors.length > shown.length ? <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{t("page.truncated", { shown: shown.length, count: vendors.length })}</p> : null}
    </>
  );
}

export function ActivityRiskTable({ orgId, activities }: { orgId: string; activities: ActivityRiskItem[] }) {
  const t = useTranslations("overview");
  if (activities.length === 0) return <EmptyState title={t("page.byActivity.empty")} />;
  const shown = activities.slice(0, LIST_LIMIT);
  return (
    <>
      <DataTable
        caption={t("page.byActivity.caption")}
        rows={shown}
        rowKey={(a) => a.activityId}
        columns={[
          {
            id: "activity",
            header: t("page.byActivity.activity"),
            isRowHeader: true,
            cell: (a) => (
              <Link href={`/o/${orgId}/activities/${a.activityId}`} className={linkClass}>
                {a.activityRef ? <span className="mr-1 text-zinc-600 tabular-nums dark:text-zinc-400">{a.activityRef}</span> : null}
                {a.activityName}
              </Link>
            ),
          },
          { id: "verdict", header: t("page.byActivity.verdict"), cell: (a) => <RiskBadge verdict={a.verdict} reasons={reasonsOf(a.verdicts)} label={a.activityName} href={`/o/${orgId}/activities/${a.activityId}#transfers`} /> },
          { id: "counts", header: t("page.byActivity.counts"), cell: (a) => <CountsText counts={a.counts} /> },
        ]}
      />
      {activities.length > shown.length ? <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{t("page.truncated", { shown: shown.length, count: activities.length })}</p> : null}
    </>
  );
}

function findingHref(orgId: string, f: RiskFindingItem): string {
  if (f.target.kind === "vendor") return `/o/${orgId}/vendors/${f.target.id}`;
  if (f.target.kind === "activity") return `/o/${orgId}/activities/${f.target.id}`;
  return `/o/${orgId}/activities/${f.activityId}#transfer-${f.target.id}`;
}

export function FindingsList({
  orgId,
  findings,
  asOfText,
  referenceVersion,
  destinationLabel,
}: {
  orgId: string;
  findings: RiskFindingItem[];
  asOfText: string;
  referenceVersion: string;
  destinationLabel: DestinationLabel;
}) {
  const t = useTranslations("overview.page.findings");
  const tMechanism = useTranslations("enums.TransferMechanism");
  if (findings.length === 0) return <EmptyState title={t("empty")} description={t("emptyDescription")} />;
  const shown = findings.slice(0, FINDINGS_LIMIT);
  const linkLabel = { activity: t("openActivity"), vendor: t("openVendor"), transfer: t("openTransfer") };
  return (
    <>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        {t("count", { count: findings.length })} · {t("asOf", { asOf: asOfText, version: referenceVersion })}
      </p>
      <ol aria-label={t("title")} className="flex flex-col divide-y divide-zinc-100 dark:divide-zinc-800">
        {shown.map((f) => (
          <li key={`${f.transferId}-${f.ruleId}-${f.messageKey}`} data-level={f.level} className="flex flex-col gap-1.5 py-3 sm:flex-row sm:gap-3">
            <div className="shrink-0 sm:w-28">
              <VerdictLabel verdict={f.level} />
              <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">{t("rule", { ruleId: f.ruleId })}</span>
            </div>
            <div className="min-w-0 flex-1 text-sm">
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {t("transfer", {
                  activity: f.activityRef ? `${f.activityRef} ${f.activityName}` : f.activityName,
                  recipient: f.recipientName,
                  destination: destinationLabel(f.country),
                  mechanism: tMechanism(f.mechanism),
                })}
              </p>
              <p className="mt-0.5">
                <RiskReasonText reason={f} />
              </p>
              <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{t("asOf", { asOf: asOfText, version: referenceVersion })}</p>
            </div>
            <div className="shrink-0 text-sm">
              <Link href={findingHref(orgId, f)} className={linkClass}>
                {linkLabel[f.target.kind]}
                <span className="sr-only">: {f.activityName} → {f.recipientName}</span>
              </Link>
            </div>
          </li>
        ))}
      </ol>
      {findings.length > shown.length ? <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{t("truncated", { shown: shown.length, count: findings.length })}</p> : null}
    </>
  );
}

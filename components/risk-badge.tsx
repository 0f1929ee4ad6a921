// A transfer-risk verdict as a compact badge with its reasons one click away (issue 4: "risk badges on
// every activity and vendor in lists and detail pages"). Server component, no client JavaScript: the
// disclosure is a native <details>. Colour is never the only signal: the text says the level, and
// critical carries an icon.
import type { ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Citation, RiskParams, VerdictLevel } from "@/lib/domain/transfer-risk";

/** The reasons as the engine returns them (RiskReason); only these fields are read. */
export type RiskBadgeReason = {
  ruleId: string;
  level: VerdictLevel;
  messageKey: string;
  fixKey: string | null;
  citations: Citation[];
  params: RiskParams;
};

export const VERDICT_BADGE_STYLES: Record<VerdictLevel, string> = {
  critical: "border-red-700 bg-red-700 text-white dark:border-red-500 dark:bg-red-900 dark:text-red-50",
  attention: "border-amber-500 bg-amber-100 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100",
  info: "border-sky-400 bg-sky-50 text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100",
  ok: "border-emerald-500 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100",
};

const ICON: Record<VerdictLevel, string> = { critical: "!", attention: "▲", info: "i", ok: "✓" };

/** next-intl values: strings and numbers; booleans and null become text. */
export function riskMessageValues(params: RiskParams): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "number" ? v : v === null ? "" : String(v)]));
}

/** The verdict text alone, e.g. in a table cell with the reasons elsewhere. */
export function VerdictLabel({ verdict, children }: { verdict: VerdictLevel; children?: ReactNode }) {
  const t = useTranslations("overview");
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${VERDICT_BADGE_STYLES[verdict]}`}>
      <span aria-hidden="true">{ICON[verdict]}</span>
      {t(`verdict.${verdict}`)}
      {children}
    </span>
  );
}

/** One reason: the translated explanation, the provisions and decisions cited, and the fix. */
export function RiskReasonText({ reason }: { reason: RiskBadgeReason }) {
  const t = useTranslations();
  const tOverview = useTranslations("overview");
  const values = riskMessageValues(reason.params);
  return (
    <>
      <span className="font-medium">{t(reason.messageKey as Parameters<typeof t>[0], values)}</span>
      {reason.citations.length > 0 ? (
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
          {tOverview("badge.cites")} {reason.citations.map((c) => c.identifier).join(" · ")}
        </span>
      ) : null}
      {reason.fixKey ? (
        <span className="block text-xs">
          <span className="font-medium">{tOverview("badge.fix")}</span> {t(reason.fixKey as Parameters<typeof t>[0], values)}
        </span>
      ) : null}
    </>
  );
}

/**
 * Compact badge "kritisch / Achtung / Info / ok"; when there are reasons, a click opens the list.
 * `label` names the subject for screen readers (e.g. the activity's name) when several badges share a page.
 * With `href` (long lists: 50–100 badges), the badge links to the entry's risk section where the reasons
 * are listed, instead of carrying every reason in the page (the reasons stay one click away).
 */
export function RiskBadge({ verdict, reasons, label, href }: { verdict: VerdictLevel; reasons: readonly RiskBadgeReason[]; label?: string; href?: string }) {
  const t = useTranslations("overview");
  const accessibleName = label
    ? t("badge.labelFor", { subject: label, verdict: t(`verdict.${verdict}`), count: reasons.length })
    : t("badge.label", { verdict: t(`verdict.${verdict}`), count: reasons.length });
  if (href && reasons.length > 0) {
    return (
      <Link
        href={href}
        aria-label={accessibleName}
        className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap underline-offset-2 hover:underline ${VERDICT_BADGE_STYLES[verdict]}`}
      >
        <span aria-hidden="true">{ICON[verdict]}</span>
        <span aria-hidden="true">{t(`verdict.${verdict}`)}</span>
        <span aria-hidden="true" className="tabular-nums opacity-80">({reasons.length})</span>
        <span aria-hidden="true">→</span>
      </Link>
    );
  }
  if (reasons.length === 0) {
    return (
      <span role="img" aria-label={accessibleName} className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${VERDICT_BADGE_STYLES[verdict]}`}>
        <span aria-hidden="true">{ICON[verdict]}</span>
        <span aria-hidden="true">{t(`verdict.${verdict}`)}</span>
      </span>
    );
  }
  return (
    <details className="group relative inline-block align-middle">
      <summary
        aria-label={accessibleName}
        className={`inline-flex cursor-pointer list-none items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap [&::-webkit-details-marker]:hidden ${VERDICT_BADGE_STYLES[verdict]}`}
      >
        <span aria-hidden="true">{ICON[verdict]}</span>
        {t(`verdict.${verdict}`)}
        <span aria-hidden="true" className="tabular-nums opacity-80">({reasons.length})</span>
        <span aria-hidden="true" className="transition-transform group-open:rotate-180 motion-reduce:transition-none">▾</span>
      </summary>
      <ul className="absolute left-0 z-20 mt-1 flex w-[min(28rem,85vw)] flex-col gap-2 rounded-md border border-zinc-200 bg-white p-3 text-left text-sm font-normal whitespace-normal shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        {reasons.map((r, i) => (
          <li key={`${r.ruleId}-${i}`} className="flex gap-2">
            <span className="shrink-0">
              <VerdictLabel verdict={r.level} />
            </span>
            <span className="min-w-0">
              <RiskReasonText reason={r} />
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

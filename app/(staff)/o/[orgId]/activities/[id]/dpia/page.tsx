import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { Tag } from "@/components/status-badge";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import type { DpiaConsequence, DpiaVerdict } from "@/lib/domain/dpia-screening";
import { getDpiaScreening } from "@/lib/dpia/queries";
import { CriteriaForm, DecisionForm } from "./dpia-forms";

export async function generateMetadata() {
  const t = await getTranslations("dpia");
  return { title: t("title") };
}

const VERDICT_KEY: Record<DpiaVerdict, "required" | "likely" | "check" | "notIndicated"> = {
  required: "required",
  likely: "likely",
  check: "check",
  "not-indicated": "notIndicated",
};
const VERDICT_TONE: Record<DpiaVerdict, string> = {
  required: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100",
  likely: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100",
  check: "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950/30 dark:text-amber-100",
  "not-indicated": "border-zinc-200 bg-zinc-50 text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
};
const CONSEQUENCE_KEY: Record<DpiaConsequence, "dpia" | "dpoMandatory" | "priorConsultation" | "review"> = {
  dpia: "dpia",
  "dpo-mandatory-38-bdsg": "dpoMandatory",
  "prior-consultation-art36": "priorConsultation",
  "review-35-11": "review",
};
const KNOWN_LISTS = ["ART35_3", "WP248", "DSK_MUSS"] as const;
const listKey = (code: string) => KNOWN_LISTS.find((l) => l === code) ?? "other";

/**
 * DPIA screening of one activity (issue 4): the indicator with every triggered criterion (reason, citation,
 * consequence), the criteria form for editors, and the DPO's decision with its reason, recorded against the
 * indicator; a warning when the indicator changed since the decision.
 */
export default async function DpiaScreeningPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const query = await searchParams;
  const user = await requireUser();
  authorize(user, "register:read", orgId);

  const s = await getDpiaScreening(user, orgId, id);
  const canTick = userCan(user, "activity:write", orgId) && !s.archived;
  const canDecide = userCan(user, "dpia:decide", orgId) && !s.archived;
  const t = await getTranslations("dpia");
  const te = await getTranslations("enums.DpiaDecision");
  const format = await getFormatter();
  const locale = await getLocale();
  const saved = query.saved === "decision" ? t("saved.decision") : query.saved === "criteria" ? t("saved.criteria") : null;
  const cite = (r: { listCode: string; listVersion: string; itemNo: string }) =>
    t(`reasons.cite.${listKey(r.listCode)}`, { itemNo: r.itemNo, version: r.listVersion, list: r.listCode });
  const itemLabel = (key: string) => {
    const [code = key, version = ""] = key.split("@");
    const reason = s.reasons.find((r) => r.code === code) ?? s.recorded?.basis?.reasons.find((r) => r.code === code);
    return reason ? cite({ listCode: reason.listCode, listVersion: version || reason.listVersion, itemNo: reason.itemNo }) : code;
  };
  const drift = s.recorded?.drift ?? null;
  const linkClass = "font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";

  return (
    <>
      <nav aria-label={t("title")} className="mb-3 text-sm">
        <Link href={`/o/${orgId}/activities/${id}`} className={linkClass}>
          ← {t("backToActivity")}
        </Link>
      </nav>
      {saved ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{saved}</p>
      ) : null}
      <PageHeader eyebrow={<span className="tabular-nums">{s.referenceNumber}</span>} title={`${t("title")}: ${s.name}`} description={t("description")} />
      {s.archived ? <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">{t("archived")}</p> : null}

      <div className="flex flex-col gap-6">
        <Section id="indicator" title={t("indicator.title")} description={t("asOf", { date: format.dateTime(new Date(`${s.asOf}T00:00:00.000Z`), { dateStyle: "medium" }) })}>
          <div className={`rounded-md border p-3 ${VERDICT_TONE[s.verdict]}`}>
            <p className="text-base font-semibold" data-testid="dpia-verdict">{t(`verdict.${VERDICT_KEY[s.verdict]}`)}</p>
            <p className="mt-1 text-sm">{t(`verdictHint.${VERDICT_KEY[s.verdict]}`)}</p>
            <p className="mt-1 text-xs">{t("indicator.wp248Count", { count: s.wp248Count })}</p>
          </div>

          <h3 className="mt-4 font-semibold">{t("reasons.title")}</h3>
          {s.reasons.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("reasons.empty")}</p>
          ) : (
            <ul className="mt-1 flex flex-col gap-2 text-sm">
              {s.reasons.map((r) => (
                <li key={`${r.listCode}-${r.code}`} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
                  <p>
                    <span className="font-medium">{cite(r)}</span> {r.hard ? <Tag tone="danger">{t("reasons.hard")}</Tag> : null}
                  </p>
                  <p className="mt-0.5">{locale === "en" ? r.en : r.de}</p>
                  <p className="mt-0.5 text-xs text-zinc-700 dark:text-zinc-300">{t(`reasons.why.${listKey(r.listCode)}`)}</p>
                  {!r.verified ? <p className="mt-0.5 text-xs text-amber-800 dark:text-amber-300">{t("reasons.unverified")}</p> : null}
                </li>
              ))}
            </ul>
          )}
          {s.unknownCriteria.length > 0 ? <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">{t("unknown", { codes: s.unknownCriteria.join(", ") })}</p> : null}

          <h3 className="mt-4 font-semibold">{t("consequences.title")}</h3>
          {s.consequences.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("consequences.empty")}</p>
          ) : (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {s.consequences.map((c) => <li key={c}>{t(`consequences.${CONSEQUENCE_KEY[c]}`)}</li>)}
            </ul>
          )}

          {s.suggestedCriteria.length > 0 ? (
            <>
              <h3 className="mt-4 font-semibold">{t("suggested.title")}</h3>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("suggested.hint")}</p>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {s.suggestedCriteria.map((code) => {
                  const item = s.lists.flatMap((l) => l.items.map((i) => ({ ...i, listCode: l.code, listVersion: l.version }))).find((i) => i.code === code);
                  return <li key={code}>{item ? `${cite(item)} – ${locale === "en" ? item.en : item.de}` : code}</li>;
                })}
              </ul>
            </>
          ) : null}
        </Section>

        <Section id="decision" title={t("recorded.title")}>
          <p className="text-sm">{t("recorded.current", { decision: te(s.current.decision) })}</p>
          {s.recorded ? (
            <div className="mt-2 text-sm" data-testid="dpia-recorded">
              <p>
                <span className="font-semibold">{s.recorded.decision ? te(s.recorded.decision) : "—"}</span>
                {" · "}
                {t("recorded.by", {
                  name: s.recorded.by,
                  date: format.dateTime(s.recorded.at, { dateStyle: "medium", timeStyle: "short" }),
                  version: s.recorded.version,
                })}
              </p>
              {s.recorded.reason ? (
                <p className="mt-1 whitespace-pre-line">
                  <span className="font-medium">{t("recorded.reason")}:</span> {s.recorded.reason}
                </p>
              ) : null}
              {s.recorded.basis ? (
                <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
                  {t("recorded.basis", { verdict: t(`verdict.${VERDICT_KEY[s.recorded.basis.verdict]}`) })} ·{" "}
                  {t("recorded.basisCriteria", { criteria: s.recorded.basis.reasons.length ? s.recorded.basis.reasons.map((r) => cite(r)).join("; ") : t("recorded.noCriteria") })}
                </p>
              ) : null}
            </div>
          ) : (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("recorded.none")}</p>
          )}
          {s.recorded && (!s.recorded.basis || drift?.stale) ? (
            <div role="alert" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
              <p className="font-semibold">{t("stale.title")}</p>
              {!s.recorded.basis ? <p>{t("stale.unreadable")}</p> : null}
              {drift?.verdictChanged && s.recorded.basis ? (
                <p>{t("stale.verdict", { then: t(`verdict.${VERDICT_KEY[s.recorded.basis.verdict]}`), now: t(`verdict.${VERDICT_KEY[s.verdict]}`) })}</p>
              ) : null}
              {drift && drift.added.length > 0 ? <p>{t("stale.added", { items: drift.added.map(itemLabel).join("; ") })}</p> : null}
              {drift && drift.removed.length > 0 ? <p>{t("stale.removed", { items: drift.removed.map(itemLabel).join("; ") })}</p> : null}
              <p className="mt-1">{t("stale.action")}</p>
            </div>
          ) : null}
          {s.changedOutsideScreening ? <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">{t("changedOutside")}</p> : null}
        </Section>

        {canDecide ? (
          <Section id="record-decision" title={t("decision.title")} description={t("decision.description")}>
            <DecisionForm orgId={orgId} id={id} version={s.version} decision={s.current.decision} reason={s.current.reason} />
          </Section>
        ) : !s.archived ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("decision.onlyDpo")}</p>
        ) : null}

        {canTick ? (
          <Section id="criteria" title={t("criteria.title")} description={t("criteria.description")}>
            <CriteriaForm orgId={orgId} id={id} version={s.version} lists={s.lists} />
          </Section>
        ) : null}
      </div>
    </>
  );
}

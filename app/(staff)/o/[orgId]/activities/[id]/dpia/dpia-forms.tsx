"use client";
// The two forms of the DPIA screening page: ticking the criteria (editors) and the DPO's decision with its
// mandatory reason. Each sends the activity's version (optimistic concurrency); the server checks again.
import Link from "next/link";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FormStatus, SelectField, TextArea } from "@/components/form/field";
import { primaryButtonClass } from "@/components/form/styles";
import { Tag } from "@/components/status-badge";
import { recordDpiaDecision, saveDpiaCriteria } from "@/lib/dpia/actions";
import { DPIA_REASON_MAX, RECORDABLE_DPIA_DECISIONS } from "@/lib/dpia/schema";
import type { ActivityFormState } from "@/lib/activities/schema";
import type { DpiaListView } from "@/lib/dpia/queries";

function ConflictNote({ state, href }: { state: ActivityFormState; href: string }) {
  const t = useTranslations("activity.conflict");
  if (!state.conflict) return null;
  return (
    <p className="text-sm">
      <Link href={href} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
        {t("title", { by: state.conflict.by, at: new Date(state.conflict.at).toLocaleString() })}
      </Link>
    </p>
  );
}

export function CriteriaForm({ orgId, id, version, lists }: { orgId: string; id: string; version: number; lists: DpiaListView[] }) {
  const t = useTranslations("dpia");
  const locale = useLocale();
  const [state, action, pending] = useActionState<ActivityFormState, FormData>(saveDpiaCriteria.bind(null, orgId, id), {});
  const submitted = state.values ? new Set(([] as string[]).concat(state.values.criteria ?? [])) : null;
  const href = `/o/${orgId}/activities/${id}/dpia`;
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="version" defaultValue={state.conflict?.version ?? version} />
      <FormStatus state={state} />
      <ConflictNote state={state} href={href} />
      {lists.map((l) => (
        <fieldset key={l.code} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 text-sm font-semibold">{t("criteria.list", { title: l.title, version: l.version })}</legend>
          <ul className="flex flex-col gap-2">
            {l.items.map((i) => {
              const checked = submitted ? submitted.has(i.code) : i.ticked;
              const inputId = `criterion-${i.code}`;
              return (
                <li key={i.code} className="flex items-start gap-2">
                  <input id={inputId} type="checkbox" name="criteria" value={i.code} defaultChecked={checked} key={String(checked)} className="mt-0.5 size-4 shrink-0 rounded border-zinc-300 dark:border-zinc-700" />
                  <label htmlFor={inputId} className="text-sm">
                    <span className="font-medium tabular-nums">{i.itemNo}.</span> {locale === "en" ? i.en : i.de}{" "}
                    {i.hard ? <Tag tone="danger">{t("criteria.hard")}</Tag> : null} {i.suggested && !i.ticked ? <Tag tone="warning">{t("suggested.badge")}</Tag> : null}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      {state.fieldErrors?.criteria ? <FormStatus state={{ formError: state.fieldErrors.criteria[0] }} /> : null}
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>{pending ? t("criteria.saving") : t("criteria.save")}</button>
      </div>
    </form>
  );
}

export function DecisionForm({ orgId, id, version, decision, reason }: { orgId: string; id: string; version: number; decision: string; reason: string | null }) {
  const t = useTranslations("dpia.decision");
  const te = useTranslations("enums.DpiaDecision");
  const [state, action, pending] = useActionState<ActivityFormState, FormData>(recordDpiaDecision.bind(null, orgId, id), {});
  const href = `/o/${orgId}/activities/${id}/dpia`;
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="version" defaultValue={state.conflict?.version ?? version} />
      <FormStatus state={state} />
      <ConflictNote state={state} href={href} />
      <SelectField
        name="decision"
        label={t("decision")}
        state={state}
        required
        defaultValue={decision === "PENDING" ? "" : decision}
        placeholder=""
        options={RECORDABLE_DPIA_DECISIONS.map((d) => ({ value: d, label: te(d) }))}
      />
      <TextArea name="reason" label={t("reason")} hint={t("reasonHint")} state={state} required rows={5} maxLength={DPIA_REASON_MAX} defaultValue={reason} />
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>{pending ? t("submitting") : t("submit")}</button>
      </div>
    </form>
  );
}

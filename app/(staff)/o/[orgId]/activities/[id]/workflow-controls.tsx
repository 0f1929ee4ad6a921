"use client";
// Workflow buttons of the detail page. Each is its own small form with the entry's version (optimistic
// concurrency); the server checks the permission and the transition again.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/form/field";
import { dangerButtonClass, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import {
  archiveActivity, confirmActivityReview, copyActivity, releaseActivity, restoreActivity, returnActivityToDraft, submitActivityForReview,
} from "@/lib/activities/actions";
import type { ActivityFormState } from "@/lib/activities/schema";

type Step = "submit" | "release" | "backToDraft" | "archive" | "restore" | "review";
const ACTIONS = {
  submit: submitActivityForReview,
  release: releaseActivity,
  backToDraft: returnActivityToDraft,
  archive: archiveActivity,
  restore: restoreActivity,
  review: confirmActivityReview,
} as const;

function StepButton({ orgId, id, version, step }: { orgId: string; id: string; version: number; step: Step }) {
  const t = useTranslations("activity.workflow");
  const [state, action, pending] = useActionState<ActivityFormState, FormData>(ACTIONS[step].bind(null, orgId, id), {});
  const cls = step === "release" || step === "submit" ? primaryButtonClass : step === "archive" ? dangerButtonClass : secondaryButtonClass;
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="version" defaultValue={version} />
      <button type="submit" className={cls} disabled={pending}>{t(step)}</button>
      {state.formError ? <FormStatus state={state} /> : null}
    </form>
  );
}

export function WorkflowControls({ orgId, id, version, steps, copyTargets, fourEyes }: {
  orgId: string; id: string; version: number; steps: Step[]; copyTargets: { value: string; label: string }[]; fourEyes: boolean;
}) {
  const t = useTranslations("activity.workflow");
  return (
    <div className="flex flex-col gap-3">
      {steps.length ? (
        <div className="flex flex-wrap items-start gap-2">
          {steps.map((s) => <StepButton key={`${s}-${version}`} orgId={orgId} id={id} version={version} step={s} />)}
        </div>
      ) : null}
      {fourEyes && steps.includes("release") ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("fourEyesHint")}</p> : null}
      {copyTargets.length ? <CopyForm orgId={orgId} id={id} targets={copyTargets} /> : null}
    </div>
  );
}

function CopyForm({ orgId, id, targets }: { orgId: string; id: string; targets: { value: string; label: string }[] }) {
  const t = useTranslations("activity.workflow");
  const [state, action, pending] = useActionState<ActivityFormState, FormData>(copyActivity.bind(null, orgId, id), {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="copy-target" className="block text-sm font-medium">{t("copyTarget")}</label>
        <select id="copy-target" name="targetOrganisationId" required className={inputClass} aria-describedby="copy-hint">
          {targets.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>{t("copy")}</button>
      <p id="copy-hint" className="w-full text-xs text-zinc-600 dark:text-zinc-400">{t("copyHint")}</p>
      {state.formError ? <FormStatus state={state} /> : null}
    </form>
  );
}

"use client";
// Create / edit form of a data processing agreement (AVV) with the Art. 28(3)(a)–(h) checklist.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Combobox, type ComboOption } from "@/components/form/combobox";
import { CheckboxField, FieldErrors, FormStatus, SelectField, TextArea, TextField, submittedValue, submittedValues } from "@/components/form/field";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import type { FormState } from "@/lib/forms";
import { ART28_KEYS, DPA_SCC_MECHANISMS, TITLE_MAX } from "@/lib/agreements/schema";
import { SHORT_MAX, TEXT_MAX, URL_MAX } from "@/lib/vendors/schema";
import { DpaStatus } from "@/prisma/generated/sqlite/enums";

export type AgreementFormValues = {
  vendorId: string; title: string; status: string; signedAt: string | null; documentVersion: string | null; effectiveFrom: string | null; termEndsAt: string | null;
  nextReviewAt: string | null; checklist: Record<string, boolean>; sccMechanism: string | null; documentRef: string | null; documentUrl: string | null; notes: string | null; activityIds: string[];
};
type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function AgreementForm({ action, vendors, activities, initial, version, cancelHref }: {
  action: Action; vendors: ComboOption[]; activities: { id: string; label: string }[]; initial?: AgreementFormValues; version?: number; cancelHref: string;
}) {
  const t = useTranslations("vendor.agreements");
  const te = useTranslations("enums");
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  const vendorId = submittedValue(state, "vendorId") ?? initial?.vendorId ?? "";
  const chosen = state.values ? (submittedValues(state, "activityIds") ?? []) : (initial?.activityIds ?? []);
  const fieldset = "grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800";
  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      <FormStatus state={state} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <div className={fieldset}>
        <TextField name="title" label={t("fields.title")} state={state} required maxLength={TITLE_MAX} defaultValue={initial?.title} />
        <Combobox key={`v-${vendorId}`} name="vendorId" label={t("fields.vendor")} options={vendors} defaultValue={vendorId} errors={state.fieldErrors?.vendorId} required placeholder={t("fields.vendorPlaceholder")} emptyText="—" />
        <SelectField name="status" label={t("fields.status")} state={state} required defaultValue={initial?.status ?? "DRAFT"} options={Object.values(DpaStatus).map((s) => ({ value: s, label: te(`DpaStatus.${s}`) }))} />
        <TextField name="signedAt" label={t("fields.signedAt")} state={state} type="date" defaultValue={initial?.signedAt} />
        <TextField name="documentVersion" label={t("fields.documentVersion")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.documentVersion} />
        <TextField name="effectiveFrom" label={t("fields.effectiveFrom")} state={state} type="date" defaultValue={initial?.effectiveFrom} />
        <TextField name="termEndsAt" label={t("fields.termEndsAt")} state={state} type="date" defaultValue={initial?.termEndsAt} />
        <TextField name="nextReviewAt" label={t("fields.nextReviewAt")} state={state} type="date" defaultValue={initial?.nextReviewAt} />
        <SelectField name="sccMechanism" label={t("fields.sccMechanism")} state={state} defaultValue={initial?.sccMechanism} placeholder={t("fields.sccNone")} options={DPA_SCC_MECHANISMS.map((m) => ({ value: m, label: te(`TransferMechanism.${m}`) }))} />
        <TextField name="documentRef" label={t("fields.documentRef")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.documentRef} />
        <TextField name="documentUrl" label={t("fields.documentUrl")} state={state} type="url" maxLength={URL_MAX} defaultValue={initial?.documentUrl} />
        <TextArea name="notes" label={t("fields.notes")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.notes} />
      </div>
      <fieldset className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-semibold">{t("fields.checklist")}</legend>
        {ART28_KEYS.map((k) => <CheckboxField key={k} name={k} label={t(`art28.${k}`)} state={state} defaultChecked={initial?.checklist[k] ?? false} />)}
      </fieldset>
      <fieldset className="flex flex-col gap-1 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-semibold">{t("fields.activities")}</legend>
        {activities.map((a) => (
          <label key={a.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="activityIds" value={a.id} defaultChecked={chosen.includes(a.id)} className="size-4" />
            {a.label}
          </label>
        ))}
        <FieldErrors id="activityIds-error" keys={state.fieldErrors?.activityIds} />
      </fieldset>
      {version !== undefined ? <TextField name="reason" label={t("fields.reason")} state={state} maxLength={500} /> : null}
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{t("save")}</button>
        <Link href={cancelHref} className={secondaryButtonClass}>{t("cancel")}</Link>
      </div>
    </form>
  );
}

/** Archive / restore button of one list row. */
export function AgreementArchiveButton({ action, version, label }: { action: Action; version: number; label: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction}>
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className="text-sm text-blue-700 underline-offset-2 hover:underline disabled:opacity-60 dark:text-blue-400">{label}</button>
      {state.formError ? <p role="alert" className="text-xs text-red-700">{t(state.formError as Parameters<typeof t>[0])}</p> : null}
    </form>
  );
}

"use client";
// Forms of the recipients page: one recipient (add / edit) and one transfer (add / edit), plus row buttons.
// Only one field form is on the page at a time (chosen by the URL), so every label is unique.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Combobox, type ComboOption } from "@/components/form/combobox";
import { CheckboxField, FieldErrors, FormStatus, SelectField, TextArea, TextField, submittedValue, submittedValues } from "@/components/form/field";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import type { FormState } from "@/lib/forms";
import { MECHANISM_GROUPS } from "@/lib/recipients/schema";
import { SHORT_MAX, TEXT_MAX, URL_MAX } from "@/lib/vendors/schema";
import { RecipientKind, RecipientRole, TransferAccess } from "@/prisma/generated/sqlite/enums";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Option = { value: string; label: string };
const grid = "grid gap-4 sm:grid-cols-2";

export type RecipientValues = { recipientId: string; version: number; kind: string; vendorId: string | null; departmentId: string | null; categoryCode: string | null; role: string; service: string | null; dataCategoryIds: string[] };

export function RecipientForm({ action, vendors, departments, categories, dataCategories, initial, cancelHref }: {
  action: Action; vendors: ComboOption[]; departments: Option[]; categories: Option[]; dataCategories: Option[]; initial?: RecipientValues; cancelHref?: string;
}) {
  const t = useTranslations("vendor.recipients");
  const tForm = useTranslations("vendor.form");
  const te = useTranslations("enums");
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  const vendorId = submittedValue(state, "vendorId") ?? initial?.vendorId ?? "";
  const chosen = state.values ? (submittedValues(state, "dataCategoryIds") ?? []) : (initial?.dataCategoryIds ?? []);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} />
      {initial ? <><input type="hidden" name="recipientId" value={initial.recipientId} /><input type="hidden" name="version" value={initial.version} /></> : null}
      <div className={grid}>
        <SelectField name="kind" label={t("kind")} state={state} required defaultValue={initial?.kind ?? "VENDOR"} options={Object.values(RecipientKind).map((k) => ({ value: k, label: te(`RecipientKind.${k}`) }))} />
        <SelectField name="role" label={t("role")} state={state} required defaultValue={initial?.role ?? "PROCESSOR"} options={Object.values(RecipientRole).map((r) => ({ value: r, label: te(`RecipientRole.${r}`) }))} />
        <Combobox key={`v-${vendorId}`} name="vendorId" label={t("vendor")} options={vendors} defaultValue={vendorId} errors={state.fieldErrors?.vendorId} placeholder={t("vendorPlaceholder")} emptyText="—" />
        <SelectField name="departmentId" label={t("department")} state={state} defaultValue={initial?.departmentId} placeholder="—" options={departments} />
        <SelectField name="categoryCode" label={t("category")} state={state} defaultValue={initial?.categoryCode} placeholder="—" options={categories} />
        <TextField name="service" label={t("service")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.service} />
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">{t("dataCategories")}</legend>
        {dataCategories.length === 0 ? <p className="text-sm text-zinc-600">{t("noDataCategories")}</p> : null}
        {dataCategories.map((d) => (
          <label key={d.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="dataCategoryIds" value={d.value} defaultChecked={chosen.includes(d.value)} className="size-4" />
            {d.label}
          </label>
        ))}
        <FieldErrors id="dataCategoryIds-error" keys={state.fieldErrors?.dataCategoryIds} />
      </fieldset>
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{initial ? t("save") : t("add")}</button>
        {cancelHref ? <Link href={cancelHref} className={secondaryButtonClass}>{tForm("cancel")}</Link> : null}
      </div>
    </form>
  );
}

export type TransferValues = {
  transferId: string; version: number; destinationCountry: string | null; internationalOrganisation: string | null; access: string; viaVendorId: string | null; mechanism: string;
  mechanismNote: string | null; contractConcludedAt: string | null; isRegular: boolean; importerSubjectToGdpr: boolean; art49Assessment: string | null; saInformedAt: string | null;
  tiaId: string | null; tiaReference: string | null; tiaDate: string | null; supplementaryMeasures: string | null; evidenceUrl: string | null; note: string | null;
};

export function TransferForm({ action, recipientId, countries, vendors, tias, initial, cancelHref }: {
  action: Action; recipientId?: string; countries: ComboOption[]; vendors: ComboOption[]; tias: Option[]; initial?: TransferValues; cancelHref: string;
}) {
  const t = useTranslations("vendor.recipients");
  const tForm = useTranslations("vendor.form");
  const te = useTranslations("enums");
  const tErr = useTranslations();
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  const country = submittedValue(state, "destinationCountry") ?? initial?.destinationCountry ?? "";
  const via = submittedValue(state, "viaVendorId") ?? initial?.viaVendorId ?? "";
  const mechanism = submittedValue(state, "mechanism") ?? initial?.mechanism ?? "NONE_STATED";
  const mechErrors = state.fieldErrors?.mechanism;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} />
      {recipientId ? <input type="hidden" name="recipientId" value={recipientId} /> : null}
      {initial ? <><input type="hidden" name="transferId" value={initial.transferId} /><input type="hidden" name="version" value={initial.version} /></> : null}
      <div className={grid}>
        <Combobox key={`c-${country}`} name="destinationCountry" label={t("transfer.destinationCountry")} hint={t("transfer.eitherCountryOrOrganisation")} options={countries} defaultValue={country} errors={state.fieldErrors?.destinationCountry} placeholder={t("transfer.countryPlaceholder")} emptyText="—" />
        <TextField name="internationalOrganisation" label={t("transfer.internationalOrganisation")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.internationalOrganisation} />
        <SelectField name="access" label={t("transfer.access")} state={state} required defaultValue={initial?.access ?? "STORAGE"} options={Object.values(TransferAccess).map((a) => ({ value: a, label: te(`TransferAccess.${a}`) }))} />
        <Combobox key={`via-${via}`} name="viaVendorId" label={t("transfer.viaVendor")} options={vendors} defaultValue={via} errors={state.fieldErrors?.viaVendorId} placeholder={t("vendorPlaceholder")} emptyText="—" />
        <div>
          <label htmlFor="f-mechanism" className="block text-sm font-medium">{t("transfer.mechanism")}<span aria-hidden="true" className="text-red-700"> *</span></label>
          <select id="f-mechanism" name="mechanism" defaultValue={mechanism} key={mechanism} required aria-invalid={mechErrors?.length ? true : undefined} className={inputClass}>
            {Object.entries(MECHANISM_GROUPS).map(([group, items]) => (
              <optgroup key={group} label={t(`transfer.mechanismGroups.${group as keyof typeof MECHANISM_GROUPS}`)}>
                {items.map((m) => <option key={m} value={m}>{te(`TransferMechanism.${m}`)}</option>)}
              </optgroup>
            ))}
          </select>
          {mechErrors?.length ? <p className="mt-1 text-sm text-red-700">{mechErrors.map((k) => tErr(k as Parameters<typeof tErr>[0])).join(" ")}</p> : null}
        </div>
        <TextField name="contractConcludedAt" label={t("transfer.contractConcludedAt")} state={state} type="date" defaultValue={initial?.contractConcludedAt} />
        <TextArea name="mechanismNote" label={t("transfer.mechanismNote")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.mechanismNote} rows={2} />
        <div className="flex flex-col gap-2">
          <CheckboxField name="isRegular" label={t("transfer.isRegular")} state={state} defaultChecked={initial?.isRegular ?? true} />
          <CheckboxField name="importerSubjectToGdpr" label={t("transfer.importerSubjectToGdpr")} state={state} defaultChecked={initial?.importerSubjectToGdpr ?? false} />
        </div>
        <TextArea name="art49Assessment" label={t("transfer.art49Assessment")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.art49Assessment} rows={2} />
        <TextField name="saInformedAt" label={t("transfer.saInformedAt")} state={state} type="date" defaultValue={initial?.saInformedAt} />
        <SelectField name="tiaId" label={t("transfer.tia")} state={state} defaultValue={initial?.tiaId} placeholder={t("transfer.tiaNone")} options={tias} />
        <TextField name="tiaReference" label={t("transfer.tiaReference")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.tiaReference} />
        <TextField name="tiaDate" label={t("transfer.tiaDate")} state={state} type="date" defaultValue={initial?.tiaDate} />
        <TextArea name="supplementaryMeasures" label={t("transfer.supplementaryMeasures")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.supplementaryMeasures} rows={2} />
        <TextField name="evidenceUrl" label={t("transfer.evidenceUrl")} state={state} type="url" maxLength={URL_MAX} defaultValue={initial?.evidenceUrl} />
        <TextArea name="note" label={t("transfer.note")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.note} rows={2} />
      </div>
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{initial ? t("save") : t("addTransfer")}</button>
        <Link href={cancelHref} className={secondaryButtonClass}>{tForm("cancel")}</Link>
      </div>
    </form>
  );
}

/** A one-button form posting hidden fields (remove a recipient, archive a transfer). */
export function HiddenButton({ action, fields, label }: { action: Action; fields: Record<string, string>; label: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} className="inline">
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <button type="submit" disabled={pending} className="text-sm text-red-700 underline-offset-2 hover:underline disabled:opacity-60 dark:text-red-400">{label}</button>
      {state.formError ? <p role="alert" className="text-xs text-red-700">{t(state.formError as Parameters<typeof t>[0])}</p> : null}
    </form>
  );
}

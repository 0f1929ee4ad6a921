"use client";
// Small forms of the vendor page: one per child list (locations, certifications, DPF checks, sub-processors,
// contacts), plus row buttons (remove, disable) and archive/restore. Each posts to its own server action.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Combobox, type ComboOption } from "@/components/form/combobox";
import { CheckboxField, FieldErrors, FormStatus, SelectField, TextArea, TextField, submittedValue } from "@/components/form/field";
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import type { FormState } from "@/lib/forms";
import { DPF_FRAMEWORKS, EMAIL_MAX, NAME_MAX, SHORT_MAX, TEXT_MAX, URL_MAX } from "@/lib/vendors/schema";
import { DpfStatus, LocationPurpose, TransferAccess } from "@/prisma/generated/sqlite/enums";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
const grid = "grid gap-4 sm:grid-cols-2 lg:grid-cols-3";

function Submit({ pending, label }: { pending: boolean; label: string }) {
  return <div className="flex items-end"><button type="submit" disabled={pending} className={primaryButtonClass}>{label}</button></div>;
}

export function AddLocationForm({ action, countries }: { action: Action; countries: ComboOption[] }) {
  const t = useTranslations("vendor");
  const te = useTranslations("enums.LocationPurpose");
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  const country = submittedValue(state, "country") ?? "";
  return (
    <form action={formAction} noValidate id="add-location" aria-label={t("detail.sections.locations")} className="mt-4 flex flex-col gap-3">
      <FormStatus state={state} success={t("detail.added")} />
      <div className={grid}>
        <Combobox key={`loc-${country}-${state.ok ? "ok" : ""}`} name="country" label={t("location.country")} options={countries} defaultValue={country} errors={state.fieldErrors?.country} required placeholder={t("form.countryPlaceholder")} emptyText={t("form.noMatch")} />
        <TextField name="city" label={t("location.city")} state={state} maxLength={SHORT_MAX} />
        <SelectField name="purpose" label={t("location.purpose")} state={state} defaultValue="STORAGE" options={Object.values(LocationPurpose).map((p) => ({ value: p, label: te(p) }))} />
        <TextField name="note" label={t("location.note")} state={state} maxLength={TEXT_MAX} />
        <Submit pending={pending} label={t("detail.add")} />
      </div>
    </form>
  );
}

export function AddCertificationForm({ action }: { action: Action }) {
  const t = useTranslations("vendor");
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} noValidate id="add-certification" aria-label={t("detail.sections.certifications")} className="mt-4 flex flex-col gap-3">
      <FormStatus state={state} success={t("detail.added")} />
      <div className={grid}>
        <TextField name="name" label={t("certification.name")} hint={t("certification.nameHint")} state={state} required maxLength={SHORT_MAX} />
        <TextField name="issuer" label={t("certification.issuer")} state={state} maxLength={SHORT_MAX} />
        <TextField name="certificateNumber" label={t("certification.certificateNumber")} state={state} maxLength={SHORT_MAX} />
        <TextField name="validFrom" label={t("certification.validFrom")} state={state} type="date" />
        <TextField name="validUntil" label={t("certification.validUntil")} state={state} type="date" />
        <TextField name="documentUrl" label={t("certification.documentUrl")} state={state} type="url" maxLength={URL_MAX} />
        <Submit pending={pending} label={t("detail.add")} />
      </div>
    </form>
  );
}

export function AddDpfCheckForm({ action, today }: { action: Action; today: string }) {
  const t = useTranslations("vendor");
  const te = useTranslations("enums.DpfStatus");
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  const chosen = state.values?.frameworks;
  const frameworks = chosen === undefined ? ["EU_US"] : Array.isArray(chosen) ? chosen : [chosen];
  return (
    <form action={formAction} noValidate id="add-dpf" aria-label={t("detail.sections.dpf")} className="mt-4 flex flex-col gap-3">
      <FormStatus state={state} success={t("detail.added")} />
      <div className={grid}>
        <SelectField name="status" label={t("dpf.status")} state={state} required defaultValue="ACTIVE" options={Object.values(DpfStatus).map((s) => ({ value: s, label: te(s) }))} />
        <TextField name="checkedAt" label={t("dpf.checkedAt")} state={state} type="date" required defaultValue={today} />
        <TextField name="listedName" label={t("dpf.listedName")} state={state} maxLength={SHORT_MAX} />
        <TextField name="listUrl" label={t("dpf.listUrl")} state={state} type="url" maxLength={URL_MAX} />
        <TextField name="certifiedSince" label={t("dpf.certifiedSince")} state={state} type="date" />
        <TextField name="nextCertificationDue" label={t("dpf.nextCertificationDue")} state={state} type="date" />
        <fieldset>
          <legend className="text-sm font-medium">{t("dpf.frameworks")}</legend>
          {DPF_FRAMEWORKS.map((f) => (
            <label key={f} className="mt-1 flex items-center gap-2 text-sm">
              <input type="checkbox" name="frameworks" value={f} defaultChecked={frameworks.includes(f)} className="size-4" />
              {t(`dpf.framework.${f}`)}
            </label>
          ))}
          <FieldErrors id="dpf-frameworks-error" keys={state.fieldErrors?.frameworks} />
        </fieldset>
        <div className="flex flex-col gap-2">
          <CheckboxField name="coversNonHr" label={t("dpf.coversNonHr")} state={state} defaultChecked />
          <CheckboxField name="coversHr" label={t("dpf.coversHr")} state={state} />
        </div>
        <TextField name="evidenceUrl" label={t("dpf.evidenceUrl")} state={state} type="url" maxLength={URL_MAX} />
        <TextArea name="note" label={t("dpf.note")} state={state} maxLength={TEXT_MAX} rows={2} />
        <Submit pending={pending} label={t("detail.add")} />
      </div>
    </form>
  );
}

export function AddSubProcessorForm({ action, countries, vendors }: { action: Action; countries: ComboOption[]; vendors: ComboOption[] }) {
  const t = useTranslations("vendor");
  const te = useTranslations("enums.TransferAccess");
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  const country = submittedValue(state, "country") ?? "";
  const sub = submittedValue(state, "subVendorId") ?? "";
  return (
    <form action={formAction} noValidate id="add-subProcessor" aria-label={t("detail.sections.subProcessors")} className="mt-4 flex flex-col gap-3">
      <FormStatus state={state} success={t("detail.added")} />
      <div className={grid}>
        <Combobox key={`sv-${sub}-${state.ok ? "ok" : ""}`} name="subVendorId" label={t("subProcessor.vendor")} hint={t("subProcessor.vendorHint")} options={vendors} defaultValue={sub} errors={state.fieldErrors?.subVendorId} placeholder={t("form.countryPlaceholder")} emptyText={t("form.noMatch")} />
        <TextField name="name" label={t("subProcessor.name")} state={state} maxLength={NAME_MAX} />
        <Combobox key={`sc-${country}-${state.ok ? "ok" : ""}`} name="country" label={t("subProcessor.country")} options={countries} defaultValue={country} errors={state.fieldErrors?.country} placeholder={t("form.countryPlaceholder")} emptyText={t("form.noMatch")} />
        <TextField name="service" label={t("subProcessor.service")} state={state} maxLength={TEXT_MAX} />
        <SelectField name="access" label={t("subProcessor.access")} state={state} defaultValue="STORAGE" options={Object.values(TransferAccess).map((a) => ({ value: a, label: te(a) }))} />
        <Submit pending={pending} label={t("detail.add")} />
      </div>
    </form>
  );
}

export function AddContactForm({ action }: { action: Action }) {
  const t = useTranslations("vendor");
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} noValidate id="add-contact" aria-label={t("detail.sections.contacts")} className="mt-4 flex flex-col gap-3">
      <FormStatus state={state} success={t("detail.added")} />
      <div className={grid}>
        <TextField name="email" label={t("contact.email")} state={state} type="email" required maxLength={EMAIL_MAX} />
        <TextField name="name" label={t("contact.name")} state={state} maxLength={SHORT_MAX} />
        <TextField name="function" label={t("contact.function")} state={state} maxLength={SHORT_MAX} />
        <TextField name="phone" label={t("contact.phone")} state={state} type="tel" maxLength={50} />
        <CheckboxField name="canSignIn" label={t("contact.canSignIn")} state={state} defaultChecked />
        <Submit pending={pending} label={t("detail.add")} />
      </div>
    </form>
  );
}

/** A one-button form posting a row id (remove a location, disable a contact, …). */
export function RowButton({ action, id, label, name }: { action: Action; id: string; label: string; name: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={`${label}: ${name}`} className="text-sm text-red-700 underline-offset-2 hover:underline disabled:opacity-60 dark:text-red-400">{label}</button>
      {state.formError ? <p role="alert" className="text-xs text-red-700">{t(state.formError as Parameters<typeof t>[0])}</p> : null}
    </form>
  );
}

/** Archive or restore with the version the page was rendered with (a stale page gets the conflict message). */
export function ArchiveButton({ action, version, label, danger }: { action: Action; version: number; label: string; danger: boolean }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className={danger ? dangerButtonClass : secondaryButtonClass}>{label}</button>
      {state.formError ? <p role="alert" className="max-w-xs text-xs text-red-700 dark:text-red-400">{t(state.formError as Parameters<typeof t>[0])}</p> : null}
    </form>
  );
}

"use client";
// Edit form of the cover sheet (one zod schema shared with the server action: lib/organisations/schema.ts).
import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { CheckboxField, FormStatus, SelectField, TextArea, TextField } from "@/components/form/field";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import type { OrganisationForEdit } from "@/lib/organisations/queries";
import { EMPLOYEES_MAX, ORGANISATION_FIELDS, PHONE_MAX, POSTAL_CODE_MAX, REVIEW_MONTHS_MAX, REVIEW_MONTHS_MIN } from "@/lib/organisations/schema";
import { EMAIL_MAX, NAME_MAX, SHORT_MAX, TEXT_MAX, URL_MAX, type VendorFormState } from "@/lib/vendors/schema";
import { ConflictPanel } from "@/components/settings-ui";

type Action = (prev: VendorFormState, formData: FormData) => Promise<VendorFormState>;
type Country = { code: string; label: { de: string; en: string } };

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

export function OrganisationForm({ action, initial, version, countries, cancelHref }: { action: Action; initial: OrganisationForEdit["values"]; version: number; countries: Country[]; cancelHref: string }) {
  const t = useTranslations("orgsettings.organisation");
  const tc = useTranslations("orgsettings.common");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, {} as VendorFormState);
  const label = (f: string) => ((ORGANISATION_FIELDS as readonly string[]).includes(f) ? t(`fields.${f as (typeof ORGANISATION_FIELDS)[number]}`) : f);
  const countryOptions = countries
    .map((c) => ({ value: c.code, label: locale === "en" ? c.label.en : c.label.de }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const currentVersion = state.conflict?.version ?? version;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      <FormStatus state={state} />
      {state.conflict ? <ConflictPanel conflict={state.conflict} fields={ORGANISATION_FIELDS} label={label} /> : null}
      <input type="hidden" name="version" value={currentVersion} key={currentVersion} />
      <Group legend={t("sections.controller")}>
        <TextField name="name" label={t("fields.name")} state={state} required maxLength={NAME_MAX} defaultValue={initial.name} className="sm:col-span-2" />
        <TextField name="legalForm" label={t("fields.legalForm")} state={state} maxLength={SHORT_MAX} defaultValue={initial.legalForm} />
        <TextField name="street" label={t("fields.street")} state={state} maxLength={SHORT_MAX} defaultValue={initial.street} autoComplete="street-address" />
        <TextField name="postalCode" label={t("fields.postalCode")} state={state} maxLength={POSTAL_CODE_MAX} defaultValue={initial.postalCode} autoComplete="postal-code" />
        <TextField name="city" label={t("fields.city")} state={state} maxLength={SHORT_MAX} defaultValue={initial.city} />
        <SelectField name="country" label={t("fields.country")} state={state} required defaultValue={initial.country} options={countryOptions} />
        <TextField name="phone" label={t("fields.phone")} state={state} type="tel" maxLength={PHONE_MAX} defaultValue={initial.phone} />
        <TextField name="email" label={t("fields.email")} state={state} type="email" maxLength={EMAIL_MAX} defaultValue={initial.email} />
        <TextField name="website" label={t("fields.website")} state={state} type="url" maxLength={URL_MAX} defaultValue={initial.website} />
        <TextArea name="management" label={t("fields.management")} hint={t("fields.managementHint")} state={state} rows={2} maxLength={TEXT_MAX} defaultValue={initial.management} />
        <TextField name="headOfDataProcessing" label={t("fields.headOfDataProcessing")} state={state} maxLength={SHORT_MAX} defaultValue={initial.headOfDataProcessing} />
        <TextArea name="euRepresentative" label={t("fields.euRepresentative")} hint={t("fields.euRepresentativeHint")} state={state} rows={2} maxLength={TEXT_MAX} defaultValue={initial.euRepresentative} className="sm:col-span-2" />
      </Group>
      <Group legend={t("sections.dpo")}>
        <TextField name="dpoName" label={t("fields.dpoName")} state={state} maxLength={SHORT_MAX} defaultValue={initial.dpoName} />
        <CheckboxField name="dpoExternal" label={t("fields.dpoExternal")} state={state} defaultChecked={initial.dpoExternal} className="pt-6" />
        <TextField name="dpoCompany" label={t("fields.dpoCompany")} hint={t("fields.dpoCompanyHint")} state={state} maxLength={SHORT_MAX} defaultValue={initial.dpoCompany} />
        <TextField name="dpoEmail" label={t("fields.dpoEmail")} state={state} type="email" maxLength={EMAIL_MAX} defaultValue={initial.dpoEmail} />
        <TextField name="dpoPhone" label={t("fields.dpoPhone")} state={state} type="tel" maxLength={PHONE_MAX} defaultValue={initial.dpoPhone} />
        <TextArea name="dpoAddress" label={t("fields.dpoAddress")} state={state} rows={2} maxLength={TEXT_MAX} defaultValue={initial.dpoAddress} />
      </Group>
      <Group legend={t("sections.authority")}>
        <TextField name="supervisoryAuthority" label={t("fields.supervisoryAuthority")} state={state} maxLength={SHORT_MAX} defaultValue={initial.supervisoryAuthority} className="sm:col-span-2" />
      </Group>
      <Group legend={t("sections.register")}>
        <div className="flex flex-col gap-2 sm:col-span-2">
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("fields.rolesHint")}</p>
          <CheckboxField name="actsAsController" label={t("fields.actsAsController")} state={state} defaultChecked={initial.actsAsController} />
          <CheckboxField name="actsAsProcessor" label={t("fields.actsAsProcessor")} state={state} defaultChecked={initial.actsAsProcessor} />
        </div>
        <TextField name="employeeCount" label={t("fields.employeeCount")} hint={t("fields.employeeCountHint")} state={state} type="number" inputMode="numeric" defaultValue={initial.employeeCount} maxLength={String(EMPLOYEES_MAX).length} />
        <TextField name="defaultReviewMonths" label={t("fields.defaultReviewMonths")} hint={t("fields.defaultReviewMonthsHint", { min: REVIEW_MONTHS_MIN, max: REVIEW_MONTHS_MAX })} state={state} required type="number" inputMode="numeric" defaultValue={initial.defaultReviewMonths} />
        <CheckboxField name="requireFourEyes" label={t("fields.requireFourEyes")} hint={t("fields.requireFourEyesHint")} state={state} defaultChecked={initial.requireFourEyes} className="sm:col-span-2" />
      </Group>
      <TextField name="reason" label={t("fields.reason")} state={state} maxLength={500} />
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{tc("save")}</button>
        <Link href={cancelHref} className={secondaryButtonClass}>{tc("cancel")}</Link>
      </div>
    </form>
  );
}

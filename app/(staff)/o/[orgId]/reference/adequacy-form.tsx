"use client";
// Administrator form: add an adequacy decision (lib/reference-data/actions.ts validates it again).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus, SelectField, TextArea, TextField } from "@/components/form/field";
import { Combobox, type ComboOption } from "@/components/form/combobox";
import { primaryButtonClass } from "@/components/form/styles";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function AdequacyForm({ action, countries, sources, scopes }: { action: Action; countries: ComboOption[]; sources: { value: string; label: string }[]; scopes: { value: string; label: string }[] }) {
  const t = useTranslations("reference.form");
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  const value = (name: string): string | undefined => {
    const v = state.values?.[name];
    return typeof v === "string" ? v : undefined;
  };
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} />
      <div className="grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800">
        <Combobox name="countryCode" label={t("country")} options={countries} defaultValue={value("countryCode")} errors={state.fieldErrors?.countryCode} placeholder={t("countryPlaceholder")} emptyText={t("countryEmpty")} />
        <TextField name="organisationName" label={t("organisationName")} state={state} maxLength={300} />
        <SelectField name="sourceId" label={t("sourceId")} state={state} options={sources} placeholder={t("sourceNew")} />
        <TextField name="sourceIdentifier" label={t("sourceIdentifier")} state={state} maxLength={100} />
        <TextField name="sourceTitle" label={t("sourceTitle")} state={state} maxLength={500} />
        <TextField name="sourceUrl" label={t("sourceUrl")} state={state} type="url" maxLength={2000} />
        <SelectField name="scope" label={t("scope")} state={state} required defaultValue="FULL" options={scopes} />
        <TextField name="scopeText" label={t("scopeText")} state={state} maxLength={2000} />
        <TextField name="validFrom" label={t("validFrom")} state={state} type="date" required />
        <TextField name="entryIntoForce" label={t("entryIntoForce")} state={state} type="date" />
        <TextField name="validTo" label={t("validTo")} state={state} type="date" />
        <TextField name="reviewDue" label={t("reviewDue")} state={state} type="date" />
        <TextArea name="note" label={t("note")} state={state} maxLength={2000} className="sm:col-span-2" />
      </div>
      <div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>{t("submit")}</button>
      </div>
    </form>
  );
}

"use client";
// Create / edit form of a vendor (one zod schema shared with the server action: lib/vendors/schema.ts).
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Combobox, type ComboOption } from "@/components/form/combobox";
import { FormStatus, SelectField, TextArea, TextField, submittedValue } from "@/components/form/field";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import { EMAIL_MAX, NAME_MAX, SHORT_MAX, TEXT_MAX, URL_MAX, VENDOR_FIELDS, type VendorConflict, type VendorFormState } from "@/lib/vendors/schema";
import { VendorKind } from "@/prisma/generated/sqlite/enums";

export type VendorFormValues = {
  name: string; legalForm: string | null; kind: string; street: string | null; postalCode: string | null; city: string | null; country: string | null;
  website: string | null; email: string | null; phone: string | null; contactName: string | null; dpoName: string | null; dpoEmail: string | null;
  euRepresentative: string | null; parentCompany: string | null; parentCountry: string | null; sector: string | null; services: string | null; notes: string | null;
};

type Action = (prev: VendorFormState, formData: FormData) => Promise<VendorFormState>;

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

/** C32: the save was refused because someone else saved first; shows who, when and the differing fields. */
function ConflictPanel({ conflict }: { conflict: VendorConflict }) {
  const t = useTranslations("vendor.form");
  const fields = Object.entries(conflict.changes).filter(([k]) => (VENDOR_FIELDS as string[]).includes(k));
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
      <p className="font-medium">{t("conflictTitle", { by: conflict.by, at: new Date(conflict.at).toLocaleString() })}</p>
      <p className="mt-1">{t("conflictHint")}</p>
      {fields.length ? (
        <table className="mt-2 w-full text-left">
          <thead><tr><th scope="col" className="pr-3">{t("conflictField")}</th><th scope="col" className="pr-3">{t("conflictStored")}</th><th scope="col">{t("conflictYours")}</th></tr></thead>
          <tbody>
            {fields.map(([k, c]) => (
              <tr key={k}><td className="pr-3">{t(k as (typeof VENDOR_FIELDS)[number])}</td><td className="pr-3 break-all">{show(c.old)}</td><td className="break-all">{show(c.new)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

export function VendorForm({ action, countries, initial, version, cancelHref }: { action: Action; countries: ComboOption[]; initial?: VendorFormValues; version?: number; cancelHref: string }) {
  const t = useTranslations("vendor.form");
  const tKind = useTranslations("enums.VendorKind");
  const [state, formAction, pending] = useActionState(action, {} as VendorFormState);
  const country = submittedValue(state, "country") ?? initial?.country ?? "";
  const parentCountry = submittedValue(state, "parentCountry") ?? initial?.parentCountry ?? "";
  const fieldset = "grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800";
  const legend = "px-1 text-sm font-semibold";
  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      <FormStatus state={state} />
      {state.conflict ? <ConflictPanel conflict={state.conflict} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={state.conflict?.version ?? version} key={state.conflict?.version ?? version} /> : null}
      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.identity")}</legend>
        <TextField name="name" label={t("name")} state={state} required maxLength={NAME_MAX} defaultValue={initial?.name} />
        <TextField name="legalForm" label={t("legalForm")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.legalForm} />
        <SelectField name="kind" label={t("kind")} state={state} required defaultValue={initial?.kind ?? "PROCESSOR"} options={Object.values(VendorKind).map((k) => ({ value: k, label: tKind(k) }))} />
        <TextField name="website" label={t("website")} hint={t("websiteHint")} state={state} type="url" maxLength={URL_MAX} defaultValue={initial?.website} />
      </fieldset>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.address")}</legend>
        <TextField name="street" label={t("street")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.street} />
        <TextField name="postalCode" label={t("postalCode")} state={state} maxLength={20} defaultValue={initial?.postalCode} />
        <TextField name="city" label={t("city")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.city} />
        <Combobox key={`c-${country}`} name="country" label={t("country")} options={countries} defaultValue={country} errors={state.fieldErrors?.country} placeholder={t("countryPlaceholder")} emptyText={t("noMatch")} />
      </fieldset>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.contact")}</legend>
        <TextField name="contactName" label={t("contactName")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.contactName} />
        <TextField name="email" label={t("email")} state={state} type="email" maxLength={EMAIL_MAX} defaultValue={initial?.email} />
        <TextField name="phone" label={t("phone")} state={state} type="tel" maxLength={50} defaultValue={initial?.phone} />
        <TextField name="dpoName" label={t("dpoName")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.dpoName} />
        <TextField name="dpoEmail" label={t("dpoEmail")} state={state} type="email" maxLength={EMAIL_MAX} defaultValue={initial?.dpoEmail} />
      </fieldset>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.group")}</legend>
        <TextField name="parentCompany" label={t("parentCompany")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.parentCompany} />
        <Combobox key={`p-${parentCountry}`} name="parentCountry" label={t("parentCountry")} options={countries} defaultValue={parentCountry} errors={state.fieldErrors?.parentCountry} placeholder={t("countryPlaceholder")} emptyText={t("noMatch")} />
        <TextArea name="euRepresentative" label={t("euRepresentative")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.euRepresentative} rows={2} />
        <TextField name="sector" label={t("sector")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.sector} />
      </fieldset>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("sections.services")}</legend>
        <TextArea name="services" label={t("services")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.services} />
        <TextArea name="notes" label={t("notes")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.notes} />
        {version !== undefined ? <TextField name="reason" label={t("reason")} state={state} maxLength={500} /> : null}
      </fieldset>
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{pending ? t("saving") : t("save")}</button>
        <Link href={cancelHref} className={secondaryButtonClass}>{t("cancel")}</Link>
      </div>
    </form>
  );
}

"use client";
// Create / edit form of a transfer impact assessment (one zod schema shared with the server action: lib/tias/schema.ts).
// Vendor and destination country are searchable selects.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Combobox, type ComboOption } from "@/components/form/combobox";
import { FormStatus, SelectField, TextArea, TextField, submittedValue } from "@/components/form/field";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import { IMPORTER_ROLES, TIA_FIELDS, TIA_MECHANISMS, TITLE_MAX } from "@/lib/tias/schema";
import { SHORT_MAX, TEXT_MAX, URL_MAX, type VendorFormState } from "@/lib/vendors/schema";
import { DataFormat, TiaConclusion } from "@/prisma/generated/sqlite/enums";
import { ConflictPanel } from "../toms/measure-controls";

export type TiaFormValues = {
  title: string; vendorId: string | null; destinationCountry: string | null; importerRole: string | null; mechanism: string | null; dataFormat: string;
  lawsAssessed: string | null; practicalExperience: string | null; supplementaryMeasures: string | null; residualRisk: string | null; conclusion: string | null;
  signedOffBy: string | null; assessedAt: string | null; nextReviewAt: string | null; documentUrl: string | null;
};
type Action = (prev: VendorFormState, formData: FormData) => Promise<VendorFormState>;

export function TiaForm({ action, vendors, countries, initial, version, cancelHref }: {
  action: Action; vendors: ComboOption[]; countries: ComboOption[]; initial?: TiaFormValues; version?: number; cancelHref: string;
}) {
  const t = useTranslations("measures");
  const te = useTranslations("enums");
  const [state, formAction, pending] = useActionState(action, {} as VendorFormState);
  const vendorId = submittedValue(state, "vendorId") ?? initial?.vendorId ?? "";
  const country = submittedValue(state, "destinationCountry") ?? initial?.destinationCountry ?? "";
  const label = (f: string) => ((TIA_FIELDS as readonly string[]).includes(f) ? t(`tias.fields.${f as (typeof TIA_FIELDS)[number]}`) : f);
  const fieldset = "grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800";
  const legend = "px-1 text-sm font-semibold";
  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      <FormStatus state={state} />
      {state.conflict ? <ConflictPanel conflict={state.conflict} fields={TIA_FIELDS} label={label} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={state.conflict?.version ?? version} key={state.conflict?.version ?? version} /> : null}
      <fieldset className={fieldset}>
        <legend className={legend}>{t("tias.sections.parties")}</legend>
        <TextField name="title" label={t("tias.fields.title")} state={state} required maxLength={TITLE_MAX} defaultValue={initial?.title} className="sm:col-span-2" />
        <Combobox key={`v-${vendorId}`} name="vendorId" label={t("tias.fields.vendor")} options={vendors} defaultValue={vendorId} errors={state.fieldErrors?.vendorId} placeholder={t("tias.fields.vendorPlaceholder")} emptyText="—" />
        <SelectField name="importerRole" label={t("tias.fields.importerRole")} state={state} defaultValue={initial?.importerRole} placeholder={t("tias.fields.none")} options={IMPORTER_ROLES.map((r) => ({ value: r, label: t(`tias.importerRole.${r}`) }))} />
        <Combobox key={`c-${country}`} name="destinationCountry" label={t("tias.fields.destinationCountry")} options={countries} defaultValue={country} errors={state.fieldErrors?.destinationCountry} placeholder={t("tias.fields.countryPlaceholder")} emptyText="—" />
        <SelectField name="mechanism" label={t("tias.fields.mechanism")} state={state} defaultValue={initial?.mechanism} placeholder={t("tias.fields.none")} options={TIA_MECHANISMS.map((m) => ({ value: m, label: te(`TransferMechanism.${m}`) }))} />
        <SelectField name="dataFormat" label={t("tias.fields.dataFormat")} state={state} required defaultValue={initial?.dataFormat ?? "CLEAR"} options={Object.values(DataFormat).map((f) => ({ value: f, label: te(`DataFormat.${f}`) }))} />
      </fieldset>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("tias.sections.assessment")}</legend>
        <TextArea name="lawsAssessed" label={t("tias.fields.lawsAssessed")} hint={t("tias.fields.lawsAssessedHint")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.lawsAssessed} />
        <TextArea name="practicalExperience" label={t("tias.fields.practicalExperience")} hint={t("tias.fields.practicalExperienceHint")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.practicalExperience} />
        <TextArea name="supplementaryMeasures" label={t("tias.fields.supplementaryMeasures")} hint={t("tias.fields.supplementaryMeasuresHint")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.supplementaryMeasures} />
        <TextArea name="residualRisk" label={t("tias.fields.residualRisk")} state={state} maxLength={TEXT_MAX} defaultValue={initial?.residualRisk} />
      </fieldset>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("tias.sections.decision")}</legend>
        <SelectField name="conclusion" label={t("tias.fields.conclusion")} state={state} defaultValue={initial?.conclusion} placeholder={t("tias.fields.none")} options={Object.values(TiaConclusion).map((c) => ({ value: c, label: te(`TiaConclusion.${c}`) }))} />
        <TextField name="signedOffBy" label={t("tias.fields.signedOffBy")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.signedOffBy} />
        <TextField name="assessedAt" label={t("tias.fields.assessedAt")} state={state} type="date" defaultValue={initial?.assessedAt} />
        <TextField name="nextReviewAt" label={t("tias.fields.nextReviewAt")} state={state} type="date" defaultValue={initial?.nextReviewAt} />
        <TextField name="documentUrl" label={t("tias.fields.documentUrl")} state={state} type="url" maxLength={URL_MAX} defaultValue={initial?.documentUrl} className="sm:col-span-2" />
      </fieldset>
      {version !== undefined ? <TextField name="reason" label={t("tias.fields.reason")} state={state} maxLength={500} /> : null}
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{t("common.save")}</button>
        <Link href={cancelHref} className={secondaryButtonClass}>{t("common.cancel")}</Link>
      </div>
    </form>
  );
}

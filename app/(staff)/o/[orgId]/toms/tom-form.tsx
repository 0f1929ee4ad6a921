"use client";
// Create / edit form of a technical or organisational measure (one zod schema shared with the server action: lib/toms/schema.ts).
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus, SelectField, TextArea, TextField } from "@/components/form/field";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import { CODE_MAX, TITLE_MAX, TOM_FIELDS } from "@/lib/toms/schema";
import { TEXT_MAX, URL_MAX, type VendorFormState } from "@/lib/vendors/schema";
import { TomCategory } from "@/prisma/generated/sqlite/enums";
import { ConflictPanel } from "./measure-controls";

export type TomFormValues = { code: string; category: string; title: string; description: string | null; documentUrl: string | null };
type Action = (prev: VendorFormState, formData: FormData) => Promise<VendorFormState>;

export function TomForm({ action, initial, version, cancelHref }: { action: Action; initial?: TomFormValues; version?: number; cancelHref: string }) {
  const t = useTranslations("measures");
  const te = useTranslations("enums");
  const [state, formAction, pending] = useActionState(action, {} as VendorFormState);
  const label = (f: string) => ((TOM_FIELDS as readonly string[]).includes(f) ? t(`toms.fields.${f as (typeof TOM_FIELDS)[number]}`) : f);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      <FormStatus state={state} />
      {state.conflict ? <ConflictPanel conflict={state.conflict} fields={TOM_FIELDS} label={label} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={state.conflict?.version ?? version} key={state.conflict?.version ?? version} /> : null}
      <div className="grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800">
        <TextField name="code" label={t("toms.fields.code")} hint={t("toms.fields.codeHint")} state={state} required maxLength={CODE_MAX} defaultValue={initial?.code} />
        <SelectField name="category" label={t("toms.fields.category")} state={state} required defaultValue={initial?.category ?? "CONFIDENTIALITY"} options={Object.values(TomCategory).map((c) => ({ value: c, label: te(`TomCategory.${c}`) }))} />
        <TextField name="title" label={t("toms.fields.title")} state={state} required maxLength={TITLE_MAX} defaultValue={initial?.title} className="sm:col-span-2" />
        <TextArea name="description" label={t("toms.fields.description")} state={state} rows={5} maxLength={TEXT_MAX} defaultValue={initial?.description} className="sm:col-span-2" />
        <TextField name="documentUrl" label={t("toms.fields.documentUrl")} state={state} type="url" maxLength={URL_MAX} defaultValue={initial?.documentUrl} className="sm:col-span-2" />
      </div>
      {version !== undefined ? <TextField name="reason" label={t("toms.fields.reason")} state={state} maxLength={500} /> : null}
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{t("common.save")}</button>
        <Link href={cancelHref} className={secondaryButtonClass}>{t("common.cancel")}</Link>
      </div>
    </form>
  );
}

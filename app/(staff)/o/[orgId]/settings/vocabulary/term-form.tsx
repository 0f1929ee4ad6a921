"use client";
// Create / edit form of an organisation's own vocabulary term (one zod schema shared with the server actions:
// lib/vocabulary/schema.ts). The kind is chosen once; the "special category" mark only for personal-data categories.
import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FormStatus, SelectField, TextField } from "@/components/form/field";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import type { VendorFormState } from "@/lib/vendors/schema";
import { CITATION_MAX, LABEL_MAX, TERM_FIELDS, VOCABULARY_KINDS } from "@/lib/vocabulary/schema";
import type { VocabularyKind } from "@/prisma/generated/sqlite/enums";
import { ConflictPanel } from "@/components/settings-ui";

export type TermFormValues = { labelDe: string; labelEn: string; citation: string | null; isSpecialCategory: boolean };
type Action = (prev: VendorFormState, formData: FormData) => Promise<VendorFormState>;

export function TermForm({ action, kind, fixedKind, initial, stamp, cancelHref }: { action: Action; kind: VocabularyKind; fixedKind: boolean; initial?: TermFormValues; stamp?: string; cancelHref: string }) {
  const t = useTranslations("orgsettings.vocabulary");
  const tc = useTranslations("orgsettings.common");
  const te = useTranslations("enums.VocabularyKind");
  const [state, formAction, pending] = useActionState(action, {} as VendorFormState);
  const submittedKind = typeof state.values?.kind === "string" ? (state.values.kind as VocabularyKind) : undefined;
  const [currentKind, setCurrentKind] = useState<VocabularyKind>(submittedKind ?? kind);
  const label = (f: string) => ((TERM_FIELDS as readonly string[]).includes(f) ? t(`fields.${f as (typeof TERM_FIELDS)[number]}`) : f);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      <FormStatus state={state} />
      {state.conflict ? <ConflictPanel conflict={state.conflict} fields={TERM_FIELDS} label={label} /> : null}
      {stamp !== undefined ? <input type="hidden" name="stamp" value={stamp} /> : null}
      <div className="grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800">
        {fixedKind ? (
          <p className="text-sm sm:col-span-2">
            <span className="font-medium">{t("fields.kind")}:</span> {te(kind)}
          </p>
        ) : (
          <div className="sm:col-span-2" onChange={(e) => { if (e.target instanceof HTMLSelectElement) setCurrentKind(e.target.value as VocabularyKind); }}>
            <SelectField name="kind" label={t("fields.kind")} state={state} required defaultValue={currentKind} options={VOCABULARY_KINDS.map((k) => ({ value: k, label: te(k) }))} />
          </div>
        )}
        <TextField name="labelDe" label={t("fields.labelDe")} state={state} required maxLength={LABEL_MAX} defaultValue={initial?.labelDe} />
        <TextField name="labelEn" label={t("fields.labelEn")} state={state} required maxLength={LABEL_MAX} defaultValue={initial?.labelEn} />
        <TextField name="citation" label={t("fields.citation")} hint={t("fields.citationHint")} state={state} maxLength={CITATION_MAX} defaultValue={initial?.citation} className="sm:col-span-2" />
        {currentKind === "DATA_CATEGORY" ? (
          <CheckboxField name="isSpecialCategory" label={t("fields.isSpecialCategory")} hint={t("fields.isSpecialCategoryHint")} state={state} defaultChecked={initial?.isSpecialCategory} className="sm:col-span-2" />
        ) : null}
      </div>
      {fixedKind ? null : <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("codeHint")}</p>}
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{tc("save")}</button>
        <Link href={cancelHref} className={secondaryButtonClass}>{tc("cancel")}</Link>
      </div>
    </form>
  );
}

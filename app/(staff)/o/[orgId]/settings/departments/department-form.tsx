"use client";
// Create / edit form of a department (one zod schema shared with the server actions: lib/departments/schema.ts).
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus, TextField } from "@/components/form/field";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import { DEPARTMENT_FIELDS, DEPARTMENT_NAME_MAX, DEPARTMENT_PHONE_MAX } from "@/lib/departments/schema";
import { EMAIL_MAX, SHORT_MAX, type VendorFormState } from "@/lib/vendors/schema";
import { ConflictPanel } from "@/components/settings-ui";

export type DepartmentFormValues = { name: string; contactName: string | null; contactEmail: string | null; contactPhone: string | null };
type Action = (prev: VendorFormState, formData: FormData) => Promise<VendorFormState>;

export function DepartmentForm({ action, initial, version, cancelHref }: { action: Action; initial?: DepartmentFormValues; version?: number; cancelHref: string }) {
  const t = useTranslations("orgsettings.departments");
  const tc = useTranslations("orgsettings.common");
  const [state, formAction, pending] = useActionState(action, {} as VendorFormState);
  const label = (f: string) => ((DEPARTMENT_FIELDS as readonly string[]).includes(f) ? t(`fields.${f as (typeof DEPARTMENT_FIELDS)[number]}`) : f);
  const currentVersion = state.conflict?.version ?? version;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      <FormStatus state={state} />
      {state.conflict ? <ConflictPanel conflict={state.conflict} fields={DEPARTMENT_FIELDS} label={label} /> : null}
      {currentVersion !== undefined ? <input type="hidden" name="version" value={currentVersion} key={currentVersion} /> : null}
      <div className="grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800">
        <TextField name="name" label={t("fields.name")} state={state} required maxLength={DEPARTMENT_NAME_MAX} defaultValue={initial?.name} className="sm:col-span-2" />
        <TextField name="contactName" label={t("fields.contactName")} state={state} maxLength={SHORT_MAX} defaultValue={initial?.contactName} />
        <TextField name="contactEmail" label={t("fields.contactEmail")} state={state} type="email" maxLength={EMAIL_MAX} defaultValue={initial?.contactEmail} />
        <TextField name="contactPhone" label={t("fields.contactPhone")} state={state} type="tel" maxLength={DEPARTMENT_PHONE_MAX} defaultValue={initial?.contactPhone} />
      </div>
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{tc("save")}</button>
        <Link href={cancelHref} className={secondaryButtonClass}>{tc("cancel")}</Link>
      </div>
    </form>
  );
}

"use client";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { FieldErrors, FormStatus, submittedValue } from "@/components/form/field";
import { inputClass, secondaryButtonClass } from "@/components/form/styles";
import type { FormState } from "@/lib/forms";
import { RESTORE_REASON_MAX } from "@/lib/history/schema";

/**
 * "Restore version N": sends the entry's current version (optimistic concurrency, C32), the version to bring
 * back and a change reason to the entity's restore action, which writes a new revision (C33).
 */
export function RestoreForm({ action, version, revision }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; version: number; revision: number }) {
  const t = useTranslations("history");
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  return (
    <form action={formAction} className="flex flex-col gap-1 sm:max-w-xs">
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="revision" value={revision} />
      <label htmlFor={`${id}-reason`} className="text-xs font-medium">{t("restoreReason", { version: revision })}</label>
      <input id={`${id}-reason`} name="reason" required maxLength={RESTORE_REASON_MAX} className={inputClass} defaultValue={submittedValue(state, "reason")} aria-describedby={`${id}-reason-errors`} />
      <FieldErrors id={`${id}-reason-errors`} keys={state.fieldErrors?.reason} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>{t("restore", { version: revision })}</button>
      {state.formError ? <FormStatus state={state} /> : null}
    </form>
  );
}

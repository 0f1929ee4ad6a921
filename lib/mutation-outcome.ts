// How a refused mutation (lib/<entity>/mutations.ts result) becomes the FormState a form shows: message keys
// next to the field or above the form, the conflict details, and what the user typed.
import { formDataToObject, type FormState } from "@/lib/forms";
import type { MutationResult } from "@/lib/vendors/mutations";
import type { VendorFormState } from "@/lib/vendors/schema";

export function refusal(result: Exclude<MutationResult, { ok: true }>, values: FormState["values"]): VendorFormState {
  if (result.error === "conflict") return { formError: "errors.conflict", values, ...(result.conflict ? { conflict: result.conflict } : {}) };
  const key = result.error === "duplicate" ? "errors.duplicateName" : result.error === "invalid" ? "errors.invalid" : "errors.invalidOption";
  if (result.field) return { formError: "errors.validation", fieldErrors: { [result.field]: [key] }, values };
  return { formError: result.error === "not-found" ? "errors.notFound" : key, values };
}

/** What the user submitted, to put back into the form after a refusal. */
export const submittedFormValues = (formData: FormData): FormState["values"] => formDataToObject(formData).values;

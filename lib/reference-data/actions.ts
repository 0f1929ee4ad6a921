"use server";
// Administrator writes of the legal reference data (issue 4): requireUser → authorize (instance
// permission "reference-data:manage") → parseForm (zod, strict) → db.$transaction (mutations.ts) →
// revalidate / redirect.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { authorize, requireUser } from "@/lib/current-user";
import { isBusyError } from "@/lib/errors";
import { clientIp } from "@/lib/rate-limit";
import { formDataToObject, parseForm, type FormState } from "@/lib/forms";
import { isEntityId } from "@/lib/activities/schema";
import { adequacyFormSchema } from "@/lib/reference-data/schema";
import { referenceData } from "@/lib/reference-data/load";
import { addAdequacyDecision, type AddAdequacyResult } from "@/lib/reference-data/mutations";

/** Adds an adequacy decision (instance administrators only); on success back to the reference page. */
export async function createAdequacyDecision(orgId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  authorize(user, "reference-data:manage");
  if (!isEntityId(orgId)) notFound();
  const parsed = parseForm(adequacyFormSchema, formData);
  if (!parsed.ok) return parsed.state;
  const v = parsed.data;
  const actor = { id: user.id, name: user.name ?? user.email, ip: clientIp(await headers()) };
  const input = {
    countryCode: v.countryCode ?? null,
    organisationName: v.organisationName ?? null,
    source: v.sourceId ? { id: v.sourceId } : { identifier: v.sourceIdentifier ?? "", title: v.sourceTitle ?? "", url: v.sourceUrl ?? null },
    scope: v.scope,
    scopeText: v.scopeText ?? null,
    validFrom: v.validFrom,
    entryIntoForce: v.entryIntoForce ?? null,
    validTo: v.validTo ?? null,
    reviewDue: v.reviewDue ?? null,
    note: v.note ?? null,
  };
  const base = referenceData().version;
  let result: AddAdequacyResult;
  try {
    result = await db.$transaction((tx) => addAdequacyDecision(tx, actor, input, base));
  } catch (e) {
    if (isBusyError(e)) return { formError: "errors.busy", values: formDataToObject(formData).values };
    throw e;
  }
  if (!result.ok) return { formError: result.error, values: formDataToObject(formData).values };
  revalidatePath(`/o/${orgId}/reference`);
  redirect(`/o/${orgId}/reference?saved=1`);
}

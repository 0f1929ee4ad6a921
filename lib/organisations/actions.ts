"use server";
// Cover-sheet writes (house-style §4): requireUser → authorize → parseForm → db.$transaction(mutations) → revalidate/redirect.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { actorOf, authorize, requireUser } from "@/lib/current-user";
import { parseForm } from "@/lib/forms";
import { refusal, submittedFormValues } from "@/lib/mutation-outcome";
import { updateOrganisationTx } from "@/lib/organisations/mutations";
import { organisationUpdateSchema } from "@/lib/organisations/schema";
import type { VendorFormState } from "@/lib/vendors/schema";

export async function updateOrganisation(orgId: string, _prev: VendorFormState, formData: FormData): Promise<VendorFormState> {
  const user = await requireUser();
  authorize(user, "organisation:manage", orgId);
  const input = parseForm(organisationUpdateSchema, formData);
  if (!input.ok) return input.state;
  const actor = await actorOf(user);
  const result = await db.$transaction(async (tx) => updateOrganisationTx(tx, actor, orgId, input.data));
  if (!result.ok && result.error === "not-found" && !result.field) notFound();
  if (!result.ok) return refusal(result, submittedFormValues(formData));
  revalidatePath(`/o/${orgId}`, "layout");
  redirect(`/o/${orgId}/settings/organisation?saved=1`);
}

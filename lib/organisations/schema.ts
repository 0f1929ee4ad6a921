// Form of the organisation's cover sheet (Vorblatt, Art. 30(1)(a) GDPR: controller, representative, DPO),
// client-safe and shared with the server action. Every field of Organisation a DPO maintains; the group
// parent (parentId) and the archive flag are instance administration and not part of this form.
import { z } from "zod";
import { checkbox, countryCode, httpUrl, optionalEmail, optionalText, requiredText, versionField, NAME_MAX, SHORT_MAX, TEXT_MAX } from "@/lib/vendors/schema";

export const PHONE_MAX = 50;
export const POSTAL_CODE_MAX = 20;
export const REVIEW_MONTHS_MIN = 1;
export const REVIEW_MONTHS_MAX = 60;
export const EMPLOYEES_MAX = 10_000_000;

/** An optional whole number from a text/number input. */
const optionalInt = (max: number) => z.coerce.number().int().min(0).max(max).optional();

const organisationFields = {
  name: requiredText(NAME_MAX),
  legalForm: optionalText(SHORT_MAX),
  street: optionalText(SHORT_MAX),
  postalCode: optionalText(POSTAL_CODE_MAX),
  city: optionalText(SHORT_MAX),
  country: countryCode,
  phone: optionalText(PHONE_MAX),
  email: optionalEmail,
  website: httpUrl,
  management: optionalText(TEXT_MAX),
  headOfDataProcessing: optionalText(SHORT_MAX),
  euRepresentative: optionalText(TEXT_MAX),
  dpoName: optionalText(SHORT_MAX),
  dpoCompany: optionalText(SHORT_MAX),
  dpoExternal: checkbox,
  dpoEmail: optionalEmail,
  dpoPhone: optionalText(PHONE_MAX),
  dpoAddress: optionalText(TEXT_MAX),
  supervisoryAuthority: optionalText(SHORT_MAX),
  actsAsController: checkbox,
  actsAsProcessor: checkbox,
  employeeCount: optionalInt(EMPLOYEES_MAX),
  requireFourEyes: checkbox,
  defaultReviewMonths: z.coerce.number().int().min(REVIEW_MONTHS_MIN).max(REVIEW_MONTHS_MAX),
};

/** Fields shown in the conflict panel (C32). */
export const ORGANISATION_FIELDS = Object.keys(organisationFields) as (keyof typeof organisationFields)[];

export const organisationUpdateSchema = z
  .object({ ...organisationFields, version: versionField, reason: optionalText(500) })
  .strict()
  .refine((o) => o.actsAsController || o.actsAsProcessor, { message: "errors.required", path: ["actsAsController"] });

export type OrganisationUpdateInput = z.infer<typeof organisationUpdateSchema>;

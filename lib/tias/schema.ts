// Form of a transfer impact assessment (TIA, EDPB Recommendations 01/2020; legal-reference §6.10), client-safe
// and shared with the server actions.
import { z } from "zod";
import { DataFormat, TiaConclusion } from "@/prisma/generated/sqlite/enums";
import { countryCode, dateField, httpUrl, idField, optionalText, requiredText, versionField, SHORT_MAX, TEXT_MAX } from "@/lib/vendors/schema";

export const TITLE_MAX = 200;
export const IMPORTER_ROLES = ["CONTROLLER", "PROCESSOR"] as const;
/** Transfer tools a TIA assesses: the Art. 46 GDPR safeguards (adequacy needs none; Art. 49 is no safeguard), plus the old SCC. */
export const TIA_MECHANISMS = [
  "SCC_2021_M1", "SCC_2021_M2", "SCC_2021_M3", "SCC_2021_M4", "BCR_C", "BCR_P", "CODE_OF_CONDUCT", "CERTIFICATION",
  "PUBLIC_AUTHORITY_INSTRUMENT", "AD_HOC_CLAUSES", "ADMIN_ARRANGEMENT", "SCC_OLD",
] as const;

const tiaFields = {
  title: requiredText(TITLE_MAX),
  vendorId: idField.optional(),
  destinationCountry: countryCode.optional(),
  importerRole: z.enum(IMPORTER_ROLES).optional(),
  mechanism: z.enum(TIA_MECHANISMS).optional(),
  dataFormat: z.enum(DataFormat),
  lawsAssessed: optionalText(TEXT_MAX),
  practicalExperience: optionalText(TEXT_MAX),
  supplementaryMeasures: optionalText(TEXT_MAX),
  residualRisk: optionalText(TEXT_MAX),
  conclusion: z.enum(TiaConclusion).optional(),
  signedOffBy: optionalText(SHORT_MAX),
  assessedAt: dateField.optional(),
  nextReviewAt: dateField.optional(),
  documentUrl: httpUrl,
};

/** Fields shown in the conflict panel (C32). */
export const TIA_FIELDS = Object.keys(tiaFields) as (keyof typeof tiaFields)[];

/** "Go with measures" names the measures (EDPB step 4). */
const measuresNamed = (v: { conclusion?: string; supplementaryMeasures?: string }) => v.conclusion !== "GO_WITH_MEASURES" || v.supplementaryMeasures !== undefined;
/** The next review is not before the assessment. */
const reviewOrder = (v: { assessedAt?: Date; nextReviewAt?: Date }) => !v.assessedAt || !v.nextReviewAt || v.assessedAt <= v.nextReviewAt;

export const tiaCreateSchema = z
  .object(tiaFields)
  .strict()
  .refine(measuresNamed, { message: "errors.required", path: ["supplementaryMeasures"] })
  .refine(reviewOrder, { message: "errors.invalid", path: ["nextReviewAt"] });

export const tiaUpdateSchema = z
  .object({ ...tiaFields, version: versionField, reason: optionalText(500) })
  .strict()
  .refine(measuresNamed, { message: "errors.required", path: ["supplementaryMeasures"] })
  .refine(reviewOrder, { message: "errors.invalid", path: ["nextReviewAt"] });

export const tiaArchiveSchema = z.object({ version: versionField }).strict();

export type TiaCreateInput = z.infer<typeof tiaCreateSchema>;
export type TiaUpdateInput = z.infer<typeof tiaUpdateSchema>;

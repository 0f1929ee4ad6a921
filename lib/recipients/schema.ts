// Forms of an activity's recipients (Art. 30(1)(d)) and their transfers (Art. 30(1)(e)); client-safe.
import { z } from "zod";
import { RecipientKind, RecipientRole, TransferAccess, TransferMechanism } from "@/prisma/generated/sqlite/enums";
import { checkbox, countryCode, dateField, httpUrl, idField, optionalText, versionField, SHORT_MAX, TEXT_MAX } from "@/lib/vendors/schema";

/** Transfer mechanisms grouped for the select (labels: enums.TransferMechanism.*). */
export const MECHANISM_GROUPS = {
  adequacy: ["NOT_A_TRANSFER", "ADEQUACY", "DPF"],
  scc: ["SCC_2021_M1", "SCC_2021_M2", "SCC_2021_M3", "SCC_2021_M4"],
  bcr: ["BCR_C", "BCR_P"],
  art46: ["CODE_OF_CONDUCT", "CERTIFICATION", "PUBLIC_AUTHORITY_INSTRUMENT", "AD_HOC_CLAUSES", "ADMIN_ARRANGEMENT"],
  art49: ["ART49_1A", "ART49_1B", "ART49_1C", "ART49_1D", "ART49_1E", "ART49_1F", "ART49_1G", "ART49_1_SUBPARA2"],
  legacy: ["SCC_OLD", "PRIVACY_SHIELD", "SAFE_HARBOR", "NONE_STATED", "OTHER"],
} as const satisfies Record<string, readonly TransferMechanism[]>;

const dataCategoryIds = z
  .union([idField, z.array(idField).max(200)])
  .optional()
  .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])]));

const recipientFields = {
  kind: z.enum(RecipientKind),
  vendorId: idField.optional(),
  departmentId: idField.optional(),
  categoryCode: z.string().trim().min(1).max(100).optional(),
  role: z.enum(RecipientRole),
  service: optionalText(TEXT_MAX),
  dataCategoryIds,
};

type RecipientShape = { kind: RecipientKind; vendorId?: string; departmentId?: string; categoryCode?: string };
const kindTarget = (v: RecipientShape) => (v.kind === "VENDOR" ? v.vendorId : v.kind === "INTERNAL" ? v.departmentId : v.categoryCode);
const targetPath = (v: RecipientShape) => (v.kind === "VENDOR" ? "vendorId" : v.kind === "INTERNAL" ? "departmentId" : "categoryCode");

function withTarget<T extends z.ZodType<RecipientShape>>(schema: T) {
  return schema.superRefine((v, ctx) => {
    if (kindTarget(v) === undefined) ctx.addIssue({ code: "custom", message: "errors.required", path: [targetPath(v)] });
  });
}

export const recipientCreateSchema = withTarget(z.object(recipientFields).strict());
export const recipientUpdateSchema = withTarget(z.object({ ...recipientFields, recipientId: idField, version: versionField }).strict());
export const recipientRemoveSchema = z.object({ recipientId: idField }).strict();

const transferFields = {
  destinationCountry: countryCode.optional(),
  internationalOrganisation: optionalText(SHORT_MAX),
  access: z.enum(TransferAccess),
  viaVendorId: idField.optional(),
  mechanism: z.enum(TransferMechanism),
  mechanismNote: optionalText(TEXT_MAX),
  contractConcludedAt: dateField.optional(),
  isRegular: checkbox,
  importerSubjectToGdpr: checkbox,
  art49Assessment: optionalText(TEXT_MAX),
  saInformedAt: dateField.optional(),
  tiaId: idField.optional(),
  tiaReference: optionalText(SHORT_MAX),
  tiaDate: dateField.optional(),
  supplementaryMeasures: optionalText(TEXT_MAX),
  evidenceUrl: httpUrl,
  note: optionalText(TEXT_MAX),
};

const oneDestination = (v: { destinationCountry?: string; internationalOrganisation?: string }) => (v.destinationCountry === undefined) !== (v.internationalOrganisation === undefined);
const DESTINATION = { message: "errors.required", path: ["destinationCountry"] };

export const transferCreateSchema = z.object({ ...transferFields, recipientId: idField }).strict().refine(oneDestination, DESTINATION);
export const transferUpdateSchema = z.object({ ...transferFields, transferId: idField, version: versionField }).strict().refine(oneDestination, DESTINATION);
export const transferArchiveSchema = z.object({ transferId: idField, version: versionField }).strict();

export type RecipientCreateInput = z.infer<typeof recipientCreateSchema>;
export type RecipientUpdateInput = z.infer<typeof recipientUpdateSchema>;
export type TransferCreateInput = z.infer<typeof transferCreateSchema>;
export type TransferUpdateInput = z.infer<typeof transferUpdateSchema>;

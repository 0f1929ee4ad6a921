// Forms of vendors and their child records (client-safe; shared by the forms and the server actions).
// Every schema is .strict(): unknown fields are refused (C03/C25). URL fields accept only http(s) (C26).
import { z } from "zod";
import type { Changes } from "@/lib/domain/diff";
import type { FormState } from "@/lib/forms";
import { DpfStatus, LocationPurpose, TransferAccess, VendorKind } from "@/prisma/generated/sqlite/enums";

export const NAME_MAX = 200;
export const SHORT_MAX = 200;
export const TEXT_MAX = 5000;
export const URL_MAX = 2000;
export const EMAIL_MAX = 254;
export const ID_MAX = 64;

/** True for an absolute http: or https: URL with a host (C26): no javascript:, data:, relative or protocol-relative URLs. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const optionalText = (max: number) => z.string().trim().max(max).optional();
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const httpUrl = z.string().trim().max(URL_MAX).refine(isHttpUrl, { message: "errors.invalidUrl" }).optional();
export const countryCode = z.string().trim().regex(/^[A-Z]{2}$/, { message: "errors.invalidOption" });
export const idField = z.string().trim().min(1).max(ID_MAX);
export const versionField = z.coerce.number().int().min(1).max(2_147_483_647);
/** A checkbox: "on" when ticked, absent otherwise. */
export const checkbox = z.literal("on").optional().transform((v) => v === "on");
/** An <input type="date"> value as a UTC midnight Date. */
export const dateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "errors.invalidFormat" })
  .transform((s) => new Date(`${s}T00:00:00.000Z`))
  .refine((d) => !Number.isNaN(d.getTime()), { message: "errors.invalidFormat" });
export const optionalEmail = z.string().trim().max(EMAIL_MAX).email().optional();

const vendorFields = {
  name: requiredText(NAME_MAX),
  legalForm: optionalText(SHORT_MAX),
  kind: z.enum(VendorKind),
  street: optionalText(SHORT_MAX),
  postalCode: optionalText(20),
  city: optionalText(SHORT_MAX),
  country: countryCode.optional(),
  website: httpUrl,
  email: optionalEmail,
  phone: optionalText(50),
  contactName: optionalText(SHORT_MAX),
  dpoName: optionalText(SHORT_MAX),
  dpoEmail: optionalEmail,
  euRepresentative: optionalText(TEXT_MAX),
  parentCompany: optionalText(SHORT_MAX),
  parentCountry: countryCode.optional(),
  sector: optionalText(SHORT_MAX),
  services: optionalText(TEXT_MAX),
  notes: optionalText(TEXT_MAX),
};

export const VENDOR_FIELDS = Object.keys(vendorFields) as (keyof typeof vendorFields)[];

export const vendorCreateSchema = z.object(vendorFields).strict();
export const vendorUpdateSchema = z.object({ ...vendorFields, version: versionField, reason: optionalText(500) }).strict();
export const vendorArchiveSchema = z.object({ version: versionField }).strict();

export const locationSchema = z
  .object({ country: countryCode, city: optionalText(SHORT_MAX), purpose: z.enum(LocationPurpose), note: optionalText(TEXT_MAX) })
  .strict();

export const certificationSchema = z
  .object({
    name: requiredText(SHORT_MAX),
    issuer: optionalText(SHORT_MAX),
    certificateNumber: optionalText(SHORT_MAX),
    validFrom: dateField.optional(),
    validUntil: dateField.optional(),
    documentUrl: httpUrl,
  })
  .strict()
  .refine((v) => !v.validFrom || !v.validUntil || v.validFrom <= v.validUntil, { message: "errors.invalid", path: ["validUntil"] });

export const DPF_FRAMEWORKS = ["EU_US", "UK_EXT", "SWISS_US"] as const;
const frameworks = z
  .union([z.enum(DPF_FRAMEWORKS), z.array(z.enum(DPF_FRAMEWORKS)).max(DPF_FRAMEWORKS.length)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const dpfCheckSchema = z
  .object({
    status: z.enum(DpfStatus),
    listedName: optionalText(SHORT_MAX),
    listUrl: httpUrl,
    frameworks,
    coversHr: checkbox,
    coversNonHr: checkbox,
    certifiedSince: dateField.optional(),
    nextCertificationDue: dateField.optional(),
    checkedAt: dateField,
    evidenceUrl: httpUrl,
    note: optionalText(TEXT_MAX),
  })
  .strict();

export const subProcessorSchema = z
  .object({
    subVendorId: idField.optional(),
    name: optionalText(NAME_MAX),
    country: countryCode.optional(),
    service: optionalText(TEXT_MAX),
    access: z.enum(TransferAccess),
  })
  .strict()
  .refine((v) => v.subVendorId !== undefined || v.name !== undefined, { message: "errors.required", path: ["name"] });

export const contactSchema = z
  .object({
    email: z.string().trim().min(1).max(EMAIL_MAX).email(),
    name: optionalText(SHORT_MAX),
    function: optionalText(SHORT_MAX),
    phone: optionalText(50),
    canSignIn: checkbox,
  })
  .strict();

/** Removing one child row (location, certification, sub-processor) or disabling a contact. */
export const childIdSchema = z.object({ id: idField }).strict();

export type VendorCreateInput = z.infer<typeof vendorCreateSchema>;
export type VendorUpdateInput = z.infer<typeof vendorUpdateSchema>;
export type LocationInput = z.infer<typeof locationSchema>;
export type CertificationInput = z.infer<typeof certificationSchema>;
export type DpfCheckInput = z.infer<typeof dpfCheckSchema>;
export type SubProcessorInput = z.infer<typeof subProcessorSchema>;
export type ContactInput = z.infer<typeof contactSchema>;

/** A refused stale save (C32): who saved last, when, the stored version, and stored → submitted differences. */
export type VendorConflict = { by: string; at: string; version: number; changes: Changes };
export type VendorFormState = FormState & { conflict?: VendorConflict };

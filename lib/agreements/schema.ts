// Form of a data processing agreement (AVV, Art. 28 GDPR), client-safe and shared with the server actions.
import { z } from "zod";
import { DpaStatus } from "@/prisma/generated/sqlite/enums";
import { checkbox, dateField, httpUrl, idField, optionalText, requiredText, versionField, SHORT_MAX, TEXT_MAX } from "@/lib/vendors/schema";

export const ART28_KEYS = ["art28a", "art28b", "art28c", "art28d", "art28e", "art28f", "art28g", "art28h"] as const;
/** SCC modules an agreement can include (Commission Implementing Decision (EU) 2021/914), plus the legacy clauses. */
export const DPA_SCC_MECHANISMS = ["SCC_2021_M1", "SCC_2021_M2", "SCC_2021_M3", "SCC_2021_M4", "SCC_OLD"] as const;
export const TITLE_MAX = 200;
export const ACTIVITIES_MAX = 500;

const activityIds = z
  .union([idField, z.array(idField).max(ACTIVITIES_MAX)])
  .optional()
  .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])]));

const dpaFields = {
  vendorId: idField,
  title: requiredText(TITLE_MAX),
  status: z.enum(DpaStatus),
  signedAt: dateField.optional(),
  documentVersion: optionalText(SHORT_MAX),
  effectiveFrom: dateField.optional(),
  termEndsAt: dateField.optional(),
  nextReviewAt: dateField.optional(),
  art28a: checkbox,
  art28b: checkbox,
  art28c: checkbox,
  art28d: checkbox,
  art28e: checkbox,
  art28f: checkbox,
  art28g: checkbox,
  art28h: checkbox,
  sccMechanism: z.enum(DPA_SCC_MECHANISMS).optional(),
  documentRef: optionalText(SHORT_MAX),
  documentUrl: httpUrl,
  notes: optionalText(TEXT_MAX),
  activityIds,
};

const signedNeedsDate = (v: { status: string; signedAt?: Date }) => v.status !== "SIGNED" || v.signedAt !== undefined;
const termOrder = (v: { effectiveFrom?: Date; termEndsAt?: Date }) => !v.effectiveFrom || !v.termEndsAt || v.effectiveFrom <= v.termEndsAt;

export const dpaCreateSchema = z
  .object(dpaFields)
  .strict()
  .refine(signedNeedsDate, { message: "errors.required", path: ["signedAt"] })
  .refine(termOrder, { message: "errors.invalid", path: ["termEndsAt"] });

export const dpaUpdateSchema = z
  .object({ ...dpaFields, version: versionField, reason: optionalText(500) })
  .strict()
  .refine(signedNeedsDate, { message: "errors.required", path: ["signedAt"] })
  .refine(termOrder, { message: "errors.invalid", path: ["termEndsAt"] });

export const dpaArchiveSchema = z.object({ version: versionField }).strict();

export type DpaCreateInput = z.infer<typeof dpaCreateSchema>;
export type DpaUpdateInput = z.infer<typeof dpaUpdateSchema>;

// The form schema of an administrator's new adequacy decision (shared by the server action and its tests).
import { z } from "zod";
import { ADEQUACY_SCOPES, type AdequacyScope } from "@/lib/domain/reference";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.invalidFormat")
  .refine((d) => {
    const date = new Date(`${d}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
  }, "errors.invalidFormat")
  .transform((d) => new Date(`${d}T00:00:00.000Z`));
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);
const text = (max: number) => z.string().trim().min(1).max(max);

export const adequacyFormSchema = z
  .object({
    countryCode: z.string().regex(/^[A-Z]{2}$/, "errors.invalidOption").optional(),
    organisationName: text(300).optional(),
    sourceId: z.string().regex(/^[a-z0-9]{1,64}$/, "errors.invalidOption").optional(),
    sourceIdentifier: text(100).optional(),
    sourceTitle: text(500).optional(),
    sourceUrl: httpUrl.optional(),
    scope: z.enum(ADEQUACY_SCOPES as [AdequacyScope, ...AdequacyScope[]]),
    scopeText: text(2000).optional(),
    validFrom: day,
    entryIntoForce: day.optional(),
    validTo: day.optional(),
    reviewDue: day.optional(),
    note: text(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.countryCode === !v.organisationName) ctx.addIssue({ code: "custom", path: ["countryCode"], message: "errors.invalid" });
    if (!v.sourceId && !(v.sourceIdentifier && v.sourceTitle)) ctx.addIssue({ code: "custom", path: ["sourceId"], message: "errors.invalid" });
    if (v.sourceId && (v.sourceIdentifier || v.sourceTitle || v.sourceUrl)) ctx.addIssue({ code: "custom", path: ["sourceId"], message: "errors.invalid" });
  });

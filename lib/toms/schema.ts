// Form of a technical and organisational measure (TOM, Art. 32 GDPR), client-safe and shared with the server actions.
import { z } from "zod";
import { TomCategory } from "@/prisma/generated/sqlite/enums";
import { httpUrl, optionalText, requiredText, versionField, TEXT_MAX } from "@/lib/vendors/schema";

export const CODE_MAX = 50;
export const TITLE_MAX = 200;

const tomFields = {
  code: requiredText(CODE_MAX),
  category: z.enum(TomCategory),
  title: requiredText(TITLE_MAX),
  description: optionalText(TEXT_MAX),
  documentUrl: httpUrl,
};

/** Fields shown in the conflict panel (C32). */
export const TOM_FIELDS = Object.keys(tomFields) as (keyof typeof tomFields)[];

export const tomCreateSchema = z.object(tomFields).strict();
export const tomUpdateSchema = z.object({ ...tomFields, version: versionField, reason: optionalText(500) }).strict();
export const tomArchiveSchema = z.object({ version: versionField }).strict();

export type TomCreateInput = z.infer<typeof tomCreateSchema>;
export type TomUpdateInput = z.infer<typeof tomUpdateSchema>;

// Form of a department (Abteilung / Fachbereich: owner of activities, internal recipient), client-safe and shared
// with the server actions. The name is unique per organisation.
import { z } from "zod";
import { optionalEmail, optionalText, requiredText, versionField, NAME_MAX, SHORT_MAX } from "@/lib/vendors/schema";

export const DEPARTMENT_NAME_MAX = NAME_MAX;
export const DEPARTMENT_PHONE_MAX = 50;

const departmentFields = {
  name: requiredText(DEPARTMENT_NAME_MAX),
  contactName: optionalText(SHORT_MAX),
  contactEmail: optionalEmail,
  contactPhone: optionalText(DEPARTMENT_PHONE_MAX),
};

/** Fields shown in the conflict panel (C32). */
export const DEPARTMENT_FIELDS = Object.keys(departmentFields) as (keyof typeof departmentFields)[];

export const departmentCreateSchema = z.object(departmentFields).strict();
export const departmentUpdateSchema = z.object({ ...departmentFields, version: versionField }).strict();
export const departmentArchiveSchema = z.object({ version: versionField }).strict();

export type DepartmentCreateInput = z.infer<typeof departmentCreateSchema>;
export type DepartmentUpdateInput = z.infer<typeof departmentUpdateSchema>;

// Form plumbing shared by every server action: FormState (message keys only) and parseForm().
import { z } from "zod";

export type FormState = {
  ok?: boolean;
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  /** What the user submitted, returned on error so the form keeps it. */
  values?: Record<string, string | string[]>;
};

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

/** FormData → plain object: repeated keys become arrays, empty strings become undefined, Next's $ACTION_ keys are dropped. */
export function formDataToObject(formData: FormData): { object: Record<string, unknown>; values: Record<string, string | string[]> } {
  const object: Record<string, unknown> = Object.create(null);
  const values: Record<string, string | string[]> = Object.create(null);
  for (const [key, raw] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof raw !== "string") continue; // files are not accepted by form actions
    const prev = values[key];
    values[key] = prev === undefined ? raw : Array.isArray(prev) ? [...prev, raw] : [prev, raw];
    const value = raw.trim() === "" ? undefined : raw;
    const prevObj = object[key];
    if (prevObj === undefined && !(key in object)) object[key] = value;
    else object[key] = Array.isArray(prevObj) ? [...prevObj, value] : [prevObj, value];
  }
  return { object: { ...object }, values: { ...values } };
}

/** Validates FormData with a (strict) zod schema; on failure returns every field error as message keys. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.infer<S>> {
  const { object, values } = formDataToObject(formData);
  const result = schema.safeParse(object);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.code === "unrecognized_keys" ? "_form" : String(issue.path[0] ?? "_form");
    const message = issueKey(issue);
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return { ok: false, state: { fieldErrors, formError: "errors.validation", values } };
}

/** zod issue → message key (errors.*). Custom refinements carry their key as the message. */
function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith("errors.")) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "errors.required" : "errors.invalidType";
    case "too_small":
      return issue.origin === "string" ? (issue.minimum === 1 ? "errors.required" : "errors.tooShort") : "errors.tooSmall";
    case "too_big":
      return issue.origin === "string" ? "errors.tooLong" : "errors.tooBig";
    case "invalid_format":
      return issue.format === "email" ? "errors.invalidEmail" : issue.format === "url" ? "errors.invalidUrl" : "errors.invalidFormat";
    case "invalid_value":
      return "errors.invalidOption";
    case "unrecognized_keys":
      return "errors.unknownField";
    default:
      return "errors.invalid";
  }
}

// Form of an organisation's own vocabulary term (legal basis, data-subject category, personal-data category,
// recipient category, retention start event, data source), client-safe and shared with the server actions.
// Built-in terms (organisationId = null) come from the reference data and are read-only. VocabularyTerm has
// no version column: the form sends the term's last-change time (`stamp`) for optimistic concurrency (C32).
import { z } from "zod";
import { checkbox, optionalText, requiredText, SHORT_MAX } from "@/lib/vendors/schema";
import { VocabularyKind } from "@/prisma/generated/sqlite/enums";

export const LABEL_MAX = SHORT_MAX;
export const CITATION_MAX = SHORT_MAX;
export const CODE_PREFIX = "ORG_";
const CODE_BODY_MAX = 40;

/** The kinds an organisation maintains, in the order of the settings page. */
export const VOCABULARY_KINDS = Object.values(VocabularyKind);

/** The time of the term's last change as sent by the form (ISO 8601, UTC). */
export const stampField = z.iso.datetime().transform((s) => new Date(s));

const termFields = {
  labelDe: requiredText(LABEL_MAX),
  labelEn: requiredText(LABEL_MAX),
  citation: optionalText(CITATION_MAX),
  isSpecialCategory: checkbox,
};

/** Fields shown in the conflict panel. */
export const TERM_FIELDS = Object.keys(termFields) as (keyof typeof termFields)[];

/** Only personal-data categories carry the Art. 9(1) / Art. 10 mark. */
const specialOnlyForDataCategories = <T extends { kind: VocabularyKind; isSpecialCategory: boolean }>(t: T) => !t.isSpecialCategory || t.kind === "DATA_CATEGORY";

export const termCreateSchema = z
  .object({ kind: z.enum(VocabularyKind), ...termFields })
  .strict()
  .refine(specialOnlyForDataCategories, { message: "errors.invalidOption", path: ["isSpecialCategory"] });
export const termUpdateSchema = z.object({ ...termFields, stamp: stampField }).strict();
export const termArchiveSchema = z.object({ stamp: stampField }).strict();

export type TermCreateInput = z.infer<typeof termCreateSchema>;
export type TermUpdateInput = z.infer<typeof termUpdateSchema>;

/**
 * The stable code of a new own term, derived from its German label: "ORG_" + ASCII letters/digits in upper case
 * ("Beschäftigte im Außendienst" → "ORG_BESCHAFTIGTE_IM_AUSSENDIENST"); `taken` codes get a numeric suffix.
 */
export function termCode(label: string, taken: ReadonlySet<string>): string {
  const body =
    label
      .replace(/ß/g, "ss")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .toUpperCase()
      .slice(0, CODE_BODY_MAX)
      .replace(/_+$/, "") || "TERM";
  const base = `${CODE_PREFIX}${body}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

// The register exchange format of ../shared/fixtures/registers (a register a DPO derived from a
// published privacy policy): zod schema and the mapping of its free values onto our vocabularies.
// Pure: values that cannot be mapped are reported, never dropped (issue 4 builds the loader on this).
import { z } from "zod";

const text = z.string();
const nullableText = text.nullable();

export const fixtureRecipientSchema = z.object({
  name: text,
  type: z.enum(["processor", "controller", "joint-controller", "internal", "authority", "other"]),
  address: nullableText,
  country: nullableText,
  service: nullableText,
});

export const fixtureTransferSchema = z.object({
  recipient: text,
  country: nullableText,
  mechanism: z.enum(["SCC", "DPF", "BCR", "adequacy", "Art49-consent", "Art49-contract", "Privacy-Shield(invalid)", "none-stated", "other"]),
  mechanismText: nullableText,
  supplementaryMeasures: nullableText,
  riskNotes: nullableText,
});

export const fixtureActivitySchema = z.object({
  id: text,
  name: text,
  nameEn: text,
  sourceSection: nullableText,
  purposes: z.array(text),
  legalBases: z.array(z.object({ article: text, note: nullableText })),
  dataSubjects: z.array(text),
  dataCategories: z.array(text),
  specialCategories: z.array(text),
  recipients: z.array(fixtureRecipientSchema),
  transfers: z.array(fixtureTransferSchema),
  retention: nullableText,
  cookiesOrTools: z.array(text),
  toms: z.array(text),
  quote: nullableText,
});

export const fixtureRegisterSchema = z.object({
  source: text,
  language: text,
  controller: z.object({
    name: text,
    legalForm: nullableText,
    address: nullableText,
    country: nullableText,
    email: nullableText,
    phone: nullableText,
    website: nullableText,
    representative: nullableText,
    dpo: z.object({ name: nullableText, email: nullableText, address: nullableText, external: z.boolean().nullable() }).nullable(),
  }),
  activities: z.array(fixtureActivitySchema),
  generalToms: z.array(text),
  rightsMentioned: z.array(text),
  supervisoryAuthority: nullableText,
  oddities: z.array(text),
});

export type FixtureRegister = z.infer<typeof fixtureRegisterSchema>;

export type Mapped<T> = { ok: true; value: T } | { ok: false; input: string };

/** "Art. 6(1)(a) GDPR", "Art. 9(2)(b) DSGVO", "§ 25(1) TDDDG", "§ 26 BDSG" → built-in LEGAL_BASIS code. */
export function mapLegalBasis(article: string): Mapped<string> {
  const a = article.replace(/\s+/g, " ").trim();
  let m = /^Art\.? ?6 ?\(1\) ?\(([a-f])\)/i.exec(a) ?? /^Art\.? ?6 Abs\. ?1 (?:S\. ?1 )?lit\. ?([a-f])/i.exec(a);
  if (m?.[1]) return { ok: true, value: `ART6_1_${m[1].toUpperCase()}` };
  m = /^Art\.? ?9 ?\(2\) ?\(([a-j])\)/i.exec(a) ?? /^Art\.? ?9 Abs\. ?2 lit\. ?([a-j])/i.exec(a);
  if (m?.[1]) return { ok: true, value: `ART9_2_${m[1].toUpperCase()}` };
  if (/^Art\.? ?10\b/i.test(a)) return { ok: true, value: "ART10" };
  if (/^Art\.? ?88\b/i.test(a)) return { ok: true, value: "ART88" };
  m = /^§ ?25 ?(?:\((\d)\)|Abs\. ?(\d))? ?(?:TDDDG|TTDSG)/i.exec(a);
  if (m) return { ok: true, value: `TDDDG_25_${m[1] ?? m[2] ?? "1"}` };
  m = /^§ ?26 ?(?:\((\d)\)|Abs\. ?(\d))? ?BDSG/i.exec(a);
  if (m) return { ok: true, value: `BDSG_26_${m[1] ?? m[2] ?? "1"}` };
  if (/^§ ?4 BDSG/i.test(a)) return { ok: true, value: "BDSG_4" };
  return { ok: false, input: article };
}

/** The fixture's transfer mechanism → TransferMechanism (SCC without a module becomes the usual C2P module 2 only when the recipient is a processor). */
export function mapMechanism(mechanism: z.infer<typeof fixtureTransferSchema>["mechanism"], recipientIsProcessor: boolean): Mapped<string> {
  switch (mechanism) {
    case "SCC": return { ok: true, value: recipientIsProcessor ? "SCC_2021_M2" : "SCC_2021_M1" };
    case "DPF": return { ok: true, value: "DPF" };
    case "BCR": return { ok: true, value: recipientIsProcessor ? "BCR_P" : "BCR_C" };
    case "adequacy": return { ok: true, value: "ADEQUACY" };
    case "Art49-consent": return { ok: true, value: "ART49_1A" };
    case "Art49-contract": return { ok: true, value: "ART49_1B" };
    case "Privacy-Shield(invalid)": return { ok: true, value: "PRIVACY_SHIELD" };
    case "none-stated": return { ok: true, value: "NONE_STATED" };
    case "other": return { ok: true, value: "OTHER" };
  }
}

/** The fixture's recipient type → RecipientRole. */
export function mapRecipientRole(type: z.infer<typeof fixtureRecipientSchema>["type"]): string {
  return {
    processor: "PROCESSOR",
    controller: "INDEPENDENT_CONTROLLER",
    "joint-controller": "JOINT_CONTROLLER",
    internal: "INTERNAL",
    authority: "PUBLIC_AUTHORITY",
    other: "OTHER",
  }[type];
}

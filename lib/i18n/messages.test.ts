// Message catalogues: German and English have identical key sets in every namespace, every message is
// valid ICU and uses the same arguments in both languages, and every value of every Prisma enum has a label.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { LOCALES, MESSAGES } from "@/lib/i18n/messages/index";
import * as prismaEnums from "@/prisma/generated/sqlite/enums";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** Top-level argument names of an ICU message ({name}, {count, plural, …}); `#` and tags are ignored. */
function argumentNames(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1] ?? ""))].sort();
}

const catalogue = (locale: (typeof LOCALES)[number]) => MESSAGES[locale] as unknown as Record<string, Tree>;
const namespaces = Object.keys(MESSAGES.de);

describe("message catalogues", () => {
  it("have the same namespaces in every locale", () => {
    for (const locale of LOCALES) expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)("namespace %s has identical key sets in de and en", (namespace) => {
    const de = [...leaves(catalogue("de")[namespace] ?? {}).keys()].sort();
    const en = [...leaves(catalogue("en")[namespace] ?? {}).keys()].sort();
    expect(en).toEqual(de);
  });

  it.each(namespaces)("namespace %s: no empty message, same ICU arguments in de and en", (namespace) => {
    const de = leaves(catalogue("de")[namespace] ?? {});
    const en = leaves(catalogue("en")[namespace] ?? {});
    for (const [key, deMessage] of de) {
      expect(deMessage.trim(), `de ${namespace}.${key}`).not.toBe("");
      expect(en.get(key)?.trim(), `en ${namespace}.${key}`).not.toBe("");
      expect(argumentNames(en.get(key) ?? ""), `${namespace}.${key}`).toEqual(argumentNames(deMessage));
    }
  });

  it.each(LOCALES)("every message in %s is valid ICU and formats", (locale) => {
    const errors: string[] = [];
    const t = createTranslator({
      locale,
      messages: MESSAGES[locale],
      timeZone: "Europe/Berlin",
      onError: (error) => errors.push(error.message),
    });
    const translate = t as unknown as (key: string, values: Record<string, string | number>) => string;
    for (const [key, message] of leaves(catalogue(locale))) {
      const values = Object.fromEntries(argumentNames(message).map((name) => [name, 2]));
      expect(typeof translate(key, values), key).toBe("string");
    }
    expect(errors).toEqual([]);
  });
});

describe("enum labels", () => {
  const enums = Object.entries(prismaEnums as unknown as Record<string, unknown>).filter(
    (entry): entry is [string, Record<string, string>] => typeof entry[1] === "object" && entry[1] !== null,
  );

  it("reads the Prisma enums", () => {
    expect(enums.map(([name]) => name)).toEqual(expect.arrayContaining(["ActivityStatus", "TransferMechanism", "MemberRole"]));
  });

  it.each(LOCALES)("every value of every Prisma enum has a label in %s", (locale) => {
    const labels = MESSAGES[locale].enums as unknown as Record<string, Record<string, unknown> | undefined>;
    const missing: string[] = [];
    for (const [name, values] of enums) {
      for (const value of Object.values(values)) {
        const label = labels[name]?.[value];
        if (typeof label !== "string" || label.trim() === "") missing.push(`enums.${name}.${value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has no labels for enum values that do not exist", () => {
    const known = new Map(enums.map(([name, values]) => [name, new Set(Object.values(values))]));
    const stale: string[] = [];
    for (const [name, values] of Object.entries(MESSAGES.de.enums as unknown as Record<string, Record<string, unknown>>)) {
      for (const value of Object.keys(values)) if (!known.get(name)?.has(value)) stale.push(`enums.${name}.${value}`);
    }
    expect(stale).toEqual([]);
  });
});

// Every message and fix key the transfer-risk engine and register health can emit has a German and an
// English text, and no text is left over for a key the engine no longer emits.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { TRANSFER_RISK_MESSAGE_KEYS } from "@/lib/domain/transfer-risk";
import { HEALTH_MESSAGE_KEYS } from "@/lib/domain/register-health";
import deRisk from "@/lib/i18n/messages/de/risk.json";
import enRisk from "@/lib/i18n/messages/en/risk.json";
import deHealth from "@/lib/i18n/messages/de/health.json";
import enHealth from "@/lib/i18n/messages/en/health.json";

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}.${k}`] : leafKeys(v, `${prefix}.${k}`)));
}

function lookup(tree: Tree, path: string[]): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const p of path) node = typeof node === "object" ? node[p] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** Sample values for every argument the messages use. */
const SAMPLE = {
  country: "US",
  parentCountry: "US",
  purpose: "SUPPORT",
  decision: "2023/1795",
  adequacyDecision: "2023/1795",
  validFrom: "2023-07-10",
  validTo: "2022-12-27",
  invalidFrom: "2020-07-16",
  instrument: "PRIVACY_SHIELD",
  reviewDue: "2026-07-10",
  nextReviewAt: "2025-01-01",
  nextCertificationDue: "2025-01-01",
  requiredFrom: "2020-07-16",
  tiaAssessedAt: "2024-01-01",
  contractConcludedAt: "2021-10-01",
  newContractsUntil: "2021-09-27",
  recordedModule: 1,
  expectedModule: 2,
  subProcessor: "Sub GmbH",
  recipient: "Vendor Inc.",
  count: 2,
  term: "Privacy Shield",
};

const catalogues = [
  { namespace: "risk", keys: TRANSFER_RISK_MESSAGE_KEYS, de: deRisk as Tree, en: enRisk as Tree },
  { namespace: "health", keys: HEALTH_MESSAGE_KEYS, de: deHealth as Tree, en: enHealth as Tree },
];

describe.each(catalogues)("messages of namespace $namespace", ({ namespace, keys, de, en }) => {
  it("the engine's keys all live in this namespace", () => {
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.startsWith(`${namespace}.`)).toBe(true);
  });

  it.each(keys)("%s has a German and an English text that format without errors", (key) => {
    const path = key.split(".").slice(1);
    for (const [locale, tree] of [["de", de], ["en", en]] as const) {
      const text = lookup(tree, path);
      expect(text, `${locale}: ${key}`).toBeTruthy();
      const t = createTranslator({ locale, messages: { [namespace]: tree }, namespace, onError: (e) => { throw e; } });
      const formatted = t(path.join(".") as never, SAMPLE as never);
      expect(formatted).not.toMatch(/[{}]/);
    }
  });

  it("has no text for a key the engine does not emit", () => {
    const expected = [...keys].sort();
    expect(leafKeys(de, namespace).sort()).toEqual(expected);
    expect(leafKeys(en, namespace).sort()).toEqual(expected);
  });
});

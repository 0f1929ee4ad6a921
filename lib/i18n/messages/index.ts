// Message catalogues, one JSON file per namespace and locale. German is the source language.
// A namespace file is owned by the feature that uses it; messages.test.ts checks that de and en have
// identical key sets.
import deCommon from "./de/common.json";
import deShell from "./de/shell.json";
import deAuth from "./de/auth.json";
import deErrors from "./de/errors.json";
import deEnums from "./de/enums.json";
import deRegister from "./de/register.json";
import deSettings from "./de/settings.json";
import deHealth from "./de/health.json";
import deRisk from "./de/risk.json";
import deVendor from "./de/vendor.json";
import deActivity from "./de/activity.json";
import deOverview from "./de/overview.json";
import deMeasures from "./de/measures.json";
import deReference from "./de/reference.json";
import deOrgSettings from "./de/orgsettings.json";
import deDpia from "./de/dpia.json";
import enCommon from "./en/common.json";
import enShell from "./en/shell.json";
import enAuth from "./en/auth.json";
import enErrors from "./en/errors.json";
import enEnums from "./en/enums.json";
import enRegister from "./en/register.json";
import enSettings from "./en/settings.json";
import enHealth from "./en/health.json";
import enRisk from "./en/risk.json";
import enVendor from "./en/vendor.json";
import enActivity from "./en/activity.json";
import enOverview from "./en/overview.json";
import enMeasures from "./en/measures.json";
import enReference from "./en/reference.json";
import enOrgSettings from "./en/orgsettings.json";
import enDpia from "./en/dpia.json";
import deHistory from "./de/history.json";
import enHistory from "./en/history.json";

export const LOCALES = ["de", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "de";

export const MESSAGES = {
  de: { common: deCommon, shell: deShell, auth: deAuth, errors: deErrors, enums: deEnums, register: deRegister, settings: deSettings, health: deHealth, risk: deRisk, vendor: deVendor, activity: deActivity, overview: deOverview, measures: deMeasures, reference: deReference, dpia: deDpia, orgsettings: deOrgSettings, history: deHistory },
  en: { common: enCommon, shell: enShell, auth: enAuth, errors: enErrors, enums: enEnums, register: enRegister, settings: enSettings, health: enHealth, risk: enRisk, vendor: enVendor, activity: enActivity, overview: enOverview, measures: enMeasures, reference: enReference, dpia: enDpia, orgsettings: enOrgSettings, history: enHistory },
} as const;

export const isLocale = (v: unknown): v is Locale => typeof v === "string" && (LOCALES as readonly string[]).includes(v);

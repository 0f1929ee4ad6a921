// The overview's filters live in the URL (?verdict=&country=&mechanism=&vendor=&department=&asOf=): shareable,
// and an auditor's "what was valid then" is a link. Unknown or malformed values are ignored, never an error.
import { z } from "zod";
import { TRANSFER_MECHANISMS, VERDICT_LEVELS, type TransferMechanism, type VerdictLevel } from "@/lib/domain/transfer-risk";

export type RiskPageParams = {
  verdict?: VerdictLevel;
  country?: string;
  mechanism?: TransferMechanism;
  vendor?: string;
  department?: string;
  /** YYYY-MM-DD */
  asOf?: string;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DESTINATION = /^(?:[A-Z]{2}|UNKNOWN|ORG:.{1,200})$/;

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && d.getUTCFullYear() >= 1995;
}

const verdictSchema = z.enum(VERDICT_LEVELS as [VerdictLevel, ...VerdictLevel[]]);
const mechanismSchema = z.enum(TRANSFER_MECHANISMS);

export function parseRiskParams(search: Record<string, string | string[] | undefined>): RiskPageParams {
  const out: RiskPageParams = {};
  const verdict = verdictSchema.safeParse(first(search.verdict));
  if (verdict.success) out.verdict = verdict.data;
  const mechanism = mechanismSchema.safeParse(first(search.mechanism));
  if (mechanism.success) out.mechanism = mechanism.data;
  const country = first(search.country);
  if (country && DESTINATION.test(country)) out.country = country;
  const vendor = first(search.vendor);
  if (vendor && ID.test(vendor)) out.vendor = vendor;
  const department = first(search.department);
  if (department && ID.test(department)) out.department = department;
  const asOf = first(search.asOf);
  if (asOf && isDay(asOf)) out.asOf = asOf;
  return out;
}

/** The overview's URL with `params`, changed by `patch` (undefined removes a filter). */
export function riskHref(orgId: string, params: RiskPageParams, patch: Partial<RiskPageParams> = {}): string {
  const merged = { ...params, ...patch };
  const query = new URLSearchParams();
  for (const key of ["verdict", "country", "mechanism", "vendor", "department", "asOf"] as const) {
    const value = merged[key];
    if (value) query.set(key, value);
  }
  const qs = query.toString();
  return `/o/${orgId}/risk${qs ? `?${qs}` : ""}`;
}

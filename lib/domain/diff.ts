// Field-level diff for audit events and versions: { field: { old, new } }.
// Values are compared as JSON: structurally, Dates by ISO string, undefined ≡ absent ≡ null at field level.

export type FieldChange = { old: unknown; new: unknown };
export type Changes = Record<string, FieldChange>;
export type DiffOptions = {
  /** Also report keys of `before` that are missing (or undefined) in `after`. */
  includeRemoved?: boolean;
  /** Keys never reported. Replaces the default list. */
  ignore?: readonly string[];
};

export const DEFAULT_IGNORED_KEYS: readonly string[] = ["updatedAt", "version", "searchText"];

const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/** The JSON form of a value: Dates as ISO strings, undefined/non-finite numbers as null, undefined properties dropped. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol")
        .map(([k, v]) => [k, toJsonValue(v)]),
    );
  }
  return typeof value === "function" || typeof value === "symbol" ? null : value;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => Object.hasOwn(bo, k) && jsonEqual(ao[k], bo[k]));
}

/** Deep equality of two values in their JSON form. */
export function isJsonEqual(a: unknown, b: unknown): boolean {
  return jsonEqual(toJsonValue(a), toJsonValue(b));
}

/**
 * Changed fields between two row states, keyed by field, with JSON-form values.
 * Only keys present (and not undefined) in `after`, unless `includeRemoved`.
 */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>, options: DiffOptions = {}): Changes {
  const ignored = new Set(options.ignore ?? DEFAULT_IGNORED_KEYS);
  const keys = Object.keys(after).filter((k) => after[k] !== undefined);
  if (options.includeRemoved) keys.push(...Object.keys(before).filter((k) => !keys.includes(k)));
  const entries: [string, FieldChange][] = [];
  for (const key of keys) {
    if (ignored.has(key)) continue;
    const old = toJsonValue(own(before, key));
    const next = toJsonValue(own(after, key));
    if (!jsonEqual(old, next)) entries.push([key, { old, new: next }]);
  }
  return Object.fromEntries(entries); // own data properties, also for keys like "__proto__"
}

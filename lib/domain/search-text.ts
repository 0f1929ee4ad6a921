// Search text for the register: one accent-, case- and width-insensitive string
// per entry, and the query split into terms normalised the same way.

const MAX_TERMS = 10;
const MAX_TERM_LENGTH = 100;

/** NFKD, strip combining marks, lower-case, ß→ss, collapse whitespace. */
function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/\s+/gu, " ")
    .trim();
}

function collect(value: unknown, out: string[], seen: WeakSet<object>): void {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number" || typeof value === "bigint") out.push(String(value));
  else if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) out.push(value.toISOString());
  } else if (typeof value === "object" && value !== null && !seen.has(value)) {
    seen.add(value);
    for (const v of Array.isArray(value) ? value : Object.values(value)) collect(v, out, seen);
  }
  // null, undefined, booleans, functions, symbols: ignored
}

/** Flattens strings and numbers of (nested) arrays and object values into one normalised string. */
export function toSearchText(values: unknown[] | Record<string, unknown>): string {
  const parts: string[] = [];
  collect(values, parts, new WeakSet());
  return parts.map(normalize).filter(Boolean).join(" ");
}

/** Normalised query terms: at most 10, each at most 100 characters. Kept literally (no wildcards, no SQL). */
export function normalizeQuery(q: string): string[] {
  return normalize(q)
    .split(" ")
    .filter(Boolean)
    .slice(0, MAX_TERMS)
    .map((term) => Array.from(term).slice(0, MAX_TERM_LENGTH).join(""));
}

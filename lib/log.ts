// Security and operations log: one JSON object per line on stdout (ASVS 16.2.1, 16.2.2, 16.4.1; C37).
// Every value goes through JSON.stringify, so a "\n[INFO] admin login ok" inside a field stays inside
// its string and cannot forge a second line. Never pass tokens, cookies or magic links: fields whose
// name looks like a secret are replaced by "[redacted]" as a second line of defence.
// Usable from server code and scripts alike (no 'server-only', no framework imports).

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const RESERVED = new Set(["ts", "level", "event"]);
const SECRET_KEY = /token|cookie|secret|password|authorization|magic.?link|^url$|^link$/i;
const MAX_STRING = 2000;

function sanitize(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === "bigint") return value.toString();
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Error) return { name: value.name, message: sanitize(value.message, depth + 1, seen) };
  if (typeof value !== "object") return String(value);
  if (seen.has(value) || depth > 5) return "[…]";
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => sanitize(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[redacted]" : sanitize(v, depth + 1, seen);
  return out;
}

/** Builds the log line (without the trailing newline). Exported for tests. */
export function formatLogLine(level: LogLevel, event: string, fields: LogFields = {}, now: Date = new Date()): string {
  const clean = sanitize(fields, 0, new WeakSet()) as Record<string, unknown>;
  const entry: Record<string, unknown> = { ts: now.toISOString(), level, event };
  for (const [k, v] of Object.entries(clean)) if (!RESERVED.has(k) && v !== undefined) entry[k] = v;
  return JSON.stringify(entry);
}

/** Writes one JSON line: {"ts":"<UTC ISO>","level":…,"event":…,…fields}. */
export function logEvent(level: LogLevel, event: string, fields: LogFields = {}): void {
  let line: string;
  try {
    line = formatLogLine(level, event, fields);
  } catch {
    line = JSON.stringify({ ts: new Date().toISOString(), level, event, logError: "unserialisable fields" });
  }
  process.stdout.write(`${line}\n`);
}

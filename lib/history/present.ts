// Field-level changes between two stored snapshots, for the history view (C33). Pure: plain JSON in, plain data
// out. Lists of rows with an `id` (recipients, transfers, locations, …) are compared row by row, so the view can
// say "transfer to US added" or "mechanism: SCC → DPF" instead of showing two JSON blobs.
import { isJsonEqual } from "@/lib/domain/diff";

type Json = Record<string, unknown>;

export type ValueChange = { field: string; old: unknown; new: unknown };
export type ItemChange = { id: string; change: "added" | "removed" | "changed"; old: Json | null; new: Json | null; fields: FieldChange[] };
export type FieldChange = ({ kind: "value" } & ValueChange) | { kind: "items"; field: string; items: ItemChange[] };

/** Keys that change with every write or only link rows together; never shown as a change. */
export const HISTORY_IGNORED_KEYS: readonly string[] = [
  "id", "version", "updatedAt", "createdAt", "searchText", "organisationId", "updatedById", "createdById", "activityId", "recipientId",
];

const isRow = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isRowList = (v: unknown): v is Json[] => Array.isArray(v) && v.every((x) => isRow(x) && typeof x.id === "string");
const asObject = (v: unknown): Json => (isRow(v) ? v : {});

/** Rows keyed by id: added, removed, or changed (with their own field changes). Order follows `after`, then removed rows. */
export function diffItems(before: Json[], after: Json[], ignore: readonly string[]): ItemChange[] {
  const old = new Map(before.map((r) => [r.id as string, r]));
  const out: ItemChange[] = [];
  for (const row of after) {
    const prev = old.get(row.id as string);
    if (!prev) out.push({ id: row.id as string, change: "added", old: null, new: row, fields: [] });
    else {
      const fields = diffSnapshots(prev, row, ignore);
      if (fields.length) out.push({ id: row.id as string, change: "changed", old: prev, new: row, fields });
    }
  }
  const kept = new Set(after.map((r) => r.id as string));
  for (const row of before) if (!kept.has(row.id as string)) out.push({ id: row.id as string, change: "removed", old: row, new: null, fields: [] });
  return out;
}

/** Changed fields between two snapshots (absent ≡ null), in the order of `after`'s keys then removed keys. */
export function diffSnapshots(beforeJson: unknown, afterJson: unknown, ignore: readonly string[] = HISTORY_IGNORED_KEYS): FieldChange[] {
  const before = asObject(beforeJson);
  const after = asObject(afterJson);
  const skip = new Set(ignore);
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((k) => !skip.has(k));
  const out: FieldChange[] = [];
  for (const field of keys) {
    const o = before[field] ?? null;
    const n = after[field] ?? null;
    const oList = o === null && Array.isArray(n) ? [] : o;
    const nList = n === null && Array.isArray(o) ? [] : n;
    if (isJsonEqual(oList, nList)) continue;
    if (isRowList(oList) && isRowList(nList) && (oList.length > 0 || nList.length > 0)) {
      const items = diffItems(oList, nList, ignore);
      if (items.length) out.push({ kind: "items", field, items });
    } else out.push({ kind: "value", field, old: o, new: n });
  }
  return out;
}

/** "restoredFrom:3" (activity restores) or a `restoredFromVersion` change (other entries) → 3. */
export function restoredFromOf(reason: string | null, changes: unknown): number | null {
  const m = reason?.match(/^restoredFrom:(\d+)$/);
  if (m) return Number(m[1]);
  const c = asObject(changes).restoredFromVersion;
  const v = isRow(c) ? c.new : null;
  return typeof v === "number" ? v : null;
}

import { describe, expect, it } from "vitest";
import { diffSnapshots, restoredFromOf } from "@/lib/history/present";

describe("diffSnapshots", () => {
  it("reports scalar changes and ignores bookkeeping keys", () => {
    expect(diffSnapshots({ name: "A", version: 1, updatedAt: "x", city: null }, { name: "B", version: 2, updatedAt: "y" })).toEqual([{ kind: "value", field: "name", old: "A", new: "B" }]);
  });
  it("compares rows with ids one by one, nested lists too", () => {
    const t1 = { id: "t1", mechanism: "SCC_2021_M2", archivedAt: null, version: 1 };
    const before = { recipients: [{ id: "r1", service: "Hosting", transfers: [t1] }, { id: "r2", service: "Support", transfers: [] }] };
    const after = { recipients: [{ id: "r1", service: "Hosting", transfers: [{ ...t1, mechanism: "DPF", version: 2 }, { id: "t2", mechanism: "NONE_STATED" }] }, { id: "r3", service: "Neu", transfers: [] }] };
    const [rec] = diffSnapshots(before, after);
    expect(rec?.kind).toBe("items");
    if (rec?.kind !== "items") return;
    expect(rec.items.map((i) => [i.id, i.change])).toEqual([["r1", "changed"], ["r3", "added"], ["r2", "removed"]]);
    const transfers = rec.items[0]?.fields[0];
    expect(transfers?.kind === "items" && transfers.items.map((i) => [i.id, i.change, i.fields])).toEqual([
      ["t1", "changed", [{ kind: "value", field: "mechanism", old: "SCC_2021_M2", new: "DPF" }]],
      ["t2", "added", []],
    ]);
  });
  it("treats a missing list as empty and equal lists as unchanged", () => {
    expect(diffSnapshots({}, { recipients: [] })).toEqual([]);
    expect(diffSnapshots({ locations: [{ id: "l", city: "X" }] }, { locations: [{ id: "l", city: "X" }] })).toEqual([]);
  });
});

describe("restoredFromOf", () => {
  it("reads both the activity reason and the change entry", () => {
    expect(restoredFromOf("restoredFrom:3", null)).toBe(3);
    expect(restoredFromOf("Irrtum", { restoredFromVersion: { old: null, new: 2 } })).toBe(2);
    expect(restoredFromOf("Irrtum", { name: { old: "a", new: "b" } })).toBeNull();
  });
});

import { describe, it, expect } from "vitest";
import { pickSccModule, sccModuleMatches, type PartyRole } from "./scc-module";

// Decision (EU) 2021/914, Annex Section I: exporter role × importer role → module.
const CASES: [PartyRole, PartyRole, 1 | 2 | 3 | 4, string][] = [
  ["CONTROLLER", "CONTROLLER", 1, "Module One: controller to controller"],
  ["CONTROLLER", "PROCESSOR", 2, "Module Two: controller to processor"],
  ["PROCESSOR", "PROCESSOR", 3, "Module Three: processor to processor"],
  ["PROCESSOR", "CONTROLLER", 4, "Module Four: processor to controller"],
];

describe("pickSccModule (Decision (EU) 2021/914)", () => {
  it.each(CASES)("%s exporter → %s importer is module %i (%s)", (exporter, importer, module) => {
    expect(pickSccModule(exporter, importer)).toBe(module);
  });
});

describe("sccModuleMatches (Decision (EU) 2021/914)", () => {
  it.each(CASES)("%s → %s accepts only module %i", (exporter, importer, module) => {
    for (const m of [0, 1, 2, 3, 4, 5, Number.NaN, 2.5]) expect(sccModuleMatches(m, exporter, importer)).toBe(m === module);
  });
});

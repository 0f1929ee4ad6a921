// Standard contractual clauses module by the parties' roles,
// Commission Implementing Decision (EU) 2021/914, Annex, Section I.

export type PartyRole = "CONTROLLER" | "PROCESSOR";
export type SccModule = 1 | 2 | 3 | 4;

const MODULES = {
  CONTROLLER: { CONTROLLER: 1, PROCESSOR: 2 },
  PROCESSOR: { PROCESSOR: 3, CONTROLLER: 4 },
} as const satisfies Record<PartyRole, Record<PartyRole, SccModule>>;

/** Module 1 C2C, 2 C2P, 3 P2P, 4 P2C (exporter → importer). */
export function pickSccModule(exporter: PartyRole, importer: PartyRole): SccModule {
  return MODULES[exporter][importer];
}

export function sccModuleMatches(module: number, exporter: PartyRole, importer: PartyRole): boolean {
  return module === pickSccModule(exporter, importer);
}

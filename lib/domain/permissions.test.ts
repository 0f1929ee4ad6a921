import { describe, it, expect } from "vitest";
import {
  PERMISSIONS,
  can,
  canAccessVendorSheet,
  rolesIn,
  type CurrentUserLike,
  type MemberRole,
  type Permission,
  type Role,
} from "./permissions";

const ROLES = ["ADMIN", "DPO", "EDITOR", "VIEWER", "VENDOR", "INSTANCE_ADMIN"] as const satisfies readonly Role[];

// The full matrix, pinned. Any change to PERMISSIONS must change this table too.
// Columns:                      ADMIN DPO EDITOR VIEWER VENDOR INSTANCE_ADMIN
const MATRIX: Record<Permission, string> = {
  "register:read":                "x x x x - -",
  "history:read":                 "x x x x - -",
  "register:export":              "x x x x - -",
  "activity:write":               "x x x - - -",
  "activity:release":             "x x - - - -",
  "activity:archive":             "x x - - - -",
  "dpia:decide":                  "- x - - - -",
  "vendor:write":                 "x x x - - -",
  "vendor:archive":               "x x x - - -",
  "transfer:write":               "x x x - - -",
  "tia:write":                    "x x x - - -",
  "tom:write":                    "x x x - - -",
  "dpa:write":                    "x x x - - -",
  "department:write":             "x x x - - -",
  "vocabulary:write":             "x x x - - -",
  "vendor:invite":                "x x x - - -",
  "vendor-proposal:review":       "x x - - - -",
  "vendor-sheet:self":            "- - - - x -",
  "register:import":              "x x - - - -",
  "member:manage":                "x x - - - -",
  "organisation:manage":          "x x - - - -",
  "organisation:create":          "- - - - - x",
  "reference-data:read":          "x x x x - x",
  "reference-data:manage":        "- - - - - x",
  "user:manage":                  "- - - - - x",
};

const ORG = "org-a";
const OTHER_ORG = "org-b";

function userWith(role: Role, orgId = ORG): CurrentUserLike {
  const base = { id: `u-${role}`, isAdmin: false, memberships: [], vendorContacts: [] };
  if (role === "INSTANCE_ADMIN") return { ...base, isAdmin: true };
  if (role === "VENDOR") return { ...base, vendorContacts: [{ orgId, vendorId: "vendor-a" }] };
  return { ...base, memberships: [{ orgId, role: role satisfies MemberRole }] };
}

const expected = (p: Permission, role: Role) => MATRIX[p].split(" ")[ROLES.indexOf(role)] === "x";

describe("permissions matrix (house-style §5, issue role semantics)", () => {
  it("covers exactly the permissions of PERMISSIONS", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(PERMISSIONS).sort());
    for (const row of Object.values(MATRIX)) expect(row).toMatch(/^[x-]( [x-]){5}$/);
  });

  for (const p of Object.keys(MATRIX) as Permission[]) {
    for (const role of ROLES) {
      it(`${role} ${expected(p, role) ? "may" : "may not"} ${p}`, () => {
        expect((PERMISSIONS[p] as readonly Role[]).includes(role)).toBe(expected(p, role));
        // Instance-level roles apply without an organisation; org roles only inside it.
        expect(can(userWith(role), p, ORG)).toBe(expected(p, role));
      });
    }
  }
});

describe("organisation scoping (ASVS 8.2.2, C05: no cross-organisation access)", () => {
  const orgRoles = ["ADMIN", "DPO", "EDITOR", "VIEWER", "VENDOR"] as const;

  it.each(orgRoles)("%s of org A has no permission in org B", (role) => {
    const user = userWith(role, ORG);
    expect(rolesIn(user, OTHER_ORG)).toEqual([]);
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can(user, p, OTHER_ORG)).toBe(false);
  });

  it.each(orgRoles)("%s has no organisation permission without an orgId", (role) => {
    const user = userWith(role, ORG);
    expect(rolesIn(user)).toEqual([]);
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can(user, p)).toBe(false);
  });

  it("INSTANCE_ADMIN applies without orgId but grants no register access without a membership", () => {
    const admin = userWith("INSTANCE_ADMIN");
    expect(rolesIn(admin)).toEqual(["INSTANCE_ADMIN"]);
    expect(can(admin, "user:manage")).toBe(true);
    expect(can(admin, "organisation:create")).toBe(true);
    expect(can(admin, "reference-data:manage")).toBe(true);
    expect(can(admin, "register:read", ORG)).toBe(false);
    expect(can(admin, "organisation:manage", ORG)).toBe(false);
  });

  it("INSTANCE_ADMIN with a VIEWER membership reads that organisation only", () => {
    const user: CurrentUserLike = { ...userWith("INSTANCE_ADMIN"), memberships: [{ orgId: ORG, role: "VIEWER" }] };
    expect(rolesIn(user, ORG).sort()).toEqual(["INSTANCE_ADMIN", "VIEWER"]);
    expect(can(user, "register:read", ORG)).toBe(true);
    expect(can(user, "activity:write", ORG)).toBe(false);
    expect(can(user, "register:read", OTHER_ORG)).toBe(false);
  });

  it("roles from several memberships are kept apart per organisation", () => {
    const user: CurrentUserLike = {
      id: "u",
      isAdmin: false,
      memberships: [
        { orgId: ORG, role: "VIEWER" },
        { orgId: OTHER_ORG, role: "DPO" },
      ],
      vendorContacts: [],
    };
    expect(can(user, "activity:write", ORG)).toBe(false);
    expect(can(user, "activity:release", OTHER_ORG)).toBe(true);
  });
});

describe("vendor sheet access (house-style §10: vendor A never reaches vendor B)", () => {
  const vendorA = userWith("VENDOR", ORG);

  it("a vendor contact reaches its own sheet", () => {
    expect(canAccessVendorSheet(vendorA, ORG, "vendor-a")).toBe(true);
  });

  it("a vendor contact of vendor A cannot access vendor B of the same organisation", () => {
    expect(canAccessVendorSheet(vendorA, ORG, "vendor-b")).toBe(false);
  });

  it("the same vendor id in another organisation is not reachable", () => {
    expect(canAccessVendorSheet(vendorA, OTHER_ORG, "vendor-a")).toBe(false);
  });

  it.each(["ADMIN", "DPO", "EDITOR", "VIEWER", "INSTANCE_ADMIN"] as const)("%s is not a vendor contact", (role) => {
    expect(canAccessVendorSheet(userWith(role), ORG, "vendor-a")).toBe(false);
  });
});

// Role/permission table for the register. Pure: imported by the server
// (`authorize`) and by the UI (`can` to hide buttons; the action still checks).

/** Roles held per organisation (`Membership.role`). ADMIN = organisation administrator. */
export type MemberRole = "ADMIN" | "DPO" | "EDITOR" | "VIEWER";
/** VENDOR: contact of one vendor sheet of one organisation. INSTANCE_ADMIN: `User.isAdmin`, operates the instance. */
export type Role = MemberRole | "VENDOR" | "INSTANCE_ADMIN";

const ORG_ADMINS = ["ADMIN", "DPO"] as const;
const EDITORS = ["ADMIN", "DPO", "EDITOR"] as const;
const READERS = ["ADMIN", "DPO", "EDITOR", "VIEWER"] as const;

export const PERMISSIONS = {
  "register:read": READERS,
  "history:read": READERS,
  "register:export": READERS,
  "activity:write": EDITORS,
  "activity:release": ORG_ADMINS,
  "activity:archive": ORG_ADMINS,
  /** The DPIA decision against the screening indicator (issue 4): the data protection officer's call. */
  "dpia:decide": ["DPO"],
  "vendor:write": EDITORS,
  "vendor:archive": EDITORS,
  "transfer:write": EDITORS,
  "tia:write": EDITORS,
  "tom:write": EDITORS,
  "dpa:write": EDITORS,
  "department:write": EDITORS,
  "vocabulary:write": EDITORS,
  "vendor:invite": EDITORS,
  "vendor-proposal:review": ORG_ADMINS,
  "vendor-sheet:self": ["VENDOR"],
  "register:import": ORG_ADMINS,
  "member:manage": ORG_ADMINS,
  "organisation:manage": ORG_ADMINS,
  "organisation:create": ["INSTANCE_ADMIN"],
  "reference-data:read": [...READERS, "INSTANCE_ADMIN"],
  "reference-data:manage": ["INSTANCE_ADMIN"],
  "user:manage": ["INSTANCE_ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type CurrentUserLike = {
  id: string;
  isAdmin: boolean;
  memberships: readonly { orgId: string; role: MemberRole }[];
  vendorContacts: readonly { orgId: string; vendorId: string }[];
};

/**
 * Roles the user holds for `orgId`. Organisation roles (membership, vendor
 * contact) only apply when `orgId` is given and matches; INSTANCE_ADMIN applies
 * everywhere, including without `orgId`, but grants no register access.
 */
export function rolesIn(user: CurrentUserLike, orgId?: string): Role[] {
  const roles = new Set<Role>();
  if (orgId !== undefined) {
    for (const m of user.memberships) if (m.orgId === orgId) roles.add(m.role);
    if (user.vendorContacts.some((v) => v.orgId === orgId)) roles.add("VENDOR");
  }
  if (user.isAdmin) roles.add("INSTANCE_ADMIN");
  return [...roles];
}

export function can(user: CurrentUserLike, permission: Permission, orgId?: string): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return rolesIn(user, orgId).some((r) => allowed.includes(r));
}

/** True only for a vendor contact of exactly this vendor in exactly this organisation. */
export function canAccessVendorSheet(user: CurrentUserLike, orgId: string, vendorId: string): boolean {
  return user.vendorContacts.some((v) => v.orgId === orgId && v.vendorId === vendorId);
}

// Forms of the members page (client-safe).
import { z } from "zod";

export const MEMBER_ROLES = ["ADMIN", "DPO", "EDITOR", "VIEWER"] as const;
export const EMAIL_MAX = 254;
export const NAME_MAX = 120;

export const addMemberSchema = z
  .object({
    email: z.string().trim().max(EMAIL_MAX).email(),
    name: z.string().trim().max(NAME_MAX).optional(),
    role: z.enum(MEMBER_ROLES),
  })
  .strict();

export const changeRoleSchema = z.object({ membershipId: z.string().min(1).max(64), role: z.enum(MEMBER_ROLES) }).strict();
export const removeMemberSchema = z.object({ membershipId: z.string().min(1).max(64) }).strict();

export type AddMemberInput = z.infer<typeof addMemberSchema>;

"use server";
// Sign-out: deletes this session's row (database sessions, ASVS 7.4.1) and clears the cookie.
import { redirect } from "next/navigation";
import { signOutCurrentSession } from "@/lib/auth";

export async function signOut(): Promise<void> {
  await signOutCurrentSession();
  redirect("/login");
}

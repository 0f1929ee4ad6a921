import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Nav, type NavItem } from "@/components/nav";
import { OrgSwitcher } from "@/components/org-switcher";
import { UserMenu } from "@/components/user-menu";
import { currentUser } from "@/lib/current-user";

/**
 * Navigation of one organisation's register. Navigation ONLY: no authorization and no database query by
 * `orgId` here (layouts do not run for actions and are not re-run on every navigation); every page calls
 * requireUser() and authorize() itself. Organisation names come from the user's own memberships, so nothing
 * about an organisation the user does not belong to is rendered.
 */
export default async function OrganisationLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await currentUser();
  const membership = user?.memberships.find((m) => m.orgId === orgId);
  const t = await getTranslations("shell.nav");
  const tSettings = await getTranslations("orgsettings.nav");
  const tDpia = await getTranslations("dpia");
  const base = `/o/${orgId}`;
  // Sections without a page yet have no href: shown disabled with a "coming soon" title, never a dead link.
  const items: NavItem[] = [
    { key: "overview", label: t("overview"), href: base, exact: true },
    { key: "activities", label: t("activities"), href: `${base}/activities` },
    { key: "vendors", label: t("vendors"), href: `${base}/vendors` },
    { key: "transfers", label: t("transfers") },
    { key: "tias", label: t("tias"), href: `${base}/tias` },
    { key: "toms", label: t("toms"), href: `${base}/toms` },
    { key: "agreements", label: t("agreements"), href: `${base}/agreements` },
    { key: "risk", label: t("risk"), href: `${base}/risk` },
    { key: "reviews", label: tSettings("reviews"), href: `${base}/reviews` },
    { key: "health", label: tDpia("nav.health"), href: `${base}/health` },
    { key: "history", label: t("history") },
    { key: "settings", label: tSettings("settings"), href: `${base}/settings/organisation` },
    { key: "members", label: t("members"), href: `${base}/settings/members` },
    { key: "reference", label: t("reference"), href: `${base}/reference` },
  ];

  return (
    <>
      {user && membership ? (
        <div className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-1.5">
            <OrgSwitcher orgs={user.memberships.map((m) => ({ id: m.orgId, name: m.orgName }))} currentOrgId={orgId} />
            <div className="order-last w-full min-w-0 lg:order-none lg:w-auto lg:flex-1">
              <Nav label={t("label")} items={items} comingSoon={t("comingSoon")} />
            </div>
            <div className="ml-auto">
              <UserMenu email={user.email} name={user.name} role={membership.role} compact />
            </div>
          </div>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}

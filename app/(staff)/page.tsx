import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { UserMenu } from "@/components/user-menu";
import { requireUser } from "@/lib/current-user";
import { listMyOrganisations } from "@/lib/organisations/queries";
import { ActivityStatus } from "@/prisma/generated/sqlite/enums";

export async function generateMetadata() {
  const t = await getTranslations("shell.picker");
  return { title: t("title") };
}

/** Organisation picker: the user's organisations with role and entries by status; one click to enter. */
export default async function OrganisationPickerPage() {
  const user = await requireUser();
  if (user.memberships.length === 0 && user.vendorContacts.length > 0) redirect("/vendor");
  const organisations = await listMyOrganisations(user);
  const t = await getTranslations("shell.picker");
  const tRole = await getTranslations("enums.MemberRole");
  const tStatus = await getTranslations("enums.ActivityStatus");

  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8">
      <PageHeader title={t("title")} description={t("description")} actions={<UserMenu email={user.email} name={user.name} />} />
      {organisations.length === 0 ? (
        <EmptyState
          title={user.isAdmin ? t("adminWithoutMembership.title") : t("noMembership.title")}
          description={user.isAdmin ? t("adminWithoutMembership.description") : t("noMembership.description")}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {organisations.map((org) => (
            <li
              key={org.id}
              className="relative flex h-full flex-col rounded-lg border border-zinc-200 bg-white p-5 focus-within:border-zinc-400 hover:border-zinc-400 hover:shadow-sm dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-600"
            >
              <h2 className="text-lg font-semibold break-words">
                {/* Stretched link: the whole card is clickable, the link's name is the organisation's name. */}
                <Link href={`/o/${org.id}`} className="after:absolute after:inset-0 after:rounded-lg">
                  {org.name}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                {t("yourRole")}: <span className="font-medium text-zinc-900 dark:text-zinc-100">{tRole(org.role)}</span>
              </p>
              <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
                {Object.values(ActivityStatus).map((s) => (
                  <div key={s} className="flex justify-between gap-2">
                    <dt className="text-zinc-600 dark:text-zinc-400">{tStatus(s)}</dt>
                    <dd className="font-medium tabular-nums">{org.activitiesByStatus[s]}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { SettingsTabs } from "@/components/settings-ui";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { listMembers } from "@/lib/memberships/queries";
import { AddMemberForm, MemberRowActions } from "./member-forms";

export async function generateMetadata() {
  const t = await getTranslations("settings.members");
  return { title: t("title") };
}

/** Members of the organisation. Everyone in it may see the list; only DPO and ADMIN get the controls. */
export default async function MembersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const members = await listMembers(user, orgId);
  const canManage = userCan(user, "member:manage", orgId);
  const t = await getTranslations("settings.members");
  const tRole = await getTranslations("enums.MemberRole");
  const format = await getFormatter();

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsTabs orgId={orgId} current="members" />
      <Section id="members" title={t("title")} description={canManage ? undefined : t("readOnly")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 text-xs text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("columns.email")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("columns.name")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("columns.role")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("columns.since")}</th>
                {canManage ? <th scope="col" className="py-2 font-medium">{t("columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {members.map((m) => (
                <tr key={m.id}>
                  <td className="py-2 pr-4 break-all">
                    {m.email}
                    {m.disabled ? <span className="ml-2 text-xs text-red-700 dark:text-red-400">({t("disabled")})</span> : null}
                  </td>
                  <td className="py-2 pr-4">{m.name ?? "—"}</td>
                  <td className="py-2 pr-4">{tRole(m.role)}</td>
                  <td className="py-2 pr-4 whitespace-nowrap">{format.dateTime(m.since, { dateStyle: "medium" })}</td>
                  {canManage ? (
                    <td className="py-2">
                      <MemberRowActions orgId={orgId} membershipId={m.id} email={m.email} role={m.role} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      {canManage ? (
        <div className="mt-6">
          <Section id="add-member" title={t("add.title")}>
            <AddMemberForm orgId={orgId} />
          </Section>
        </div>
      ) : null}
    </>
  );
}

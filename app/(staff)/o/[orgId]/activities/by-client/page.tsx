import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { StatusBadge } from "@/components/status-badge";
import { SubTable } from "@/components/sub-table";
import { authorize, requireUser } from "@/lib/current-user";
import { listProcessorActivitiesByClient } from "@/lib/activities/queries";

export async function generateMetadata() {
  const t = await getTranslations("activity.byClient");
  return { title: t("title") };
}

const linkClass = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";

/**
 * The register of processing carried out on behalf of others (Art. 30(2) GDPR), one section per client
 * controller, as a supervisory authority expects it: name and contact of each controller, the categories of
 * processing, transfers and TOMs per activity (on the activity's page).
 */
export default async function ActivitiesByClientPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const groups = await listProcessorActivitiesByClient(user, orgId);
  const t = await getTranslations("activity.byClient");
  const format = await getFormatter();

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<Link href={`/o/${orgId}/activities`} className={linkClass}>{t("back")}</Link>}
      />
      {groups.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <div className="flex flex-col gap-6">
          {groups.map((g) => (
            <Section
              key={g.client?.id ?? "none"}
              id={g.client ? `client-${g.client.id}` : "client-none"}
              title={g.client ? g.client.name : t("noClient")}
              description={t("count", { count: g.activities.length })}
            >
              {g.client ? (
                <p className="mb-2 text-sm">
                  <Link href={`/o/${orgId}/vendors/${g.client.id}`} className={linkClass}>{t("openClient", { name: g.client.name })}</Link>
                </p>
              ) : null}
              <SubTable caption={g.client ? t("caption", { name: g.client.name }) : t("noClient")} headers={[t("columns.reference"), t("columns.name"), t("columns.categories"), t("columns.status"), t("columns.nextReview")]}>
                {g.activities.map((a) => (
                  <tr key={a.id}>
                    <td className="whitespace-nowrap tabular-nums">{a.referenceNumber}</td>
                    <th scope="row" className="font-medium">
                      <Link href={`/o/${orgId}/activities/${a.id}`} className={linkClass}>{a.name}</Link>
                    </th>
                    <td className="whitespace-pre-line">{a.processingCategories ?? <span className="text-red-700 dark:text-red-400">{t("missingCategories")}</span>}</td>
                    <td><StatusBadge status={a.status} /></td>
                    <td className="whitespace-nowrap">{a.nextReviewAt ? format.dateTime(a.nextReviewAt, { dateStyle: "medium", timeZone: "UTC" }) : "—"}</td>
                  </tr>
                ))}
              </SubTable>
            </Section>
          ))}
        </div>
      )}
    </>
  );
}

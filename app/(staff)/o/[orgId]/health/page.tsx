import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { Tag } from "@/components/status-badge";
import { authorize, requireUser } from "@/lib/current-user";
import { HEALTH_CODES, type Art30FieldKey } from "@/lib/domain/register-health";
import { parseHealthKind, type HealthLink, type HealthRow } from "@/lib/health/findings";
import { listHealthFindings } from "@/lib/health/queries";

export async function generateMetadata() {
  const t = await getTranslations("dpia.health");
  return { title: t("title") };
}

const linkClass = "font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";
const LEVEL_TONE = { critical: "danger", attention: "warning", info: "neutral" } as const;

function hrefOf(orgId: string, link: HealthLink): string {
  if (link.kind === "vendor") return `/o/${orgId}/vendors/${link.id}`;
  if (link.kind === "agreement") return `/o/${orgId}/agreements/${link.id}`;
  return `/o/${orgId}/activities/${link.id}${link.section ? `#${link.section}` : ""}`;
}

/**
 * Register-health findings (issue 4): every finding of the register-health rules, grouped by kind, worst
 * first, each with its citation, the fix and a link to the entry (activity, vendor or agreement); ?kind=
 * filters one kind.
 */
export default async function HealthFindingsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const query = await searchParams;
  const user = await requireUser();
  authorize(user, "register:read", orgId);

  const kind = parseHealthKind(query.kind);
  const page = await listHealthFindings(user, orgId, kind);
  const t = await getTranslations("dpia.health");
  const tCodes = await getTranslations("overview.start.health.codes");
  const tFields = await getTranslations("overview.start.gaps.fields");
  const tHealth = await getTranslations("health");
  const format = await getFormatter();
  const base = `/o/${orgId}/health`;

  const message = (r: HealthRow, key: string) => {
    const values = Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, v === null ? "—" : typeof v === "boolean" ? String(v) : v]));
    return tHealth(key.replace(/^health\./, "") as Parameters<typeof tHealth>[0], values);
  };
  const missingFields = (r: HealthRow) =>
    typeof r.params.fields === "string" && r.params.fields
      ? r.params.fields.split(",").map((k) => tFields(k as Art30FieldKey)).join("; ")
      : null;
  const openLabel = (r: HealthRow) => (r.link.kind === "activity" ? t("open.activity", { ref: r.activity.referenceNumber }) : t(`open.${r.link.kind}`));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={
          <span className="text-sm text-zinc-700 dark:text-zinc-300">
            {t("total", { count: page.total })} · {t("asOf", { date: format.dateTime(new Date(`${page.asOf}T00:00:00.000Z`), { dateStyle: "medium" }) })}
          </span>
        }
      />

      <nav aria-label={t("filter.label")} className="mb-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          <li>
            <Link href={base} aria-current={kind === null ? "page" : undefined} className="block rounded-full border border-zinc-300 px-3 py-1 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:border-zinc-700 dark:aria-[current=page]:bg-zinc-100 dark:aria-[current=page]:text-zinc-900">
              {t("filter.all", { count: page.total })}
            </Link>
          </li>
          {HEALTH_CODES.filter((c) => page.counts[c] > 0 || c === kind).map((c) => (
            <li key={c}>
              <Link href={`${base}?kind=${c}`} aria-current={kind === c ? "page" : undefined} className="block rounded-full border border-zinc-300 px-3 py-1 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:border-zinc-700 dark:aria-[current=page]:bg-zinc-100 dark:aria-[current=page]:text-zinc-900">
                {t("filter.option", { label: tCodes(c), count: page.counts[c] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {page.groups.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{kind ? t("emptyKind") : t("empty")}</p>
      ) : (
        <div className="flex flex-col gap-6">
          {page.groups.map((g) => (
            <Section key={g.code} id={`kind-${g.code}`} title={tCodes(g.code)} description={t("groupCount", { count: g.rows.length })}>
              <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
                {g.rows.map((r, i) => (
                  <li key={`${r.target.kind}-${r.target.id}-${i}`} className="py-3">
                    <div className="flex flex-wrap items-baseline gap-2">
                      <Tag tone={LEVEL_TONE[r.level]}>{t(`level.${r.level}`)}</Tag>
                      <span className="font-medium">
                        <span className="tabular-nums">{r.activity.referenceNumber}</span> {r.activity.name}
                      </span>
                    </div>
                    <p className="mt-1">{message(r, r.messageKey)}</p>
                    {missingFields(r) ? <p className="mt-0.5 text-xs text-zinc-700 dark:text-zinc-300">{t("missingFields", { fields: missingFields(r) ?? "" })}</p> : null}
                    <p className="mt-0.5 text-xs text-zinc-700 dark:text-zinc-300">
                      {t("cites")} {r.citations.map((c) => c.identifier).join(" · ")}
                    </p>
                    <p className="mt-0.5 text-xs text-zinc-700 dark:text-zinc-300">
                      {t("fix")} {message(r, r.fixKey)}
                    </p>
                    <p className="mt-1">
                      <Link href={hrefOf(orgId, r.link)} className={linkClass}>
                        {openLabel(r)}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            </Section>
          ))}
        </div>
      )}
    </>
  );
}

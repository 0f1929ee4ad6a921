import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { ExternalLink } from "@/components/external-link";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { StatTile } from "@/components/stat-tile";
import { summarizeActivities } from "@/lib/activities/queries";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { HEALTH_CODES } from "@/lib/domain/register-health";
import { getOrganisation } from "@/lib/organisations/queries";
import { DUE_SOON_DAYS, getStartPage, TREND_DAYS, type StartPage } from "@/lib/overview/queries";
import { countVendors } from "@/lib/vendors/queries";

export async function generateMetadata() {
  const t = await getTranslations("register.overview");
  return { title: t("title") };
}

/**
 * Start page of an organisation: counts by status, overdue reviews, drafts, vendors, third-country transfers;
 * transfer-risk findings with their trend, reviews due, gaps in the register, register health; cover sheet.
 */
export default async function OrganisationOverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);

  const now = new Date();
  const organisation = await getOrganisation(user, orgId);
  const summary = await summarizeActivities(user, orgId, now);
  const vendorCount = await countVendors(user, orgId);
  const start = await getStartPage(user, orgId, now);
  const canWrite = userCan(user, "activity:write", orgId);
  const t = await getTranslations("register.overview");
  const tStatus = await getTranslations("enums.ActivityStatus");
  const format = await getFormatter();
  const locale = await getLocale();
  const list = `/o/${orgId}/activities`;
  const n = (v: number) => format.number(v);

  const address = [organisation.address.street, [organisation.address.postalCode, organisation.address.city].filter(Boolean).join(" "), organisation.address.countryName[locale]]
    .filter(Boolean)
    .join("\n");
  const roles = [organisation.actsAsController ? t("cover.actsAsController") : null, organisation.actsAsProcessor ? t("cover.actsAsProcessor") : null]
    .filter(Boolean)
    .join(", ");
  const dpo = organisation.dpo;

  return (
    <>
      <PageHeader eyebrow={t("title")} title={organisation.name} description={t("description")} />

      <h2 className="sr-only">{t("tiles.heading")}</h2>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <li>
          <StatTile label={t("tiles.active")} value={n(summary.active)} href={list} />
        </li>
        <li>
          <StatTile label={tStatus("DRAFT")} value={n(summary.byStatus.DRAFT)} href={`${list}?status=DRAFT`} />
        </li>
        <li>
          <StatTile label={tStatus("IN_REVIEW")} value={n(summary.byStatus.IN_REVIEW)} href={`${list}?status=IN_REVIEW`} />
        </li>
        <li>
          <StatTile label={tStatus("RELEASED")} value={n(summary.byStatus.RELEASED)} href={`${list}?status=RELEASED`} />
        </li>
        <li>
          <StatTile
            label={t("tiles.overdueReviews")}
            value={n(summary.overdueReviews)}
            tone={summary.overdueReviews > 0 ? "warning" : "neutral"}
            hint={t("tiles.overdueReviewsHint")}
          />
        </li>
        <li>
          <StatTile label={t("tiles.vendors")} value={n(vendorCount)} />
        </li>
        <li>
          <StatTile label={t("tiles.thirdCountryTransfers")} value={n(summary.thirdCountryTransfers)} />
        </li>
        <li>
          <StatTile label={tStatus("ARCHIVED")} value={n(summary.byStatus.ARCHIVED)} href={`${list}?status=ARCHIVED`} />
        </li>
      </ul>

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <RiskSection orgId={orgId} risk={start.risk} />
        <HealthSection orgId={orgId} health={start.health} />
        <ReviewsSection orgId={orgId} reviews={start.reviews} />
        <GapsSection orgId={orgId} gaps={start.gaps} canWrite={canWrite} />
      </div>

      <div className="mt-8">
        <Section id="cover-sheet" title={t("cover.title")} description={t("cover.description")}>
          <div className="grid gap-6 lg:grid-cols-2">
            <div>
              <h3 className="mb-2 font-semibold">{t("cover.controller")}</h3>
              <DescriptionList
                columns={1}
                items={[
                  { term: t("cover.name"), value: organisation.name },
                  ...(organisation.legalForm ? [{ term: t("cover.legalForm"), value: organisation.legalForm }] : []),
                  { term: t("cover.address"), value: address },
                  { term: t("cover.phone"), value: organisation.phone },
                  { term: t("cover.email"), value: organisation.email },
                  { term: t("cover.website"), value: <ExternalLink href={organisation.website} /> },
                  { term: t("cover.roles"), value: roles },
                  { term: t("cover.management"), value: organisation.management },
                  { term: t("cover.headOfDataProcessing"), value: organisation.headOfDataProcessing },
                  { term: t("cover.euRepresentative"), value: organisation.euRepresentative },
                ]}
              />
            </div>
            <div>
              <h3 className="mb-2 font-semibold">{t("cover.dpo")}</h3>
              <DescriptionList
                columns={1}
                items={[
                  { term: t("cover.dpoName"), value: dpo.name },
                  { term: t("cover.dpoType"), value: dpo.name || dpo.company ? (dpo.isExternal ? t("cover.dpoExternal") : t("cover.dpoInternal")) : null },
                  ...(dpo.isExternal ? [{ term: t("cover.dpoCompany"), value: dpo.company }] : []),
                  { term: t("cover.address"), value: dpo.address },
                  { term: t("cover.phone"), value: dpo.phone },
                  { term: t("cover.email"), value: dpo.email },
                ]}
              />
              <h3 className="mt-6 mb-2 font-semibold">{t("cover.supervisoryAuthority")}</h3>
              <DescriptionList columns={1} items={[{ term: t("cover.supervisoryAuthorityName"), value: organisation.supervisoryAuthority }]} />
            </div>
          </div>
        </Section>
      </div>
    </>
  );
}

const linkClass = "font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";

const dayToDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** Critical and attention findings now, with the change since TREND_DAYS ago. */
async function RiskSection({ orgId, risk }: { orgId: string; risk: StartPage["risk"] }) {
  const t = await getTranslations("overview.start.risk");
  const format = await getFormatter();
  const thenDate = format.dateTime(dayToDate(risk.thenAsOf), { dateStyle: "medium" });
  const tile = (level: "critical" | "attention") => {
    const tr = risk.trend[level];
    const delta = format.number(Math.abs(tr.delta));
    return (
      <StatTile
        label={t(level)}
        value={format.number(tr.now)}
        href={`/o/${orgId}/risk?verdict=${level}`}
        tone={tr.now > 0 ? "warning" : "neutral"}
        hint={
          <>
            <span aria-hidden="true">{t("trend", { direction: tr.direction, delta, date: thenDate })}</span>
            <span className="sr-only">{t("trendLabel", { direction: tr.direction, delta, date: thenDate, then: format.number(tr.then) })}</span>
          </>
        }
      />
    );
  };
  return (
    <Section id="transfer-risk" title={t("title")} description={t("description", { days: TREND_DAYS })}>
      <ul className="grid grid-cols-2 gap-3">
        <li>{tile("critical")}</li>
        <li>{tile("attention")}</li>
      </ul>
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">{t("trendNote", { date: thenDate })}</p>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {t("meta", { asOf: format.dateTime(dayToDate(risk.asOf), { dateStyle: "medium" }), version: risk.referenceVersion })}
      </p>
      <p className="mt-2 text-sm">
        <Link href={`/o/${orgId}/risk`} className={linkClass}>
          {t("open")}
        </Link>
      </p>
    </Section>
  );
}

/** Register-health counts per finding code (the Art. 30 gaps are listed in their own section). */
async function HealthSection({ orgId, health }: { orgId: string; health: StartPage["health"] }) {
  const t = await getTranslations("overview.start.health");
  const tDpia = await getTranslations("dpia.health");
  const format = await getFormatter();
  return (
    <Section id="register-health" title={t("title")} description={t("description")}>
      <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        {HEALTH_CODES.map((code) => {
          const c = health[code];
          return (
            <li key={code} className="flex items-baseline justify-between gap-3 py-1.5">
              {c.findings > 0 ? (
                <Link href={`/o/${orgId}/health?kind=${code}`} className={linkClass}>
                  {t(`codes.${code}`)}
                </Link>
              ) : (
                <span>{t(`codes.${code}`)}</span>
              )}
              <span className="shrink-0 text-right">
                <span className={`font-semibold tabular-nums ${c.findings > 0 ? "text-amber-800 dark:text-amber-300" : ""}`}>{format.number(c.findings)}</span>
                {c.findings > 0 ? <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">{t("activities", { count: c.activities })}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-sm">
        <Link href={`/o/${orgId}/health`} className={linkClass}>
          {tDpia("startLink")}
        </Link>
      </p>
    </Section>
  );
}

/** Overdue reviews and those due within DUE_SOON_DAYS, each linking to the activity (where the review is confirmed). */
async function ReviewsSection({ orgId, reviews }: { orgId: string; reviews: StartPage["reviews"] }) {
  const t = await getTranslations("overview.start.reviews");
  const tReviews = await getTranslations("orgsettings.reviews");
  const format = await getFormatter();
  const list = (items: StartPage["reviews"]["overdue"], overdue: boolean) => (
    <ul className="mt-1 flex flex-col gap-1.5 text-sm">
      {items.map((r) => (
        <li key={r.id}>
          <Link href={`/o/${orgId}/activities/${r.id}`} className={linkClass}>
            <span className="tabular-nums">{r.referenceNumber}</span> {r.name}
          </Link>
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">
            <time dateTime={r.nextReviewAt.toISOString()}>{format.dateTime(r.nextReviewAt, { dateStyle: "medium" })}</time>
            {" · "}
            <span className={overdue ? "font-medium text-red-700 dark:text-red-400" : undefined}>{overdue ? t("overdueBy", { days: -r.days }) : t("dueIn", { days: r.days })}</span>
            {" · "}
            {t("confirmHint")}
          </span>
        </li>
      ))}
    </ul>
  );
  const empty = reviews.overdue.length === 0 && reviews.dueSoon.length === 0;
  return (
    <Section id="reviews-due" title={t("title")} description={t("description", { days: DUE_SOON_DAYS })}>
      {empty ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty", { days: DUE_SOON_DAYS })}</p>
      ) : (
        <div className="flex flex-col gap-4">
          {reviews.overdue.length > 0 ? (
            <div>
              <h3 className="font-semibold">{t("overdue", { count: reviews.overdue.length })}</h3>
              {list(reviews.overdue, true)}
            </div>
          ) : null}
          {reviews.dueSoon.length > 0 ? (
            <div>
              <h3 className="font-semibold">{t("dueSoon", { days: DUE_SOON_DAYS, count: reviews.dueSoon.length })}</h3>
              {list(reviews.dueSoon, false)}
            </div>
          ) : null}
        </div>
      )}
      <p className="mt-2 text-sm">
        <Link href={`/o/${orgId}/reviews`} className={linkClass}>
          {tReviews("openAll")}
        </Link>
      </p>
    </Section>
  );
}

/** Activities missing required Art. 30 fields, each with the fields and a link to the form (or the detail page for readers). */
async function GapsSection({ orgId, gaps, canWrite }: { orgId: string; gaps: StartPage["gaps"]; canWrite: boolean }) {
  const t = await getTranslations("overview.start.gaps");
  return (
    <Section id="register-gaps" title={t("title")} description={t("description")}>
      {gaps.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("complete")}</p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm">
          {gaps.map((g) => (
            <li key={g.id}>
              <Link href={canWrite ? `/o/${orgId}/activities/${g.id}/edit` : `/o/${orgId}/activities/${g.id}`} className={linkClass}>
                <span className="tabular-nums">{g.referenceNumber}</span> {g.name}
              </Link>
              <span className="block text-xs text-zinc-700 dark:text-zinc-300">
                {t("missing")} {g.missing.map((key) => t(`fields.${key}`)).join("; ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

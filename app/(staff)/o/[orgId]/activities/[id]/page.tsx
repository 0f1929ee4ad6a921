import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { ExternalLink } from "@/components/external-link";
import { PageHeader } from "@/components/page-header";
import { RiskBadge } from "@/components/risk-badge";
import { Section } from "@/components/section";
import { SubTable } from "@/components/sub-table";
import { StatusBadge, Tag } from "@/components/status-badge";
import { getActivity, type Label } from "@/lib/activities/queries";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getWorkflowSettings, listCopyTargets } from "@/lib/activities/editor-queries";
import { availableSteps, WORKFLOW_PERMISSION } from "@/lib/domain/workflow";
import { secondaryButtonClass } from "@/components/form/styles";
import type { TransferVerdict } from "@/lib/domain/transfer-risk";
import { getActivityRiskBadges } from "@/lib/overview/queries";
import { WorkflowControls } from "./workflow-controls";

export async function generateMetadata() {
  const t = await getTranslations("register.activity");
  return { title: t("title") };
}

const SECTIONS = ["general", "purposes", "dataSubjects", "dataCategories", "sources", "recipients", "transfers", "toms", "dpia", "review"] as const;

/** Read-only view of one register entry with every Art. 30 field (and the DSK extras). */
export default async function ActivityDetailPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const query = await searchParams;
  const user = await requireUser();
  authorize(user, "register:read", orgId);

  const a = await getActivity(user, orgId, id);
  const ta = await getTranslations("activity");
  const canWrite = userCan(user, "activity:write", orgId);
  const canEditTransfers = a.status !== "ARCHIVED" && userCan(user, "transfer:write", orgId);
  const steps = availableSteps(a.status).filter((s) => userCan(user, WORKFLOW_PERMISSION[s], orgId));
  const copyTargets = userCan(user, "register:read", orgId) ? listCopyTargets(user, orgId) : [];
  const org = await getWorkflowSettings(user, orgId);
  const notice = query.saved ? ta("saved") : query.copied ? ta("copied") : null;
  const locale = await getLocale();
  // This activity's transfers only, as of today; the transfer-risk overview has the whole register.
  const risk = (await getActivityRiskBadges(user, orgId, [id]))[id] ?? null;
  const tRisk = await getTranslations("overview.lists");
  const t = await getTranslations("register.activity");
  const tRecipients = await getTranslations("vendor.recipients");
  const tc = await getTranslations("common");
  const tDpia = await getTranslations("dpia");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const pick = (l: Label | null) => (l ? l[locale] : null);
  const date = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium" })}</time> : null);
  const dateTime = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeStyle: "short" })}</time>;
  const yesNo = (b: boolean) => (b ? tc("yes") : tc("no"));
  const dash = "—";
  const transfers = a.recipients.flatMap((r) => r.transfers.map((tr) => ({ ...tr, recipientName: r.name ?? pick(r.category) ?? dash })));
  const contact = [a.contact.name, a.contact.email, a.contact.phone].filter(Boolean).join("\n");
  const departmentContact = a.department ? [a.department.contactName, a.department.contactEmail, a.department.contactPhone].filter(Boolean).join("\n") : null;

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-3 text-sm">
        <Link href={`/o/${orgId}/activities`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
          ← {t("backToList")}
        </Link>
      </nav>
      {notice ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{notice}</p>
      ) : null}
      <PageHeader
        eyebrow={<span className="tabular-nums">{a.referenceNumber}</span>}
        title={a.name}
        actions={
          <>
            {canWrite && !a.isArchived ? <Link href={`/o/${orgId}/activities/${id}/edit`} className={secondaryButtonClass}>{ta("workflow.edit")}</Link> : null}
            <Link href={`/o/${orgId}/activities/${id}/history`} className={secondaryButtonClass}>{ta("workflow.history")}</Link>
          </>
        }
        meta={
          <>
            <StatusBadge status={a.status} />
            {risk ? <RiskBadge verdict={risk.verdict} reasons={risk.reasons} /> : null}
            <Tag>{te(`ActivityRole.${a.role}`)}</Tag>
            {a.department ? <span className="text-zinc-600 dark:text-zinc-400">{a.department.name}</span> : null}
            <span className="text-zinc-600 dark:text-zinc-400">{t("version", { version: a.version })}</span>
          </>
        }
      />

      {steps.length || (canWrite && copyTargets.length) ? (
        <section aria-label={ta("workflow.title")} className="mb-6">
          <WorkflowControls orgId={orgId} id={id} version={a.version} steps={steps} copyTargets={canWrite ? copyTargets : []} fourEyes={org.requireFourEyes} />
        </section>
      ) : null}

      <nav aria-label={t("contents")} className="mb-6">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
                {t(`sections.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="flex flex-col gap-5">
        <Section id="general" title={t("sections.general")}>
          <DescriptionList
            items={[
              { term: t("fields.description"), value: a.description },
              { term: t("fields.role"), value: te(`ActivityRole.${a.role}`) },
              { term: t("fields.department"), value: a.department?.name },
              { term: t("fields.departmentContact"), value: departmentContact },
              { term: t("fields.contact"), value: contact },
              { term: t("fields.operatingStage"), value: te(`OperatingStage.${a.operatingStage}`) },
              ...(a.role === "JOINT_CONTROLLER" || a.jointControllers.length > 0
                ? [
                    {
                      term: t("fields.jointControllers"),
                      value: a.jointControllers.length ? (
                        <ul className="list-disc pl-5">
                          {a.jointControllers.map((j) => (
                            <li key={j.id}>
                              {j.name}
                              {j.contact ? ` (${j.contact})` : ""}
                              {j.responsibilities ? <span className="block text-zinc-600 dark:text-zinc-400">{j.responsibilities}</span> : null}
                              {j.arrangementRef ? <span className="block text-zinc-600 dark:text-zinc-400">{t("fields.arrangementRef")}: {j.arrangementRef}</span> : null}
                            </li>
                          ))}
                        </ul>
                      ) : null,
                    },
                    { term: t("fields.jointArrangement"), value: a.jointArrangement },
                  ]
                : []),
              ...(a.role === "PROCESSOR"
                ? [
                    { term: t("fields.clientController"), value: a.clientController?.name },
                    { term: t("fields.processingCategories"), value: a.processingCategories },
                  ]
                : []),
            ]}
          />
        </Section>

        <Section id="purposes" title={t("sections.purposes")}>
          {a.purposes.length === 0 ? (
            <p className="text-sm text-zinc-500 italic">{tc("notSpecified")}</p>
          ) : (
            <ol className="flex list-decimal flex-col gap-3 pl-5 text-sm">
              {a.purposes.map((p) => (
                <li key={p.id}>
                  <p className="font-medium whitespace-pre-line">{p.description}</p>
                  {p.legalBases.length === 0 ? (
                    <p className="mt-1">
                      <Tag tone="warning">{t("fields.noLegalBasis")}</Tag>
                    </p>
                  ) : (
                    <ul className="mt-1 flex flex-col gap-1">
                      {p.legalBases.map((b) => (
                        <li key={b.id}>
                          <span className="font-medium">{t("fields.legalBasis")}:</span> {pick(b.label)}
                          {b.note ? <span className="block text-zinc-600 dark:text-zinc-400">{b.note}</span> : null}
                          {b.legitimateInterest ? (
                            <span className="block">
                              <span className="font-medium">{t("fields.legitimateInterest")}:</span> {b.legitimateInterest}
                            </span>
                          ) : null}
                          {b.liaReference ? (
                            <span className="block">
                              <span className="font-medium">{t("fields.liaReference")}:</span> {b.liaReference}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Section>

        <Section id="dataSubjects" title={t("sections.dataSubjects")}>
          {a.dataSubjects.length === 0 ? (
            <p className="text-sm text-zinc-500 italic">{tc("notSpecified")}</p>
          ) : (
            <ul className="flex list-disc flex-col gap-1 pl-5 text-sm">
              {a.dataSubjects.map((s) => (
                <li key={s.id}>
                  {pick(s.label)}
                  {s.note ? <span className="text-zinc-600 dark:text-zinc-400"> – {s.note}</span> : null}
                </li>
              ))}
            </ul>
          )}
          <div className="mt-3">
            <DescriptionList items={[{ term: t("fields.estimatedDataSubjects"), value: a.estimatedDataSubjects === null ? null : format.number(a.estimatedDataSubjects) }]} />
          </div>
        </Section>

        <Section id="dataCategories" title={t("sections.dataCategories")} description={t("sections.dataCategoriesHint")}>
          {a.dataCategories.length === 0 ? (
            <p className="text-sm text-zinc-500 italic">{tc("notSpecified")}</p>
          ) : (
            <SubTable
              caption={t("sections.dataCategories")}
              headers={[t("fields.dataCategory"), t("fields.retentionPeriod"), t("fields.retentionStart"), t("fields.retentionLegalRef"), t("fields.dataSource")]}
            >
              {a.dataCategories.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="font-normal">
                    <span className="font-medium">{pick(c.label)}</span>
                    {c.isSpecialCategory ? (
                      <>
                        {" "}
                        <Tag tone="warning">{t("fields.specialCategory")}</Tag>
                      </>
                    ) : null}
                    {c.description ? <span className="block text-zinc-600 dark:text-zinc-400">{c.description}</span> : null}
                  </th>
                  <td>
                    {c.retentionPeriod ?? (c.retentionMonths !== null ? t("fields.retentionMonths", { months: c.retentionMonths }) : <Tag tone="warning">{t("fields.noRetention")}</Tag>)}
                  </td>
                  <td>{pick(c.retentionStart) ?? dash}</td>
                  <td>{c.retentionLegalRef ?? dash}</td>
                  <td>{pick(c.source) ?? dash}</td>
                </tr>
              ))}
            </SubTable>
          )}
        </Section>

        <Section id="sources" title={t("sections.sources")}>
          <DescriptionList items={[{ term: t("fields.dataSources"), value: a.dataSources }]} />
          {a.systems.length > 0 ? (
            <div className="mt-3">
              <SubTable caption={t("fields.systems")} headers={[t("fields.system"), t("fields.systemVendor"), t("fields.dataLocation"), t("fields.note")]}>
                {a.systems.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className="font-medium">
                      {s.name}
                    </th>
                    <td>{s.vendorName ?? dash}</td>
                    <td>{pick(s.location) ?? dash}</td>
                    <td>{s.note ?? dash}</td>
                  </tr>
                ))}
              </SubTable>
            </div>
          ) : null}
        </Section>

        <Section id="recipients" title={t("sections.recipients")}>
          {canEditTransfers ? (
            <p className="mb-3">
              <Link href={`/o/${orgId}/activities/${a.id}/recipients`} className={secondaryButtonClass}>
                {tRecipients("editLink")}
              </Link>
            </p>
          ) : null}
          {a.recipients.length === 0 ? (
            <p className="text-sm text-zinc-500 italic">{t("fields.noRecipients")}</p>
          ) : (
            <SubTable
              caption={t("sections.recipients")}
              headers={[t("fields.recipient"), t("fields.recipientKind"), t("fields.recipientRole"), t("fields.service"), t("fields.disclosedCategories")]}
            >
              {a.recipients.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="font-medium">
                    {r.name ?? pick(r.category) ?? dash}
                    {r.name && r.category ? <span className="block font-normal text-zinc-600 dark:text-zinc-400">{pick(r.category)}</span> : null}
                  </th>
                  <td>{te(`RecipientKind.${r.kind}`)}</td>
                  <td>{te(`RecipientRole.${r.role}`)}</td>
                  <td>{r.service ?? dash}</td>
                  <td>{r.disclosedCategories.length ? r.disclosedCategories.map((l) => l[locale]).join(", ") : dash}</td>
                </tr>
              ))}
            </SubTable>
          )}
        </Section>

        <Section id="transfers" title={t("sections.transfers")}>
          {transfers.length === 0 ? (
            <p className="text-sm">{a.noThirdCountryTransfer ? t("fields.noTransferPlanned") : <span className="text-zinc-500 italic">{t("fields.noTransfers")}</span>}</p>
          ) : (
            <SubTable
              caption={t("sections.transfers")}
              headers={[t("fields.recipient"), t("fields.destination"), t("fields.access"), t("fields.mechanism"), t("fields.tia"), t("fields.supplementaryMeasures"), tRisk("riskTitle")]}
            >
              {transfers.map((tr) => (
                <tr key={tr.id} id={`transfer-${tr.id}`} className="target:bg-amber-50 dark:target:bg-amber-950">
                  <th scope="row" className="font-medium">
                    {tr.recipientName}
                    {tr.viaVendorName ? <span className="block font-normal text-zinc-600 dark:text-zinc-400">{t("fields.via", { name: tr.viaVendorName })}</span> : null}
                  </th>
                  <td>{[pick(tr.country), tr.internationalOrganisation].filter(Boolean).join(", ") || dash}</td>
                  <td>{te(`TransferAccess.${tr.access}`)}</td>
                  <td>
                    {te(`TransferMechanism.${tr.mechanism}`)}
                    {!tr.isRegular ? <span className="block text-zinc-600 dark:text-zinc-400">{t("fields.occasional")}</span> : null}
                    {tr.mechanismNote ? <span className="block text-zinc-600 dark:text-zinc-400">{tr.mechanismNote}</span> : null}
                    {tr.art49Assessment ? (
                      <span className="block">
                        <span className="font-medium">{t("fields.art49Assessment")}:</span> {tr.art49Assessment}
                      </span>
                    ) : null}
                    {tr.evidenceUrl ? (
                      <span className="block">
                        <ExternalLink href={tr.evidenceUrl}>{t("fields.evidence")}</ExternalLink>
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {tr.tiaReference ?? tr.tiaTitle ?? dash}
                    {tr.tiaDate ? <span className="block text-zinc-600 dark:text-zinc-400">{date(tr.tiaDate)}</span> : null}
                  </td>
                  <td className="whitespace-pre-line">{tr.supplementaryMeasures ?? dash}</td>
                  <td>
                    <TransferRiskCell verdict={risk?.transfers[tr.id]} label={tr.recipientName} />
                    {canEditTransfers ? (
                      <Link href={`/o/${orgId}/activities/${a.id}/recipients?transfer=${tr.id}#edit-transfer`} className="mt-1 block text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
                        {tRecipients("editTransfer", { name: tr.recipientName })}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </SubTable>
          )}
        </Section>

        <Section id="toms" title={t("sections.toms")}>
          <DescriptionList columns={1} items={[{ term: t("fields.generalTomDescription"), value: a.generalTomDescription }]} />
          {a.toms.length > 0 ? (
            <div className="mt-3">
              <SubTable caption={t("fields.tomCatalogue")} headers={[t("fields.tomCode"), t("fields.tomCategory"), t("fields.tomTitle")]}>
                {a.toms.map((m) => (
                  <tr key={m.id}>
                    <td className="whitespace-nowrap tabular-nums">{m.code}</td>
                    <td>{te(`TomCategory.${m.category}`)}</td>
                    <th scope="row" className="font-normal">
                      {m.title}
                    </th>
                  </tr>
                ))}
              </SubTable>
            </div>
          ) : null}
          {a.agreements.length > 0 ? (
            <div className="mt-3">
              <DescriptionList
                columns={1}
                items={[
                  {
                    term: t("fields.agreements"),
                    value: (
                      <ul className="list-disc pl-5">
                        {a.agreements.map((g) => (
                          <li key={g.id}>
                            {g.title} ({g.vendorName})
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            </div>
          ) : null}
        </Section>

        <Section id="dpia" title={t("sections.dpia")}>
          <p className="mb-3 text-sm">
            <Link href={`/o/${orgId}/activities/${id}/dpia`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
              {tDpia("openScreening")}
            </Link>
          </p>
          <DescriptionList
            items={[
              { term: t("fields.automatedDecisionMaking"), value: yesNo(a.automatedDecisionMaking) },
              { term: t("fields.profiling"), value: yesNo(a.profiling) },
              { term: t("fields.dpiaCriteria"), value: a.dpia.criteria.join(", ") },
              { term: t("fields.dpiaDecision"), value: te(`DpiaDecision.${a.dpia.decision}`) },
              { term: t("fields.dpiaDecisionReason"), value: a.dpia.decisionReason },
              { term: t("fields.dpiaStatus"), value: te(`DpiaStatus.${a.dpia.status}`) },
              { term: t("fields.dpiaReference"), value: a.dpia.reference },
              { term: t("fields.informationProvided"), value: a.informationProvided },
            ]}
          />
        </Section>

        <Section id="review" title={t("sections.review")}>
          <DescriptionList
            items={[
              { term: t("fields.reviewInterval"), value: t("fields.months", { months: a.review.intervalMonths }) },
              { term: t("fields.lastReviewedAt"), value: date(a.review.lastReviewedAt) },
              {
                term: t("fields.nextReviewAt"),
                value: a.review.nextReviewAt ? (
                  <span className="inline-flex items-center gap-1.5">
                    {date(a.review.nextReviewAt)}
                    {a.review.isOverdue ? <Tag tone="danger">{t("fields.overdue")}</Tag> : null}
                  </span>
                ) : null,
              },
              {
                term: t("fields.released"),
                value: a.releasedAt ? (
                  <>
                    {dateTime(a.releasedAt)}
                    {a.releasedBy ? ` · ${a.releasedBy.name}` : ""}
                  </>
                ) : null,
              },
              {
                term: t("fields.created"),
                value: (
                  <>
                    {dateTime(a.createdAt)}
                    {a.createdBy ? ` · ${a.createdBy.name}` : ""}
                  </>
                ),
              },
              {
                term: t("fields.updated"),
                value: (
                  <>
                    {dateTime(a.updatedAt)}
                    {a.updatedBy ? ` · ${a.updatedBy.name}` : ""}
                  </>
                ),
              },
            ]}
          />
        </Section>
      </div>
    </>
  );
}

/** A transfer's own verdict in the transfers table; "—" when it was not evaluated (e.g. archived activity). */
function TransferRiskCell({ verdict, label }: { verdict: TransferVerdict | undefined; label: string }) {
  return verdict ? <RiskBadge verdict={verdict.verdict} reasons={verdict.reasons} label={label} /> : <>—</>;
}

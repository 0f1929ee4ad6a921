// A vendor's transfer-risk badge (issue 4): the worst verdict over its own transfers and its sub-processor
// chain, the reasons of its own transfers one click away, and the chain's verdict named when it is not ok.
import { useTranslations } from "next-intl";
import { RiskBadge } from "@/components/risk-badge";
import type { VendorRiskBadge } from "@/lib/overview/queries";

export function VendorRisk({ risk, label, href }: { risk: VendorRiskBadge | undefined; label?: string; href?: string }) {
  const t = useTranslations("overview");
  if (!risk) {
    return (
      <span className="text-zinc-500 dark:text-zinc-400" title={t("lists.noTransfersLabel")}>
        —<span className="sr-only"> {t("lists.noTransfersLabel")}</span>
      </span>
    );
  }
  const showChain = risk.chainVendorIds.length > 0 && risk.chainVerdict !== "ok";
  return (
    <>
      <RiskBadge verdict={risk.verdict} reasons={risk.reasons} label={label} href={href} />
      {showChain ? (
        <span className="block text-xs text-zinc-600 dark:text-zinc-400" title={t("lists.chainHint")}>
          {t("lists.chain", { verdict: t(`verdict.${risk.chainVerdict}`) })}
        </span>
      ) : null}
    </>
  );
}

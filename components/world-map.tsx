// World map of transfer destinations (issue 4, overviews): each country shaded by the worst verdict of the
// transfers to it. Server component: the SVG paths are projected once per server process (Equal Earth,
// d3-geo) from the world-atlas 110m TopoJSON; countries too small for that scale (Singapore, Malta, Hong
// Kong …) get a dot at their centroid (lib/geo/small-country-centroids.json, from the 50m atlas).
// Hover or keyboard focus shows the numbers (CSS only, no client JavaScript); the same data is in a table
// behind a disclosure, which is also the screen-reader path.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Feature, Geometry } from "geojson";
import world from "world-atlas/countries-110m.json";
import isoNumeric from "@/lib/geo/iso-numeric.json";
import smallCountryCentroids from "@/lib/geo/small-country-centroids.json";
import type { LevelCounts } from "@/lib/domain/risk-summary";
import { VERDICT_LEVELS, type VerdictLevel } from "@/lib/domain/transfer-risk";

const WIDTH = 960;
const HEIGHT = 470;
const ANTARCTICA = "010";
const HATCH_ID = "world-map-critical-hatch";

/** Okabe–Ito colours (distinguishable with the common colour-vision deficiencies); critical is hatched too. */
export const VERDICT_FILL: Record<VerdictLevel, string> = {
  critical: `url(#${HATCH_ID})`,
  attention: "#E69F00",
  info: "#56B4E9",
  ok: "#009E73",
};
const CRITICAL_BASE = "#D55E00";
const NO_DATA_FILL = "#d4d4d8";

type Shape = { code: string; d: string; cx: number; cy: number };

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const numericToAlpha2 = isoNumeric as Record<string, string>;
const centroids: Record<string, number[]> = smallCountryCentroids;

function buildShapes(): { shapes: Shape[]; project: (lonLat: [number, number]) => [number, number] | null } {
  const collection = feature(topology, topology.objects.countries);
  const features = collection.features.filter((f) => f.id !== ANTARCTICA) as Feature<Geometry, { name: string }>[];
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "FeatureCollection", features });
  const path = geoPath(projection);
  const shapes: Shape[] = [];
  for (const f of features) {
    const d = path(f);
    if (!d) continue;
    const [cx, cy] = path.centroid(f);
    // Unassigned codes (Kosovo, Northern Cyprus, Somaliland) carry no id: drawn, never shaded.
    const code = typeof f.id === "string" ? (numericToAlpha2[f.id] ?? "") : "";
    shapes.push({ code, d, cx, cy });
  }
  return { shapes, project: (lonLat) => projection(lonLat) };
}

const { shapes: SHAPES, project: PROJECT } = buildShapes();
const SHAPE_CODES = new Set(SHAPES.map((s) => s.code));

/** Whether the country appears on the map (as an outline or as a dot). */
export function isOnWorldMap(code: string): boolean {
  return SHAPE_CODES.has(code) || code in centroids;
}

export type WorldMapEntry = {
  /** ISO 3166-1 alpha-2. Entries with another key (an international organisation, unknown) only appear in the table. */
  code: string;
  label: string;
  verdict: VerdictLevel;
  counts: LevelCounts;
  total: number;
  /** Optional link for the table row (e.g. the overview filtered to this country). */
  href?: string;
};

function countsText(t: ReturnType<typeof useTranslations<"overview">>, e: WorldMapEntry): string {
  return VERDICT_LEVELS.filter((l) => e.counts[l] > 0)
    .map((l) => t("map.count", { count: e.counts[l], level: t(`verdict.${l}`) }))
    .join(", ");
}

function Tooltip({ x, y, lines, code }: { x: number; y: number; lines: string[]; code: string }) {
  const lineHeight = 18;
  const width = Math.max(...lines.map((l) => l.length)) * 7.4 + 20;
  const height = lines.length * lineHeight + 12;
  const left = Math.min(Math.max(x - width / 2, 2), WIDTH - width - 2);
  const top = y - height - 10 < 2 ? Math.min(y + 10, HEIGHT - height - 2) : y - height - 10;
  return (
    <g data-tip={code} className="world-map-tip" pointerEvents="none">
      <rect x={left} y={top} width={width} height={height} rx={4} fill="#18181b" opacity={0.94} />
      {lines.map((line, i) => (
        <text key={i} x={left + 10} y={top + 6 + lineHeight * (i + 1) - 5} fill="#fafafa" fontSize={13} fontWeight={i === 0 ? 600 : 400}>
          {line}
        </text>
      ))}
    </g>
  );
}

/**
 * The map plus legend and the table with the same numbers. `entries` are the destinations with transfers
 * (after the page's filters); countries without entries are drawn neutral.
 */
export function WorldMap({ entries, caption }: { entries: WorldMapEntry[]; caption: string }) {
  const t = useTranslations("overview");
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const onMap = entries.filter((e) => isOnWorldMap(e.code));
  const offMap = entries.filter((e) => !isOnWorldMap(e.code));
  const describe = (e: WorldMapEntry) => `${e.label}: ${t(`verdict.${e.verdict}`)}, ${countsText(t, e)}`;
  const critical = entries.filter((e) => e.verdict === "critical").length;
  const attention = entries.filter((e) => e.verdict === "attention").length;
  const summary = t("map.label", { destinations: entries.length, critical, attention });

  const dots = onMap
    .filter((e) => !SHAPE_CODES.has(e.code))
    .map((e) => {
      const [lon, lat] = centroids[e.code] ?? [];
      const point = lon !== undefined && lat !== undefined ? PROJECT([lon, lat]) : null;
      return point ? { entry: e, x: point[0], y: point[1] } : null;
    })
    .filter((d) => d !== null);

  const anchor = (e: WorldMapEntry): { x: number; y: number } | null => {
    const shape = SHAPES.find((s) => s.code === e.code);
    if (shape) return { x: shape.cx, y: shape.cy };
    const dot = dots.find((d) => d.entry.code === e.code);
    return dot ? { x: dot.x, y: dot.y } : null;
  };

  // Show the tooltip of a country while it is hovered or focused (:has, no script).
  const css = onMap
    .map((e) => `.world-map:has([data-country="${e.code}"]:is(:hover,:focus)) [data-tip="${e.code}"]{visibility:visible}`)
    .join("\n");

  return (
    <figure className="flex flex-col gap-3">
      <style>{`.world-map .world-map-tip{visibility:hidden}\n.world-map [data-country]:focus{outline:none}\n.world-map [data-country]:focus>path,.world-map [data-country]:focus>circle{stroke:#1d4ed8;stroke-width:2.5}\n${css}`}</style>
      <div className="w-full max-w-4xl overflow-hidden rounded-lg border border-zinc-200 bg-sky-50/60 dark:border-zinc-800 dark:bg-zinc-950">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="world-map block h-auto w-full">
          <defs>
            <pattern id={HATCH_ID} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
              <rect width={6} height={6} fill={CRITICAL_BASE} />
              <line x1={0} y1={0} x2={0} y2={6} stroke="#ffffff" strokeWidth={2} opacity={0.55} />
            </pattern>
          </defs>
          {SHAPES.map((s, i) => {
            const e = byCode.get(s.code);
            if (!e) {
              return (
                <path key={`${s.code}-${i}`} d={s.d} fill={NO_DATA_FILL} stroke="#ffffff" strokeWidth={0.5}>
                  {s.code ? <title>{s.code}</title> : null}
                </path>
              );
            }
            return (
              <g key={`${s.code}-${i}`} data-country={s.code} tabIndex={0} aria-label={describe(e)}>
                <title>{describe(e)}</title>
                <path d={s.d} fill={VERDICT_FILL[e.verdict]} stroke={e.verdict === "critical" ? "#7c2d12" : "#ffffff"} strokeWidth={e.verdict === "critical" ? 1.2 : 0.6} />
              </g>
            );
          })}
          {dots.map(({ entry: e, x, y }) => (
            <g key={e.code} data-country={e.code} tabIndex={0} aria-label={describe(e)}>
              <title>{describe(e)}</title>
              <circle cx={x} cy={y} r={5.5} fill={VERDICT_FILL[e.verdict]} stroke={e.verdict === "critical" ? "#7c2d12" : "#18181b"} strokeWidth={1.2} />
            </g>
          ))}
          {onMap.map((e) => {
            const a = anchor(e);
            return a ? <Tooltip key={e.code} code={e.code} x={a.x} y={a.y} lines={[e.label, t(`verdict.${e.verdict}`), countsText(t, e)]} /> : null;
          })}
        </svg>
      </div>
      <figcaption className="flex flex-col gap-2 text-sm">
        <span className="font-medium">{caption}</span>
        <ul aria-label={t("map.legend")} className="flex flex-wrap gap-x-4 gap-y-1">
          {VERDICT_LEVELS.map((l) => (
            <li key={l} className="flex items-center gap-1.5">
              <svg width={14} height={14} aria-hidden="true" className="shrink-0">
                <rect width={14} height={14} rx={2} fill={VERDICT_FILL[l]} stroke={l === "critical" ? "#7c2d12" : "#71717a"} strokeWidth={1} />
              </svg>
              {t(`verdict.${l}`)}
            </li>
          ))}
          <li className="flex items-center gap-1.5">
            <svg width={14} height={14} aria-hidden="true" className="shrink-0">
              <rect width={14} height={14} rx={2} fill={NO_DATA_FILL} stroke="#71717a" strokeWidth={1} />
            </svg>
            {t("map.noTransfers")}
          </li>
        </ul>
        {offMap.length > 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">{t("map.notOnMap", { list: offMap.map((e) => `${e.label} (${e.total})`).join(", ") })}</p>
        ) : null}
      </figcaption>
      <details className="group rounded-lg border border-zinc-200 dark:border-zinc-800">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-blue-700 dark:text-blue-400">{t("map.showTable")}</summary>
        <div className="overflow-x-auto border-t border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("map.tableCaption")}</caption>
            <thead>
              <tr className="bg-zinc-50 text-left dark:bg-zinc-900">
                <th scope="col" className="px-3 py-2 font-semibold">{t("map.destination")}</th>
                <th scope="col" className="px-3 py-2 font-semibold">{t("map.worstVerdict")}</th>
                {VERDICT_LEVELS.map((l) => (
                  <th key={l} scope="col" className="px-3 py-2 text-right font-semibold">{t(`verdict.${l}`)}</th>
                ))}
                <th scope="col" className="px-3 py-2 text-right font-semibold">{t("map.total")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.code} className="border-t border-zinc-100 dark:border-zinc-800">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {e.href ? <Link href={e.href} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">{e.label}</Link> : e.label}
                  </th>
                  <td className="px-3 py-2">{t(`verdict.${e.verdict}`)}</td>
                  {VERDICT_LEVELS.map((l) => (
                    <td key={l} className="px-3 py-2 text-right tabular-nums">{e.counts[l]}</td>
                  ))}
                  <td className="px-3 py-2 text-right tabular-nums">{e.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

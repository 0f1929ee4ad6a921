// Highlighting of search terms in a text: plain segments, never HTML (the screen renders them as text inside
// <mark>, so a stored "<script>" stays text, C26). Matching is accent-, case- and ß-insensitive in the same way
// as lib/domain/search-text.ts, so "muller" highlights "Müller" and "strasse" highlights "Straße".
import { normalizeQuery } from "@/lib/domain/search-text";

export type HighlightSegment = { text: string; match: boolean };

/** The normalised form of one code point (may be empty for a combining mark, or two letters for ß). */
function normalizeChar(ch: string): string {
  return ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
}

/**
 * Splits `text` into segments where `match` marks the parts that match one of the query's terms.
 * `query` is the raw search string (it is normalised and split like the search itself).
 */
export function highlight(text: string, query: string): HighlightSegment[] {
  if (text === "") return [];
  const terms = normalizeQuery(query);
  if (terms.length === 0) return [{ text, match: false }];

  // Normalised text with, per normalised UTF-16 unit, the [start, end) range of its source code point.
  let normalized = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const n = normalizeChar(ch);
    for (let i = 0; i < n.length; i++) {
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    normalized += n;
    offset += ch.length;
  }

  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    let from = 0;
    for (;;) {
      const at = normalized.indexOf(term, from);
      if (at < 0) break;
      const start = starts[at] ?? 0;
      const end = ends[at + term.length - 1] ?? text.length;
      for (let i = start; i < end; i++) marked[i] = true;
      from = at + 1;
    }
  }

  const segments: HighlightSegment[] = [];
  let current = "";
  let currentMatch = marked[0] ?? false;
  for (let i = 0; i < text.length; i++) {
    const m = marked[i] ?? false;
    if (m !== currentMatch && current !== "") {
      segments.push({ text: current, match: currentMatch });
      current = "";
    }
    currentMatch = m;
    current += text[i];
  }
  if (current !== "") segments.push({ text: current, match: currentMatch });
  return segments;
}

/** True when any segment matched. */
export function hasMatch(segments: HighlightSegment[]): boolean {
  return segments.some((s) => s.match);
}

/**
 * A short excerpt of `text` around the first match (about `maxLength` characters, cut at word boundaries,
 * with "…" where cut); the start of the text when nothing matches.
 */
export function excerpt(text: string, query: string, maxLength = 160): HighlightSegment[] {
  const segments = highlight(text, query);
  if (text.length <= maxLength) return segments;
  let firstMatchAt = 0;
  let pos = 0;
  for (const s of segments) {
    if (s.match) {
      firstMatchAt = pos;
      break;
    }
    pos += s.text.length;
  }
  let start = Math.max(0, firstMatchAt - Math.floor(maxLength / 3));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < firstMatchAt ? space + 1 : start;
  }
  let end = Math.min(text.length, start + maxLength);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    end = space > Math.max(start, firstMatchAt) ? space : end;
  }
  const sliced = highlight(text.slice(start, end), query);
  return [...(start > 0 ? [{ text: "… ", match: false }] : []), ...sliced, ...(end < text.length ? [{ text: " …", match: false }] : [])];
}

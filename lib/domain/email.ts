// E-mail address normalisation for magic links and vendor invitations (reliability-checks C16):
// exactly one plain addr-spec, or rejected. Never a display name, list, quoted local part or header.

export type NormalizedEmail = { ok: true; email: string } | { ok: false };

const MAX_LENGTH = 254; // RFC 5321 forward-path limit minus the angle brackets
const MAX_LOCAL_LENGTH = 64;
const FAIL = { ok: false } as const;

// Whitespace, control/format/unassigned/surrogate characters, list and header separators,
// quotes, brackets (display names, comments, domain literals) and backslashes.
const FORBIDDEN = /[\s\p{C},;:"`<>()[\]\\]/u;
// RFC 5322 dot-atom (ASCII atext without backtick).
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_{|}~-]+)*$/i;
// LDH labels, at least two, alphabetic or punycode top-level label.
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const ASCII = /^[\x21-\x7e]*$/;
const IDN = /^[\p{L}\p{N}\p{M}.-]+$/u;

/** Characters other than "@" itself that compatibility-normalise to "@" (U+FF20, U+FE6B, …). */
const hasAtLookalike = (s: string) => Array.from(s).some((c) => c !== "@" && c.normalize("NFKC").includes("@"));

/** A Unicode domain as its lower-case A-label form (UTS #46 via WHATWG URL), or null. */
function toAsciiDomain(domain: string): string | null {
  if (ASCII.test(domain)) return domain.toLowerCase();
  if (!IDN.test(domain)) return null;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

export function normalizeEmail(input: string): NormalizedEmail {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH || FORBIDDEN.test(trimmed) || hasAtLookalike(trimmed)) return FAIL;
  const parts = trimmed.split("@");
  if (parts.length !== 2) return FAIL;
  const [local = "", rawDomain = ""] = parts;
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) return FAIL;
  const domain = toAsciiDomain(rawDomain);
  if (domain === null || !DOMAIN.test(domain)) return FAIL;
  const email = `${local.toLowerCase()}@${domain}`;
  return email.length > MAX_LENGTH ? FAIL : { ok: true, email };
}

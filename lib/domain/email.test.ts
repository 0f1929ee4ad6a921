import { describe, it, expect } from "vitest";
import { normalizeEmail } from "./email";

const ok = (email: string) => ({ ok: true, email });
const FAIL = { ok: false };

describe("normalizeEmail: C16 misdelivery inputs (GHSA-xv97-c62v-4587, GHSA-5jpx-9hw9-2fx4)", () => {
  it.each([
    ['"e@attacker.com"@victim.com', "quoted local part containing @"],
    ['"e"@victim.com', "quoted local part"],
    ["a@x.com,b@evil.com", "address list (comma)"],
    ["a@x.com;b@evil.com", "address list (semicolon)"],
    ["a@x.com\r\nBcc:evil@e.com", "header injection (CRLF)"],
    ["a@x.com\nBcc: evil@e.com", "header injection (LF)"],
    ["a@x.com\rb", "bare CR"],
    ["vendor\uff20x.com", "fullwidth commercial at U+FF20"],
    ["a\uff20evil.com@x.com", "fullwidth at plus ASCII at"],
    ["a@x.com\ufe6bevil.com", "small commercial at U+FE6B"],
    ["a@b@x.com", "two @"],
    ["Eve <eve@evil.com>", "display name"],
    ["<a@x.com>", "angle brackets"],
    ["a(comment)@x.com", "comment"],
    ["a@[127.0.0.1]", "domain literal"],
    ["a b@x.com", "inner space"],
    ["a@x.com b@evil.com", "space-separated list"],
    ["a\u0000@x.com", "NUL"],
    ["a\u200b@x.com", "zero-width space"],
    ["a\u202e@x.com", "bidi override"],
    ["a\\@x.com", "backslash"],
    ["'a'`@x.com", "backtick"],
  ])("rejects %j (%s)", (input) => {
    expect(normalizeEmail(input)).toEqual(FAIL);
  });

  it("normalises case variants to one address: Vendor@X.com → vendor@x.com", () => {
    expect(normalizeEmail("Vendor@X.com")).toEqual(ok("vendor@x.com"));
    expect(normalizeEmail("vendor@x.com")).toEqual(ok("vendor@x.com"));
    expect(normalizeEmail("VENDOR@X.COM")).toEqual(ok("vendor@x.com"));
  });
});

describe("normalizeEmail: addr-spec shape (RFC 5321/5322)", () => {
  it("trims surrounding whitespace", () => {
    expect(normalizeEmail("  Vendor@X.com \r\n")).toEqual(ok("vendor@x.com"));
  });

  it.each([
    ["first.last+tag@sub.example.com", "first.last+tag@sub.example.com"],
    ["o'brien@example.co.uk", "o'brien@example.co.uk"],
    ["a_b-c@my-host.de", "a_b-c@my-host.de"],
    ["x@xn--mller-kva.de", "x@xn--mller-kva.de"],
    ["info@Müller.de", "info@xn--mller-kva.de"],
  ])("accepts %j as %j", (input, expected) => {
    expect(normalizeEmail(input)).toEqual(ok(expected));
  });

  it.each([
    "",
    "   ",
    "plain",
    "@x.com",
    "a@",
    "a@localhost",
    "a@x.c",
    "a@x.123",
    ".a@x.com",
    "a.@x.com",
    "a..b@x.com",
    "a@.x.com",
    "a@x..com",
    "a@x.com.",
    "a@-x.com",
    "a@x-.com",
    "a@x_y.com",
    "müller@x.de",
    "\u212Aarl@x.com",
    "a@x.com/evil",
    "a@x.com?b",
  ])("rejects %j", (input) => {
    expect(normalizeEmail(input)).toEqual(FAIL);
  });

  it("allows at most 254 characters and a 64-character local part", () => {
    const domain = `${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com`;
    const max = `${"a".repeat(64)}@${domain}`;
    expect(max).toHaveLength(254);
    expect(normalizeEmail(max)).toEqual(ok(max));
    expect(normalizeEmail(`a${max}`)).toEqual(FAIL);
    expect(normalizeEmail(`${"a".repeat(65)}@x.com`)).toEqual(FAIL);
    expect(normalizeEmail(`a@${"b".repeat(64)}.com`)).toEqual(FAIL);
  });
});

import { describe, it, expect } from "vitest";
import { createHash } from "node:crypto";
import { GENESIS_HASH, canonicalJson, chainHash, verifyChain, type AuditEventContent, type StoredAuditEvent } from "./audit-hash";

const fromHex = (hex: string) => new DataView(Uint8Array.from(Buffer.from(hex, "hex")).buffer).getFloat64(0);

describe("canonicalJson: RFC 8785 (JCS) test vectors", () => {
  it("§3.2.2 example: whitespace removed, literals, numbers and string escaping", () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("§3.2.3: keys sorted by UTF-16 code units, recursively", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson({ b: { z: 1, a: [{ y: 2, x: 1 }] }, a: null })).toBe('{"a":null,"b":{"a":[{"x":1,"y":2}],"z":1}}');
  });

  it.each([
    ["0000000000000000", "0"],
    ["8000000000000000", "0"], // -0
    ["0000000000000001", "5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["44b52d02c7e14af6", "1e+23"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
  ])("Appendix B: IEEE 754 %s serialises as %s", (hex, expected) => {
    expect(canonicalJson(fromHex(hex))).toBe(expected);
  });

  it("number formatting: 1e30, -0, 0.000001, 1e-7", () => {
    expect(canonicalJson([1e30, -0, 0.000001, 1e-7, 4.5, 100])).toBe("[1e+30,0,0.000001,1e-7,4.5,100]");
  });

  it("escapes only control characters, quote and backslash; keeps non-ASCII as UTF-8", () => {
    expect(canonicalJson("\u0000\b\t\n\f\r\u001f\"\\/ äß€😀")).toBe('"\\u0000\\b\\t\\n\\f\\r\\u001f\\"\\\\/ äß€😀"');
  });

  it("rejects NaN and Infinity and values without JSON form", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
    expect(() => canonicalJson("\ud800")).toThrow(); // lone surrogate: not valid I-JSON (RFC 8785 §3.2.2.2)
  });
});

const base = (seq: number): AuditEventContent => ({
  chainId: "main",
  seq,
  actorId: "user-1",
  actorName: "Dana DPO",
  action: "activity.update",
  entityType: "ProcessingActivity",
  entityId: `act-${seq}`,
  organisationId: "org-a",
  changes: { purpose: { old: "Lohn", new: "Lohn und Gehalt" } },
  ip: "127.0.0.1",
  createdAt: `2026-11-23T17:58:${String(seq).padStart(2, "0")}.000Z`,
});

function buildChain(n: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const hash = chainHash(prevHash, base(seq));
    events.push({ ...base(seq), prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe("chainHash: SHA-256(prevHash ‖ canonicalJSON(event)) (reliability-checks §4)", () => {
  it("is sha256 hex over prevHash followed by the canonical JSON of the event", () => {
    const event = base(1);
    const expected = createHash("sha256").update(GENESIS_HASH + canonicalJson(event)).digest("hex");
    expect(chainHash(GENESIS_HASH, event)).toBe(expected);
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });

  // Cross-checked with Python: sha256(("0"*64 + json.dumps(e, sort_keys=True, separators=(",", ":"))).encode()).
  it("is pinned for a fixed event (changing the hash format breaks every stored chain)", () => {
    expect(chainHash(GENESIS_HASH, base(1))).toBe("c435f24ad9810e49fbcae9e420cc39ffad7488ce2b905e2e67be0f6fc8ea6a5a");
  });

  it("does not depend on key order or on extra row fields", () => {
    const event = base(1);
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as AuditEventContent;
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, event));
    expect(chainHash(GENESIS_HASH, { ...event, id: 99, hash: "x" } as AuditEventContent)).toBe(chainHash(GENESIS_HASH, event));
  });

  it("changes with the previous hash and with every field", () => {
    const event = base(1);
    const h = chainHash(GENESIS_HASH, event);
    expect(chainHash("f".repeat(64), event)).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...event, actorId: null })).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...event, changes: { purpose: { old: "Lohn", new: "Lohn" } } })).not.toBe(h);
  });
});

describe("verifyChain: tamper evidence (reliability-checks §4, C-series history checks)", () => {
  it("accepts an empty chain and an intact chain, returning its head", () => {
    expect(verifyChain([])).toEqual({ ok: true, head: null });
    const chain = buildChain(5);
    expect(verifyChain(chain)).toEqual({ ok: true, head: { seq: 5, hash: chain[4]?.hash } });
  });

  it("detects a tampered field at its seq", () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2]!, actorName: "Mallory" };
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAtSeq: 3, reason: "hash-mismatch" });
  });

  it("detects tampered changes even when the event's own hash is recomputed", () => {
    const chain = buildChain(5);
    const forged = { ...base(3), changes: { purpose: { old: "Lohn", new: "Marketing" } } };
    chain[2] = { ...forged, prevHash: chain[2]!.prevHash, hash: chainHash(chain[2]!.prevHash, forged) };
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAtSeq: 4, reason: "prev-mismatch" });
  });

  it("detects a deleted middle event as a seq gap", () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAtSeq: 3, reason: "seq-gap" });
  });

  it("detects a deleted middle event even when later seqs are renumbered", () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    const renumbered = chain.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered)).toEqual({ ok: false, brokenAtSeq: 3, reason: "prev-mismatch" });
  });

  it("detects reordered events", () => {
    const chain = buildChain(5);
    const swapped = [chain[0]!, chain[2]!, chain[1]!, chain[3]!, chain[4]!];
    expect(verifyChain(swapped)).toEqual({ ok: false, brokenAtSeq: 2, reason: "seq-gap" });
  });

  it("detects reordered events whose seq numbers were swapped to look sorted", () => {
    const chain = buildChain(5);
    const swapped = [chain[0]!, { ...chain[2]!, seq: 2 }, { ...chain[1]!, seq: 3 }, chain[3]!, chain[4]!];
    expect(verifyChain(swapped)).toEqual({ ok: false, brokenAtSeq: 2, reason: "prev-mismatch" });
  });

  it("detects a chain that does not start at GENESIS_HASH with seq 1", () => {
    const chain = buildChain(3);
    expect(verifyChain(chain.slice(1))).toEqual({ ok: false, brokenAtSeq: 1, reason: "seq-gap" });
    chain[0] = { ...chain[0]!, prevHash: "1".repeat(64) };
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAtSeq: 1, reason: "prev-mismatch" });
  });

  it("detects a truncated or altered hash value", () => {
    const chain = buildChain(3);
    chain[2] = { ...chain[2]!, hash: chain[2]!.hash.replace(/^./, (c) => (c === "0" ? "1" : "0")) };
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAtSeq: 3, reason: "hash-mismatch" });
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, parseForm } from "./forms";

const schema = z.object({ name: z.string().min(1).max(5), role: z.enum(["DPO", "VIEWER"]), tags: z.array(z.string()).optional() }).strict();
const fd = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("parseForm (house-style §4: every field error, input kept, strict)", () => {
  it("accepts valid input and drops Next's $ACTION_ keys", () => {
    const r = parseForm(schema, fd([["name", "Anna"], ["role", "DPO"], ["$ACTION_ID_abc", ""]]));
    expect(r).toEqual({ ok: true, data: { name: "Anna", role: "DPO" } });
  });
  it("reports every field error as a message key and keeps what was typed", () => {
    const r = parseForm(schema, fd([["name", "much too long"], ["role", "ADMIN"]]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.state.fieldErrors).toEqual({ name: ["errors.tooLong"], role: ["errors.invalidOption"] });
    expect(r.state.values).toEqual({ name: "much too long", role: "ADMIN" });
  });
  it("treats empty strings as missing", () => {
    const r = parseForm(schema, fd([["name", "  "], ["role", "DPO"]]));
    expect(r.ok ? null : r.state.fieldErrors).toEqual({ name: ["errors.required"] });
  });
  it("refuses unknown fields (mass assignment, C03)", () => {
    const r = parseForm(schema, fd([["name", "Anna"], ["role", "DPO"], ["isAdmin", "true"]]));
    expect(r.ok ? null : r.state.fieldErrors).toEqual({ _form: ["errors.unknownField"] });
  });
  it("turns repeated keys into arrays and ignores __proto__ pollution attempts", () => {
    const { object } = formDataToObject(fd([["tags", "a"], ["tags", "b"], ["__proto__", "x"]]));
    expect(object.tags).toEqual(["a", "b"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

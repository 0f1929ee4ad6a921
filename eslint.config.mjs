import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "prisma/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/results/**"],
  },
  {
    rules: {
      // Unsafe raw SQL is banned everywhere (C25): only tagged $queryRaw / $executeRaw.
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]", message: "Unsafe raw SQL is banned (C25): use tagged $queryRaw/$executeRaw." },
        { selector: "MemberExpression[object.name='Prisma'][property.name='raw']", message: "Prisma.raw() is banned (C25)." },
        { selector: "CallExpression[callee.property.name='waitForTimeout']", message: "No sleeps in tests: wait for a condition." },
        { selector: "CallExpression[callee.object.name=/^(test|it|describe)$/][callee.property.name='only']", message: "No focused tests." },
      ],
    },
  },
  {
    // Domain rules are pure: no I/O, no framework, no clock.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["next", "next/*", "@/lib/db", "@prisma/*", "@/prisma/*", "node:fs", "fs", "react"], message: "lib/domain is pure." }] }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pass asOf in; no clock in lib/domain." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass asOf in; no clock in lib/domain." },
        { selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]", message: "Unsafe raw SQL is banned (C25)." },
      ],
    },
  },
  {
    files: ["scripts/**/*.mjs", "e2e/**/*.mjs", "bench/**/*.mjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;

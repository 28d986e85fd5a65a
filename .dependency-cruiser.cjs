/**
 * The import rules of src/ (`npm run lint`): no cycle, type-only imports
 * included, and layers that only point down:
 *   run (main, index, thread, live-check, file-check)
 *   → report, github
 *   → azure, files, remediation, evaluate, scope, settings
 *   → check (pure rules)
 *   → text utilities (text, limits, log, action-interface).
 */
const RUN = "^src/(main|index|live-check|file-check|thread)[.]ts$";
const REPORTING = "^src/(report|github)/";
const UTILITIES = "^src/(text|limits|log|action-interface)[.]ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle, type-only imports included.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "check-is-pure",
      severity: "error",
      comment:
        "check/ holds pure rules: it imports only itself and the text utilities, and no I/O.",
      from: { path: "^src/check/" },
      to: {
        pathNot: ["^src/check/", "^src/text[.]ts$"],
      },
    },
    {
      name: "utilities-at-the-bottom",
      severity: "error",
      comment: "The text utilities import nothing else from src/.",
      from: { path: UTILITIES },
      to: { path: "^src/", pathNot: UTILITIES },
    },
    {
      name: "nothing-imports-the-run",
      severity: "error",
      comment: "The run layer is the top: nothing below imports it.",
      from: { path: "^src/", pathNot: RUN },
      to: { path: RUN },
    },
    {
      name: "reports-above-adapters",
      severity: "error",
      comment:
        "Azure, files, remediation and the inputs sit below the reports and GitHub.",
      from: { path: "^src/", pathNot: [RUN, REPORTING] },
      to: { path: REPORTING },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a cycle through `import type` is a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};

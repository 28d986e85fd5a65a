import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Remediation } from "../../../src/check/model.js";
import { summarizeRun } from "../../../src/check/run-result.js";
import {
  renderClosingComment,
  renderIssueBody,
  type IssueContext,
} from "../../../src/github/issue-body.js";
import { resultOf } from "../fixtures.js";

function context(overrides: Partial<IssueContext> = {}): IssueContext {
  return {
    tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    environment: "AzureCloud",
    resourceManagerEndpoint: "https://management.azure.com",
    maskEmails: true,
    generatedAt: "2025-01-01T00:00:00.000Z",
    runUrl: undefined,
    ...overrides,
  };
}

const APPLIED: Remediation = {
  action: "applied",
  changes: [{ field: "isEnabled", before: false, after: true }],
};

describe("the tracking issue says what remediate applied", () => {
  const run = summarizeRun([
    resultOf(1, "pass", { remediation: APPLIED }),
    resultOf(2, "fail", {
      remediation: {
        action: "failed",
        changes: [],
        reason: "Azure refused the write.",
      },
    }),
  ]);

  it("in the body of a failing run with apply", () => {
    const body = renderIssueBody(run, context({ remediate: "apply" }));
    assert.match(body, /### Applied changes/);
    assert.match(
      body,
      /Subscription 1\*\* .* ✅ applied\n {2}- isEnabled&#58; false → true/,
    );
    assert.match(
      body,
      /Subscription 2\*\* .* ❌ not fixed: Azure refused the write\./,
    );
  });

  it("in the closing comment when apply fixed everything", () => {
    const passing = summarizeRun([
      resultOf(1, "pass", { remediation: APPLIED }),
    ]);
    const comment = renderClosingComment(
      passing,
      context({ remediate: "apply" }),
    );
    assert.match(comment, /### Applied changes/);
  });

  it("not with plan or off", () => {
    for (const remediate of ["plan", "off", undefined] as const) {
      const body = renderIssueBody(run, context({ remediate }));
      assert.doesNotMatch(body, /Applied changes|Planned changes/, remediate);
    }
  });
});

/**
 * End-to-end: the remediation inputs, through the real bundle against the
 * fake. A bad value stops the step before any request.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import {
  generatedTenant,
  startFake,
  type Fake,
} from "../../test-support/fake/index.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
} from "../../test-support/run-action.js";

describe("remediation inputs", () => {
  let fake: Fake;
  before(async () => {
    fake = await startFake({ tenant: generatedTenant(2) });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
  });

  const cases: [Record<string, string>, RegExp][] = [
    [{ remediate: "fix" }, /'remediate'.*"fix".*off, plan, apply/],
    [
      { remediate: "plan" },
      /'remediation-emails' is empty.*'remediate' is 'plan'/,
    ],
    [
      { remediate: "APPLY", "remediation-emails": " \n , " },
      /'remediation-emails' is empty.*'remediate' is 'apply'/,
    ],
    [
      { remediate: "plan", "remediation-emails": "secops@contoso.com, soc" },
      /'remediation-emails'.*"soc".*valid email address/,
    ],
    [
      {
        remediate: "apply",
        "remediation-emails": "defender-alerts@example.com",
      },
      /'remediation-emails'.*"d\*\*\*@example.com".*reserved domain.*example\.com never receives mail/,
    ],
    [
      { "remediation-emails": "security_contact@replace_me" },
      /'remediation-emails'.*"s\*\*\*@replace_me".*placeholder/,
    ],
  ];
  for (const [inputs, message] of cases) {
    test(`rejects ${JSON.stringify(inputs)} before any request`, async () => {
      const run = await runAction(
        { ...fakeInputs(fake), ...inputs },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 1);
      assert.match(run.stdout, message);
      assert.equal(fake.requests.length, 0);
      assert.equal(run.report, undefined);
    });
  }
});

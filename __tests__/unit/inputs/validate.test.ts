import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, type InputReader } from "../../../src/inputs/parse.js";
import { parseSettings } from "../../../src/inputs/settings.js";
import { validate } from "../../../src/inputs/validate.js";

const IDS = {
  "client-id": "0f3e8d9a-1b2c-4d5e-8f70-a1b2c3d4e5f6",
  "tenant-id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
};

function reader(values: Record<string, string>): InputReader {
  return (name) => values[name] ?? "";
}

/** Parses each input (which must succeed), then runs the rules between inputs. */
function validated(values: Record<string, string>): () => void {
  const settings = parseSettings(reader({ ...IDS, ...values }));
  return () => validate(settings);
}

/** The message of the InputError validate() throws. */
function problem(values: Record<string, string>): string {
  try {
    validated(values)();
  } catch (error) {
    assert.ok(error instanceof InputError, `not an InputError: ${error}`);
    return error.message;
  }
  assert.fail(`no input error for ${JSON.stringify(values)}`);
}

const ADDRESS_INPUTS = ["required-emails", "remediation-emails"] as const;

/** remediation-emails is judged the same with or without a remedy; plan keeps the inputs realistic. */
function withAddress(
  input: (typeof ADDRESS_INPUTS)[number],
  address: string,
  allowed = "",
): Record<string, string> {
  return {
    [input]: address,
    "allowed-email-domains": allowed,
    ...(input === "remediation-emails" ? { remediate: "plan" } : {}),
  };
}

describe("validate: one address rule for required-emails and remediation-emails", () => {
  it("rejects required-emails outside allowed-email-domains, naming both inputs, the value and what was expected", () => {
    const message = problem({
      "required-emails": "sec@fabrikam.com",
      "allowed-email-domains": "contoso.com",
    });
    assert.match(
      message,
      /^Input 'required-emails' has the value "sec@fabrikam\.com", but /,
    );
    assert.match(message, /'allowed-email-domains' \(contoso\.com\)/);
    assert.match(message, /an address within .* was expected/);
  });

  it("rejects remediation-emails outside allowed-email-domains the same way", () => {
    const message = problem(
      withAddress(
        "remediation-emails",
        "soc@eu.contoso.com, soc@fabrikam.com",
        "contoso.com",
      ),
    );
    assert.match(
      message,
      /^Input 'remediation-emails' has the value "soc@fabrikam\.com", but /,
    );
    assert.match(message, /'allowed-email-domains' \(contoso\.com\)/);
  });

  it("is a rule between inputs: each input alone parses", () => {
    const settings = parseSettings(
      reader({
        ...IDS,
        "required-emails": "sec@fabrikam.com",
        "allowed-email-domains": "contoso.com",
      }),
    );
    assert.deepEqual(settings.requiredEmails, ["sec@fabrikam.com"]);
    assert.throws(() => validate(settings), InputError);
  });

  for (const input of ADDRESS_INPUTS) {
    it(`accepts in ${input} a deliverable address, and a subdomain of an allowed domain`, () => {
      for (const address of [
        "secops@contoso.com",
        "a@eu.contoso.com",
        "soc+alerts@fabrikam.co.uk",
        "ops@example.co", // not reserved: only example.com/.net/.org
        "ops@myexample.com",
        "ops@testing.io",
      ]) {
        assert.doesNotThrow(validated(withAddress(input, address)), address);
      }
      assert.doesNotThrow(
        validated(withAddress(input, "a@eu.contoso.com", "contoso.com")),
      );
      assert.doesNotThrow(
        validated(
          withAddress(input, "a@contoso.com", "fabrikam.com contoso.com"),
        ),
      );
    });

    it(`refuses in ${input} what is not an address`, () => {
      for (const address of ["secops", "@contoso.com", "a@b", "not-an-email"]) {
        const message = problem(withAddress(input, address));
        assert.match(
          message,
          new RegExp(`^Input '${input}' has the value "${address}"`),
          address,
        );
        assert.match(
          message,
          /a deliverable email address was expected \(not a valid email address\)/,
          address,
        );
      }
    });

    it(`refuses in ${input} reserved domains, naming the domain`, () => {
      for (const [address, domain] of [
        ["a@example.com", "example.com"],
        ["a@EXAMPLE.NET", "example.net"],
        ["a@mail.example.org", "mail.example.org"],
        ["a@corp.example", "corp.example"],
        ["a@contoso.invalid", "contoso.invalid"],
        ["a@host.localhost", "host.localhost"],
        ["a@contoso.test", "contoso.test"],
      ] as const) {
        const message = problem(withAddress(input, address));
        assert.match(message, /reserved domain/, address);
        assert.ok(message.includes(domain), message);
      }
    });

    it(`refuses in ${input} a landing-zone placeholder`, () => {
      assert.match(
        problem(withAddress(input, "security_contact@replace_me.com")),
        /placeholder/,
      );
    });
  }

  it("gives both inputs the same verdict on every address", () => {
    for (const [address, allowed] of [
      ["sec@fabrikam.com", "contoso.com"],
      ["a@example.com", ""],
      ["changeme@contoso.com", ""],
      ["a b@contoso.com", ""],
      ["soc@eu.contoso.com", "contoso.com"],
    ] as const) {
      const verdict = (input: (typeof ADDRESS_INPUTS)[number]) => {
        try {
          validated(withAddress(input, address, allowed))();
          return "accepted";
        } catch (error) {
          return String(error).replace(input, "INPUT");
        }
      };
      assert.equal(
        verdict("required-emails"),
        verdict("remediation-emails"),
        address,
      );
    }
  });
});

describe("validate: other rules between inputs", () => {
  it("needs an OIDC identity only when the scan signs in", () => {
    assert.match(
      problem({ "client-id": "", scan: "both" }),
      /'client-id' is required with auth-type OIDC/,
    );
    assert.match(
      problem({ "tenant-id": "" }),
      /'tenant-id' is required with auth-type OIDC/,
    );
    assert.doesNotThrow(
      validated({ "client-id": "", "tenant-id": "", scan: "files" }),
    );
    assert.doesNotThrow(
      validated({ "client-id": "", "auth-type": "AZURE_CLI" }),
    );
  });

  it("needs resource-manager-endpoint where the cloud has none", () => {
    assert.match(
      problem({ environment: "AzureStack" }),
      /'resource-manager-endpoint' is required with environment AzureStack/,
    );
  });

  it("needs a github-token to create an issue", () => {
    assert.match(
      problem({ "create-issue": "true" }),
      /'github-token' is empty, but 'create-issue' is true/,
    );
  });

  it("refuses a remedy without Azure, and a remedy without addresses", () => {
    assert.match(
      problem({
        scan: "files",
        remediate: "apply",
        "remediation-emails": "soc@contoso.com",
      }),
      /^Input 'remediate' has the value "apply", but 'off' was expected with scan: files/,
    );
    assert.match(
      problem({ remediate: "plan" }),
      /'remediation-emails' is empty, but 'remediate' is 'plan'/,
    );
  });
});

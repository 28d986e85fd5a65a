import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { REMEDIATE_MODES } from "../../../src/remediation/inputs.js";
import {
  boolean,
  guid,
  httpsUrl,
  InputError,
  isDomain,
  list,
  oneOf,
  orDefault,
  separated,
  type InputReader,
} from "../../../src/inputs/parse.js";
import { concurrency } from "../../../src/inputs/fields.js";

/** A reader over a plain object; unset inputs read as "", like @actions/core. */
function reader(values: Record<string, string>): InputReader {
  return (name) => values[name] ?? "";
}

/** Throws an InputError of the one shape every input error has. */
function rejects(work: () => unknown, name: string, value: string): void {
  assert.throws(work, (error: unknown) => {
    assert.ok(error instanceof InputError, `not an InputError: ${error}`);
    assert.ok(
      error.message.startsWith(
        `Input '${name}' has the value ${JSON.stringify(value)}, but `,
      ),
      error.message,
    );
    assert.match(error.message, /was expected/);
    return true;
  });
}

describe("orDefault", () => {
  it("falls back to action.yml's default when the input is empty or blank", () => {
    assert.equal(orDefault(reader({}), "concurrency"), "auto");
    assert.equal(
      orDefault(reader({ concurrency: "  " }), "concurrency"),
      "auto",
    );
    assert.equal(orDefault(reader({ concurrency: " 8 " }), "concurrency"), "8");
  });
});

describe("boolean", () => {
  it("reads true and false in any case, empty as the default", () => {
    assert.equal(
      boolean(reader({ "mask-emails": "FALSE" }), "mask-emails"),
      false,
    );
    assert.equal(
      boolean(reader({ "mask-emails": " True " }), "mask-emails"),
      true,
    );
    assert.equal(boolean(reader({}), "create-issue"), false);
  });

  it("rejects anything else, quoting it", () => {
    for (const value of ["yes", "1", "on"]) {
      rejects(
        () => boolean(reader({ "fail-on-error": value }), "fail-on-error"),
        "fail-on-error",
        value,
      );
    }
  });
});

describe("oneOf", () => {
  const mode = (value: string) =>
    oneOf(reader({ remediate: value }), "remediate", REMEDIATE_MODES);

  it("reads off, plan and apply in any case, trimmed", () => {
    assert.equal(mode("off"), "off");
    assert.equal(mode("PLAN"), "plan");
    assert.equal(mode(" Apply\n"), "apply");
  });

  it("reads an empty value as the input's default", () => {
    assert.equal(mode(""), "off");
  });

  it("knows no other mode, listing the known ones", () => {
    for (const value of ["on", "true", "dry-run", "apply!"]) {
      rejects(() => mode(value), "remediate", value);
      assert.throws(() => mode(value), /one of off, plan, apply was expected/);
    }
  });

  it("says what was expected in the caller's words when given", () => {
    assert.throws(
      () =>
        oneOf(
          reader({ scan: "repo" }),
          "scan",
          ["azure", "files"],
          "azure or files was expected",
        ),
      /but azure or files was expected\.$/,
    );
  });
});

describe("concurrency (fields.ts)", () => {
  it("accepts whole numbers within the range, and auto (the default)", () => {
    assert.equal(concurrency(reader({ concurrency: " 64 " })), 64);
    assert.equal(concurrency(reader({ concurrency: "AUTO" })), "auto");
    assert.equal(concurrency(reader({})), "auto");
  });

  it("rejects fractions, signs, words and numbers out of range, naming the range", () => {
    for (const value of ["0", "65", "abc", "1.5", "-1", "1e1"]) {
      rejects(
        () => concurrency(reader({ concurrency: value })),
        "concurrency",
        value,
      );
    }
    assert.throws(
      () => concurrency(reader({ concurrency: "0" })),
      /auto, or a whole number from 1 to 64, was expected/,
    );
  });
});

describe("list", () => {
  it("splits on commas, semicolons, whitespace and newlines, dropping empty entries", () => {
    assert.deepEqual(list(reader({ checks: " a, b;c\n\td ,;\n" }), "checks"), [
      "a",
      "b",
      "c",
      "d",
    ]);
    assert.deepEqual(list(reader({}), "checks"), []);
  });
});

describe("separated", () => {
  it("keeps spaces inside an entry and trims its ends", () => {
    assert.deepEqual(separated(" Technical Contact ,\nteam, ,", /[,\n]/), [
      "Technical Contact",
      "team",
    ]);
  });
});

describe("guid", () => {
  it("lower-cases a GUID and rejects anything else, quoting it", () => {
    assert.equal(
      guid("client-id", "0F3E8D9A-1B2C-4D5E-8F70-A1B2C3D4E5F6"),
      "0f3e8d9a-1b2c-4d5e-8f70-a1b2c3d4e5f6",
    );
    rejects(() => guid("client-id", "my-app"), "client-id", "my-app");
  });
});

describe("isDomain", () => {
  it("accepts names of two labels or more, nothing else", () => {
    for (const ok of ["contoso.com", "eu.contoso.co.uk", "xn--bcher-kva.de"]) {
      assert.equal(isDomain(ok), true, ok);
    }
    for (const bad of [
      "contoso",
      "-a.com",
      "a..com",
      "contoso.c",
      "a b.com",
      "",
    ]) {
      assert.equal(isDomain(bad), false, bad);
    }
  });
});

describe("httpsUrl", () => {
  it("returns the URL without trailing slash, keeping a path", () => {
    assert.equal(
      httpsUrl("authority-host", "https://localhost:8443/arm/"),
      "https://localhost:8443/arm",
    );
  });

  it("rejects http, a non-URL, a query and a fragment, quoting the value", () => {
    for (const value of [
      "http://management.azure.com",
      "management.azure.com",
      "https://arm.contoso.test/?x=1",
      "https://arm.contoso.test/#x",
    ]) {
      rejects(
        () => httpsUrl("resource-manager-endpoint", value),
        "resource-manager-endpoint",
        value,
      );
    }
  });
});

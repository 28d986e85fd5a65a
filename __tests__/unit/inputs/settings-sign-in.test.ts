import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, readSettings } from "../../../src/settings.js";

const CLIENT_ID = "0f3e8d9a-1b2c-4d5e-8f70-a1b2c3d4e5f6";
const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

const read = (values: Record<string, string>) =>
  readSettings((name) => values[name] ?? "");

function rejects(values: Record<string, string>, pattern: RegExp): void {
  assert.throws(
    () => read(values),
    (error: unknown) =>
      error instanceof InputError && pattern.test(error.message),
  );
}

describe("readSettings: auth-type", () => {
  it("defaults to OIDC, which still needs client-id and tenant-id", () => {
    assert.equal(
      read({ "client-id": CLIENT_ID, "tenant-id": TENANT_ID }).authType,
      "OIDC",
    );
    rejects(
      { "tenant-id": TENANT_ID },
      /'client-id' is required with auth-type OIDC.*AZURE_CLI.*IDENTITY/,
    );
    rejects(
      { "client-id": CLIENT_ID, "auth-type": "oidc" },
      /'tenant-id' is required with auth-type OIDC.*AZURE_CLI.*IDENTITY/,
    );
  });

  it("reads the value case-insensitively", () => {
    assert.equal(read({ "auth-type": "azure_cli" }).authType, "AZURE_CLI");
    assert.equal(read({ "auth-type": " Identity " }).authType, "IDENTITY");
  });

  it("rejects an unknown value, quoting it and listing the known ones", () => {
    rejects(
      { "auth-type": "SERVICE_PRINCIPAL" },
      /'auth-type' has the value "SERVICE_PRINCIPAL", but one of OIDC, AZURE_CLI, IDENTITY/,
    );
  });

  it("lets AZURE_CLI and IDENTITY go without client-id and tenant-id", () => {
    for (const type of ["AZURE_CLI", "IDENTITY"]) {
      const settings = read({ "auth-type": type });
      assert.equal(settings.clientId, "");
      assert.equal(settings.tenantId, "");
    }
  });

  it("still validates a client-id or tenant-id that is given", () => {
    rejects({ "auth-type": "IDENTITY", "client-id": "my-id" }, /"my-id"/);
    rejects(
      { "auth-type": "AZURE_CLI", "tenant-id": "not a tenant" },
      /"not a tenant"/,
    );
    const settings = read({
      "auth-type": "IDENTITY",
      "client-id": CLIENT_ID.toUpperCase(),
    });
    assert.equal(settings.clientId, CLIENT_ID);
  });
});

describe("readSettings: AzureStack and retired clouds", () => {
  const ids = { "client-id": CLIENT_ID, "tenant-id": TENANT_ID };

  it("needs resource-manager-endpoint for AzureStack", () => {
    rejects(
      { ...ids, environment: "azurestack" },
      /'resource-manager-endpoint' is required with environment AzureStack/,
    );
    const settings = read({
      ...ids,
      environment: "AzureStack",
      "resource-manager-endpoint":
        "https://management.local.azurestack.external/",
    });
    assert.equal(settings.environment, "AzureStack");
    assert.equal(
      settings.resourceManagerEndpoint,
      "https://management.local.azurestack.external",
    );
  });

  it("says AzureGermanCloud was retired", () => {
    rejects(
      { ...ids, environment: "AzureGermanCloud" },
      /'environment' has the value "AzureGermanCloud", but that cloud was retired.*AzureCloud/,
    );
  });
});

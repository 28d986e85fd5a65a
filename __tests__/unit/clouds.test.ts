import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  audienceMismatch,
  findCloud,
  type Cloud,
} from "../../src/azure/clouds.js";

const cloud = (name: string): Cloud => {
  const found = findCloud(name);
  assert.ok(found);
  return found;
};

describe("audienceMismatch", () => {
  const publicArm = "https://management.azure.com";

  it("accepts the endpoint itself and the cloud's legacy audience, with or without a slash", () => {
    for (const aud of [
      "https://management.azure.com",
      "https://management.azure.com/",
      "https://management.core.windows.net/",
    ]) {
      assert.equal(
        audienceMismatch(aud, cloud("AzureCloud"), publicArm),
        undefined,
      );
    }
  });

  it("names the other cloud a token belongs to", () => {
    assert.match(
      audienceMismatch(
        "https://management.usgovcloudapi.net/",
        cloud("AzureCloud"),
        publicArm,
      ) ?? "",
      /for AzureUSGovernment's Resource Manager.*this run uses AzureCloud/,
    );
  });

  it("rejects an unknown audience on a well-known endpoint", () => {
    assert.match(
      audienceMismatch(
        "https://graph.microsoft.com",
        cloud("AzureCloud"),
        publicArm,
      ) ?? "",
      /not AzureCloud's Resource Manager/,
    );
  });

  it("leaves an unknown audience on a custom endpoint to Resource Manager (Azure Stack Hub)", () => {
    assert.equal(
      audienceMismatch(
        "https://management.contoso.onmicrosoft.com/1234",
        cloud("AzureStack"),
        "https://management.local.azurestack.external",
      ),
      undefined,
    );
  });
});

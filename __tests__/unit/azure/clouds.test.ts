import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  audienceMismatch,
  findCloud,
  type Cloud,
} from "../../../src/azure/clouds.js";

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

  it("leaves an audience no known cloud uses to Resource Manager", () => {
    assert.equal(
      audienceMismatch(
        "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        cloud("AzureCloud"),
        publicArm,
      ),
      undefined,
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

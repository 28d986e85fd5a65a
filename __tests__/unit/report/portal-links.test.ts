import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { subscriptionPortalLink } from "../../../src/report/portal-links.js";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const SUB = "00000000-0000-4000-8000-00000000000b";

function link(resourceManagerEndpoint: string, tenantId = TENANT) {
  return subscriptionPortalLink(SUB, { tenantId, resourceManagerEndpoint });
}

describe("subscriptionPortalLink", () => {
  it("opens the subscription in each cloud's own portal, in the tenant's directory", () => {
    assert.equal(
      link("https://management.azure.com"),
      `https://portal.azure.com/#@${TENANT}/resource/subscriptions/${SUB}/overview`,
    );
    assert.equal(
      link("https://management.usgovcloudapi.net"),
      `https://portal.azure.us/#@${TENANT}/resource/subscriptions/${SUB}/overview`,
    );
    assert.equal(
      link("https://management.chinacloudapi.cn"),
      `https://portal.azure.cn/#@${TENANT}/resource/subscriptions/${SUB}/overview`,
    );
  });

  it("recognises a well-known endpoint however it is spelled", () => {
    assert.match(
      link("https://Management.Azure.com/") ?? "",
      /^https:\/\/portal\.azure\.com\/#@/,
    );
  });

  it("accepts a tenant domain", () => {
    assert.equal(
      link("https://management.azure.com", "contoso.onmicrosoft.com"),
      `https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/${SUB}/overview`,
    );
  });

  it("leaves the directory to the portal when no tenant is known", () => {
    assert.equal(
      link("https://management.azure.com", ""),
      `https://portal.azure.com/#resource/subscriptions/${SUB}/overview`,
    );
  });

  it("gives no link for a custom Resource Manager endpoint", () => {
    assert.equal(
      link("https://management.local.azurestack.external"),
      undefined,
    );
    assert.equal(link("https://127.0.0.1:8443/arm"), undefined);
    assert.equal(link("https://management.azure.com.evil.example"), undefined);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createHttpHeaders,
  createPipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
import {
  ForeignOriginError,
  originGuardPolicy,
} from "../../../src/azure/origin-guard.js";

const ARM = "https://management.azure.com";

async function attempt(url: string): Promise<string[]> {
  const sent: string[] = [];
  const policy = originGuardPolicy(ARM);
  const request = createPipelineRequest({ url });
  await policy.sendRequest(request, async (r): Promise<PipelineResponse> => {
    sent.push(r.url);
    return { request: r, status: 200, headers: createHttpHeaders() };
  });
  return sent;
}

describe("originGuardPolicy", () => {
  it("passes requests to the Resource Manager origin", async () => {
    assert.deepEqual(await attempt(`${ARM}/subscriptions?x=1`), [
      `${ARM}/subscriptions?x=1`,
    ]);
    assert.equal((await attempt(`${ARM}:443/subscriptions`)).length, 1);
  });

  for (const url of [
    "https://other-host/steal",
    "http://management.azure.com/subscriptions",
    "https://management.azure.com:8443/subscriptions",
    "https://management.azure.com.evil.example/subscriptions",
    "not a url",
  ]) {
    it(`refuses ${url} before sending`, async () => {
      await assert.rejects(attempt(url), ForeignOriginError);
    });
  }
});

/**
 * The resilience policy around a stand-in `next`: timeouts (also for hangs
 * no socket owns), retries, and what is never retried.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createHttpHeaders,
  createPipelineRequest,
  RestError,
  type PipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
import {
  resiliencePolicy,
  RetryCounter,
  type ResilienceOptions,
} from "../../../src/azure/resilience.js";

const options: ResilienceOptions = {
  maxRetries: 2,
  baseDelayMs: 1,
  maxDelayMs: 2,
  maxRetryAfterMs: 1000,
  attemptTimeoutMs: 30,
  lowQuotaThreshold: 20,
  retryBudgetMs: 10_000,
};

function answer(request: PipelineRequest, status: number): PipelineResponse {
  return { status, headers: createHttpHeaders(), request, bodyAsText: "{}" };
}

function send(
  next: (request: PipelineRequest) => Promise<PipelineResponse>,
  method: "GET" | "PUT" = "GET",
) {
  const counter = new RetryCounter();
  const policy = resiliencePolicy(options, counter);
  const request = createPipelineRequest({
    url: "https://arm.example/subscriptions",
    method,
  });
  return { counter, result: policy.sendRequest(request, next) };
}

describe("resiliencePolicy", () => {
  it("ends a hang that no socket owns, after the retries, as RequestTimeout", async () => {
    let calls = 0;
    const { counter, result } = send(() => {
      calls++;
      return new Promise(() => undefined);
    });
    await assert.rejects(
      result,
      (error: RestError) => error.code === "RequestTimeout",
    );
    assert.equal(calls, 3);
    assert.equal(counter.retries, 2);
  });

  it("retries a 503 and a reset, then returns the answer", async () => {
    const outcomes = [
      (r: PipelineRequest) => Promise.resolve(answer(r, 503)),
      () =>
        Promise.reject(
          new RestError("read ECONNRESET", { code: "ECONNRESET" }),
        ),
      (r: PipelineRequest) => Promise.resolve(answer(r, 200)),
    ];
    const { counter, result } = send((request) => {
      const outcome = outcomes.shift();
      assert.ok(outcome, "no more attempts than planned");
      return outcome(request);
    });
    assert.equal((await result).status, 200);
    assert.equal(counter.retries, 2);
  });

  it("returns a 403 at once", async () => {
    const { counter, result } = send((request) =>
      Promise.resolve(answer(request, 403)),
    );
    assert.equal((await result).status, 403);
    assert.equal(counter.retries, 0);
  });

  it("does not retry an error that is not about the network", async () => {
    let calls = 0;
    const { result } = send(() => {
      calls++;
      return Promise.reject(new Error("CredentialUnavailableError"));
    });
    await assert.rejects(result, /CredentialUnavailableError/);
    assert.equal(calls, 1);
  });

  it("reports truncated JSON in a 200 plainly, without quoting the body", async () => {
    const { result } = send((request) =>
      Promise.resolve({
        ...answer(request, 200),
        bodyAsText: '{"value":[{"properties":{"emails":"a@contoso.com',
      }),
    );
    await assert.rejects(
      result,
      (error: RestError) =>
        error.code === "MalformedResponse" &&
        !error.message.includes("a@contoso.com"),
    );
  });

  it("does not resend a PUT after a 500 or a reset: it may have landed", async () => {
    const failures = [
      (r: PipelineRequest) => Promise.resolve(answer(r, 500)),
      () =>
        Promise.reject(
          new RestError("read ECONNRESET", { code: "ECONNRESET" }),
        ),
    ];
    for (const failure of failures) {
      let calls = 0;
      const { counter, result } = send((request) => {
        calls++;
        return failure(request);
      }, "PUT");
      await result.then(
        (response) => assert.equal(response.status, 500),
        (error: RestError) => assert.equal(error.code, "ECONNRESET"),
      );
      assert.equal(calls, 1);
      assert.equal(counter.retries, 0);
    }
  });

  it("resends a PUT after a 429 and a refused connection", async () => {
    const outcomes = [
      (r: PipelineRequest) => Promise.resolve(answer(r, 429)),
      () =>
        Promise.reject(
          new RestError("connect ECONNREFUSED", { code: "ECONNREFUSED" }),
        ),
      (r: PipelineRequest) => Promise.resolve(answer(r, 200)),
    ];
    const { counter, result } = send((request) => {
      const outcome = outcomes.shift();
      assert.ok(outcome, "no more attempts than planned");
      return outcome(request);
    }, "PUT");
    assert.equal((await result).status, 200);
    assert.equal(counter.retries, 2);
  });

  it("does not resend a PUT that timed out", async () => {
    let calls = 0;
    const { result } = send(() => {
      calls++;
      return new Promise(() => undefined);
    }, "PUT");
    await assert.rejects(
      result,
      (error: RestError) => error.code === "RequestTimeout",
    );
    assert.equal(calls, 1);
  });
});

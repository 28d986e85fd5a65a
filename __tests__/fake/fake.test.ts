import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { after, before, describe, it, mock } from "node:test";
import {
  behaviourTimes,
  caCertPath,
  type Fake,
  type FakeGitHubIssue,
  type FakeTenant,
  forever,
  generatedTenant,
  guid,
  sampleTenant,
  startFake,
} from "../../test-support/fake/index.js";
import { runSdkSmoke } from "../../test-support/fake/smoke.js";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const ca = readFileSync(caCertPath);
const CONTACTS = "/providers/Microsoft.Security/securityContacts";
const V2023 = "api-version=2023-12-01-preview";

/** In-process HTTPS that trusts only the fake's CA. */
function call(
  fake: Fake,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const target = path.startsWith("https://") ? path : fake.url + path;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method, headers: options.headers, ca, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const json = (reply: Reply): unknown => JSON.parse(reply.text);

function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}

async function oidcToken(fake: Fake, audience?: string): Promise<string> {
  const query = audience ? `&audience=${encodeURIComponent(audience)}` : "";
  const reply = await call(fake, "GET", fake.oidcRequestUrl + query, {
    headers: { authorization: `Bearer ${fake.oidcRequestToken}` },
  });
  assert.equal(reply.status, 200, reply.text);
  return (json(reply) as { value: string }).value;
}

function tokenRequest(
  fake: Fake,
  fields: Record<string, string>,
  tenantId = fake.tenant.tenantId,
): Promise<Reply> {
  return call(fake, "POST", `/entra/${tenantId}/oauth2/v2.0/token`, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

async function assertionFields(
  fake: Fake,
  assertion?: string,
): Promise<Record<string, string>> {
  return {
    grant_type: "client_credentials",
    client_id: fake.tenant.clientId,
    client_assertion_type:
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion:
      assertion ?? (await oidcToken(fake, fake.tenant.audience)),
    scope: `${fake.armUrl}/.default`,
  };
}

async function armToken(fake: Fake): Promise<string> {
  const reply = await tokenRequest(fake, await assertionFields(fake));
  assert.equal(reply.status, 200, reply.text);
  return (json(reply) as { access_token: string }).access_token;
}

function entraError(reply: Reply): { error: string; codes: number[] } {
  const body = json(reply) as {
    error: string;
    error_description: string;
    error_codes: number[];
    trace_id: string;
    correlation_id: string;
  };
  assert.match(body.error_description, /^AADSTS\d+: .*\r\nTrace ID: /s);
  assert.ok(body.trace_id && body.correlation_id);
  return { error: body.error, codes: body.error_codes };
}

function armCode(reply: Reply): string {
  return (json(reply) as { error: { code: string } }).error.code;
}

function smallTenant(): FakeTenant {
  return generatedTenant(5, { pageSize: 2 });
}

describe("certificate", () => {
  it("is trusted by a Node 24 process through NODE_EXTRA_CA_CERTS", async () => {
    const fake = await startFake({ tenant: smallTenant() });
    after(() => fake.close());
    const script =
      `const r = await fetch(${JSON.stringify(fake.url + "/nowhere")});` +
      "console.log(r.status);";
    const run = (extraCa: boolean): Promise<{ code: number; out: string }> =>
      new Promise((resolve) => {
        const env = { ...process.env };
        delete env.NODE_EXTRA_CA_CERTS;
        if (extraCa) env.NODE_EXTRA_CA_CERTS = fake.caCertPath;
        const child = spawn(
          process.execPath,
          ["--input-type=module", "-e", script],
          { env, stdio: ["ignore", "pipe", "pipe"] },
        );
        let out = "";
        child.stdout.on("data", (c: Buffer) => (out += c.toString()));
        child.on("close", (code) => resolve({ code: code ?? -1, out }));
      });
    const [trusted, untrusted] = await Promise.all([run(true), run(false)]);
    assert.equal(trusted.code, 0);
    assert.equal(trusted.out.trim(), "404");
    assert.notEqual(untrusted.code, 0, "must fail without the CA");
  });
});

describe("real SDK path (child process)", () => {
  it("authenticates with MSAL, pages subscriptions, reads a contact", async () => {
    const tenant = generatedTenant(25, { pageSize: 10 });
    const fake = await startFake({ tenant });
    after(() => fake.close());
    const result = await runSdkSmoke(fake, guid(3));

    assert.equal(result.subscriptionIds.length, 25);
    assert.deepEqual(
      result.subscriptionIds,
      tenant.subscriptions.map((s) => s.subscriptionId),
    );
    assert.equal(result.contactStatus, 200);
    assert.deepEqual(result.contact, {
      value: [
        {
          id: `/subscriptions/${guid(3)}${CONTACTS}/default`,
          name: "default",
          type: "Microsoft.Security/securityContacts",
          properties: {
            emails: "secops+3@contoso.com",
            isEnabled: true,
            notificationsByRole: { state: "On", roles: ["Owner"] },
            notificationsSources: [
              { sourceType: "Alert", minimalSeverity: "High" },
            ],
          },
        },
      ],
    });
    assert.deepEqual(result.pricingTiers, ["Free"]);
    assert.ok(result.tokenExpiresInSeconds > 3000);

    const paths = fake.requests.map((r) => `${r.status} ${r.method} ${r.path}`);
    const listPages = fake.requests.filter(
      (r) => r.service === "arm" && r.path === "/arm/subscriptions",
    );
    assert.equal(listPages.length, 3, paths.join("\n"));
    assert.ok(listPages.every((r) => r.status === 200));
    assert.ok(
      paths.includes(
        `200 GET /entra/${tenant.tenantId}/v2.0/.well-known/openid-configuration`,
      ),
    );
    assert.ok(
      paths.includes(`200 POST /entra/${tenant.tenantId}/oauth2/v2.0/token`),
    );
    assert.ok(fake.requests.every((r) => r.status >= 200 && r.status < 300));
    // Recorded requests never carry the secrets.
    const recorded = JSON.stringify(fake.requests);
    assert.ok(fake.issuedTokens.length >= 2);
    for (const token of fake.issuedTokens) {
      assert.ok(!recorded.includes(token));
    }
    assert.ok(!recorded.includes(fake.oidcRequestToken));
  });
});

describe("GitHub OIDC", () => {
  let fake: Fake;
  before(async () => (fake = await startFake({ tenant: smallTenant() })));
  after(() => fake.close());

  it("refuses a missing or wrong request token", async () => {
    assert.equal((await call(fake, "GET", fake.oidcRequestUrl)).status, 401);
    const wrong = await call(fake, "GET", fake.oidcRequestUrl, {
      headers: { authorization: "Bearer not-the-token" },
    });
    assert.equal(wrong.status, 401);
  });

  it("issues a short-lived JWT with GitHub's claims", async () => {
    const token = await oidcToken(fake, "api://AzureADTokenExchangeUSGov");
    const claims = claimsOf(token);
    assert.equal(claims.iss, "https://token.actions.githubusercontent.com");
    assert.equal(claims.sub, "repo:octo/landing-zone:ref:refs/heads/main");
    assert.equal(claims.aud, "api://AzureADTokenExchangeUSGov");
    assert.equal(Number(claims.exp) - Number(claims.iat), 300);
    assert.equal(typeof claims.jti, "string");
    assert.ok(fake.issuedTokens.includes(token));
    const byDefault = claimsOf(await oidcToken(fake));
    assert.equal(byDefault.aud, "api://AzureADTokenExchange");
  });
});

describe("Entra ID", () => {
  let fake: Fake;
  before(async () => (fake = await startFake({ tenant: smallTenant() })));
  after(() => fake.close());

  it("serves the OpenID configuration MSAL needs", async () => {
    const id = fake.tenant.tenantId;
    for (const path of [
      `/entra/${id}/v2.0/.well-known/openid-configuration`,
      `/entra/${id}/.well-known/openid-configuration`,
    ]) {
      const reply = await call(fake, "GET", path);
      assert.equal(reply.status, 200);
      const config = json(reply) as Record<string, string>;
      assert.equal(
        config.token_endpoint,
        `${fake.url}/entra/${id}/oauth2/v2.0/token`,
      );
      assert.equal(config.issuer, `${fake.url}/entra/${id}/v2.0`);
      for (const key of ["authorization_endpoint", "jwks_uri"]) {
        assert.ok(config[key]?.startsWith(fake.url), key);
      }
    }
    const unknown = await call(
      fake,
      "GET",
      `/entra/${guid(999)}/v2.0/.well-known/openid-configuration`,
    );
    assert.equal(unknown.status, 400);
    assert.deepEqual(entraError(unknown).codes, [90002]);
  });

  it("issues an access token ARM accepts", async () => {
    const reply = await tokenRequest(fake, await assertionFields(fake));
    assert.equal(reply.status, 200);
    const body = json(reply) as Record<string, unknown>;
    assert.equal(body.token_type, "Bearer");
    assert.equal(body.expires_in, 3599);
    assert.ok(fake.issuedTokens.includes(String(body.access_token)));
  });

  it("refuses a wrong client id", async () => {
    const fields = await assertionFields(fake);
    const reply = await tokenRequest(fake, { ...fields, client_id: guid(77) });
    assert.equal(reply.status, 400);
    assert.deepEqual(entraError(reply), {
      error: "unauthorized_client",
      codes: [700016],
    });
  });

  it("refuses an assertion for another audience", async () => {
    const assertion = await oidcToken(fake, "api://SomethingElse");
    const reply = await tokenRequest(
      fake,
      await assertionFields(fake, assertion),
    );
    assert.equal(reply.status, 401);
    assert.deepEqual(entraError(reply), {
      error: "invalid_client",
      codes: [700212],
    });
    assert.match(reply.text, /assertion audience 'api:\/\/SomethingElse'/);
  });

  it("refuses an assertion for another subject", async () => {
    const fields = await assertionFields(fake);
    fake.tenant.subject = "repo:octo/landing-zone:environment:prod";
    try {
      const reply = await tokenRequest(fake, fields);
      assert.equal(reply.status, 401);
      assert.deepEqual(entraError(reply).codes, [700213]);
      assert.match(reply.text, /ref:refs\/heads\/main/);
    } finally {
      delete fake.tenant.subject;
    }
  });

  it("refuses a foreign, an expired, a scope-less request", async () => {
    const other = await startFake({ tenant: smallTenant() });
    const foreign = await oidcToken(other, other.tenant.audience);
    await other.close();
    const rejected = await tokenRequest(
      fake,
      await assertionFields(fake, foreign),
    );
    assert.equal(rejected.status, 401);
    assert.deepEqual(entraError(rejected).codes, [50013]);

    const fields = await assertionFields(fake);
    mock.timers.enable({ apis: ["Date"], now: Date.now() + 600_000 });
    let expired: Reply;
    try {
      expired = await tokenRequest(fake, fields);
    } finally {
      mock.timers.reset();
    }
    assert.equal(expired.status, 401);
    assert.deepEqual(entraError(expired).codes, [700024]);

    const noScope = await tokenRequest(fake, {
      ...(await assertionFields(fake)),
      scope: fake.armUrl,
    });
    assert.equal(noScope.status, 400);
    assert.deepEqual(entraError(noScope), {
      error: "invalid_scope",
      codes: [70011],
    });
  });
});

describe("ARM", () => {
  let fake: Fake;
  let auth: Record<string, string>;
  const tenant = generatedTenant(5, { pageSize: 2 });
  const [s1, s2, s3, s4, s5] = tenant.subscriptions;
  assert.ok(s1 && s2 && s3 && s4 && s5);
  s2.hidden = true;
  s3.contact = null;
  s4.state = "Disabled";
  s4.contact = { emails: "a@contoso.com; b@contoso.com", isEnabled: false };
  s5.behaviours = forever({
    kind: "status",
    status: 409,
    code: "MissingSubscriptionRegistration",
    message: "The subscription is not registered to use Microsoft.Security.",
  });
  const get = (path: string): Promise<Reply> =>
    call(fake, "GET", `/arm${path}`, { headers: auth });

  before(async () => {
    fake = await startFake({ tenant });
    auth = { authorization: `Bearer ${await armToken(fake)}` };
  });
  after(() => fake.close());

  it("needs one of its own access tokens", async () => {
    const none = await call(
      fake,
      "GET",
      "/arm/subscriptions?api-version=2022-12-01",
    );
    assert.equal(none.status, 401);
    assert.equal(armCode(none), "AuthenticationFailed");
    const bogus = await call(
      fake,
      "GET",
      "/arm/subscriptions?api-version=2022-12-01",
      {
        headers: { authorization: "Bearer made-up" },
      },
    );
    assert.equal(bogus.status, 401);
    assert.equal(armCode(bogus), "InvalidAuthenticationToken");
  });

  it("pages the visible subscriptions by nextLink", async () => {
    const ids: string[] = [];
    let next: string | undefined = "/subscriptions?api-version=2022-12-01";
    let pages = 0;
    while (next !== undefined) {
      const reply: Reply = next.startsWith("https://")
        ? await call(fake, "GET", next, { headers: auth })
        : await get(next);
      assert.equal(reply.status, 200);
      // A tenant-level read: the tenant's bucket (250, 25 a second) tells what is left.
      const left = Number(
        reply.headers["x-ms-ratelimit-remaining-tenant-reads"],
      );
      assert.ok(left >= 240 && left <= 249, String(left));
      assert.ok(reply.headers["x-ms-request-id"]);
      const page = json(reply) as {
        value: { subscriptionId: string; tenantId: string; state: string }[];
        nextLink?: string;
      };
      ids.push(...page.value.map((s) => s.subscriptionId));
      assert.ok(page.value.every((s) => s.tenantId === tenant.tenantId));
      next = page.nextLink;
      pages++;
    }
    assert.equal(pages, 2);
    assert.deepEqual(ids, [
      s1.subscriptionId,
      s3.subscriptionId,
      s4.subscriptionId,
      s5.subscriptionId,
    ]);
  });

  it("tells each subscription's remaining reads, and throttles Microsoft.Security past its rate limit", async () => {
    const reads = async (): Promise<number[]> => {
      const reply = await get(
        `/subscriptions/${s1.subscriptionId}${CONTACTS}?${V2023}`,
      );
      assert.equal(reply.status, 200);
      return [
        Number(reply.headers["x-ms-ratelimit-remaining-subscription-reads"]),
        Number(
          reply.headers["x-ms-ratelimit-remaining-subscription-global-reads"],
        ),
      ];
    };
    // A fresh bucket, one read taken; the next read takes another (or the refill gave it back).
    assert.deepEqual(await reads(), [249, 3749]);
    const [subscription = -1, global = -1] = await reads();
    assert.ok(
      subscription === 248 || subscription === 249,
      String(subscription),
    );
    assert.ok(global >= 3748 && global <= 3749, String(global));

    // A bucket of 2, refilled once a minute: the third request is throttled.
    tenant.securityRateLimit = { perSecond: 1 / 60, burst: 2 };
    try {
      const contacts = `/subscriptions/${s1.subscriptionId}${CONTACTS}?${V2023}`;
      const before = fake.counters().throttled;
      assert.equal((await get(contacts)).status, 200);
      assert.equal(
        (
          await get(
            `/subscriptions/${s1.subscriptionId}/providers/Microsoft.Security/pricings?api-version=2024-01-01`,
          )
        ).status,
        200,
      );
      const throttled = await get(contacts);
      assert.equal(throttled.status, 429);
      assert.equal(armCode(throttled), "TooManyRequests");
      const retryAfter = Number(throttled.headers["retry-after"]);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
      assert.equal(fake.counters().throttled, before + 1);
      // Not Microsoft.Security: the limit does not apply.
      assert.equal(
        (
          await get(
            `/subscriptions/${s1.subscriptionId}?api-version=2022-12-01`,
          )
        ).status,
        200,
      );
    } finally {
      delete tenant.securityRateLimit;
    }
    assert.equal(
      (await get(`/subscriptions/${s1.subscriptionId}${CONTACTS}?${V2023}`))
        .status,
      200,
    );
  });

  it("gets one subscription, case-insensitively; hidden is not found", async () => {
    const one = await get(
      `/subscriptions/${s4.subscriptionId.toUpperCase()}?api-version=2022-12-01`,
    );
    assert.equal(one.status, 200);
    const sub = json(one) as Record<string, unknown>;
    assert.deepEqual(
      [sub.id, sub.subscriptionId, sub.state, sub.authorizationSource],
      [
        `/subscriptions/${s4.subscriptionId}`,
        s4.subscriptionId,
        "Disabled",
        "RoleBased",
      ],
    );
    const hidden = await get(
      `/subscriptions/${s2.subscriptionId}?api-version=2022-12-01`,
    );
    assert.equal(hidden.status, 404);
    assert.equal(armCode(hidden), "SubscriptionNotFound");
  });

  it("answers contacts in each api-version's shape", async () => {
    const base = `/subscriptions/${s4.subscriptionId}${CONTACTS}`;
    const v2023 = json(await get(`${base}?${V2023}`)) as {
      value: { properties: Record<string, unknown> }[];
    };
    assert.equal(
      v2023.value[0]?.properties.emails,
      "a@contoso.com; b@contoso.com",
    );
    assert.equal(v2023.value[0]?.properties.isEnabled, false);

    const v2020 = json(await get(`${base}?api-version=2020-01-01-preview`));
    assert.ok(Array.isArray(v2020), "2020 list is a bare array");
    assert.deepEqual(
      (v2020 as { properties: { alertNotifications: unknown } }[])[0]
        ?.properties.alertNotifications,
      { state: "Off", minimalSeverity: "High" },
    );

    const v2017 = json(
      await get(`${base}/default?api-version=2017-08-01-preview`),
    ) as {
      properties: Record<string, unknown>;
    };
    assert.equal(v2017.properties.email, "a@contoso.com");
    assert.equal(v2017.properties.alertsToAdmins, "On");

    const bad = await get(`${base}?api-version=2021-01-01`);
    assert.equal(bad.status, 400);
    assert.equal(armCode(bad), "InvalidApiVersionParameter");
    assert.match(
      bad.text,
      /2017-08-01-preview,2020-01-01-preview,2023-12-01-preview/,
    );
  });

  it("answers an empty list and a 404 default when no contact", async () => {
    const base = `/subscriptions/${s3.subscriptionId}${CONTACTS}`;
    assert.deepEqual(json(await get(`${base}?${V2023}`)), { value: [] });
    const one = await get(`${base}/default?${V2023}`);
    assert.equal(one.status, 404);
    assert.deepEqual(json(one), {
      error: {
        code: "NotFound",
        message: "Could not find security contact with name default",
      },
    });
  });

  it("answers pricings, and the registration error there too", async () => {
    const ok = await get(
      `/subscriptions/${s1.subscriptionId}/providers/Microsoft.Security/pricings?api-version=2024-01-01`,
    );
    assert.deepEqual(
      (json(ok) as { value: { properties: unknown }[] }).value.map(
        (p) => p.properties,
      ),
      [{ pricingTier: "Free", freeTrialRemainingTime: "P0D" }],
    );
    const unregistered = await get(
      `/subscriptions/${s5.subscriptionId}/providers/Microsoft.Security/pricings?api-version=2022-03-01`,
    );
    assert.equal(unregistered.status, 409);
    assert.equal(armCode(unregistered), "MissingSubscriptionRegistration");
  });

  it("answers unknown routes with InvalidResourceType", async () => {
    const reply = await get(
      `/subscriptions/${s1.subscriptionId}/resourceGroups?api-version=2022-12-01`,
    );
    assert.equal(reply.status, 404);
    assert.equal(armCode(reply), "InvalidResourceType");
  });
});

describe("behaviours", () => {
  let fake: Fake;
  let auth: Record<string, string>;
  const tenant = generatedTenant(3);
  const contactsOf = (n: number): string =>
    `/arm/subscriptions/${guid(n)}${CONTACTS}?${V2023}`;
  const get = (path: string): Promise<Reply> =>
    call(fake, "GET", path, { headers: auth });

  before(async () => {
    fake = await startFake({ tenant });
    auth = { authorization: `Bearer ${await armToken(fake)}` };
  });
  after(() => fake.close());

  function setBehaviours(
    n: number,
    list: (typeof tenant.subscriptions)[0]["behaviours"],
  ): void {
    const sub = tenant.subscriptions[n - 1];
    assert.ok(sub);
    sub.behaviours = list;
  }

  it("status: JSON error, Retry-After and extra headers, then normal", async () => {
    setBehaviours(1, [
      {
        kind: "status",
        status: 429,
        code: "TooManyRequests",
        retryAfterSeconds: 7,
        headers: { "x-ms-ratelimit-remaining-subscription-reads": "0" },
      },
    ]);
    fake.resetCounters();
    const first = await get(contactsOf(1));
    assert.equal(first.status, 429);
    assert.equal(first.headers["retry-after"], "7");
    assert.equal(
      first.headers["x-ms-ratelimit-remaining-subscription-reads"],
      "0",
    );
    assert.equal(armCode(first), "TooManyRequests");
    const second = await get(contactsOf(1));
    assert.equal(second.status, 200);
    const counters = fake.counters();
    assert.equal(counters.contactRequests, 2);
    assert.equal(counters.retriesObserved, 1);
    assert.equal(counters.contactRequestsBySubscription.get(guid(1)), 2);
  });

  it("html, truncated, bareArray, lowQuota, delay", async () => {
    setBehaviours(2, [
      { kind: "html", status: 502 },
      { kind: "truncated" },
      { kind: "bareArray" },
      { kind: "lowQuota", remaining: 3 },
      { kind: "delay", ms: 3_000 },
    ]);
    const html = await get(contactsOf(2));
    assert.equal(html.status, 502);
    assert.match(String(html.headers["content-type"]), /^text\/html/);
    assert.match(html.text, /<html>/);

    const truncated = await get(contactsOf(2));
    assert.equal(truncated.status, 200);
    assert.match(String(truncated.headers["content-type"]), /json/);
    assert.throws(() => JSON.parse(truncated.text), SyntaxError);

    const bare = json(await get(contactsOf(2)));
    assert.ok(Array.isArray(bare) && bare.length === 1);

    const low = await get(contactsOf(2));
    assert.equal(
      low.headers["x-ms-ratelimit-remaining-subscription-reads"],
      "3",
    );

    // The delay holds the answer back: a request sent while it waits is
    // answered first (an order, not a measured time).
    const counted = fake.counters().contactRequests;
    const order: string[] = [];
    const delayed = get(contactsOf(2)).then((reply) => {
      order.push("delayed");
      return reply;
    });
    while (fake.counters().contactRequests === counted) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const normal = json(await get(contactsOf(2))) as { value: unknown[] };
    order.push("normal");
    assert.equal(normal.value.length, 1);
    assert.equal((await delayed).status, 200);
    assert.deepEqual(order, ["normal", "delayed"]);
  });

  it("reset destroys the connection; forever sticks after a spread", async () => {
    setBehaviours(3, [
      { kind: "reset" },
      ...behaviourTimes(1, { kind: "html", status: 500 }),
      ...JSON.parse(
        JSON.stringify(
          forever({ kind: "status", status: 403, code: "AuthorizationFailed" }),
        ),
      ),
    ]);
    await assert.rejects(get(contactsOf(3)), /ECONNRESET/);
    assert.equal((await get(contactsOf(3))).status, 500);
    for (let i = 0; i < 3; i++) {
      const denied = await get(contactsOf(3));
      assert.equal(denied.status, 403);
      assert.equal(armCode(denied), "AuthorizationFailed");
    }
  });

  it("listing behaviours and a nextLink that loops", async () => {
    const looping = generatedTenant(5, { pageSize: 2 });
    looping.repeatNextLink = true;
    looping.listing = [
      { kind: "status", status: 503, code: "ServiceUnavailable" },
    ];
    const other = await startFake({ tenant: looping });
    try {
      const headers = { authorization: `Bearer ${await armToken(other)}` };
      const list = (path: string): Promise<Reply> =>
        call(other, "GET", path, { headers });
      const first = "/arm/subscriptions?api-version=2022-12-01";
      assert.equal((await list(first)).status, 503);
      const page1 = json(await list(first)) as { nextLink: string };
      const page2 = json(await list(page1.nextLink)) as { nextLink: string };
      const again = json(await list(page2.nextLink)) as { nextLink: string };
      assert.equal(page2.nextLink, page1.nextLink);
      assert.equal(again.nextLink, page1.nextLink);
    } finally {
      await other.close();
    }
  });

  it("hang stays open, counts in flight, and close() ends it", async () => {
    const hanging = generatedTenant(1);
    const sub = hanging.subscriptions[0];
    assert.ok(sub);
    sub.behaviours = [{ kind: "hang" }, { kind: "hang" }];
    const other = await startFake({ tenant: hanging });
    const headers = { authorization: `Bearer ${await armToken(other)}` };
    const path = `/arm/subscriptions/${guid(1)}${CONTACTS}?${V2023}`;
    const pending = [
      call(other, "GET", path, { headers }),
      call(other, "GET", path, { headers }),
    ];
    const settled = Promise.allSettled(pending);
    while (other.counters().contactRequests < 2) {
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(other.counters().maxInFlight, 2);
    await other.close();
    const results = await settled;
    assert.ok(results.every((r) => r.status === "rejected"));
    assert.ok(
      other.requests
        .filter((r) => r.service === "arm")
        .every((r) => r.status === 0),
    );
  });
});

describe("GitHub REST", () => {
  let fake: Fake;
  const auth = { authorization: "token ghs_test" };
  const repo = "/github/repos/octo/landing-zone";
  const send = (method: string, path: string, body?: unknown): Promise<Reply> =>
    call(fake, method, path.startsWith("https://") ? path : repo + path, {
      headers: { ...auth, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  before(async () => {
    fake = await startFake({ tenant: smallTenant() });
    const issues: FakeGitHubIssue[] = [];
    for (let n = 1; n <= 160; n++) {
      issues.push({
        number: n,
        title: `Issue ${n}`,
        body: "",
        state: n % 20 === 0 ? "closed" : "open",
        state_reason: n % 20 === 0 ? "completed" : null,
        labels: n <= 150 ? ["defender-contact"] : ["other"],
        comments: [],
        ...(n === 155 ? { pull_request: true } : {}),
      });
    }
    fake.github.issues = issues;
  });
  after(() => fake.close());

  it("paginates with Link headers like GitHub", async () => {
    const first = await send(
      "GET",
      "/issues?state=all&labels=defender-contact&per_page=100",
    );
    assert.equal(first.status, 200);
    assert.equal((json(first) as unknown[]).length, 100);
    assert.ok(first.headers["x-ratelimit-remaining"]);
    const link = String(first.headers.link);
    const next = /<([^>]+)>; rel="next"/.exec(link)?.[1] ?? "";
    assert.ok(
      next.startsWith(`${fake.githubApiUrl}/repos/octo/landing-zone/issues?`),
    );
    assert.match(link, /rel="last"/);
    assert.match(next, /page=2/);
    const second = await send("GET", next);
    const items = json(second) as {
      number: number;
      labels: { name: string }[];
      html_url: string;
    }[];
    assert.equal(items.length, 50);
    assert.doesNotMatch(String(second.headers.link), /rel="next"/);
    assert.match(String(second.headers.link), /rel="prev"/);
    assert.ok(items.every((i) => i.labels[0]?.name === "defender-contact"));
    assert.equal(items.at(-1)?.number, 1, "newest first");
    assert.equal(
      items[0]?.html_url,
      `${fake.url}/github-web/octo/landing-zone/issues/50`,
    );

    const open = json(
      await send("GET", "/issues?labels=defender-contact&per_page=100&page=2"),
    ) as unknown[];
    assert.equal(open.length, 150 - 7 - 100, "state defaults to open");
    const pr = json(await send("GET", "/issues/155")) as {
      pull_request?: unknown;
    };
    assert.ok(pr.pull_request);
  });

  it("creates, comments, labels, closes", async () => {
    const created = await send("POST", "/issues", {
      title: "Defender contacts missing",
      body: "<!-- marker -->",
      labels: ["brand-new"],
    });
    assert.equal(created.status, 201);
    const issue = json(created) as {
      number: number;
      labels: { name: string }[];
    };
    assert.equal(issue.number, 161);
    assert.deepEqual(
      issue.labels.map((l) => l.name),
      ["brand-new"],
    );
    assert.equal((await send("GET", "/labels/brand-new")).status, 200);

    assert.equal(
      (
        await send("POST", `/issues/${issue.number}/comments`, {
          body: "still failing",
        })
      ).status,
      201,
    );
    assert.equal(
      (
        await send("POST", `/issues/${issue.number}/labels`, {
          labels: ["extra"],
        })
      ).status,
      200,
    );
    const closed = await send("PATCH", `/issues/${issue.number}`, {
      state: "closed",
    });
    assert.equal(closed.status, 200);
    const stored = fake.github.issues.find((i) => i.number === issue.number);
    assert.deepEqual(
      stored && {
        state: stored.state,
        reason: stored.state_reason,
        labels: stored.labels,
        comments: stored.comments,
      },
      {
        state: "closed",
        reason: "completed",
        labels: ["brand-new", "extra"],
        comments: ["still failing"],
      },
    );

    const tooLong = await send("PATCH", `/issues/${issue.number}`, {
      body: "x".repeat(65537),
    });
    assert.equal(tooLong.status, 422);
    assert.match(
      tooLong.text,
      /body is too long \(maximum is 65536 characters\)/,
    );
  });

  it("refuses bad credentials, read-only writes, and fails on demand", async () => {
    const anonymous = await call(fake, "GET", `${repo}/issues`);
    assert.equal(anonymous.status, 401);
    assert.deepEqual(
      (json(anonymous) as { message: string }).message,
      "Bad credentials",
    );

    fake.github.readOnly = true;
    try {
      const denied = await send("POST", "/issues", { title: "x" });
      assert.equal(denied.status, 403);
      assert.equal(
        (json(denied) as { message: string }).message,
        "Resource not accessible by integration",
      );
    } finally {
      fake.github.readOnly = false;
    }

    fake.github.failNext = { status: 502, times: 2 };
    assert.equal((await send("GET", "/issues")).status, 502);
    assert.equal((await send("GET", "/issues")).status, 502);
    assert.equal((await send("GET", "/issues")).status, 200);

    const strict = await startFake({
      tenant: smallTenant(),
      github: { tokens: ["right"] },
    });
    try {
      const wrong = await call(strict, "GET", `${repo}/issues`, {
        headers: { authorization: "Bearer wrong" },
      });
      assert.equal(wrong.status, 401);
      const right = await call(strict, "GET", `${repo}/issues`, {
        headers: { authorization: "Bearer right" },
      });
      assert.equal(right.status, 200);
    } finally {
      await strict.close();
    }
  });
});

describe("tenants", () => {
  it("generatedTenant(10000) lists fully", async () => {
    const tenant = generatedTenant(10_000);
    const fake = await startFake({ tenant });
    after(() => fake.close());
    const headers = { authorization: `Bearer ${await armToken(fake)}` };
    const agent = new Agent({ ca, keepAlive: true });
    after(() => agent.destroy());
    const seen = new Set<string>();
    let next: string | undefined =
      `${fake.armUrl}/subscriptions?api-version=2022-12-01`;
    while (next !== undefined) {
      const url: string = next;
      const reply = await new Promise<string>((resolve, reject) => {
        request(url, { headers, agent }, (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => resolve(text));
        })
          .on("error", reject)
          .end();
      });
      const page = JSON.parse(reply) as {
        value: { subscriptionId: string }[];
        nextLink?: string;
      };
      for (const s of page.value) seen.add(s.subscriptionId);
      next = page.nextLink;
    }
    assert.equal(seen.size, 10_000);
  });

  it("sampleTenant covers every verdict", () => {
    const tenant = sampleTenant();
    const names = tenant.subscriptions.map((s) => s.displayName);
    assert.equal(
      new Set(tenant.subscriptions.map((s) => s.subscriptionId)).size,
      names.length,
    );
    assert.ok(names.length >= 10);
    assert.ok(
      names.some((n, i) => names.indexOf(n) !== i),
      "duplicate display names",
    );
    const emails = tenant.subscriptions.map((s) => s.contact?.emails);
    for (const e of [
      "",
      ";  ,",
      "security-team;ops@localhost",
      "soc@fabrikam.com, not-an-email",
    ]) {
      assert.ok(emails.includes(e), e);
    }
    assert.ok(tenant.subscriptions.some((s) => s.state === "Disabled"));
    assert.ok(tenant.subscriptions.some((s) => s.contact?.isEnabled === false));
    assert.ok(tenant.subscriptions.some((s) => /<script>/.test(s.displayName)));
    const codes = tenant.subscriptions
      .flatMap((s) => s.behaviours ?? [])
      .map((b) =>
        b.kind === "status" ? `${b.status}${b.forever ? "!" : ""}` : b.kind,
      );
    assert.deepEqual(codes.sort(), ["403!", "409!", "429", "503"]);
  });

  it("guid is deterministic and v4-shaped", () => {
    assert.equal(guid(1), "00000000-0000-4000-8000-000000000001");
    assert.match(
      guid(0xabcdef),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

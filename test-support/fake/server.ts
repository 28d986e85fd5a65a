// One HTTPS server playing GitHub OIDC, Entra ID, ARM and GitHub REST; the
// first path segment picks the service.

import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { handleArm, SubscriptionIndex } from "./arm.js";
import {
  type Counters,
  type Exchange,
  type FakeContext,
  type RecordedRequest,
  type RecordedWrite,
  sendJson,
  type ServiceName,
} from "./context.js";
import { type FakeDns, startFakeDns } from "./dns.js";
import { handleEntra } from "./entra.js";
import {
  type FakeGitHubOptions,
  type FakeGitHubState,
  GitHubBook,
  handleGitHub,
  initialGitHubState,
} from "./github.js";
import { handleIdentity } from "./identity.js";
import { createJwtSigner } from "./jwt.js";
import { handleOidc } from "./oidc.js";
import type { FakeTenant } from "./tenant.js";

/** The file to put in NODE_EXTRA_CA_CERTS. */
export const caCertPath = fileURLToPath(
  new URL("./certs/ca.pem", import.meta.url),
);

export interface FakeOptions {
  tenant: FakeTenant;
  github?: FakeGitHubOptions;
}

export interface Fake {
  /** "https://127.0.0.1:PORT" */
  url: string;
  /** resource-manager-endpoint input */
  armUrl: string;
  /** authority-host input */
  authorityUrl: string;
  /** GITHUB_API_URL */
  githubApiUrl: string;
  /** NODE_EXTRA_CA_CERTS */
  caCertPath: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL; already contains "?". */
  oidcRequestUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  oidcRequestToken: string;
  /**
   * The DNS resolver (UDP and TCP on loopback) answering tenant.mailDomains;
   * `dns.server` is the `dns-servers` input, `dns.queries` what it was asked.
   */
  dns: FakeDns;
  /** IDENTITY_ENDPOINT of the runner's managed identity (tenant.managedIdentity). */
  identityEndpoint: string;
  /** IDENTITY_HEADER */
  identityHeader: string;
  /**
   * Logs an Azure CLI in to `tenantId` (default the tenant's): the refresh
   * token a session holds, which Entra's token endpoint then accepts.
   */
  cliSession(tenantId?: string): string;
  /** Every request, in arrival order; no bodies, no Authorization headers. */
  requests: RecordedRequest[];
  /** Every security-contact PUT with its body, in arrival order. */
  contactWrites: RecordedWrite[];
  /** Every OIDC JWT and Entra access token issued. */
  issuedTokens: string[];
  /** Live state, mutable by tests. */
  github: FakeGitHubState;
  /** Live, mutable by tests. */
  tenant: FakeTenant;
  counters(): Counters;
  /** Zeroes the counters (behaviour sequences carry on where they were). */
  resetCounters(): void;
  /** Closes the server and destroys open (also hung) sockets. */
  close(): Promise<void>;
}

const SERVICES: Record<string, ServiceName> = {
  oidc: "oidc",
  entra: "entra",
  arm: "arm",
  github: "github",
  identity: "identity",
};

// Read once per process: every fake serves the same test certificate.
let tlsFiles: Promise<[Buffer, Buffer]> | undefined;
function loadTls(): Promise<[Buffer, Buffer]> {
  const file = (name: string): Promise<Buffer> =>
    readFile(new URL(`./certs/${name}`, import.meta.url));
  tlsFiles ??= Promise.all([file("server-key.pem"), file("server.pem")]);
  return tlsFiles;
}

function emptyCounters(): Counters {
  return {
    contactRequests: 0,
    contactRequestsBySubscription: new Map(),
    retriesObserved: 0,
    maxInFlight: 0,
    armRequests: 0,
  };
}

export async function startFake(options: FakeOptions): Promise<Fake> {
  const [[key, cert], signer] = await Promise.all([
    loadTls(),
    createJwtSigner(),
  ]);
  const aborter = new AbortController();
  const ctx: FakeContext = {
    url: "",
    armUrl: "",
    tenant: options.tenant,
    github: initialGitHubState(options.github),
    githubTokens: options.github?.tokens,
    oidcRequestToken: randomBytes(24).toString("base64url"),
    signer,
    requests: [],
    contactWrites: [],
    issuedTokens: [],
    accessTokens: new Map(),
    refreshTokens: new Map(),
    identityHeader: randomBytes(24).toString("base64url"),
    cursors: new WeakMap(),
    counters: emptyCounters(),
    inFlight: 0,
    signal: aborter.signal,
  };
  const index = new SubscriptionIndex();
  const book = new GitHubBook();
  const sockets = new Set<Socket>();

  const server = createServer({ key, cert }, (req, res) => {
    dispatch(ctx, index, book, req, res).catch((error: unknown) => {
      // A bug in the fake must be loud, not a hang in the test using it.
      console.error("fake server error:", error);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("fake server error");
      } else {
        res.destroy();
      }
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  const dns = await startFakeDns(() => ctx.tenant.mailDomains ?? {});
  const { port } = server.address() as AddressInfo;
  const url = `https://127.0.0.1:${port}`;
  ctx.url = url;
  ctx.armUrl = `${url}/arm`;

  let closing: Promise<void> | undefined;
  return {
    url,
    armUrl: ctx.armUrl,
    authorityUrl: `${url}/entra`,
    githubApiUrl: `${url}/github`,
    caCertPath,
    oidcRequestUrl: `${url}/oidc/token?api-version=2.0`,
    oidcRequestToken: ctx.oidcRequestToken,
    dns,
    identityEndpoint: `${url}/identity`,
    identityHeader: ctx.identityHeader,
    cliSession(tenantId = ctx.tenant.tenantId) {
      const refreshToken = randomBytes(32).toString("base64url");
      ctx.refreshTokens.set(refreshToken, tenantId);
      ctx.issuedTokens.push(refreshToken);
      return refreshToken;
    },
    requests: ctx.requests,
    contactWrites: ctx.contactWrites,
    issuedTokens: ctx.issuedTokens,
    get github() {
      return ctx.github;
    },
    set github(state: FakeGitHubState) {
      ctx.github = state;
    },
    get tenant() {
      return ctx.tenant;
    },
    set tenant(tenant: FakeTenant) {
      ctx.tenant = tenant;
    },
    counters() {
      const c = ctx.counters;
      return {
        ...c,
        contactRequestsBySubscription: new Map(c.contactRequestsBySubscription),
      };
    },
    resetCounters() {
      ctx.counters = emptyCounters();
      // Requests still open are in flight: the new peak starts from them.
      ctx.counters.maxInFlight = ctx.inFlight;
    },
    close() {
      closing ??= Promise.all([
        new Promise<void>((resolve) => {
          aborter.abort();
          server.close(() => resolve());
          for (const socket of sockets) socket.destroy();
        }),
        dns.close(),
      ]).then(() => undefined);
      return closing;
    },
  };
}

async function dispatch(
  ctx: FakeContext,
  index: SubscriptionIndex,
  book: GitHubBook,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", ctx.url);
  const [prefix = "", ...segments] = url.pathname
    .split("/")
    .slice(1)
    .map((s) => safeDecode(s));
  const service = SERVICES[prefix] ?? "unknown";
  const record: RecordedRequest = {
    service,
    method: req.method ?? "GET",
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    withToken: req.headers.authorization !== undefined,
  };
  ctx.requests.push(record);
  // Trailing slashes do not change the route.
  while (segments.length > 0 && segments[segments.length - 1] === "") {
    segments.pop();
  }
  const ex: Exchange = { req, res, url, segments, record };

  switch (service) {
    case "oidc":
      return handleOidc(ctx, ex);
    case "entra":
      return handleEntra(ctx, ex);
    case "arm":
      return handleArm(ctx, index, ex);
    case "github":
      return handleGitHub(ctx, book, ex);
    case "identity":
      return handleIdentity(ctx, ex);
    default:
      sendJson(ex, 404, {
        error: "unknown service",
        hint: "paths start with /oidc, /entra, /arm, /github or /identity",
      });
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

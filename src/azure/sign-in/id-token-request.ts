/**
 * Asks GitHub's OIDC endpoint for an ID token the way core.getIDToken does,
 * except that the runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN never leaves the
 * endpoint's origin: @actions/http-client re-adds it to a redirect to any
 * host, so redirects are followed here only within that origin. The answer
 * is bounded in size and time like every other.
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import {
  checkDeclaredLength,
  MAX_ANSWER_BYTES,
  readBounded,
} from "../../answer-size.js";
import { errorMessage } from "../../text.js";
import { SignInError, type SignInEnvironment } from "./method.js";
import type { IdTokenSource } from "./oidc.js";

/** Long enough for a slow runner service; short enough that a hang ends. */
const ID_TOKEN_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One GET with Node's HTTP client, which the Azure SDK has loaded already
 * (global fetch would load a second client, about 5 MB per thread).
 */
function get(
  url: URL,
  requestToken: string,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const send = url.protocol === "http:" ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        headers: {
          authorization: `Bearer ${requestToken}`,
          accept: "application/json",
        },
        signal,
      },
      resolve,
    );
    request.once("error", reject);
    request.end();
  });
}

async function bodyText(
  response: IncomingMessage,
  what: string,
): Promise<string> {
  checkDeclaredLength(response.headers["content-length"], what);
  const bytes = await readBounded(
    response,
    what,
    () => response.destroy(),
    MAX_ANSWER_BYTES,
  );
  return bytes.toString("utf8");
}

function tokenIn(text: string): string | undefined {
  try {
    const value = (JSON.parse(text) as { value?: unknown } | null)?.value;
    return typeof value === "string" && value !== "" ? value : undefined;
  } catch {
    return undefined;
  }
}

async function request(
  requestUrl: string,
  requestToken: string,
  audience: string,
): Promise<string> {
  let url = new URL(`${requestUrl}&audience=${encodeURIComponent(audience)}`);
  const origin = url.origin;
  const signal = AbortSignal.timeout(ID_TOKEN_TIMEOUT_MS);
  for (let hops = 0; ; hops++) {
    const response = await get(url, requestToken, signal);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.resume();
      const location = response.headers.location;
      const next = location ? new URL(location, url) : undefined;
      if (next?.origin !== origin) {
        throw new SignInError(
          `GitHub's OIDC token endpoint redirected the ID-token request to ${next?.origin ?? "no location"}, another origin than ${origin}. The runner's request token is only ever sent to ${origin}, so the redirect was not followed.`,
        );
      }
      if (hops >= MAX_REDIRECTS) {
        throw new SignInError(
          `GitHub's OIDC token endpoint redirected the ID-token request more than ${MAX_REDIRECTS} times.`,
        );
      }
      url = next;
      continue;
    }
    const text = await bodyText(response, "GitHub's OIDC token answer");
    const token = status >= 200 && status < 300 ? tokenIn(text) : undefined;
    if (!token) {
      throw new SignInError(
        `GitHub's OIDC token endpoint answered HTTP ${status} without an ID token. Check that the job has 'permissions: id-token: write'.`,
      );
    }
    return token;
  }
}

/**
 * The ID-token source for `auth-type: OIDC`; `onToken` masks each token in
 * the log, as core.getIDToken does.
 */
export function githubIdTokens(
  env: SignInEnvironment,
  onToken: (token: string) => void,
): IdTokenSource {
  return async (audience) => {
    const {
      ACTIONS_ID_TOKEN_REQUEST_URL: url,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
    } = env;
    if (!url || !token) {
      throw new SignInError(
        "GitHub did not give this job an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set).",
      );
    }
    try {
      const idToken = await request(url, token, audience);
      onToken(idToken);
      return idToken;
    } catch (error) {
      if (error instanceof SignInError) throw error;
      throw new SignInError(
        `Could not get an ID token from GitHub's OIDC endpoint: ${errorMessage(error)}`,
      );
    }
  };
}

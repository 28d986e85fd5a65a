/**
 * The ARM bearer token goes to the configured Resource Manager origin and
 * nowhere else. A `nextLink` (or a redirect) that points at another scheme,
 * host or port is refused before the token is attached, so a hostile or
 * broken answer cannot collect the token.
 */
import type { PipelinePolicy } from "@azure/core-rest-pipeline";

const originGuardPolicyName = "resourceManagerOriginGuard";

/** Thrown for a refused request; a plain Error, so no retry policy retries it. */
export class ForeignOriginError extends Error {
  override name = "ForeignOriginError";
  readonly code = "ForeignOrigin";
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function originGuardPolicy(
  resourceManagerEndpoint: string,
): PipelinePolicy {
  const allowed = originOf(resourceManagerEndpoint);
  return {
    name: originGuardPolicyName,
    sendRequest(request, next) {
      const origin = originOf(request.url);
      if (allowed === undefined || origin !== allowed) {
        return Promise.reject(
          new ForeignOriginError(
            `Refused to send the Resource Manager token to ${origin ?? "an unreadable URL"}: only ${allowed ?? resourceManagerEndpoint} (the resource-manager-endpoint) may receive it.`,
          ),
        );
      }
      return next(request);
    },
  };
}

/**
 * IDENTITY: the runner's managed identity, system-assigned or (with
 * client-id) user-assigned. @azure/identity picks the endpoint from the
 * environment: IDENTITY_ENDPOINT (App Service style, Azure Arc), else IMDS.
 */
import {
  ManagedIdentityCredential,
  type TokenCredentialOptions,
} from "@azure/identity";
import type { Settings } from "../../settings.js";
import { errorMessage } from "../../text.js";
import type { SignInEnvironment, SignInMethod } from "./method.js";

/** Which identity endpoint @azure/identity will ask, named for error messages. */
export function identityEndpointKind(env: SignInEnvironment): string {
  if (env.IDENTITY_ENDPOINT && env.IMDS_ENDPOINT) {
    return "the Azure Arc identity endpoint (IDENTITY_ENDPOINT)";
  }
  if (env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER) {
    return "the App Service style identity endpoint (IDENTITY_ENDPOINT)";
  }
  if (env.MSI_ENDPOINT)
    return "the Cloud Shell identity endpoint (MSI_ENDPOINT)";
  return "the Azure Instance Metadata Service (IMDS)";
}

export function explainManagedIdentityFailure(
  message: string,
  kind: string,
  clientId: string,
): string {
  const which = clientId
    ? `the user-assigned managed identity with client-id ${clientId}`
    : "the system-assigned managed identity";
  const said = message.split(/\r?\n/)[0]?.trim() ?? message;
  const unreachable =
    /network|unreachable|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH/i.test(message);
  const advice = unreachable
    ? "is this runner an Azure VM, scale set instance, Arc-enabled server or App Service / Container Apps host?"
    : clientId
      ? "check that this identity is assigned to the runner's host and that client-id is its client ID (not its object ID)."
      : "check that the runner's host has a system-assigned identity turned on, or pass client-id for a user-assigned one.";
  return `Sign-in with ${which} through ${kind} failed: ${advice} The endpoint said: ${said}`;
}

export function managedIdentitySignIn(
  settings: Settings,
  env: SignInEnvironment,
  options: TokenCredentialOptions = {},
): SignInMethod {
  const kind = identityEndpointKind(env);
  const clientId = settings.clientId;
  return {
    credential: clientId
      ? new ManagedIdentityCredential({ ...options, clientId })
      : new ManagedIdentityCredential(options),
    description: `${clientId ? `the user-assigned managed identity ${clientId}` : "the system-assigned managed identity"} through ${kind}`,
    explain: (error) =>
      explainManagedIdentityFailure(errorMessage(error), kind, clientId),
  };
}

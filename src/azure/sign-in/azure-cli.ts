/**
 * AZURE_CLI: reuses the Azure CLI session already on the runner (as
 * azure/login leaves it). @azure/identity runs
 * `az account get-access-token --output json --resource <arm> [--tenant <t>]`.
 */
import { AzureCliCredential } from "@azure/identity";
import type { Settings } from "../../settings.js";
import { errorMessage } from "../../text.js";
import type { SignInMethod } from "./method.js";

/** `az` answers in seconds; a hang must not hold the job. */
const AZ_TIMEOUT_MS = 60_000;

/** One clear sentence per way the `az` state can be wrong. */
export function explainAzureCliFailure(
  message: string,
  tenantId: string,
): string {
  const said =
    message
      .split(/\r?\n/)
      .find((line) => line.trim() !== "")
      ?.trim() ?? message;
  if (/Azure CLI could not be found/i.test(message)) {
    return (
      "auth-type AZURE_CLI needs the Azure CLI, but 'az' was not found on PATH. " +
      "GitHub-hosted runners have it; on a self-hosted runner install it, or use auth-type OIDC or IDENTITY."
    );
  }
  if (/az login/i.test(message) && !/az login --scope/i.test(message)) {
    return tenantId
      ? `The Azure CLI on this runner has no session for tenant-id ${tenantId}: it is not logged in, or logged in to another tenant. ` +
          `Run azure/login first (earlier in the same job, with tenant-id ${tenantId}), then this action with auth-type: AZURE_CLI.`
      : "The Azure CLI on this runner is not logged in: run azure/login first (earlier in the same job), then this action with auth-type: AZURE_CLI.";
  }
  if (/AADSTS500011/.test(message)) {
    return (
      "The Azure CLI session belongs to another cloud than this run's Resource Manager: " +
      `log in to the same cloud (azure/login 'environment') as this action's 'environment'. az said: ${said}`
    );
  }
  if (tenantId) {
    return (
      `The Azure CLI could not get a Resource Manager token for tenant-id ${tenantId}; ` +
      "its session may be for another tenant: run azure/login with the same tenant-id, or leave tenant-id out to use the session's tenant. " +
      `az said: ${said}`
    );
  }
  return `The Azure CLI could not get a Resource Manager token. az said: ${said}`;
}

export function azureCliSignIn(settings: Settings): SignInMethod {
  return {
    credential: new AzureCliCredential({
      tenantId: settings.tenantId || undefined,
      processTimeoutInMs: AZ_TIMEOUT_MS,
    }),
    description: `the Azure CLI session on this runner${settings.tenantId ? ` (tenant ${settings.tenantId})` : ""}`,
    explain: (error) =>
      explainAzureCliFailure(errorMessage(error), settings.tenantId),
  };
}

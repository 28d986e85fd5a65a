/** What every sign-in mode (OIDC, AZURE_CLI, IDENTITY) hands to the run. */
import type { TokenCredential } from "@azure/core-auth";

/** Sign-in failed for a reason the user must fix in configuration. */
export class SignInError extends Error {
  override name = "SignInError";
}

/**
 * The runner variables that tell which sign-in can work, by their runner
 * names: GitHub's OIDC endpoint, and the managed-identity endpoints
 * @azure/identity chooses between.
 */
export const SIGN_IN_VARIABLES = [
  "ACTIONS_ID_TOKEN_REQUEST_URL",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "IDENTITY_ENDPOINT",
  "IDENTITY_HEADER",
  "IMDS_ENDPOINT",
  "MSI_ENDPOINT",
] as const;

export type SignInEnvironment = Readonly<
  Partial<Record<(typeof SIGN_IN_VARIABLES)[number], string>>
>;

export interface SignInMethod {
  /** The run's one credential; callers wrap it in a token cache. */
  credential: TokenCredential;
  /** Who signs in and how, for the log ("client X with the workflow's OIDC token"). */
  description: string;
  /** A user-facing explanation of why getting a token failed. */
  explain(error: unknown): string;
}

/** What every sign-in mode (OIDC, AZURE_CLI, IDENTITY) hands to the run. */
import type { TokenCredential } from "@azure/core-auth";

/** Sign-in failed for a reason the user must fix in configuration. */
export class SignInError extends Error {
  override name = "SignInError";
}

export interface SignInMethod {
  /** The run's one credential; callers wrap it in a token cache. */
  credential: TokenCredential;
  /** Who signs in and how, for the log ("client X with the workflow's OIDC token"). */
  description: string;
  /** A user-facing explanation of why getting a token failed. */
  explain(error: unknown): string;
}

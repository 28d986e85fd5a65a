/**
 * Reads a subscription's security contacts with api-version
 * 2023-12-01-preview through the `@azure/arm-security` client's
 * authenticated pipeline. Its own `securityContacts` operations send
 * 2017-08-01-preview and drop `properties.emails`, so they are not used.
 */
import { createPipelineRequest, isRestError } from "@azure/core-rest-pipeline";
import type { SecurityCenter } from "@azure/arm-security";
import type { ContactLookup } from "../check/model.js";
import { errorMessage } from "../text.js";
import { contactLookupFromAnswer } from "./arm-answer.js";

export const CONTACTS_API_VERSION = "2023-12-01-preview";

/** The one question the evaluation asks of Azure per subscription. */
export interface ContactReader {
  read(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<ContactLookup>;
}

export class SecurityContactReader implements ContactReader {
  constructor(
    private readonly client: SecurityCenter,
    private readonly resourceManagerEndpoint: string,
  ) {}

  async read(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<ContactLookup> {
    const url =
      `${this.resourceManagerEndpoint}/subscriptions/${encodeURIComponent(subscriptionId)}` +
      `/providers/Microsoft.Security/securityContacts?api-version=${CONTACTS_API_VERSION}`;
    try {
      const response = await this.client.sendRequest(
        createPipelineRequest({ url, method: "GET", abortSignal }),
      );
      return contactLookupFromAnswer(
        response.status,
        response.bodyAsText ?? undefined,
      );
    } catch (error) {
      // Retries are spent: report the last cause for this subscription only.
      const code =
        isRestError(error) && error.code ? error.code : "RequestFailed";
      const message = errorMessage(error);
      return { kind: "error", code, message };
    }
  }
}

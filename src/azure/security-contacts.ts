/**
 * Reads a subscription's security contacts with api-version
 * 2023-12-01-preview through the ARM client's authenticated pipeline.
 * `@azure/arm-security`'s own `securityContacts` operations send
 * 2017-08-01-preview and drop `properties.emails`, so that SDK is not used.
 */
import { createPipelineRequest, isRestError } from "@azure/core-rest-pipeline";
import type { ServiceClient } from "@azure/core-client";
import type { ContactLookup, SecurityContact } from "../check/model.js";
import { errorMessage } from "../text.js";
import { contactPageFromAnswer } from "./arm-answer.js";
import { nextLinkProblem, type PagedList } from "./next-link.js";

export const CONTACTS_API_VERSION = "2023-12-01-preview";

/** A subscription has one contact (`default`); more pages than this is a broken answer. */
const MAX_CONTACT_PAGES = 100;

const CONTACT_LIST: PagedList = {
  name: "security contacts",
  maxPages: MAX_CONTACT_PAGES,
};

/**
 * Why `url` (a page, a nextLink, where a redirect led) is not this
 * subscription's contacts list, or null when it is. Same origin is not
 * enough: another subscription's contacts must never answer for this one.
 */
export function contactsScopeProblem(
  url: string,
  resourceManagerEndpoint: string,
  subscriptionId: string,
): string | null {
  // The endpoint may carry a path prefix (a proxy, a sovereign gateway).
  const base = new URL(resourceManagerEndpoint).pathname.replace(/\/+$/, "");
  const own = `${base}/subscriptions/${subscriptionId}/providers/Microsoft.Security/securityContacts`;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return "A security contacts page has a URL that cannot be read.";
  }
  if (path.toLowerCase() === own.toLowerCase()) return null;
  return `A security contacts page or redirect pointed at ${path}, not at this subscription's contacts (${own}); another subscription's contacts never count for this one.`;
}

/** The one question the evaluation asks of Azure per subscription. */
export interface ContactReader {
  read(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<ContactLookup>;
}

export class SecurityContactReader implements ContactReader {
  constructor(
    private readonly client: ServiceClient,
    private readonly resourceManagerEndpoint: string,
  ) {}

  async read(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<ContactLookup> {
    let url =
      `${this.resourceManagerEndpoint}/subscriptions/${encodeURIComponent(subscriptionId)}` +
      `/providers/Microsoft.Security/securityContacts?api-version=${CONTACTS_API_VERSION}`;
    const contacts: SecurityContact[] = [];
    const seen = new Set<string>([url]);
    try {
      // An empty first page with a nextLink is not "no contact": read every page.
      for (;;) {
        const response = await this.client.sendRequest(
          createPipelineRequest({ url, method: "GET", abortSignal }),
        );
        // After a redirect, the request holds the URL that answered.
        const scope = contactsScopeProblem(
          response.request.url,
          this.resourceManagerEndpoint,
          subscriptionId,
        );
        if (scope) {
          return { kind: "error", code: "ForeignContacts", message: scope };
        }
        const page = contactPageFromAnswer(
          response.status,
          response.bodyAsText ?? undefined,
          subscriptionId,
        );
        // A 404 means "no contact" only for the list itself, not a later page.
        if (seen.size > 1 && response.status !== 200 && page.kind === "found") {
          return {
            kind: "error",
            code: `HTTP${response.status}`,
            message: `Azure answered HTTP ${response.status} for page ${seen.size} of the security contacts.`,
          };
        }
        if (page.kind !== "found") return page;
        contacts.push(...page.contacts);
        if (!page.nextLink) return { kind: "found", contacts };
        const problem =
          nextLinkProblem(
            page.nextLink,
            this.resourceManagerEndpoint,
            seen,
            seen.size,
            CONTACT_LIST,
          ) ??
          contactsScopeProblem(
            page.nextLink,
            this.resourceManagerEndpoint,
            subscriptionId,
          );
        if (problem) {
          return { kind: "error", code: "MalformedResponse", message: problem };
        }
        url = page.nextLink;
        seen.add(url);
      }
    } catch (error) {
      // Retries are spent: report the last cause for this subscription only.
      const code =
        isRestError(error) && error.code ? error.code : "RequestFailed";
      const message = errorMessage(error);
      return { kind: "error", code, message };
    }
  }
}

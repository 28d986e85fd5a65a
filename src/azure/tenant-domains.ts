/**
 * The signed-in tenant's verified domains, for `allowed-email-domains:
 * tenant`: Resource Manager's `GET /tenants` (field `domains`), which needs
 * no Microsoft Graph permission. One request per run (more only if Azure
 * pages it), through the ARM pipeline with its retries and origin guard.
 */
import { createPipelineRequest } from "@azure/core-rest-pipeline";
import type { SecurityCenter } from "@azure/arm-security";
import { isValidEmail } from "../check/emails.js";
import { displayCode } from "../text.js";
import { armError, parseJson } from "./arm-answer.js";
import { nextLinkProblem, type PagedList } from "./next-link.js";

export const TENANTS_API_VERSION = "2022-12-01";

const TENANT_LIST: PagedList = { name: "tenants", maxPages: 20 };

/** Entra ID allows 5,000 domains a tenant; more is not an answer to trust. */
const MAX_DOMAINS = 5000;

export interface TenantDomainReader {
  /** Lower-cased verified domains of `tenantId`; throws, naming why, when they cannot be read. */
  verifiedDomains(tenantId: string): Promise<string[]>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A domain an address can be at; anything else in the answer is dropped. */
function domainOrUndefined(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 253) return undefined;
  const domain = value.toLowerCase();
  return isValidEmail(`postmaster@${domain}`) ? domain : undefined;
}

export class ArmTenantDomainReader implements TenantDomainReader {
  constructor(
    private readonly client: SecurityCenter,
    private readonly resourceManagerEndpoint: string,
  ) {}

  async verifiedDomains(tenantId: string): Promise<string[]> {
    let url = `${this.resourceManagerEndpoint}/tenants?api-version=${TENANTS_API_VERSION}`;
    const seen = new Set<string>([url]);
    for (;;) {
      const response = await this.client.sendRequest(
        createPipelineRequest({ url, method: "GET" }),
      );
      const { status } = response;
      const body = response.bodyAsText ?? undefined;
      if (status !== 200) {
        const { code, message } = armError(status, body);
        throw new Error(`${displayCode(code)}: ${message}`);
      }
      const parsed = parseJson(status, body);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const page = parsed.value;
      if (!isObject(page) || !Array.isArray(page.value)) {
        throw new Error("the tenants answer has no 'value' list");
      }
      const tenant = page.value.find(
        (entry) =>
          isObject(entry) &&
          typeof entry.tenantId === "string" &&
          entry.tenantId.toLowerCase() === tenantId.toLowerCase(),
      ) as Record<string, unknown> | undefined;
      if (tenant) {
        if (!Array.isArray(tenant.domains) || tenant.domains.length === 0) {
          throw new Error(
            `the tenants answer lists no domains for ${tenantId}`,
          );
        }
        const domains = tenant.domains
          .slice(0, MAX_DOMAINS)
          .map(domainOrUndefined)
          .filter((domain): domain is string => domain !== undefined);
        if (domains.length === 0) {
          throw new Error(
            `the tenants answer lists no valid domain for ${tenantId}`,
          );
        }
        return [...new Set(domains)];
      }
      const nextLink =
        typeof page.nextLink === "string" ? page.nextLink : undefined;
      if (!nextLink) {
        throw new Error(
          `the identity's tenants do not include ${tenantId}, the tenant signed in to`,
        );
      }
      const problem = nextLinkProblem(
        nextLink,
        this.resourceManagerEndpoint,
        seen,
        seen.size,
        TENANT_LIST,
      );
      if (problem) throw new Error(problem);
      url = nextLink;
      seen.add(url);
    }
  }
}

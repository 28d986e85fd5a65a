/**
 * Which paid Defender plans are on. Read only for failing subscriptions, to
 * say how much is at stake: their alerts go nowhere but to owners. Read with
 * a full URL through the run's one client (as the contacts are), because the
 * SDK's `pricings` operations need a client per subscription.
 */
import { createPipelineRequest } from "@azure/core-rest-pipeline";
import type { ServiceClient } from "@azure/core-client";

export const PRICINGS_API_VERSION = "2022-03-01";

export interface PlanReader {
  /** Names of plans on the Standard tier; undefined when they could not be read. */
  paidPlans(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<string[] | undefined>;
}

/** Standard-tier plan names from a pricings list body; undefined when it is not one. */
export function paidPlansFromAnswer(body: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const value = (parsed as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((plan: unknown) => {
    const { name, properties } = (plan ?? {}) as {
      name?: unknown;
      properties?: { pricingTier?: unknown };
    };
    return typeof name === "string" && properties?.pricingTier === "Standard"
      ? [name]
      : [];
  });
}

export class DefenderPlanReader implements PlanReader {
  constructor(
    private readonly client: ServiceClient,
    private readonly resourceManagerEndpoint: string,
  ) {}

  async paidPlans(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<string[] | undefined> {
    const url =
      `${this.resourceManagerEndpoint}/subscriptions/${encodeURIComponent(subscriptionId)}` +
      `/providers/Microsoft.Security/pricings?api-version=${PRICINGS_API_VERSION}`;
    try {
      const response = await this.client.sendRequest(
        createPipelineRequest({ url, method: "GET", abortSignal }),
      );
      return response.status === 200
        ? paidPlansFromAnswer(response.bodyAsText ?? "")
        : undefined;
    } catch {
      // Context only: the verdict stands without it.
      return undefined;
    }
  }
}

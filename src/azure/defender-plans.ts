/**
 * Which paid Defender plans are on. Read only for failing subscriptions, to
 * say how much is at stake: their alerts go nowhere but to owners. The
 * SDK's `pricings` operations (api-version 2022-03-01) serve as they are.
 */
import type { SecurityCenter } from "@azure/arm-security";

export interface PlanReader {
  /** Names of plans on the Standard tier; undefined when they could not be read. */
  paidPlans(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<string[] | undefined>;
}

export class DefenderPlanReader implements PlanReader {
  constructor(
    private readonly clientFor: (subscriptionId: string) => SecurityCenter,
  ) {}

  async paidPlans(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<string[] | undefined> {
    try {
      const { value } = await this.clientFor(subscriptionId).pricings.list({
        abortSignal,
      });
      return value
        .filter((plan) => plan.pricingTier === "Standard" && plan.name)
        .map((plan) => plan.name as string);
    } catch {
      // Context only: the verdict stands without it.
      return undefined;
    }
  }
}

/**
 * Builds the SDK clients on one credential, each with the resilience policy
 * in place of the SDK's default retry.
 */
import { SubscriptionClient } from "@azure/arm-resources-subscriptions";
import { SecurityCenter } from "@azure/arm-security";
import type { TokenCredential } from "@azure/identity";
import type { Pipeline } from "@azure/core-rest-pipeline";
import { answerCapPolicy } from "./answer-cap.js";
import { originGuardPolicy } from "./origin-guard.js";
import {
  resiliencePolicy,
  RetryCounter,
  type ResilienceOptions,
} from "./resilience.js";
import { SecurityContactWriter, type ContactWriter } from "./contact-writer.js";
import { DefenderPlanReader, type PlanReader } from "./defender-plans.js";
import {
  ManagementGroupReader,
  type GroupReader,
} from "./management-groups.js";
import {
  SecurityContactReader,
  type ContactReader,
} from "./security-contacts.js";
import {
  ArmTenantDomainReader,
  type TenantDomainReader,
} from "./tenant-domains.js";
import {
  ArmSubscriptionSource,
  DEFAULT_LISTING_LIMITS,
  type ListingLimits,
  type SubscriptionSource,
} from "./subscriptions.js";

export interface ArmClients {
  subscriptions: SubscriptionSource;
  groups: GroupReader;
  contacts: ContactReader;
  /** Used only with `remediate: plan|apply`. */
  contactWriter: ContactWriter;
  plans: PlanReader;
  /** Used only with `allowed-email-domains: tenant`. */
  tenantDomains: TenantDomainReader;
  retries: RetryCounter;
}

/** Contacts, pricings and groups are read with full URLs, so the client's subscription is unused. */
const UNUSED_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

function useResilience(
  pipeline: Pipeline,
  resourceManagerEndpoint: string,
  options: ResilienceOptions,
  counter: RetryCounter,
  onRetry: (message: string) => void,
): void {
  pipeline.removePolicy({ name: "defaultRetryPolicy" });
  pipeline.addPolicy(resiliencePolicy(options, counter, onRetry), {
    phase: "Retry",
  });
  // Right before the token is attached, after retries and redirects.
  pipeline.addPolicy(originGuardPolicy(resourceManagerEndpoint), {
    phase: "Sign",
    beforePolicies: ["bearerTokenAuthenticationPolicy"],
  });
  pipeline.addPolicy(answerCapPolicy("Resource Manager"), {
    afterPhase: "Sign",
  });
}

export function createArmClients(
  credential: TokenCredential,
  resourceManagerEndpoint: string,
  options: ResilienceOptions,
  onRetry: (message: string) => void,
  listingLimits: ListingLimits = DEFAULT_LISTING_LIMITS,
): ArmClients {
  const scopes = [`${resourceManagerEndpoint}/.default`];
  const retries = new RetryCounter();

  const subscriptionClient = new SubscriptionClient(credential, {
    endpoint: resourceManagerEndpoint,
    credentials: { scopes },
  });
  useResilience(
    subscriptionClient.pipeline,
    resourceManagerEndpoint,
    options,
    retries,
    onRetry,
  );

  // One client for every subscription: no credential or client per subscription.
  const securityCenter = new SecurityCenter(credential, UNUSED_SUBSCRIPTION, {
    endpoint: resourceManagerEndpoint,
    credentialScopes: scopes,
  });
  useResilience(
    securityCenter.pipeline,
    resourceManagerEndpoint,
    options,
    retries,
    onRetry,
  );

  return {
    subscriptions: new ArmSubscriptionSource(subscriptionClient, listingLimits),
    groups: new ManagementGroupReader(securityCenter, resourceManagerEndpoint),
    contacts: new SecurityContactReader(
      securityCenter,
      resourceManagerEndpoint,
    ),
    contactWriter: new SecurityContactWriter(
      securityCenter,
      resourceManagerEndpoint,
    ),
    plans: new DefenderPlanReader(securityCenter, resourceManagerEndpoint),
    tenantDomains: new ArmTenantDomainReader(
      securityCenter,
      resourceManagerEndpoint,
    ),
    retries,
  };
}

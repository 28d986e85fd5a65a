/**
 * Builds the SDK clients on one credential, each with the resilience policy
 * in place of the SDK's default retry.
 */
import { SubscriptionClient } from "@azure/arm-resources-subscriptions";
import { ServiceClient } from "@azure/core-client";
import type { TokenCredential } from "@azure/identity";
import type { Pipeline } from "@azure/core-rest-pipeline";
import { answerCapPolicy } from "./answer-cap.js";
import type { AdaptiveConcurrency } from "./adaptive-concurrency.js";
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
  /** Fed by every answer; how many subscriptions may be read at once. */
  concurrency: AdaptiveConcurrency;
}

function useResilience(
  pipeline: Pipeline,
  resourceManagerEndpoint: string,
  options: ResilienceOptions,
  counter: RetryCounter,
  onRetry: (message: string) => void,
  concurrency: AdaptiveConcurrency,
): void {
  pipeline.removePolicy({ name: "defaultRetryPolicy" });
  pipeline.addPolicy(
    resiliencePolicy(options, counter, onRetry, (signal) =>
      concurrency.observe(signal, Date.now()),
    ),
    { phase: "Retry" },
  );
  // Right before the token is attached, after retries and redirects.
  pipeline.addPolicy(originGuardPolicy(resourceManagerEndpoint), {
    phase: "Sign",
    beforePolicies: ["bearerTokenAuthenticationPolicy"],
  });
  pipeline.addPolicy(answerCapPolicy("Resource Manager"), {
    afterPhase: "Sign",
  });
}

const UNUSED_POLICIES = [
  "serializationPolicy",
  "deserializationPolicy",
  "formDataPolicy",
  "multipartPolicy",
  "tracingPolicy",
];

export function createArmClients(
  credential: TokenCredential,
  resourceManagerEndpoint: string,
  options: ResilienceOptions,
  onRetry: (message: string) => void,
  listingLimits: ListingLimits,
  concurrency: AdaptiveConcurrency,
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
    concurrency,
  );

  // One client for every subscription: no credential or client per
  // subscription. Contacts, pricings and groups are read with full URLs on
  // ARM's authenticated pipeline; @azure/arm-security's client would add
  // only 0.7 MB of operations never called (and memory to hold them).
  const armClient = new ServiceClient({
    credential,
    endpoint: resourceManagerEndpoint,
    credentialScopes: scopes,
  });
  // Every answer is read from its text by our own defensive parsers, and
  // nothing is traced: these policies would only parse each body once more
  // and allocate per request (the memory of a 10,000-subscription run).
  for (const name of UNUSED_POLICIES) armClient.pipeline.removePolicy({ name });
  useResilience(
    armClient.pipeline,
    resourceManagerEndpoint,
    options,
    retries,
    onRetry,
    concurrency,
  );

  return {
    subscriptions: new ArmSubscriptionSource(subscriptionClient, listingLimits),
    groups: new ManagementGroupReader(armClient, resourceManagerEndpoint),
    contacts: new SecurityContactReader(armClient, resourceManagerEndpoint),
    contactWriter: new SecurityContactWriter(
      armClient,
      resourceManagerEndpoint,
    ),
    plans: new DefenderPlanReader(armClient, resourceManagerEndpoint),
    tenantDomains: new ArmTenantDomainReader(
      armClient,
      resourceManagerEndpoint,
    ),
    retries,
    concurrency,
  };
}

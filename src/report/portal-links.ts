/**
 * One click from a failing or errored subscription into the Azure portal of
 * its cloud. Pure.
 *
 * Where the link goes: Microsoft documents no deep link to a subscription's
 * Defender for Cloud "Email notifications" page (Learn says: Environment
 * settings → the subscription → Email notifications). The only route seen in
 * other tools, `#blade/Microsoft_Azure_Security/PolicyMenuBlade/
 * emailNotifications/…`, is an undocumented pre-`#view` blade path, so it is
 * not used. The link opens the subscription itself, in the right directory
 * (`#@<tenant>`), which the portal has kept stable for years.
 */
import { CLOUDS, type Cloud } from "../azure/clouds.js";

/** Azure Stack Hub has no portal: every stamp has its own. */
const PORTALS: Partial<Record<Cloud["name"], string>> = {
  AzureCloud: "https://portal.azure.com",
  AzureUSGovernment: "https://portal.azure.us",
  AzureChinaCloud: "https://portal.azure.cn",
};

/**
 * The portal of the cloud whose Resource Manager the action talked to, or
 * undefined for a custom endpoint (Azure Stack Hub, a private cloud): no
 * link is better than a wrong one.
 */
export function portalOrigin(
  resourceManagerEndpoint: string,
): string | undefined {
  const wanted = resourceManagerEndpoint.replace(/\/+$/, "").toLowerCase();
  const cloud = CLOUDS.find(
    (c) => c.resourceManagerEndpoint?.toLowerCase() === wanted,
  );
  return cloud && PORTALS[cloud.name];
}

/** The subscription's page in its portal, in the tenant's directory; undefined when there is no portal to link. */
export function subscriptionPortalLink(
  subscriptionId: string,
  where: { tenantId: string; resourceManagerEndpoint: string },
): string | undefined {
  const origin = portalOrigin(where.resourceManagerEndpoint);
  if (!origin) return undefined;
  // Without a tenant input (AZURE_CLI, IDENTITY) the portal picks the directory.
  const tenant = where.tenantId
    ? `@${encodeURIComponent(where.tenantId)}/`
    : "";
  const id = encodeURIComponent(subscriptionId);
  return `${origin}/#${tenant}resource/subscriptions/${id}/overview`;
}

/** The Azure clouds the `environment` input names, with their well-known endpoints. */
export interface Cloud {
  /** Canonical spelling, as `az cloud list` and azure/login write it. */
  name: "AzureCloud" | "AzureUSGovernment" | "AzureChinaCloud" | "AzureStack";
  /** Undefined for Azure Stack Hub: every stamp has its own (resource-manager-endpoint). */
  resourceManagerEndpoint: string | undefined;
  authorityHost: string;
  /** Audience GitHub's OIDC token must carry for this cloud's federated credentials. */
  audience: string;
  /** `aud` claims Entra puts in this cloud's Resource Manager tokens (besides the endpoint itself). */
  armAudiences: readonly string[];
}

export const CLOUDS: readonly Cloud[] = [
  {
    name: "AzureCloud",
    resourceManagerEndpoint: "https://management.azure.com",
    authorityHost: "https://login.microsoftonline.com",
    audience: "api://AzureADTokenExchange",
    armAudiences: ["https://management.core.windows.net"],
  },
  {
    name: "AzureUSGovernment",
    resourceManagerEndpoint: "https://management.usgovcloudapi.net",
    authorityHost: "https://login.microsoftonline.us",
    audience: "api://AzureADTokenExchangeUSGov",
    armAudiences: ["https://management.core.usgovcloudapi.net"],
  },
  {
    name: "AzureChinaCloud",
    resourceManagerEndpoint: "https://management.chinacloudapi.cn",
    authorityHost: "https://login.chinacloudapi.cn",
    audience: "api://AzureADTokenExchangeChina",
    armAudiences: ["https://management.core.chinacloudapi.cn"],
  },
  {
    // Azure Stack Hub connected to Entra ID signs in at the public authority.
    name: "AzureStack",
    resourceManagerEndpoint: undefined,
    authorityHost: "https://login.microsoftonline.com",
    audience: "api://AzureADTokenExchange",
    armAudiences: [],
  },
];

/** Clouds `az cloud list` still names but that no longer exist: name → why. */
export const RETIRED_CLOUDS: Readonly<Record<string, string>> = {
  azuregermancloud:
    "Microsoft Cloud Deutschland closed in October 2021 and its subscriptions moved to AzureCloud (Germany regions); use environment: AzureCloud",
};

/** Case-insensitive lookup; undefined for an unknown name. */
export function findCloud(name: string): Cloud | undefined {
  const wanted = name.trim().toLowerCase();
  return CLOUDS.find((cloud) => cloud.name.toLowerCase() === wanted);
}

const withoutSlash = (url: string): string =>
  url.trim().toLowerCase().replace(/\/+$/, "");

/**
 * Why a Resource Manager token's `aud` claim shows it is for another known
 * cloud than the one in use; undefined otherwise. An audience no known cloud
 * uses (Azure Stack Hub's, an application ID) is left to Resource Manager to
 * judge: refusing it here could break a sign-in that works.
 */
export function audienceMismatch(
  audience: string,
  cloud: Cloud,
  resourceManagerEndpoint: string,
): string | undefined {
  const aud = withoutSlash(audience);
  const ours = [resourceManagerEndpoint, ...cloud.armAudiences].map(
    withoutSlash,
  );
  if (ours.includes(aud)) return undefined;
  const other = CLOUDS.find(
    (c) =>
      c !== cloud &&
      [c.resourceManagerEndpoint ?? "", ...c.armAudiences]
        .filter((url) => url !== "")
        .map(withoutSlash)
        .includes(aud),
  );
  return other
    ? `the token is for ${other.name}'s Resource Manager (audience ${audience}), but this run uses ${cloud.name} (${resourceManagerEndpoint})`
    : undefined;
}

/** The Azure clouds the `environment` input names, with their well-known endpoints. */
export interface Cloud {
  /** Canonical spelling, as `az cloud list` and azure/login write it. */
  name: "AzureCloud" | "AzureUSGovernment" | "AzureChinaCloud";
  resourceManagerEndpoint: string;
  authorityHost: string;
  /** Audience GitHub's OIDC token must carry for this cloud's federated credentials. */
  audience: string;
}

export const CLOUDS: readonly Cloud[] = [
  {
    name: "AzureCloud",
    resourceManagerEndpoint: "https://management.azure.com",
    authorityHost: "https://login.microsoftonline.com",
    audience: "api://AzureADTokenExchange",
  },
  {
    name: "AzureUSGovernment",
    resourceManagerEndpoint: "https://management.usgovcloudapi.net",
    authorityHost: "https://login.microsoftonline.us",
    audience: "api://AzureADTokenExchangeUSGov",
  },
  {
    name: "AzureChinaCloud",
    resourceManagerEndpoint: "https://management.chinacloudapi.cn",
    authorityHost: "https://login.chinacloudapi.cn",
    audience: "api://AzureADTokenExchangeChina",
  },
];

/** Case-insensitive lookup; undefined for an unknown name. */
export function findCloud(name: string): Cloud | undefined {
  const wanted = name.trim().toLowerCase();
  return CLOUDS.find((cloud) => cloud.name.toLowerCase() === wanted);
}

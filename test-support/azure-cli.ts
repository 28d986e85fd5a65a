/**
 * The stand-in `az` (test-support/az/) for end-to-end tests of
 * `auth-type: AZURE_CLI`: the environment that puts it first on PATH, and the
 * session `az login` (or azure/login) would have left, pointed at the fake.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import type { Fake } from "./fake/index.js";
import { repoRoot } from "./run-action.js";

export const standInAzDir = join(repoRoot, "test-support", "az");

export interface CliSessionOptions {
  /** Tenant the session is logged in to; default the fake's. */
  tenantId?: string;
  /** Make every token the session gets carry this audience (another cloud's session). */
  resource?: string;
  /** No session at all: `az` answers as when logged out. */
  loggedOut?: boolean;
}

/** PATH (stand-in first) and AZURE_CONFIG_DIR holding the session, for runAction's env. */
export async function azureCliEnv(
  fake: Fake,
  options: CliSessionOptions = {},
): Promise<Record<string, string>> {
  const configDir = await mkdtemp(join(tmpdir(), "fake-azure-config-"));
  if (!options.loggedOut) {
    const tenant = options.tenantId ?? fake.tenant.tenantId;
    await writeFile(
      join(configDir, "fake-session.json"),
      JSON.stringify({
        authority: fake.authorityUrl,
        tenant,
        refreshToken: fake.cliSession(tenant),
        subscription: fake.tenant.subscriptions[0]?.subscriptionId,
        resource: options.resource,
      }),
    );
  }
  return {
    PATH: `${standInAzDir}${delimiter}${process.env.PATH ?? ""}`,
    AZURE_CONFIG_DIR: configDir,
  };
}

/**
 * The action's interface as the code knows it: every input (name, whether it
 * is required, its default) and every output name. action.yml declares the
 * same things for the runner; __tests__/unit/action-interface.test.ts fails
 * when the two disagree. To add an input or an output, add a row here and
 * the same entry to action.yml.
 */

interface InputDefinition {
  readonly required: boolean;
  /** Exactly action.yml's `default:` text; absent when action.yml has none. */
  readonly default?: string;
}

export const INPUTS = {
  "auth-type": { required: false, default: "OIDC" },
  "client-id": { required: false },
  "tenant-id": { required: false },
  environment: { required: false, default: "AzureCloud" },
  audience: { required: false },
  "resource-manager-endpoint": { required: false },
  "authority-host": { required: false },
  subscriptions: { required: false, default: "" },
  "exclude-subscriptions": { required: false, default: "" },
  "management-groups": { required: false, default: "" },
  "exclude-management-groups": { required: false, default: "" },
  "fail-on-missing": { required: false, default: "true" },
  "fail-on-error": { required: false, default: "true" },
  "fail-on-unresolved": { required: false, default: "false" },
  "mask-emails": { required: false, default: "auto" },
  concurrency: { required: false, default: "auto" },
  "create-issue": { required: false, default: "false" },
  "github-token": { required: false, default: "${{ github.token }}" },
  "issue-title": {
    required: false,
    default: "Defender for Cloud: security contact email missing",
  },
  "issue-labels": { required: false, default: "security-contact-check" },
  checks: { required: false, default: "additional-emails" },
  "required-emails": { required: false, default: "" },
  "allowed-email-domains": { required: false, default: "" },
  "dns-servers": { required: false, default: "" },
  "owner-tags": { required: false, default: "owner,Owner,technical-contact" },
  remediate: { required: false, default: "off" },
  "remediation-emails": { required: false, default: "" },
  scan: { required: false, default: "azure" },
  "group-by": { required: false, default: "cause" },
  files: {
    required: false,
    default:
      "**/*.json, **/*.jsonc, **/*.bicep, **/*.bicepparam, **/*.tf, **/*.tfvars",
  },
} as const satisfies Record<string, InputDefinition>;

export type InputName = keyof typeof INPUTS;

export const OUTPUTS = [
  "status",
  "subscriptions-total",
  "subscriptions-passed",
  "subscriptions-failed",
  "subscriptions-errored",
  "subscriptions-skipped",
  "failed-subscriptions",
  "control-failures",
  "report-file",
  "issue-number",
  "issue-url",
  "remediated-subscriptions",
  "file-findings-total",
  "file-findings-failed",
  "file-findings-errored",
  "file-findings-unresolved",
  "sarif-file",
  "fix-script",
] as const;

export type OutputName = (typeof OUTPUTS)[number];

/** The default the runner fills in when a workflow leaves `name` out ("" when none). */
export function defaultOf(name: InputName): string {
  const input: InputDefinition = INPUTS[name];
  return input.default ?? "";
}

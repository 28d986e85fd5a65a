/**
 * Keeps one tracking issue per tenant in this repository: found by label and
 * hidden marker (the search API is eventually consistent, so it is not used),
 * created, rewritten in place, or commented on and closed.
 */
import * as github from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { RunResult } from "../check/run-result.js";
import {
  describeGitHubError,
  explain,
  isInstallationRefusal,
  TrackingIssueError,
} from "./github-errors.js";
import {
  renderClosingComment,
  renderIssueBody,
  trackingMarker,
  type IssueContext,
} from "./issue-body.js";
import { changesSince, nextHistory, readHistory } from "./issue-history.js";
import type { RunChanges } from "../report/sections.js";
import { fitChars, GITHUB_LIMITS } from "../limits.js";
import {
  decideTrackingAction,
  oldestTrackingIssue,
  missingLabels,
  type IssueSummary,
  type TrackingAction,
} from "./tracking-decision.js";

export interface IssueRef {
  number: number;
  url: string;
}

/** The GitHub calls the tracking issue needs, small enough to fake in a test. */
export interface IssueApi {
  /**
   * The login behind the token: a person's, or for an installation token
   * (GET /user refused as documented) its bot's, `<slug>[bot]`.
   */
  identity(): Promise<string>;
  openIssuesWithLabel(label: string): AsyncIterable<IssueSummary>;
  create(
    title: string,
    body: string,
    labels: readonly string[],
  ): Promise<IssueRef>;
  updateBody(number: number, body: string): Promise<IssueRef>;
  addLabels(number: number, labels: readonly string[]): Promise<void>;
  comment(number: number, body: string): Promise<void>;
  close(number: number): Promise<IssueRef>;
}

/**
 * GitHub's html_url, used in a markdown link and an output, only when it is
 * a plain https URL: no spaces, brackets or quotes to break out of the link.
 */
function plainHttpsUrl(url: string): string {
  return /^https:\/\/[^\s()<>[\]"'`\\]+$/.test(url) ? url : "";
}

/** GITHUB_TOKEN's author; also when GitHub will not name an installation's bot. */
const ACTIONS_BOT = "github-actions[bot]";

export function createIssueApi(
  token: string,
  repository: string,
  fetch: typeof globalThis.fetch = globalThis.fetch,
): IssueApi {
  const [owner, repo] = repository.split("/");
  if (!owner || !repo) {
    throw new TrackingIssueError(
      `GITHUB_REPOSITORY is ${JSON.stringify(repository)}, but 'owner/name' is needed to keep a tracking issue.`,
    );
  }
  // plugin-retry retries 5xx and 429; plugin-throttling waits out GitHub's
  // rate limits (a 403 or 429 with x-ratelimit-remaining: 0, or a secondary
  // limit) when the wait is short. The base URL comes from GITHUB_API_URL.
  const retryShortWaits = (
    retryAfter: number,
    _options: unknown,
    _octokit: unknown,
    retryCount: number,
  ): boolean => retryCount < 2 && retryAfter <= 60;
  const octokit = github.getOctokit(
    token,
    {
      throttle: {
        onRateLimit: retryShortWaits,
        onSecondaryRateLimit: retryShortWaits,
      },
      request: { fetch },
    },
    retry,
    throttling,
  );
  const ref = (issue: { number: number; html_url: string }): IssueRef => ({
    number: issue.number,
    url: plainHttpsUrl(issue.html_url),
  });
  return {
    async identity() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch (error) {
        // Anything else (a rate limit, an outage) says nothing about the token.
        if (!isInstallationRefusal(error)) {
          throw new TrackingIssueError(
            `Could not learn who the github-token belongs to (GET /user), so no issue was touched: ${describeGitHubError(error)}`,
          );
        }
      }
      // GraphQL names an installation's bot: <slug>[bot], github-actions[bot] for GITHUB_TOKEN.
      try {
        const { viewer } = await octokit.graphql<{
          viewer?: { login?: unknown };
        }>("query { viewer { login } }");
        const login = viewer?.login;
        if (typeof login === "string" && login.endsWith("[bot]")) return login;
      } catch {
        // Below: the default token's bot, never a person.
      }
      return ACTIONS_BOT;
    },
    async *openIssuesWithLabel(label) {
      const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: "open",
        labels: label,
        per_page: 100,
      });
      for await (const page of pages) {
        for (const issue of page.data) {
          yield {
            number: issue.number,
            body: issue.body ?? null,
            isPullRequest:
              issue.pull_request !== undefined && issue.pull_request !== null,
            labels: issue.labels.map((l) =>
              typeof l === "string" ? l : (l.name ?? ""),
            ),
            htmlUrl: issue.html_url,
            author: issue.user?.login ?? "",
          };
        }
      }
    },
    async create(title, body, labels) {
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        title,
        body,
        labels: [...labels],
      });
      return ref(data);
    },
    async updateBody(number, body) {
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: number,
        body,
      });
      return ref(data);
    },
    async addLabels(number, labels) {
      await octokit.rest.issues.addLabels({
        owner,
        repo,
        issue_number: number,
        labels: [...labels],
      });
    },
    async comment(number, body) {
      await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: number,
        body,
      });
    },
    async close(number) {
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: number,
        state: "closed",
        state_reason: "completed",
      });
      return ref(data);
    },
  };
}

export interface TrackingSettings {
  issueTitle: string;
  issueLabels: readonly string[];
}

export interface TrackingOutcome {
  action: TrackingAction;
  issue: IssueRef | undefined;
  /** What changed since the run that last wrote the open issue; undefined when none was open. */
  changes?: RunChanges;
}

async function findOpen(
  api: IssueApi,
  label: string,
  marker: string,
): Promise<IssueSummary | undefined> {
  const identity = await api.identity();
  const issues: IssueSummary[] = [];
  for await (const issue of api.openIssuesWithLabel(label)) issues.push(issue);
  return oldestTrackingIssue(issues, marker, identity);
}

/** GitHub refuses longer bodies and comments with 422. */
function fitIssueText(text: string): string {
  return fitChars(text, GITHUB_LIMITS.issueBodyChars);
}

export async function syncTrackingIssue(
  api: IssueApi,
  run: RunResult,
  settings: TrackingSettings,
  context: IssueContext,
): Promise<TrackingOutcome> {
  try {
    const [firstLabel] = settings.issueLabels;
    const existing = firstLabel
      ? await findOpen(api, firstLabel, trackingMarker(context.tenantId))
      : undefined;
    const plan = decideTrackingAction(run.status, existing);
    const today = context.generatedAt.slice(0, 10);
    const previous = readHistory(existing?.body, today);
    // Only an open issue says what the previous run saw.
    const changes = existing
      ? changesSince(previous, run.results, today)
      : undefined;
    const body = (): string =>
      fitIssueText(
        renderIssueBody(run, {
          ...context,
          failingSince:
            changes?.failingSince ?? nextHistory(previous, run.results, today),
          changes,
        }),
      );
    switch (plan.action) {
      case "create":
        return {
          action: plan.action,
          issue: await api.create(
            settings.issueTitle,
            body(),
            settings.issueLabels,
          ),
        };
      case "update": {
        const issue = await api.updateBody(plan.issue.number, body());
        const missing = missingLabels(plan.issue, settings.issueLabels);
        if (missing.length > 0) await api.addLabels(issue.number, missing);
        return { action: plan.action, issue, ...(changes ? { changes } : {}) };
      }
      case "close":
        await api.comment(
          plan.issue.number,
          fitIssueText(renderClosingComment(run, context)),
        );
        return {
          action: plan.action,
          issue: await api.close(plan.issue.number),
          ...(changes ? { changes } : {}),
        };
      case "none":
        return { action: plan.action, issue: undefined };
    }
  } catch (error) {
    throw explain(error);
  }
}

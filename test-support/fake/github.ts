// GitHub REST, just the issue endpoints a tracking-issue reporter uses, with
// GitHub's JSON shapes, Link pagination and rate-limit headers.

import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { sendGzipBomb } from "./bomb.js";
import {
  BodyTooLargeError,
  type Exchange,
  type FakeContext,
  readBody,
  sendJson,
  sleep,
} from "./context.js";

export interface FakeGitHubOptions {
  readOnly?: boolean;
  failNext?: FailNext;
  /** Accepted tokens; default: any non-empty token. */
  tokens?: string[];
}

export interface FakeGitHubIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  labels: string[];
  pull_request?: boolean;
  /** Comment bodies, oldest first. */
  comments: string[];
  user?: string;
}

export interface FakeGitHubState {
  /** "owner/name"; default "octo/landing-zone". */
  repo: string;
  issues: FakeGitHubIssue[];
  readOnly: boolean;
  /** The next `times` requests answer `status`. */
  failNext?: FailNext;
  /** GET /user answers this login; unset, it answers 403 as for GITHUB_TOKEN. */
  userLogin?: string;
  /** Every issue's html_url, when set (a hostile value, say). */
  issueHtmlUrl?: string;
  /** GET /user answers this error instead (a rate limit, an outage). */
  userError?: FailNext;
  /** GraphQL `viewer.login`; default userLogin, else github-actions[bot] (an installation token). */
  viewerLogin?: string;
  /** Every answer sends its headers, then one byte this often, and never ends. */
  trickleMs?: number;
  /** The issues list answers a gzip body that inflates to this many bytes. */
  gzipBombBytes?: number;
}

/** The next `times` requests answer `status`, with a message and headers if given (e.g. a rate-limit 403). */
export interface FailNext {
  status: number;
  times: number;
  message?: string;
  headers?: Record<string, string>;
  /** Only requests with this method count (e.g. "POST": the first write). */
  method?: string;
}

const MAX_BODY = 65536;
const BOT = "github-actions[bot]";
const DOCS = "https://docs.github.com/rest/issues/issues";

/** Bookkeeping GitHub has but FakeGitHubState keeps out of the tests' way. */
export class GitHubBook {
  readonly labels = new Map<string, string>(); // lower-case -> as created
  private readonly times = new WeakMap<
    FakeGitHubIssue,
    { created: string; updated: string; closed: string | null }
  >();
  private used = 0;

  timesOf(issue: FakeGitHubIssue): {
    created: string;
    updated: string;
    closed: string | null;
  } {
    let t = this.times.get(issue);
    if (t === undefined) {
      const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      t = { created: now, updated: now, closed: null };
      this.times.set(issue, t);
    }
    if (issue.state === "closed" && t.closed === null) t.closed = t.updated;
    if (issue.state === "open") t.closed = null;
    return t;
  }

  touch(issue: FakeGitHubIssue): void {
    const t = this.timesOf(issue);
    // Strictly increasing so sort=updated is deterministic within a second.
    const now = Math.max(Date.now(), Date.parse(t.updated) + 1000);
    t.updated = new Date(now).toISOString().replace(/\.\d+Z$/, "Z");
    t.closed = issue.state === "closed" ? t.updated : null;
  }

  rateLimitHeaders(): Record<string, string> {
    this.used++;
    return {
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": String(Math.max(0, 5000 - this.used)),
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      "x-ratelimit-used": String(this.used),
      "x-ratelimit-resource": "core",
    };
  }
}

export function initialGitHubState(
  options: FakeGitHubOptions = {},
): FakeGitHubState {
  const state: FakeGitHubState = {
    repo: "octo/landing-zone",
    issues: [],
    readOnly: options.readOnly ?? false,
  };
  if (options.failNext) state.failNext = { ...options.failNext };
  return state;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const notFound = (): HttpError =>
  new HttpError(404, {
    message: "Not Found",
    documentation_url: "https://docs.github.com/rest",
    status: "404",
  });

const invalid = (field: string, message: string): HttpError =>
  new HttpError(422, {
    message: "Validation Failed",
    errors: [{ resource: "Issue", code: "custom", field, message }],
    documentation_url: DOCS,
    status: "422",
  });

export async function handleGitHub(
  ctx: FakeContext,
  book: GitHubBook,
  ex: Exchange,
): Promise<void> {
  const headers = {
    ...book.rateLimitHeaders(),
    "x-github-request-id": randomUUID().toUpperCase(),
    "x-github-media-type": "github.v3; format=json",
  };
  const reply = (status: number, body: unknown, extra = {}): void =>
    sendJson(ex, status, body, { ...headers, ...extra });
  const state = ctx.github;

  if (state.trickleMs !== undefined) {
    await trickle(ctx, ex, state.trickleMs, headers);
    return;
  }
  const fail = state.failNext;
  if (
    fail !== undefined &&
    fail.times > 0 &&
    (fail.method === undefined || fail.method === ex.req.method)
  ) {
    if (--fail.times <= 0) delete state.failNext;
    reply(
      fail.status,
      { message: fail.message ?? STATUS_CODES[fail.status] ?? "Error" },
      fail.headers,
    );
    return;
  }
  if (!authorized(ctx, ex)) {
    reply(401, {
      message: "Bad credentials",
      documentation_url: "https://docs.github.com/rest",
      status: "401",
    });
    return;
  }
  // Labels already on seeded issues exist, as they would on GitHub.
  for (const issue of state.issues) {
    for (const label of issue.labels) {
      if (!book.labels.has(label.toLowerCase())) {
        book.labels.set(label.toLowerCase(), label);
      }
    }
  }
  try {
    const result = await route(ctx, book, ex);
    // Status 0: the route answered by itself.
    if (result.status !== 0) reply(result.status, result.body, result.headers);
  } catch (e) {
    if (e instanceof HttpError) reply(e.status, e.body);
    else if (e instanceof BodyTooLargeError) reply(413, { message: e.message });
    else throw e;
  }
}

function authorized(ctx: FakeContext, ex: Exchange): boolean {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(
    ex.req.headers.authorization ?? "",
  );
  const token = match?.[1];
  if (token === undefined) return false;
  return ctx.githubTokens === undefined || ctx.githubTokens.includes(token);
}

interface Result {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

async function route(
  ctx: FakeContext,
  book: GitHubBook,
  ex: Exchange,
): Promise<Result> {
  const method = ex.req.method ?? "GET";
  const [repos, owner, name, kind, id, sub, subId, ...extra] = ex.segments;
  const state = ctx.github;
  if (repos === "graphql" && owner === undefined && method === "POST") {
    return viewer(state, await jsonBody(ex));
  }
  if (repos === "user" && owner === undefined && method === "GET") {
    if (state.userError !== undefined) {
      const { status, message, headers } = state.userError;
      return {
        status,
        body: { message: message ?? STATUS_CODES[status] ?? "Error" },
        headers,
      };
    }
    if (state.userLogin === undefined) {
      throw new HttpError(403, {
        message: "Resource not accessible by integration",
        documentation_url:
          "https://docs.github.com/rest/users/users#get-the-authenticated-user",
        status: "403",
      });
    }
    return {
      status: 200,
      body: {
        login: state.userLogin,
        id: labelId(state.userLogin),
        type: "User",
      },
    };
  }
  if (
    repos !== "repos" ||
    owner === undefined ||
    name === undefined ||
    `${owner}/${name}`.toLowerCase() !== state.repo.toLowerCase() ||
    extra.length > 0
  ) {
    throw notFound();
  }
  if (method !== "GET" && method !== "HEAD" && state.readOnly) {
    throw new HttpError(403, {
      message: "Resource not accessible by integration",
      documentation_url: `${DOCS}#create-an-issue`,
      status: "403",
    });
  }
  const web = `${ctx.url}/github-web/${state.repo}`;
  const api = `${ctx.url}/github/repos/${state.repo}`;
  const view = (issue: FakeGitHubIssue): unknown =>
    issueJson(book, issue, api, web, state.issueHtmlUrl);

  if (kind === undefined) {
    if (method !== "GET") throw notFound();
    const [login = "", repoName = ""] = state.repo.split("/");
    return {
      status: 200,
      body: {
        id: 1,
        name: repoName,
        full_name: state.repo,
        owner: { login, type: "Organization" },
        has_issues: true,
        private: true,
        html_url: web,
        url: api,
      },
    };
  }
  if (kind === "labels") return labelsRoute(book, ex, method, id, api);
  if (kind !== "issues") throw notFound();

  if (id === undefined) {
    if (method === "GET" && state.gzipBombBytes !== undefined) {
      await sendGzipBomb(ex, state.gzipBombBytes, {}, "[", "]");
      return { status: 0, body: undefined };
    }
    if (method === "GET") return listIssues(ctx, book, ex, view);
    if (method === "POST") {
      const input = await jsonBody(ex);
      const title = input.title;
      if (typeof title !== "string" || title.trim() === "") {
        throw new HttpError(422, {
          message: "Validation Failed",
          errors: [
            { resource: "Issue", code: "missing_field", field: "title" },
          ],
          documentation_url: `${DOCS}#create-an-issue`,
          status: "422",
        });
      }
      const body = optionalBody(input.body);
      const labels = labelNames(book, input.labels) ?? [];
      const number =
        state.issues.reduce((max, i) => Math.max(max, i.number), 0) + 1;
      const issue: FakeGitHubIssue = {
        number,
        title,
        body: body ?? "",
        state: "open",
        state_reason: null,
        labels,
        comments: [],
        user: BOT,
      };
      state.issues.push(issue);
      book.timesOf(issue);
      return {
        status: 201,
        body: view(issue),
        headers: { location: `${api}/issues/${number}` },
      };
    }
    throw notFound();
  }

  const issue = state.issues.find((i) => String(i.number) === id);
  if (issue === undefined) throw notFound();

  if (sub === undefined) {
    if (method === "GET") return { status: 200, body: view(issue) };
    if (method === "PATCH") {
      updateIssue(book, issue, await jsonBody(ex));
      return { status: 200, body: view(issue) };
    }
    throw notFound();
  }
  if (sub === "comments" && subId === undefined) {
    if (method === "GET") {
      return {
        status: 200,
        body: issue.comments.map((c, i) => commentJson(issue, i, c, api, web)),
      };
    }
    if (method === "POST") {
      const body = (await jsonBody(ex)).body;
      if (typeof body !== "string" || body === "") {
        throw invalid("body", "body cannot be blank");
      }
      if (body.length > MAX_BODY) {
        throw invalid(
          "body",
          `body is too long (maximum is ${MAX_BODY} characters)`,
        );
      }
      issue.comments.push(body);
      book.touch(issue);
      const index = issue.comments.length - 1;
      return { status: 201, body: commentJson(issue, index, body, api, web) };
    }
    throw notFound();
  }
  if (sub === "labels") {
    const labels = (): unknown => issue.labels.map((l) => labelJson(l, api));
    if (subId !== undefined) {
      if (method !== "DELETE") throw notFound();
      const before = issue.labels.length;
      issue.labels = issue.labels.filter(
        (l) => l.toLowerCase() !== subId.toLowerCase(),
      );
      if (issue.labels.length === before) {
        throw new HttpError(404, {
          message: "Label does not exist",
          documentation_url: "https://docs.github.com/rest/issues/labels",
          status: "404",
        });
      }
      book.touch(issue);
      return { status: 200, body: labels() };
    }
    if (method === "GET") return { status: 200, body: labels() };
    if (method === "POST" || method === "PUT") {
      const input = await jsonValue(ex);
      const raw = Array.isArray(input)
        ? input
        : (input as { labels?: unknown } | null)?.labels;
      const names = labelNames(book, raw) ?? [];
      issue.labels =
        method === "PUT" ? names : mergeLabels(issue.labels, names);
      book.touch(issue);
      return { status: 200, body: labels() };
    }
  }
  throw notFound();
}

/** GraphQL's `{ viewer { login } }`, all the action asks of it. */
function viewer(
  state: FakeGitHubState,
  input: Record<string, unknown>,
): Result {
  if (typeof input.query !== "string" || !input.query.includes("viewer")) {
    return {
      status: 200,
      body: {
        errors: [{ message: "The fake answers only viewer { login }." }],
      },
    };
  }
  const login = state.viewerLogin ?? state.userLogin ?? BOT;
  return { status: 200, body: { data: { viewer: { login } } } };
}

/** Headers, then a byte every `everyMs` until the client or the fake gives up. */
async function trickle(
  ctx: FakeContext,
  ex: Exchange,
  everyMs: number,
  headers: Record<string, string>,
): Promise<void> {
  ex.record.status = 200;
  ex.res.writeHead(200, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
  });
  ex.res.write("[");
  while (!ex.res.destroyed && (await sleep(everyMs, ctx.signal))) {
    ex.res.write(" ");
  }
  ex.res.destroy();
}

async function jsonValue(ex: Exchange): Promise<unknown> {
  const text = await readBody(ex.req);
  try {
    return JSON.parse(text || "{}");
  } catch {
    throw new HttpError(400, {
      message: "Problems parsing JSON",
      documentation_url: DOCS,
      status: "400",
    });
  }
}

async function jsonBody(ex: Exchange): Promise<Record<string, unknown>> {
  const parsed = await jsonValue(ex);
  if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
    return parsed as Record<string, unknown>;
  }
  throw invalid("body", "the request body must be a JSON object");
}

function optionalBody(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== "string") throw invalid("body", "body is not a string");
  if (body.length > MAX_BODY) {
    throw invalid(
      "body",
      `body is too long (maximum is ${MAX_BODY} characters)`,
    );
  }
  return body;
}

/** Label names from strings or {name} objects; creates unknown labels. */
function labelNames(book: GitHubBook, raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw invalid("labels", "labels is not an array");
  const names: string[] = [];
  for (const item of raw) {
    const name =
      typeof item === "string"
        ? item
        : (item as { name?: unknown } | null)?.name;
    if (typeof name !== "string" || name === "") {
      throw invalid("labels", "label name is invalid");
    }
    const known = book.labels.get(name.toLowerCase());
    if (known === undefined) book.labels.set(name.toLowerCase(), name);
    names.push(known ?? name);
  }
  return mergeLabels([], names);
}

function mergeLabels(current: string[], added: string[]): string[] {
  const seen = new Set(current.map((l) => l.toLowerCase()));
  const merged = [...current];
  for (const label of added) {
    if (!seen.has(label.toLowerCase())) {
      seen.add(label.toLowerCase());
      merged.push(label);
    }
  }
  return merged;
}

function updateIssue(
  book: GitHubBook,
  issue: FakeGitHubIssue,
  input: Record<string, unknown>,
): void {
  const { title, body, state, state_reason: reason, labels } = input;
  if (title !== undefined) {
    if (typeof title !== "string" || title.trim() === "") {
      throw invalid("title", "title cannot be blank");
    }
    issue.title = title;
  }
  const newBody = optionalBody(body);
  if (newBody !== undefined) issue.body = newBody;
  if (state !== undefined) {
    if (state !== "open" && state !== "closed") {
      throw invalid("state", `state '${String(state)}' is not valid`);
    }
    const reopened = issue.state === "closed" && state === "open";
    issue.state = state;
    if (reason === undefined) {
      issue.state_reason =
        state === "closed" ? "completed" : reopened ? "reopened" : null;
    }
  }
  if (reason !== undefined) {
    if (
      reason !== null &&
      reason !== "completed" &&
      reason !== "not_planned" &&
      reason !== "reopened"
    ) {
      throw invalid(
        "state_reason",
        `state_reason '${String(reason)}' is not valid`,
      );
    }
    issue.state_reason = reason;
  }
  const names = labelNames(book, labels);
  if (names !== undefined) issue.labels = names;
  book.touch(issue);
}

function listIssues(
  ctx: FakeContext,
  book: GitHubBook,
  ex: Exchange,
  view: (issue: FakeGitHubIssue) => unknown,
): Result {
  const q = ex.url.searchParams;
  const state = q.get("state") ?? "open";
  const wanted = (q.get("labels") ?? "")
    .split(",")
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== "");
  const perPage = clamp(Number(q.get("per_page") ?? 30), 1, 100, 30);
  const page = clamp(Number(q.get("page") ?? 1), 1, Number.MAX_SAFE_INTEGER, 1);
  const sort = q.get("sort") ?? "created";
  const ascending = q.get("direction") === "asc";

  const matching = ctx.github.issues.filter((issue) => {
    if (state !== "all" && issue.state !== state) return false;
    const have = new Set(issue.labels.map((l) => l.toLowerCase()));
    return wanted.every((l) => have.has(l));
  });
  const key = (issue: FakeGitHubIssue): number =>
    sort === "updated"
      ? Date.parse(book.timesOf(issue).updated) * 1e6 + issue.number
      : sort === "comments"
        ? issue.comments.length * 1e9 + issue.number
        : issue.number;
  matching.sort((a, b) => (ascending ? key(a) - key(b) : key(b) - key(a)));

  const last = Math.max(1, Math.ceil(matching.length / perPage));
  const items = matching.slice((page - 1) * perPage, page * perPage);
  const link = (p: number): string => {
    const params = new URLSearchParams(q);
    params.set("per_page", String(perPage));
    params.set("page", String(p));
    return `${ctx.url}${ex.url.pathname}?${params.toString()}`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < last) {
    rels.push(`<${link(page + 1)}>; rel="next"`);
    rels.push(`<${link(last)}>; rel="last"`);
  }
  if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
  return {
    status: 200,
    body: items.map(view),
    headers: rels.length > 0 ? { link: rels.join(", ") } : {},
  };
}

function clamp(n: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(n)));
}

function labelJson(name: string, api: string): unknown {
  return {
    id: labelId(name),
    node_id: `LA_${labelId(name)}`,
    url: `${api}/labels/${encodeURIComponent(name)}`,
    name,
    color: "ededed",
    default: false,
    description: null,
  };
}

function labelId(name: string): number {
  let h = 0;
  for (const c of name.toLowerCase()) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

function issueJson(
  book: GitHubBook,
  issue: FakeGitHubIssue,
  api: string,
  web: string,
  htmlUrl: string | undefined,
): unknown {
  const t = book.timesOf(issue);
  const login = issue.user ?? BOT;
  const user = {
    login,
    id: login === BOT ? 41898282 : labelId(login),
    type: login.endsWith("[bot]") ? "Bot" : "User",
  };
  const kind = issue.pull_request === true ? "pull" : "issues";
  return {
    url: `${api}/issues/${issue.number}`,
    repository_url: api,
    comments_url: `${api}/issues/${issue.number}/comments`,
    html_url: htmlUrl ?? `${web}/${kind}/${issue.number}`,
    id: 1_000_000 + issue.number,
    node_id: `I_${issue.number}`,
    number: issue.number,
    title: issue.title,
    user,
    labels: issue.labels.map((l) => labelJson(l, api)),
    state: issue.state,
    state_reason: issue.state_reason,
    locked: false,
    assignee: null,
    assignees: [],
    comments: issue.comments.length,
    created_at: t.created,
    updated_at: t.updated,
    closed_at: t.closed,
    author_association: "NONE",
    body: issue.body,
    ...(issue.pull_request === true
      ? {
          pull_request: {
            url: `${api}/pulls/${issue.number}`,
            html_url: `${web}/pull/${issue.number}`,
          },
        }
      : {}),
  };
}

function commentJson(
  issue: FakeGitHubIssue,
  index: number,
  body: string,
  api: string,
  web: string,
): unknown {
  const id = issue.number * 1000 + index + 1;
  return {
    id,
    url: `${api}/issues/comments/${id}`,
    html_url: `${web}/issues/${issue.number}#issuecomment-${id}`,
    issue_url: `${api}/issues/${issue.number}`,
    user: { login: BOT, id: 41898282, type: "Bot" },
    body,
  };
}

async function labelsRoute(
  book: GitHubBook,
  ex: Exchange,
  method: string,
  name: string | undefined,
  api: string,
): Promise<Result> {
  if (name === undefined) {
    if (method === "GET") {
      return {
        status: 200,
        body: [...book.labels.values()].map((l) => labelJson(l, api)),
      };
    }
    if (method === "POST") {
      const input = await jsonBody(ex);
      if (typeof input.name !== "string" || input.name === "") {
        throw invalid("name", "name is missing");
      }
      if (book.labels.has(input.name.toLowerCase())) {
        throw new HttpError(422, {
          message: "Validation Failed",
          errors: [
            { resource: "Label", code: "already_exists", field: "name" },
          ],
          status: "422",
        });
      }
      book.labels.set(input.name.toLowerCase(), input.name);
      return { status: 201, body: labelJson(input.name, api) };
    }
    throw notFound();
  }
  const known = book.labels.get(name.toLowerCase());
  if (method !== "GET" || known === undefined) throw notFound();
  return { status: 200, body: labelJson(known, api) };
}

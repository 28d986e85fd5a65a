export const id = 487;
export const ids = [487];
export const modules = {

/***/ 5027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CB: () => (/* binding */ readBounded),
/* harmony export */   Oc: () => (/* binding */ AnswerTooLargeError),
/* harmony export */   VO: () => (/* binding */ checkDeclaredLength),
/* harmony export */   gB: () => (/* binding */ MAX_ANSWER_BYTES)
/* harmony export */ });
/**
 * One bound on every answer the action reads (Resource Manager, Entra ID,
 * GitHub's API and its OIDC endpoint): what is larger is never buffered.
 * The bound applies to the declared length and to the bytes after gzip or
 * deflate are undone, so a small compressed bomb stops at the bound too.
 */
/** Far above any real answer (a page of 100 contacts or issues is well under 1 MiB). */
const MAX_ANSWER_BYTES = 10 * 1024 * 1024;
const MIB = 1024 * 1024;
/** Thrown for an answer over the bound; says which answer and the bound. */
class AnswerTooLargeError extends Error {
    name = "AnswerTooLargeError";
    code = "AnswerTooLarge";
    constructor(what, maxBytes) {
        super(`${what} is larger than ${maxBytes / MIB} MiB, the most the action reads from any answer, so it was not read.`);
    }
}
/** Refuses an answer whose Content-Length already says it is too large. */
function checkDeclaredLength(contentLength, what, maxBytes = MAX_ANSWER_BYTES) {
    const declared = Number(contentLength);
    if (contentLength && Number.isFinite(declared) && declared > maxBytes) {
        throw new AnswerTooLargeError(what, maxBytes);
    }
}
/** A Node.js stream (what Node's HTTP clients hand over), read with events. */
function isNodeStream(body) {
    return typeof body.on === "function";
}
/**
 * Reads a (decoded) body up to `maxBytes`; past that it stops reading,
 * releases what it holds and throws. `stop` ends the underlying transfer.
 */
function readBounded(body, what, stop, maxBytes = MAX_ANSWER_BYTES) {
    const collected = new Collector(what, stop, maxBytes);
    // Events, not `for await`: an async iterator costs a few KB per answer,
    // which adds up over 10,000 subscriptions.
    if (isNodeStream(body))
        return collected.fromStream(body);
    return collected.fromIterable(body);
}
class Collector {
    what;
    stop;
    maxBytes;
    chunks = [];
    size = 0;
    constructor(what, stop, maxBytes) {
        this.what = what;
        this.stop = stop;
        this.maxBytes = maxBytes;
    }
    /** Takes one chunk; throws past the bound. */
    add(chunk) {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        this.size += bytes.byteLength;
        if (this.size > this.maxBytes) {
            this.chunks.length = 0;
            this.stop();
            throw new AnswerTooLargeError(this.what, this.maxBytes);
        }
        this.chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    result() {
        return Buffer.concat(this.chunks, this.size);
    }
    async fromIterable(body) {
        for await (const chunk of body)
            this.add(chunk);
        return this.result();
    }
    fromStream(body) {
        return new Promise((resolve, reject) => {
            const done = () => {
                body.off("data", onData);
                body.off("end", onEnd);
                body.off("error", onError);
                body.off("close", onClose);
            };
            const onData = (chunk) => {
                try {
                    this.add(chunk);
                }
                catch (error) {
                    done();
                    reject(error);
                }
            };
            const onEnd = () => {
                done();
                resolve(this.result());
            };
            const onError = (error) => {
                done();
                reject(error);
            };
            // Destroyed before its end (an abort): never a silent short answer.
            const onClose = () => {
                done();
                reject(new Error(`${this.what} ended before it was complete.`));
            };
            body.on("data", onData);
            body.once("end", onEnd);
            body.once("error", onError);
            body.once("close", onClose);
        });
    }
}


/***/ }),

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  trackIssue: () => (/* binding */ trackIssue)
});

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/answer-size.ts
var answer_size = __webpack_require__(5027);
;// CONCATENATED MODULE: ./src/github/github-budget.ts
/**
 * Bounds the tracking step's GitHub calls: every request has its own
 * timeout (covering the body, so a trickle of bytes cannot hold it), every
 * answer is read to at most the answer bound (after decompression), and the
 * whole step has a deadline. Past the deadline, or at an answer too large
 * to read, the step stops at once; the check's verdict does not depend on it.
 */

/**
 * 30 s a request and 90 s for the step. The overrides exist only so tests
 * of a stalled GitHub run fast.
 */
function defaultGitHubLimits(timing = {}) {
    return {
        requestTimeoutMs: timing.githubRequestMs ?? 30_000,
        deadlineMs: timing.trackingMs ?? 90_000,
    };
}
/**
 * Why the tracking step stopped talking to GitHub (deadline, an answer too
 * large). Named AbortError because Octokit resends any other fetch failure
 * as a 500, and a stopped step must not be resent.
 */
class GitHubStopped extends Error {
    name = "AbortError";
}
/** One request ran out of time; Octokit may resend it within the deadline. */
class GitHubTimeout extends Error {
    name = "GitHubTimeout";
}
/** Statuses whose Response may not carry a body. */
const NO_BODY = new Set([204, 205, 304]);
const seconds = (ms) => `${ms / 1000} s`;
class GitHubBudget {
    limits;
    stop = new AbortController();
    constructor(limits) {
        this.limits = limits;
    }
    /** A fetch for Octokit that applies the limits and reads the body itself. */
    fetch = async (input, init = {}) => {
        if (this.stop.signal.aborted)
            throw this.stop.signal.reason;
        const url = new URL(input instanceof Request ? input.url : input);
        const what = `GitHub's answer to ${init.method ?? "GET"} ${url.pathname}`;
        const timeout = AbortSignal.timeout(this.limits.requestTimeoutMs);
        const signals = [this.stop.signal, timeout];
        if (init.signal)
            signals.push(init.signal);
        try {
            const response = await fetch(input, {
                ...init,
                signal: AbortSignal.any(signals),
            });
            (0,answer_size/* checkDeclaredLength */.VO)(response.headers.get("content-length"), what);
            const body = response.body
                ? await (0,answer_size/* readBounded */.CB)(response.body, what, () => undefined)
                : null;
            return new Response(NO_BODY.has(response.status) ? null : body, {
                status: response.status,
                statusText: response.statusText,
                headers: response.headers,
            });
        }
        catch (error) {
            if (this.stop.signal.aborted)
                throw this.stop.signal.reason;
            if (error instanceof answer_size/* AnswerTooLargeError */.Oc) {
                // Nothing good follows a hostile answer: stop the step, no retries.
                this.end(new GitHubStopped(error.message));
                throw this.stop.signal.reason;
            }
            if (timeout.aborted) {
                throw new GitHubTimeout(`GitHub did not answer ${init.method ?? "GET"} ${url.pathname} within ${seconds(this.limits.requestTimeoutMs)}.`);
            }
            throw error;
        }
    };
    end(reason) {
        if (!this.stop.signal.aborted)
            this.stop.abort(reason);
    }
    /** Runs the step within the deadline; afterwards no request of it starts again. */
    async run(work) {
        const timer = setTimeout(() => this.end(new GitHubStopped(`GitHub did not finish within ${seconds(this.limits.deadlineMs)}, the tracking step's deadline.`)), this.limits.deadlineMs);
        const stopped = new Promise((_, reject) => {
            const signal = this.stop.signal;
            if (signal.aborted)
                reject(signal.reason);
            signal.addEventListener("abort", () => reject(signal.reason), {
                once: true,
            });
        });
        const pending = work();
        // The loser of the race must not surface as an unhandled rejection.
        pending.catch(() => undefined);
        stopped.catch(() => undefined);
        try {
            return await Promise.race([pending, stopped]);
        }
        finally {
            clearTimeout(timer);
            this.end(new GitHubStopped("The tracking step has ended."));
        }
    }
}

;// CONCATENATED MODULE: ./src/github/github-errors.ts
/**
 * Turns GitHub's refusals into what to change: a rate limit is named as
 * one, with when it resets; only then permissions, tokens and settings.
 */


/** A tracking-issue call GitHub refused; the message says what to change. */
class TrackingIssueError extends Error {
    name = "TrackingIssueError";
}
function header(error, name) {
    const value = error.response?.headers?.[name];
    return value === undefined ? undefined : String(value);
}
const iso = (epochSeconds) => new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
/** The rate limit behind a 403 or 429, said plainly with when it ends; undefined when it is not one. */
function rateLimitHint(error, now = Date.now()) {
    const failure = (error ?? {});
    if (failure.status !== 403 && failure.status !== 429)
        return undefined;
    const reset = Number(header(failure, "x-ratelimit-reset"));
    if (header(failure, "x-ratelimit-remaining") === "0") {
        const when = Number.isFinite(reset) && reset > 0
            ? ` It resets at ${iso(reset)} (in ${Math.max(0, Math.ceil((reset * 1000 - now) / 60_000))} min).`
            : "";
        return ` This is GitHub's API rate limit for the github-token, used up; not a missing permission.${when}`;
    }
    const retryAfter = Number(header(failure, "retry-after"));
    if (/secondary rate limit/i.test((0,src_text/* errorMessage */.gJ)(error))) {
        const wait = Number.isFinite(retryAfter) && retryAfter > 0
            ? ` GitHub asks to wait ${retryAfter} s (until ${iso(Math.ceil(now / 1000) + retryAfter)}).`
            : " Wait a few minutes before the next run.";
        return ` This is GitHub's secondary rate limit (too many requests at once); not a missing permission.${wait}`;
    }
    return undefined;
}
function hint(error) {
    switch (error.status) {
        case 403:
            return (rateLimitHint(error) ??
                " Give the job 'permissions: issues: write' (pull requests from forks only ever get a read-only token).");
        case 429:
            return rateLimitHint(error) ?? " GitHub is rate limiting the token.";
        case 401:
            return " The github-token input is not a valid token.";
        case 404:
            return " The repository was not found, or the token cannot see it.";
        case 410:
            return " Issues are turned off in this repository's settings.";
        default:
            return "";
    }
}
/** "GitHub answered 403: \u2026 ." plus what to change; a stop (deadline, size) says so instead. */
function describeGitHubError(error) {
    const failure = (error ?? {});
    if (error instanceof GitHubStopped)
        return error.message;
    if (failure.cause instanceof GitHubTimeout)
        return failure.cause.message;
    const detail = (0,src_text/* errorMessage */.gJ)(error).split("\n")[0];
    return `GitHub answered ${failure.status ?? "with an error"}: ${detail}.${hint(failure)}`;
}
function explain(error) {
    if (error instanceof TrackingIssueError)
        return error;
    return new TrackingIssueError(`Could not update the tracking issue: ${describeGitHubError(error)}`);
}
/** GitHub's documented refusal of GET /user to installation tokens (GITHUB_TOKEN, apps). */
function isInstallationRefusal(error) {
    const failure = error;
    return (failure.status === 403 &&
        typeof failure.message === "string" &&
        failure.message.startsWith("Resource not accessible by integration") &&
        failure.response?.headers?.["x-ratelimit-remaining"] !== "0");
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./src/check/controls/index.ts + 6 modules
var controls = __webpack_require__(7932);
// EXTERNAL MODULE: ./src/report/attention.ts + 3 modules
var report_attention = __webpack_require__(9521);
// EXTERNAL MODULE: ./src/report/file-section.ts
var file_section = __webpack_require__(3372);
// EXTERNAL MODULE: ./src/report/fix-script.ts + 1 modules
var fix_script = __webpack_require__(7120);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/remediation-section.ts
var remediation_section = __webpack_require__(81);
;// CONCATENATED MODULE: ./src/github/issue-history.ts

/** About 16,000 characters: with the table's share, the body stays within 65,536. */
const MAX_HISTORY_ENTRIES = 300;
const BLOCK = /<!-- defender-security-contact-check history v1 (\{[^<>]*\}) -->/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The history in an issue body; anything unreadable or implausible is ignored. */
function readHistory(body, today) {
    const history = new Map();
    const json = BLOCK.exec(body ?? "")?.[1];
    if (!json)
        return history;
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch {
        return history;
    }
    if (typeof parsed !== "object" || parsed === null)
        return history;
    for (const [id, date] of Object.entries(parsed)) {
        if (id === id.toLowerCase() &&
            (0,src_text/* isGuid */.W_)(id) &&
            typeof date === "string" &&
            DATE.test(date) &&
            date <= today) {
            history.set(id, date);
        }
    }
    return history;
}
/** Keeps the first date of every subscription still failing or errored; new ones start today. */
function nextHistory(previous, results, today) {
    const next = new Map();
    // The table's order: failures, then errors.
    const attention = [
        ...results.filter((r) => r.status === "fail"),
        ...results.filter((r) => r.status === "error"),
    ];
    for (const result of attention) {
        if (next.size >= MAX_HISTORY_ENTRIES)
            break;
        const id = result.subscriptionId.toLowerCase();
        // Placeholders for invalid IDs change between runs: no history.
        if (!(0,src_text/* isGuid */.W_)(id))
            continue;
        next.set(id, previous.get(id) ?? today);
    }
    return next;
}
/**
 * What changed since the run that wrote `previous`: this run's history, the
 * subscriptions failing now that were not in it, and how many of those in it
 * now pass.
 */
function changesSince(previous, results, today) {
    const newlyFailing = new Set();
    let fixed = 0;
    for (const result of results) {
        const id = result.subscriptionId.toLowerCase();
        if (result.status === "fail" && (0,src_text/* isGuid */.W_)(id) && !previous.has(id)) {
            newlyFailing.add(id);
        }
        if (result.status === "pass" && previous.has(id))
            fixed++;
    }
    return {
        failingSince: nextHistory(previous, results, today),
        newlyFailing,
        fixed,
    };
}
/** The hidden block; its keys are GUIDs and its values dates, so it cannot close the comment early. */
function historyBlock(history) {
    const sorted = Object.fromEntries([...history].sort());
    return `<!-- defender-security-contact-check history v1 ${JSON.stringify(sorted)} -->`;
}

// EXTERNAL MODULE: ./src/report/sections.ts
var sections = __webpack_require__(3844);
;// CONCATENATED MODULE: ./src/github/issue-body.ts
/**
 * The tracking issue's text: a hidden marker that identifies it, the body
 * that is rewritten on every failing run, and the comment that closes it.
 * Pure.
 */








/** GitHub rejects issue bodies over 65,536 characters; keep a wide margin. */
const ISSUE_BODY_LIMIT = 65_536;
const TABLE_BUDGET_BYTES = 40_000;
/** The file findings' share, beside the subscriptions table: the body stays under 65,536. */
const FILE_BUDGET_BYTES = 12_000;
/**
 * Names this check and the tenant, so two workflows checking two tenants
 * into one repository keep two issues, and foreign issues are never touched.
 */
function trackingMarker(tenantId) {
    return `<!-- defender-security-contact-check tenant=${tenantId.toLowerCase()} -->`;
}
const APPLIED_BUDGET_BYTES = 12_000;
/** What `remediate: apply` did in this run, as lines to append; none otherwise. */
function appliedInThisRun(run, context) {
    if (context.remediate !== "apply")
        return [];
    const section = (0,remediation_section/* remediationSection */.B)(run.results, "apply", context.maskEmails, APPLIED_BUDGET_BYTES);
    return section ? ["", section] : [];
}
function runLink(context) {
    return context.runUrl ? `[workflow run](${context.runUrl})` : "workflow run";
}
function renderIssueBody(run, context) {
    const since = context.failingSince ?? new Map();
    const attention = (0,sections/* needingAttention */.Zl)(run.results);
    const section = (0,report_attention/* attentionSection */.e)(attention, {
        ...context,
        failingSince: since,
        newlyFailing: context.changes?.newlyFailing,
    }, run.checks, TABLE_BUDGET_BYTES);
    const parts = [
        // The marker opens the body: only such issues are this check's own.
        trackingMarker(context.tenantId),
        historyBlock(since),
        `## ${(0,sections/* headline */.Pl)(run.status, run.checks)}`,
        "",
        (0,sections/* countsLine */.J7)(run.counts),
        "",
        // Validated inputs and our own timestamp: nothing here came from Azure.
        `Tenant \`${context.tenantId}\` \u00b7 ${context.environment} \u00b7 last checked ${(0,markdown/* secondsUtc */.EV)(context.generatedAt)} by this ${runLink(context)}.${context.changes ? ` ${(0,sections/* changesLine */.a8)(context.changes)}` : ""}`,
        "",
        "Without an additional email address on the Microsoft Defender for Cloud security contact, high-severity alerts reach only subscription owners (CIS Azure Foundations; ISO 27001 A.5.24). This issue is updated on every run and closed when every subscription passes.",
    ];
    // scan: files checked no subscription: the file scan's headline instead.
    if (run.scan === "files")
        parts.splice(2, 5, ...(0,file_section/* filesHeader */.P)(run));
    if (run.runErrors.length > 0) {
        parts.push("", "### Errors outside any one subscription", "");
        parts.push(...run.runErrors.map((error) => `- ${(0,markdown/* escapeMarkdown */.FV)(error)}`));
    }
    parts.push(...(0,file_section/* infrastructureCodeSection */.W)(run, context.maskEmails, FILE_BUDGET_BYTES, {
        passing: false,
    }));
    if (attention.length > 0) {
        parts.push("", "### Subscriptions that need attention", "", section.markdown);
        if (section.omitted > 0) {
            parts.push("", `\u2026and ${section.omitted} more: see the job summary and the JSON report of the ${runLink(context)}.`);
        }
    }
    parts.push(...appliedInThisRun(run, context));
    if (run.counts.failed > 0) {
        parts.push("", (0,fix_script/* howToFix */.Nv)(run, { ...context, requiredEmails: context.requiredEmails ?? [] }, { inSummary: false }));
    }
    return `${parts.join("\n")}\n`;
}
/** What now passes, in the words of what was checked. */
function closingSentence(run) {
    const files = "every security contact setting in the repository's files";
    if (run.scan === "files") {
        return `\u2705 Now ${files} passes, so this issue is closed.`;
    }
    const subscriptions = run.checks.join() === controls/* DEFAULT_CHECKS */.UK.join()
        ? "Every subscription in scope now has a valid additional email address on its Defender for Cloud security contact"
        : `Every subscription in scope now passes the selected security contact controls (${run.checks.join(", ")})`;
    return run.scan === "both"
        ? `\u2705 ${subscriptions}, and so does ${files}, so this issue is closed.`
        : `\u2705 ${subscriptions}, so this issue is closed.`;
}
function renderClosingComment(run, context) {
    return [
        closingSentence(run),
        "",
        (0,sections/* countsLine */.J7)(run.counts),
        "",
        `Checked ${(0,markdown/* secondsUtc */.EV)(context.generatedAt)} by this ${runLink(context)}.`,
        ...appliedInThisRun(run, context),
    ].join("\n");
}

// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
;// CONCATENATED MODULE: ./src/github/tracking-decision.ts
function decideTrackingAction(status, existing) {
    if (status === "pass") {
        return existing ? { action: "close", issue: existing } : { action: "none" };
    }
    return existing
        ? { action: "update", issue: existing }
        : { action: "create" };
}
/**
 * Is `issue` this check's own tracking issue for the tenant? Only when the
 * marker opens its body and the identity behind `github-token` created it:
 * a person's login, or for an installation token its bot account
 * (`github-actions[bot]`, an app's `<slug>[bot]`), which no person can
 * create issues as. Issues that merely contain the marker, and look-alikes
 * by anyone else, are never touched. Pull requests never qualify.
 */
function isTrackingIssue(issue, marker, identity) {
    return (!issue.isPullRequest &&
        (issue.body ?? "").startsWith(marker) &&
        issue.author.toLowerCase() === identity.toLowerCase());
}
/**
 * When several qualify, the oldest (lowest number) is the tracking issue;
 * when none does, a new one is opened.
 */
function oldestTrackingIssue(issues, marker, identity) {
    let oldest;
    for (const issue of issues) {
        if (!isTrackingIssue(issue, marker, identity))
            continue;
        if (!oldest || issue.number < oldest.number)
            oldest = issue;
    }
    return oldest;
}
/** Labels from `issue-labels` that the issue lacks; labels people added are left alone. */
function missingLabels(issue, wanted) {
    const have = new Set(issue.labels.map((label) => label.toLowerCase()));
    return wanted.filter((label) => !have.has(label.toLowerCase()));
}

;// CONCATENATED MODULE: ./src/github/tracking-issue.ts
/**
 * Keeps one tracking issue per tenant in this repository: found by label and
 * hidden marker (the search API is eventually consistent, so it is not used),
 * created, rewritten in place, or commented on and closed.
 */








/**
 * GitHub's html_url, used in a markdown link and an output, only when it is
 * a plain https URL: no spaces, brackets or quotes to break out of the link.
 */
function plainHttpsUrl(url) {
    return /^https:\/\/[^\s()<>[\]"'`\\]+$/.test(url) ? url : "";
}
/** GITHUB_TOKEN's author; also when GitHub will not name an installation's bot. */
const ACTIONS_BOT = "github-actions[bot]";
function createIssueApi(token, repository, fetch = globalThis.fetch) {
    const [owner, repo] = repository.split("/");
    if (!owner || !repo) {
        throw new TrackingIssueError(`GITHUB_REPOSITORY is ${JSON.stringify(repository)}, but 'owner/name' is needed to keep a tracking issue.`);
    }
    // plugin-retry retries 5xx and 429; plugin-throttling waits out GitHub's
    // rate limits (a 403 or 429 with x-ratelimit-remaining: 0, or a secondary
    // limit) when the wait is short. The base URL comes from GITHUB_API_URL.
    const retryShortWaits = (retryAfter, _options, _octokit, retryCount) => retryCount < 2 && retryAfter <= 60;
    const octokit = github/* getOctokit */.Q(token, {
        throttle: {
            onRateLimit: retryShortWaits,
            onSecondaryRateLimit: retryShortWaits,
        },
        request: { fetch },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    const ref = (issue) => ({
        number: issue.number,
        url: plainHttpsUrl(issue.html_url),
    });
    return {
        async identity() {
            try {
                const { data } = await octokit.rest.users.getAuthenticated();
                return data.login;
            }
            catch (error) {
                // Anything else (a rate limit, an outage) says nothing about the token.
                if (!isInstallationRefusal(error)) {
                    throw new TrackingIssueError(`Could not learn who the github-token belongs to (GET /user), so no issue was touched: ${describeGitHubError(error)}`);
                }
            }
            // GraphQL names an installation's bot: <slug>[bot], github-actions[bot] for GITHUB_TOKEN.
            try {
                const { viewer } = await octokit.graphql("query { viewer { login } }");
                const login = viewer?.login;
                if (typeof login === "string" && login.endsWith("[bot]"))
                    return login;
            }
            catch {
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
                        isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
                        labels: issue.labels.map((l) => typeof l === "string" ? l : (l.name ?? "")),
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
async function findOpen(api, label, marker) {
    const identity = await api.identity();
    const issues = [];
    for await (const issue of api.openIssuesWithLabel(label))
        issues.push(issue);
    return oldestTrackingIssue(issues, marker, identity);
}
/** GitHub refuses longer bodies and comments with 422. */
function fitIssueText(text) {
    return (0,limits/* fitChars */.nH)(text, limits/* GITHUB_LIMITS */.f_.issueBodyChars);
}
async function syncTrackingIssue(api, run, settings, context) {
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
        const body = () => fitIssueText(renderIssueBody(run, {
            ...context,
            failingSince: changes?.failingSince ?? nextHistory(previous, run.results, today),
            changes,
        }));
        switch (plan.action) {
            case "create":
                return {
                    action: plan.action,
                    issue: await api.create(settings.issueTitle, body(), settings.issueLabels),
                };
            case "update": {
                const issue = await api.updateBody(plan.issue.number, body());
                const missing = missingLabels(plan.issue, settings.issueLabels);
                if (missing.length > 0)
                    await api.addLabels(issue.number, missing);
                return { action: plan.action, issue, ...(changes ? { changes } : {}) };
            }
            case "close":
                await api.comment(plan.issue.number, fitIssueText(renderClosingComment(run, context)));
                return {
                    action: plan.action,
                    issue: await api.close(plan.issue.number),
                    ...(changes ? { changes } : {}),
                };
            case "none":
                return { action: plan.action, issue: undefined };
        }
    }
    catch (error) {
        throw explain(error);
    }
}

;// CONCATENATED MODULE: ./src/github/tracking.ts
/**
 * The tracking-issue step of a run: sync the issue, log what happened, and
 * turn GitHub's refusal into a reason the step fails instead of a crash.
 */





async function trackIssue(run, settings, generatedAt, { repository, runUrl, timing }) {
    try {
        const budget = new GitHubBudget(defaultGitHubLimits(timing));
        const api = createIssueApi(settings.githubToken, repository, budget.fetch);
        const outcome = await budget.run(() => syncTrackingIssue(api, run, settings, {
            ...settings,
            generatedAt,
            runUrl,
        }));
        log/* log */.Rm.info(outcome.issue
            ? `Tracking issue #${outcome.issue.number}: ${outcome.action} (${outcome.issue.url}).`
            : "No tracking issue is open and none is needed.");
        return { outcome };
    }
    catch (error) {
        const message = (0,src_text/* errorMessage */.gJ)(explain(error));
        log/* log */.Rm.annotate("error", message, { title: "Tracking issue not updated" });
        return { error: message };
    }
}


/***/ })

};

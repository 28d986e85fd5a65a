export const id = 543;
export const ids = [543];
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

/***/ 1275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ nextLinkProblem)
/* harmony export */ });
/**
 * Whether to follow an ARM `nextLink`: one rule for every list the action
 * pages by hand. The bearer token goes only to the configured Resource
 * Manager origin, a link seen before would loop, and a page bound stops an
 * answer that never ends.
 */
/** Why `nextLink` must not be followed, or null when it may. */
function nextLinkProblem(nextLink, resourceManagerEndpoint, seen, pages, list) {
    let origin;
    try {
        origin = new URL(nextLink).origin;
    }
    catch {
        return `The ${list.name} answer has a 'nextLink' that is not a URL.`;
    }
    if (origin !== new URL(resourceManagerEndpoint).origin) {
        return `The ${list.name} answer has a 'nextLink' to another origin (${origin}), which is not followed.`;
    }
    if (seen.has(nextLink)) {
        return `The ${list.name} answer repeats a 'nextLink', so the list never ends.`;
    }
    if (pages >= list.maxPages) {
        return `The ${list.name} list has more than ${list.maxPages} pages.`;
    }
    return null;
}


/***/ }),

/***/ 511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ CONTACTS_API_VERSION),
/* harmony export */   oY: () => (/* binding */ SecurityContactReader)
/* harmony export */ });
/* unused harmony export contactsScopeProblem */
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1818);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8992);
/* harmony import */ var _arm_answer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6024);
/* harmony import */ var _next_link_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1275);
/**
 * Reads a subscription's security contacts with api-version
 * 2023-12-01-preview through the ARM client's authenticated pipeline.
 * `@azure/arm-security`'s own `securityContacts` operations send
 * 2017-08-01-preview and drop `properties.emails`, so that SDK is not used.
 */




const CONTACTS_API_VERSION = "2023-12-01-preview";
/** A subscription has one contact (`default`); more pages than this is a broken answer. */
const MAX_CONTACT_PAGES = 100;
const CONTACT_LIST = {
    name: "security contacts",
    maxPages: MAX_CONTACT_PAGES,
};
/**
 * Why `url` (a page, a nextLink, where a redirect led) is not this
 * subscription's contacts list, or null when it is. Same origin is not
 * enough: another subscription's contacts must never answer for this one.
 */
function contactsScopeProblem(url, resourceManagerEndpoint, subscriptionId) {
    // The endpoint may carry a path prefix (a proxy, a sovereign gateway).
    const base = new URL(resourceManagerEndpoint).pathname.replace(/\/+$/, "");
    const own = `${base}/subscriptions/${subscriptionId}/providers/Microsoft.Security/securityContacts`;
    let path;
    try {
        path = decodeURIComponent(new URL(url).pathname);
    }
    catch {
        return "A security contacts page has a URL that cannot be read.";
    }
    if (path.toLowerCase() === own.toLowerCase())
        return null;
    return `A security contacts page or redirect pointed at ${path}, not at this subscription's contacts (${own}); another subscription's contacts never count for this one.`;
}
class SecurityContactReader {
    client;
    resourceManagerEndpoint;
    constructor(client, resourceManagerEndpoint) {
        this.client = client;
        this.resourceManagerEndpoint = resourceManagerEndpoint;
    }
    async read(subscriptionId, abortSignal) {
        let url = `${this.resourceManagerEndpoint}/subscriptions/${encodeURIComponent(subscriptionId)}` +
            `/providers/Microsoft.Security/securityContacts?api-version=${CONTACTS_API_VERSION}`;
        const contacts = [];
        const seen = new Set([url]);
        try {
            // An empty first page with a nextLink is not "no contact": read every page.
            for (;;) {
                const response = await this.client.sendRequest((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createPipelineRequest */ .G6)({ url, method: "GET", abortSignal }));
                // After a redirect, the request holds the URL that answered.
                const scope = contactsScopeProblem(response.request.url, this.resourceManagerEndpoint, subscriptionId);
                if (scope) {
                    return { kind: "error", code: "ForeignContacts", message: scope };
                }
                const page = (0,_arm_answer_js__WEBPACK_IMPORTED_MODULE_1__/* .contactPageFromAnswer */ .mp)(response.status, response.bodyAsText ?? undefined, subscriptionId);
                // A 404 means "no contact" only for the list itself, not a later page.
                if (seen.size > 1 && response.status !== 200 && page.kind === "found") {
                    return {
                        kind: "error",
                        code: `HTTP${response.status}`,
                        message: `Azure answered HTTP ${response.status} for page ${seen.size} of the security contacts.`,
                    };
                }
                if (page.kind !== "found")
                    return page;
                contacts.push(...page.contacts);
                if (!page.nextLink)
                    return { kind: "found", contacts };
                const problem = (0,_next_link_js__WEBPACK_IMPORTED_MODULE_2__/* .nextLinkProblem */ .z)(page.nextLink, this.resourceManagerEndpoint, seen, seen.size, CONTACT_LIST) ??
                    contactsScopeProblem(page.nextLink, this.resourceManagerEndpoint, subscriptionId);
                if (problem) {
                    return { kind: "error", code: "MalformedResponse", message: problem };
                }
                url = page.nextLink;
                seen.add(url);
            }
        }
        catch (error) {
            // Retries are spent: report the last cause for this subscription only.
            const code = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .isRestError */ .T0)(error) && error.code ? error.code : "RequestFailed";
            const message = (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
            return { kind: "error", code, message };
        }
    }
}


/***/ }),

/***/ 3543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkAzure: () => (/* binding */ checkAzure)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
;// CONCATENATED MODULE: ./src/azure/adaptive-concurrency.ts
/**
 * How many subscriptions are read at once. With `concurrency: auto` the
 * number follows what Azure allows (AIMD, as TCP finds a link's speed):
 * it grows by a little while answers come back unthrottled with plenty of
 * quota left, and shrinks by a factor on a 429 or when the remaining-reads
 * headers run low. Microsoft.Security's own limit is undocumented and only
 * shows as 429s, so after the first back-off the limiter creeps up slowly
 * instead of running into that limit again and again.
 * Pure: the clock is passed in, so every rule is unit-tested.
 */
const AUTO_START = 16;
const AUTO_MAX = 64;
/** Writes stay few and fixed with `auto`: a PUT is not worth a 429. */
const AUTO_WRITE_CONCURRENCY = 4;
const AUTO_OPTIONS = {
    start: AUTO_START,
    min: 1,
    max: AUTO_MAX,
    increasePerWindow: 4,
    decreaseFactor: 0.85,
    probeEveryMs: 2000,
    lowReads: 20,
    comfortableReads: 50,
};
class AdaptiveConcurrency {
    options;
    mode;
    current;
    highest;
    throttledAnswers = 0;
    lastDecreaseAt = Number.NEGATIVE_INFINITY;
    growAfter = Number.NEGATIVE_INFINITY;
    /** Once Azure has pushed back, growth is slow: the limit is near. */
    backedOff = false;
    lastGrowthAt = Number.NEGATIVE_INFINITY;
    startedAt;
    changedAt;
    weightedSum = 0;
    constructor(options, now, mode = "auto") {
        this.options = options;
        this.mode = mode;
        this.current = options.start;
        this.highest = options.start;
        this.startedAt = now;
        this.changedAt = now;
    }
    /** Requests (subscriptions) that may be in flight now: a whole number within min..max. */
    get limit() {
        return Math.floor(this.current);
    }
    /** The most the limit can ever be. */
    get max() {
        return this.options.max;
    }
    observe(signal, now) {
        if (signal.throttled)
            this.throttledAnswers++;
        const reads = signal.remainingReads;
        const low = reads !== undefined && reads < this.options.lowReads;
        if (signal.throttled || low) {
            this.decrease(signal.sentAt, now);
        }
        else if (reads === undefined || reads >= this.options.comfortableReads) {
            this.increase(now);
        }
        if (signal.retryAfterMs !== undefined) {
            this.growAfter = Math.max(this.growAfter, now + signal.retryAfterMs);
        }
    }
    stats(now) {
        const elapsed = now - this.startedAt;
        const sum = this.weightedSum + this.limit * (now - this.changedAt);
        const mean = elapsed > 0 ? sum / elapsed : this.limit;
        return {
            mode: this.mode,
            start: this.options.start,
            max: this.highest,
            mean: Math.round(mean * 10) / 10,
            throttled: this.throttledAnswers,
        };
    }
    /** One back-off per congestion event: later answers to earlier requests tell nothing new. */
    decrease(sentAt, now) {
        if (sentAt < this.lastDecreaseAt)
            return;
        this.lastDecreaseAt = now;
        this.lastGrowthAt = now;
        this.backedOff = true;
        this.set(this.current * this.options.decreaseFactor, now);
    }
    increase(now) {
        if (now < this.growAfter)
            return;
        if (!this.backedOff) {
            this.set(this.current + this.options.increasePerWindow / this.current, now);
        }
        else if (now - this.lastGrowthAt >= this.options.probeEveryMs) {
            // Near a limit already met: one more only after a quiet while.
            this.lastGrowthAt = now;
            this.set(this.current + 1, now);
        }
    }
    set(value, now) {
        const before = this.limit;
        this.current = Math.min(this.options.max, Math.max(this.options.min, value));
        if (this.limit !== before) {
            this.weightedSum += before * (now - this.changedAt);
            this.changedAt = now;
        }
        this.highest = Math.max(this.highest, this.limit);
    }
}
/** The limiter for the `concurrency` input: `auto`, or a number that never changes. */
function concurrencyFor(setting, now) {
    if (setting === "auto")
        return new AdaptiveConcurrency(AUTO_OPTIONS, now);
    return new AdaptiveConcurrency({ ...AUTO_OPTIONS, start: setting, min: setting, max: setting }, now, "fixed");
}
/** Writes (`remediate: apply`): the fixed number as given, a small one with `auto`. */
function writeConcurrency(setting) {
    return setting === "auto" ? AUTO_WRITE_CONCURRENCY : setting;
}
const REMAINING_READS_HEADERS = [
    "x-ms-ratelimit-remaining-subscription-reads",
    "x-ms-ratelimit-remaining-subscription-global-reads",
    "x-ms-ratelimit-remaining-tenant-reads",
];
/** The lowest remaining-reads header ARM sent; undefined when none is a number. */
function remainingReads(header) {
    let lowest;
    for (const name of REMAINING_READS_HEADERS) {
        const text = header(name)?.trim();
        if (!text)
            continue;
        const value = Number(text);
        if (!Number.isFinite(value))
            continue;
        lowest = lowest === undefined ? value : Math.min(lowest, value);
    }
    return lowest;
}

// EXTERNAL MODULE: ./node_modules/@azure/arm-resources-subscriptions/dist/esm/index.js + 28 modules
var esm = __webpack_require__(3605);
// EXTERNAL MODULE: ./node_modules/@azure/core-client/dist/esm/index.js + 16 modules
var dist_esm = __webpack_require__(5738);
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 37 modules
var core_rest_pipeline_dist_esm = __webpack_require__(1818);
// EXTERNAL MODULE: ./src/answer-size.ts
var answer_size = __webpack_require__(5027);
;// CONCATENATED MODULE: ./src/azure/answer-cap.ts
/**
 * A pipeline policy that bounds every answer of a Resource Manager or Entra
 * ID pipeline (see answer-size.ts): the HTTP client hands the decoded body
 * over as a stream, and this policy reads at most the bound of it, so a
 * gzip bomb never reaches memory. Placed next to the transport, so the
 * resilience policy's attempt timeout still covers the whole body.
 */


const answerCapPolicyName = "answerSizeCap";
/**
 * `onRefused` hears each refusal: MSAL replaces the cause of a failed
 * sign-in with its own code, so the sign-in explains it from there.
 */
function answerCapPolicy(service, onRefused, maxBytes = answer_size/* MAX_ANSWER_BYTES */.gB) {
    return {
        name: answerCapPolicyName,
        async sendRequest(request, next) {
            const callerSignal = request.abortSignal;
            const controller = new AbortController();
            const onAbort = () => controller.abort();
            if (callerSignal?.aborted)
                onAbort();
            callerSignal?.addEventListener("abort", onAbort, { once: true });
            const streamed = request.streamResponseStatusCodes;
            request.streamResponseStatusCodes = new Set([Number.POSITIVE_INFINITY]);
            request.abortSignal = controller.signal;
            const what = `${service}'s answer to ${request.method} ${new URL(request.url).pathname}`;
            try {
                const response = await next(request);
                const body = response.readableStreamBody;
                if (!body)
                    return response;
                try {
                    (0,answer_size/* checkDeclaredLength */.VO)(response.headers.get("content-length"), what, maxBytes);
                    const bytes = await (0,answer_size/* readBounded */.CB)(body, what, () => controller.abort(), maxBytes);
                    response.bodyAsText = bytes.toString("utf8");
                    delete response.readableStreamBody;
                    return response;
                }
                catch (error) {
                    controller.abort();
                    if (!(error instanceof answer_size/* AnswerTooLargeError */.Oc))
                        throw error;
                    onRefused?.(error.message);
                    // A status code marks it as an answer, which no retry policy resends.
                    throw new core_rest_pipeline_dist_esm/* RestError */.pj(error.message, {
                        code: error.code,
                        statusCode: response.status,
                    });
                }
            }
            finally {
                callerSignal?.removeEventListener("abort", onAbort);
                request.abortSignal = callerSignal;
                request.streamResponseStatusCodes = streamed;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/azure/origin-guard.ts
const originGuardPolicyName = "resourceManagerOriginGuard";
/** Thrown for a refused request; a plain Error, so no retry policy retries it. */
class ForeignOriginError extends Error {
    name = "ForeignOriginError";
    code = "ForeignOrigin";
}
function originOf(url) {
    try {
        return new URL(url).origin;
    }
    catch {
        return undefined;
    }
}
function originGuardPolicy(resourceManagerEndpoint) {
    const allowed = originOf(resourceManagerEndpoint);
    return {
        name: originGuardPolicyName,
        sendRequest(request, next) {
            const origin = originOf(request.url);
            if (allowed === undefined || origin !== allowed) {
                return Promise.reject(new ForeignOriginError(`Refused to send the Resource Manager token to ${origin ?? "an unreadable URL"}: only ${allowed ?? resourceManagerEndpoint} (the resource-manager-endpoint) may receive it.`));
            }
            return next(request);
        },
    };
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/azure/arm-answer.ts
var arm_answer = __webpack_require__(6024);
;// CONCATENATED MODULE: ./src/azure/retry-decision.ts
/**
 * When to try a request to Azure again, and after how long. Pure, so every
 * rule is unit-tested; the pipeline policy in resilience.ts only applies it.
 */
/** 501 and 505 will not change on a retry; these can. */
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Methods that read: resending one cannot change anything twice. */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/**
 * Whether a write certainly did not happen: Azure turned it away (4xx; 429
 * is throttling before processing; 408 is left out, it may come from a
 * gateway after the fact), a 503 with `Retry-After` (turned away at the door),
 * or a connection refused (nothing was sent). After a timeout, a reset or
 * any other 5xx, the write may have landed.
 */
function provesNotApplied(outcome) {
    if (outcome.kind === "network")
        return outcome.code === "ECONNREFUSED";
    if (outcome.kind !== "response")
        return false;
    const { status } = outcome;
    if (status === 503)
        return outcome.retryAfter !== undefined;
    return status >= 400 && status < 500 && status !== 408;
}
/**
 * Whether the request may be sent again after this outcome: a read always;
 * a write (PUT, PATCH, POST, DELETE) only when the outcome proves it was not
 * applied. Otherwise the caller re-reads before deciding, never writes blind.
 */
function mayResend(method, outcome) {
    return READ_METHODS.has(method.toUpperCase()) || provesNotApplied(outcome);
}
/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    // Only an HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT"); Date.parse accepts far more.
    if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) {
        return undefined;
    }
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Exponential backoff with "equal jitter": half fixed, half random, so parallel retries spread out. */
function backoffMs(retry, options, random = Math.random) {
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/**
 * The delay before the next attempt, or undefined when the outcome is final
 * (success, a non-transient status, or retries used up).
 * `retry` counts retries already made (0 after the first attempt).
 */
function retryDelayMs(outcome, retry, options, random = Math.random, elapsedMs = 0) {
    const delay = plannedDelayMs(outcome, retry, options, random);
    // Long Retry-After waits add up; past the budget, the last cause stands.
    if (delay === undefined || options.retryBudgetMs === undefined)
        return delay;
    return elapsedMs + delay <= options.retryBudgetMs ? delay : undefined;
}
function plannedDelayMs(outcome, retry, options, random) {
    if (retry >= options.maxRetries)
        return undefined;
    if (outcome.kind === "response") {
        if (!TRANSIENT_STATUS.has(outcome.status))
            return undefined;
        const retryAfter = parseRetryAfter(outcome.retryAfter);
        if (retryAfter !== undefined) {
            return retryAfter <= options.maxRetryAfterMs ? retryAfter : undefined;
        }
    }
    return backoffMs(retry, options, random);
}
/**
 * ARM refills a principal's read bucket at about 25 requests a second; when
 * `x-ms-ratelimit-remaining-subscription-reads` runs low, pause long enough
 * for the bucket to climb back to `threshold` instead of running into 429s.
 */
function lowQuotaPauseMs(remainingHeader, threshold) {
    if (remainingHeader === undefined || remainingHeader.trim() === "")
        return 0;
    const remaining = Number(remainingHeader);
    if (!Number.isFinite(remaining) || remaining >= threshold)
        return 0;
    return Math.ceil(((threshold - Math.max(0, remaining)) / 25) * 1000);
}

;// CONCATENATED MODULE: ./src/azure/resilience.ts
/**
 * A pipeline policy that replaces the SDK's default retry: a timeout on every
 * attempt (covering the body, not just the headers), retries for what the SDK
 * leaves alone (429 without Retry-After, resets, timeouts), Retry-After
 * honoured, and a shared pause when ARM's read quota runs low.
 */






/**
 * Worst case for one hung subscription: 5 attempts of 15 s plus backoff,
 * about 1.5 minutes, inside the two minutes one subscription may cost.
 * `attemptTimeoutMs` (`CONTACT_CHECK_ATTEMPT_TIMEOUT_MS`) is given only so
 * tests of a hang run fast.
 */
function defaultResilienceOptions(attemptTimeoutMs = 15_000) {
    return {
        maxRetries: 4,
        baseDelayMs: 1000,
        maxDelayMs: 8000,
        maxRetryAfterMs: 60_000,
        attemptTimeoutMs,
        lowQuotaThreshold: 20,
        retryBudgetMs: 110_000,
    };
}
/** Counts retries across all clients, for the log and the benchmark. */
class RetryCounter {
    retries = 0;
}
/** When ARM says the quota is low, every request waits until this moment. */
class QuotaGate {
    resumeAt = 0;
    pause(ms) {
        this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
    }
    async wait() {
        const ms = this.resumeAt - Date.now();
        if (ms > 0)
            await (0,promises_.setTimeout)(ms);
    }
}
const resiliencePolicyName = "securityContactCheckResilience";
function describeOutcome(outcome) {
    if (outcome.kind === "response")
        return `HTTP ${outcome.status}`;
    if (outcome.kind === "timeout")
        return "timeout";
    return outcome.code ?? "network error";
}
function resiliencePolicy(options, counter, onRetry, 
/** Every answer's load signals, for the adaptive concurrency. */
onAnswer) {
    const gate = new QuotaGate();
    async function attempt(request, next, callerSignal) {
        const controller = new AbortController();
        const onCallerAbort = () => controller.abort();
        callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
        let timedOut = false;
        let timer;
        // Aborting ends a hung connection; the race also ends a hang that no
        // socket owns, such as a token request stuck inside the pipeline.
        const deadline = new Promise((_, reject) => {
            timer = setTimeout(() => {
                timedOut = true;
                controller.abort();
                reject(new core_rest_pipeline_dist_esm/* RestError */.pj("The attempt timed out."));
            }, options.attemptTimeoutMs);
        });
        request.abortSignal = controller.signal;
        try {
            const pending = next(request);
            // The loser of the race must not surface as an unhandled rejection.
            pending.catch(() => undefined);
            const response = await Promise.race([pending, deadline]);
            const outcome = {
                kind: "response",
                status: response.status,
                retryAfter: response.headers.get("retry-after") ?? undefined,
            };
            return { response, outcome };
        }
        catch (error) {
            if (timedOut)
                return { outcome: { kind: "timeout" }, error };
            // Only a failure to get any HTTP answer (reset, refused, TLS cut) may
            // pass on its own; a sign-in error or a cancellation will not.
            // isRestError, not instanceof: the bundle holds two copies of
            // core-rest-pipeline (ESM for us, CJS for the SDK clients), so the
            // SDK's RestError is not ours and resets were never retried.
            const isNetwork = (0,core_rest_pipeline_dist_esm/* isRestError */.T0)(error) && error.statusCode === undefined;
            if (callerSignal?.aborted || !isNetwork)
                throw error;
            return { outcome: { kind: "network", code: error.code }, error };
        }
        finally {
            clearTimeout(timer);
            callerSignal?.removeEventListener("abort", onCallerAbort);
            request.abortSignal = callerSignal;
        }
    }
    return {
        name: resiliencePolicyName,
        async sendRequest(request, next) {
            const callerSignal = request.abortSignal;
            const started = Date.now();
            for (let retry = 0;; retry++) {
                await gate.wait();
                const sentAt = Date.now();
                const { response, outcome, error } = await attempt(request, next, callerSignal);
                if (response) {
                    onAnswer?.({
                        sentAt,
                        throttled: response.status === 429,
                        remainingReads: remainingReads((name) => response.headers.get(name) ?? undefined),
                        retryAfterMs: parseRetryAfter(outcome.kind === "response" ? outcome.retryAfter : undefined),
                    });
                    gate.pause(lowQuotaPauseMs(response.headers.get("x-ms-ratelimit-remaining-subscription-reads") ?? undefined, options.lowQuotaThreshold));
                }
                const delay = mayResend(request.method, outcome)
                    ? retryDelayMs(outcome, retry, options, Math.random, Date.now() - started)
                    : undefined;
                if (delay === undefined) {
                    if (response) {
                        const unreadable = unreadableBody(response);
                        if (unreadable)
                            throw unreadable;
                        return response;
                    }
                    throw lastCause(outcome, error, retry + 1, options);
                }
                counter.retries++;
                onRetry?.(`${request.method} ${new URL(request.url).pathname}: ${describeOutcome(outcome)}, retry ${retry + 1} in ${delay} ms`);
                await (0,promises_.setTimeout)(delay);
                if (callerSignal?.aborted)
                    throw new core_rest_pipeline_dist_esm/* RestError */.pj("The request was cancelled.");
            }
        },
    };
}
/**
 * A final answer that is not JSON where JSON belongs (truncated JSON, or an
 * HTML page with a 2xx status). Left to the SDKs, the first becomes a
 * PARSE_ERROR that quotes the whole body (addresses included, unmasked) and
 * the second crashes the subscription pager on a missing list; say plainly
 * what came back instead. Non-JSON error pages are left to the callers.
 */
function unreadableBody(response) {
    const body = response.bodyAsText;
    if (!body)
        return undefined;
    const contentType = response.headers.get("content-type") ?? "";
    const success = response.status >= 200 && response.status < 300;
    if (!success && !/json/i.test(contentType))
        return undefined;
    const parsed = (0,arm_answer/* parseJson */.qF)(response.status, body);
    if (parsed.ok)
        return undefined;
    return new core_rest_pipeline_dist_esm/* RestError */.pj(parsed.error.message, {
        code: parsed.error.code,
        statusCode: response.status,
    });
}
function lastCause(outcome, error, attempts, options) {
    const tries = (0,src_text/* plural */.LS)(attempts, "attempt");
    if (outcome.kind === "timeout") {
        return new core_rest_pipeline_dist_esm/* RestError */.pj(`No complete answer within ${options.attemptTimeoutMs / 1000} s (${tries}).`, { code: "RequestTimeout" });
    }
    const detail = (0,src_text/* errorMessage */.gJ)(error);
    return new core_rest_pipeline_dist_esm/* RestError */.pj(`Connection failed (${tries}): ${detail}`, {
        code: outcome.kind === "network" && outcome.code
            ? outcome.code
            : "ConnectionFailed",
    });
}

// EXTERNAL MODULE: ./src/azure/security-contacts.ts
var security_contacts = __webpack_require__(511);
;// CONCATENATED MODULE: ./src/azure/contact-writer.ts
/**
 * Reads and writes a subscription's one security contact (`default`,
 * api-version 2023-12-01-preview) as raw properties, so a merge keeps all
 * Azure holds. Goes through the ARM client's pipeline (token,
 * origin, resilience policy), where a PUT is resent only when the answer
 * proves it was not applied; anything less certain comes back as `unknown`,
 * and the caller reads the contact again before deciding.
 *
 * A write never overwrites a change made after the read it was planned on:
 * with Azure's etag the PUT carries If-Match (Azure answers 412 to a stale
 * one); without one the contact is read again right before the PUT. Only the
 * moment between that read and the PUT remains last-writer-wins.
 */





const CHANGED = "The security contact changed since it was read for this fix (another person or tool wrote it in between), so nothing was written; the next run plans again on the current contact.";
/** Key order aside, the same JSON. */
function canonical(value) {
    return JSON.stringify(value, (_key, v) => typeof v === "object" && v !== null && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
        : v);
}
function sameContact(a, b) {
    if (a.kind === "none" || b.kind === "none")
        return a.kind === b.kind;
    if (a.kind !== "found" || b.kind !== "found")
        return false;
    return canonical(a.properties) === canonical(b.properties);
}
/** Said with every 403 on a write: reading needs Security Reader, writing more. */
const WRITE_ROLE_HINT = "The identity needs Security Admin on the subscription to write its security contact.";
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** Maps the answer to `GET .../securityContacts/default` (and its ETag header). Pure. */
function contactFromAnswer(status, body, etagHeader) {
    if (status !== 200) {
        const error = (0,arm_answer/* armError */.Tr)(status, body);
        return (0,arm_answer/* meansNoContact */.aj)(status, error)
            ? { kind: "none" }
            : { kind: "error", ...error };
    }
    const parsed = (0,arm_answer/* parseJson */.qF)(status, body);
    if (!parsed.ok)
        return { kind: "error", ...parsed.error };
    const properties = isObject(parsed.value)
        ? parsed.value.properties
        : undefined;
    if (!isObject(properties)) {
        return {
            kind: "error",
            code: "MalformedResponse",
            message: "The security contact 'default' has no properties.",
        };
    }
    const { emails } = properties;
    if (emails !== undefined && emails !== null && typeof emails !== "string") {
        // Merging into a value we cannot read would overwrite it.
        return {
            kind: "error",
            code: "MalformedResponse",
            message: `The security contact 'default' has 'emails' of type ${typeof emails}, not a string.`,
        };
    }
    const etag = etagHeader ??
        (isObject(parsed.value) && typeof parsed.value.etag === "string"
            ? parsed.value.etag
            : undefined);
    return etag
        ? { kind: "found", properties, etag }
        : { kind: "found", properties };
}
/** Maps the final answer to a PUT (after the pipeline's retries). Pure. */
function writeResultFromAnswer(status, body, retryAfter) {
    if (status >= 200 && status < 300)
        return { kind: "accepted" };
    const error = (0,arm_answer/* armError */.Tr)(status, body);
    if (!provesNotApplied({ kind: "response", status, retryAfter })) {
        return { kind: "unknown", ...error };
    }
    const message = status === 403 ? `${error.message} ${WRITE_ROLE_HINT}` : error.message;
    return { kind: "refused", status, code: error.code, message };
}
/** The last cause of a request that got no usable answer (retries spent). */
function failure(error) {
    const code = (0,core_rest_pipeline_dist_esm/* isRestError */.T0)(error) && error.code ? error.code : "RequestFailed";
    return { code, message: (0,src_text/* errorMessage */.gJ)(error) };
}
class SecurityContactWriter {
    client;
    resourceManagerEndpoint;
    constructor(client, resourceManagerEndpoint) {
        this.client = client;
        this.resourceManagerEndpoint = resourceManagerEndpoint;
    }
    url(subscriptionId) {
        return (`${this.resourceManagerEndpoint}/subscriptions/${encodeURIComponent(subscriptionId)}` +
            `/providers/Microsoft.Security/securityContacts/default?api-version=${security_contacts/* CONTACTS_API_VERSION */.A3}`);
    }
    async read(subscriptionId) {
        try {
            const response = await this.client.sendRequest((0,core_rest_pipeline_dist_esm/* createPipelineRequest */.G6)({ url: this.url(subscriptionId), method: "GET" }));
            return contactFromAnswer(response.status, response.bodyAsText ?? undefined, response.headers.get("etag") ?? undefined);
        }
        catch (error) {
            return { kind: "error", ...failure(error) };
        }
    }
    /** Without an etag: the contact read again now must be the one the fix was planned on. */
    async changedSince(subscriptionId, basis) {
        const now = await this.read(subscriptionId);
        if (now.kind === "error") {
            return {
                kind: "refused",
                code: now.code,
                message: `The security contact could not be read again right before the write, so nothing was written: ${now.message}`,
            };
        }
        return sameContact(now, basis)
            ? undefined
            : { kind: "stale", message: CHANGED };
    }
    async write(subscriptionId, properties, basis) {
        const etag = basis.kind === "found" ? basis.etag : undefined;
        if (etag === undefined) {
            const changed = await this.changedSince(subscriptionId, basis);
            if (changed)
                return changed;
        }
        try {
            const response = await this.client.sendRequest((0,core_rest_pipeline_dist_esm/* createPipelineRequest */.G6)({
                url: this.url(subscriptionId),
                method: "PUT",
                headers: (0,core_rest_pipeline_dist_esm/* createHttpHeaders */.Nc)({
                    "content-type": "application/json",
                    ...(etag === undefined ? {} : { "if-match": etag }),
                }),
                body: JSON.stringify({ properties }),
            }));
            if (response.status === 412)
                return { kind: "stale", message: CHANGED };
            return writeResultFromAnswer(response.status, response.bodyAsText ?? undefined, response.headers.get("retry-after") ?? undefined);
        }
        catch (error) {
            const cause = failure(error);
            // A refused connection sent nothing; any other failure may have landed.
            return provesNotApplied({ kind: "network", code: cause.code })
                ? { kind: "refused", ...cause }
                : { kind: "unknown", ...cause };
        }
    }
}

;// CONCATENATED MODULE: ./src/azure/defender-plans.ts
/**
 * Which paid Defender plans are on. Read only for failing subscriptions, to
 * say how much is at stake: their alerts go nowhere but to owners. Read with
 * a full URL through the run's one client (as the contacts are), because the
 * SDK's `pricings` operations need a client per subscription.
 */

const PRICINGS_API_VERSION = "2022-03-01";
/** Standard-tier plan names from a pricings list body; undefined when it is not one. */
function paidPlansFromAnswer(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    const value = parsed?.value;
    if (!Array.isArray(value))
        return undefined;
    return value.flatMap((plan) => {
        const { name, properties } = (plan ?? {});
        return typeof name === "string" && properties?.pricingTier === "Standard"
            ? [name]
            : [];
    });
}
class DefenderPlanReader {
    client;
    resourceManagerEndpoint;
    constructor(client, resourceManagerEndpoint) {
        this.client = client;
        this.resourceManagerEndpoint = resourceManagerEndpoint;
    }
    async paidPlans(subscriptionId, abortSignal) {
        const url = `${this.resourceManagerEndpoint}/subscriptions/${encodeURIComponent(subscriptionId)}` +
            `/providers/Microsoft.Security/pricings?api-version=${PRICINGS_API_VERSION}`;
        try {
            const response = await this.client.sendRequest((0,core_rest_pipeline_dist_esm/* createPipelineRequest */.G6)({ url, method: "GET", abortSignal }));
            return response.status === 200
                ? paidPlansFromAnswer(response.bodyAsText ?? "")
                : undefined;
        }
        catch {
            // Context only: the verdict stands without it.
            return undefined;
        }
    }
}

// EXTERNAL MODULE: ./src/azure/management-group-id.ts
var management_group_id = __webpack_require__(6806);
// EXTERNAL MODULE: ./src/azure/next-link.ts
var next_link = __webpack_require__(1275);
;// CONCATENATED MODULE: ./src/azure/management-groups.ts
/**
 * Reads which subscriptions sit below a management group, with the
 * Management Groups descendants API (api-version 2020-05-01), through the
 * authenticated ARM pipeline the action already has. The paging decisions
 * and the reading of a page are pure and exported for their tests.
 */





const DESCENDANTS_API_VERSION = "2020-05-01";
/**
 * Far above any real hierarchy (at most 10,000 groups, each a page or more); it only
 * stops a server that never ends its paging.
 */
const MAX_DESCENDANT_PAGES = 10_000;
const DESCENDANT_LIST = {
    name: "management group descendants",
    maxPages: MAX_DESCENDANT_PAGES,
};
function management_groups_isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** Last segment of `/providers/Microsoft.Management/managementGroups/<id>`, when it is a valid ID. */
function groupIdOf(resourceId) {
    if (typeof resourceId !== "string")
        return undefined;
    const id = /\/managementGroups\/([^/]+)$/i.exec(resourceId)?.[1];
    return id && (0,management_group_id/* isManagementGroupId */.m)(id) ? id : undefined;
}
/** One page of the descendants answer: its subscriptions and its nextLink. */
function readDescendantsPage(status, body) {
    if (status !== 200)
        return (0,arm_answer/* armError */.Tr)(status, body);
    const parsed = (0,arm_answer/* parseJson */.qF)(status, body);
    if (!parsed.ok)
        return parsed.error;
    const page = parsed.value;
    if (!management_groups_isObject(page) || !Array.isArray(page.value)) {
        return {
            code: "MalformedResponse",
            message: "The descendants answer has no 'value' list.",
        };
    }
    const members = [];
    for (const [index, item] of page.value.entries()) {
        // Groups are listed too; only subscriptions matter to the scope.
        if (!management_groups_isObject(item) || typeof item.type !== "string") {
            return {
                code: "MalformedResponse",
                message: `Descendant #${index + 1} has no type.`,
            };
        }
        if (!/(^|\/)subscriptions$/i.test(item.type))
            continue;
        const parent = management_groups_isObject(item.properties) ? item.properties.parent : null;
        const parentGroup = groupIdOf(management_groups_isObject(parent) ? parent.id : undefined);
        if (typeof item.name !== "string" || !(0,src_text/* isGuid */.W_)(item.name) || !parentGroup) {
            return {
                code: "MalformedResponse",
                message: `Descendant #${index + 1} is a subscription without a GUID name or a parent group.`,
            };
        }
        members.push({ subscriptionId: item.name, parentGroup });
    }
    const next = page.nextLink;
    return {
        members,
        nextLink: typeof next === "string" && next !== "" ? next : undefined,
    };
}
class ManagementGroupReader {
    client;
    resourceManagerEndpoint;
    constructor(client, resourceManagerEndpoint) {
        this.client = client;
        this.resourceManagerEndpoint = resourceManagerEndpoint;
    }
    async descendants(groupId) {
        let url = `${this.resourceManagerEndpoint}/providers/Microsoft.Management/managementGroups/` +
            `${encodeURIComponent(groupId)}/descendants?api-version=${DESCENDANTS_API_VERSION}`;
        const seen = new Set([url]);
        const members = [];
        for (;;) {
            let response;
            try {
                response = await this.client.sendRequest((0,core_rest_pipeline_dist_esm/* createPipelineRequest */.G6)({ url, method: "GET" }));
            }
            catch (error) {
                // Retries are spent: the walk fails, named by its group.
                return {
                    kind: "error",
                    code: "RequestFailed",
                    message: (0,src_text/* errorMessage */.gJ)(error),
                };
            }
            const page = readDescendantsPage(response.status, response.bodyAsText ?? undefined);
            if ("code" in page)
                return { kind: "error", ...page };
            members.push(...page.members);
            if (!page.nextLink)
                return { kind: "found", members };
            const problem = (0,next_link/* nextLinkProblem */.z)(page.nextLink, this.resourceManagerEndpoint, seen, seen.size, DESCENDANT_LIST);
            if (problem) {
                return { kind: "error", code: "MalformedResponse", message: problem };
            }
            url = page.nextLink;
            seen.add(url);
        }
    }
}

// EXTERNAL MODULE: ./src/check/emails.ts
var emails = __webpack_require__(5931);
;// CONCATENATED MODULE: ./src/azure/tenant-domains.ts
/**
 * The signed-in tenant's verified domains, for `allowed-email-domains:
 * tenant`: Resource Manager's `GET /tenants` (field `domains`), which needs
 * no Microsoft Graph permission. One request per run (more only if Azure
 * pages it), through the ARM pipeline with its retries and origin guard.
 */





const TENANTS_API_VERSION = "2022-12-01";
const TENANT_LIST = { name: "tenants", maxPages: 20 };
/** Entra ID allows 5,000 domains a tenant; more is not an answer to trust. */
const MAX_DOMAINS = 5000;
function tenant_domains_isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** A domain an address can be at; anything else in the answer is dropped. */
function domainOrUndefined(value) {
    if (typeof value !== "string" || value.length > 253)
        return undefined;
    const domain = value.toLowerCase();
    return (0,emails/* isValidEmail */.B9)(`postmaster@${domain}`) ? domain : undefined;
}
class ArmTenantDomainReader {
    client;
    resourceManagerEndpoint;
    constructor(client, resourceManagerEndpoint) {
        this.client = client;
        this.resourceManagerEndpoint = resourceManagerEndpoint;
    }
    async verifiedDomains(tenantId) {
        let url = `${this.resourceManagerEndpoint}/tenants?api-version=${TENANTS_API_VERSION}`;
        const seen = new Set([url]);
        for (;;) {
            const response = await this.client.sendRequest((0,core_rest_pipeline_dist_esm/* createPipelineRequest */.G6)({ url, method: "GET" }));
            const { status } = response;
            const body = response.bodyAsText ?? undefined;
            if (status !== 200) {
                const { code, message } = (0,arm_answer/* armError */.Tr)(status, body);
                throw new Error(`${(0,src_text/* displayCode */.Ad)(code)}: ${message}`);
            }
            const parsed = (0,arm_answer/* parseJson */.qF)(status, body);
            if (!parsed.ok)
                throw new Error(parsed.error.message);
            const page = parsed.value;
            if (!tenant_domains_isObject(page) || !Array.isArray(page.value)) {
                throw new Error("the tenants answer has no 'value' list");
            }
            const tenant = page.value.find((entry) => tenant_domains_isObject(entry) &&
                typeof entry.tenantId === "string" &&
                entry.tenantId.toLowerCase() === tenantId.toLowerCase());
            if (tenant) {
                if (!Array.isArray(tenant.domains) || tenant.domains.length === 0) {
                    throw new Error(`the tenants answer lists no domains for ${tenantId}`);
                }
                const domains = tenant.domains
                    .slice(0, MAX_DOMAINS)
                    .map(domainOrUndefined)
                    .filter((domain) => domain !== undefined);
                if (domains.length === 0) {
                    throw new Error(`the tenants answer lists no valid domain for ${tenantId}`);
                }
                return [...new Set(domains)];
            }
            const nextLink = typeof page.nextLink === "string" ? page.nextLink : undefined;
            if (!nextLink) {
                throw new Error(`the identity's tenants do not include ${tenantId}, the tenant signed in to`);
            }
            const problem = (0,next_link/* nextLinkProblem */.z)(nextLink, this.resourceManagerEndpoint, seen, seen.size, TENANT_LIST);
            if (problem)
                throw new Error(problem);
            url = nextLink;
            seen.add(url);
        }
    }
}

;// CONCATENATED MODULE: ./src/azure/deadlines.ts
/**
 * Time bounds that cover many requests: the whole subscription listing, and
 * everything one subscription costs (lookup, contacts, plans, retries
 * included). A retry budget per request cannot promise either.
 */
/**
 * 90 s for the listing and 110 s per subscription keep the promise that
 * one endless listing or one hung subscription ends within two minutes;
 * 20 s for all DNS lookups keeps a runner without DNS from waiting long.
 * `overrides` (the `CONTACT_CHECK_*_MS` variables) exist only so tests run
 * fast.
 */
function defaultDeadlines(overrides = {}) {
    return {
        listingMs: overrides.listingMs ?? 90_000,
        subscriptionMs: overrides.subscriptionMs ?? 110_000,
        dnsMs: overrides.dnsMs ?? 20_000,
    };
}
/** The signal's deadline passed before the work ended. */
class DeadlineExceeded extends Error {
    name = "DeadlineExceeded";
}
/**
 * `work`, or a DeadlineExceeded as soon as `signal` aborts: a backoff sleep
 * or a token request that ignores the signal cannot hold the caller.
 */
async function withinDeadline(work, signal, message) {
    // The loser of the race must not surface as an unhandled rejection.
    work.catch(() => undefined);
    let onAbort;
    const deadline = new Promise((_, reject) => {
        onAbort = () => reject(new DeadlineExceeded(message));
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        if (onAbort)
            signal.removeEventListener("abort", onAbort);
    }
}

;// CONCATENATED MODULE: ./src/azure/subscriptions.ts




function isInvalidListed(entry) {
    return "kind" in entry && entry.kind === "invalid-id";
}
const DEFAULT_LISTING_LIMITS = {
    maxPages: 10_000,
    deadlineMs: 90_000,
};
/** Why a named subscription is missing from what the identity can see. */
const NOT_VISIBLE = "The identity cannot see this subscription: it does not exist in this tenant, or the identity has no role on it (assign Security Reader).";
/** The tenant-wide listing failed part-way or entirely. */
class ListingError extends Error {
    name = "ListingError";
}
function describe(error) {
    if ((0,core_rest_pipeline_dist_esm/* isRestError */.T0)(error)) {
        // The SDK's paging error drops Azure's own words; they are in the body.
        const { status, bodyAsText } = error.response ?? {};
        if (status !== undefined && bodyAsText)
            return (0,arm_answer/* armError */.Tr)(status, bodyAsText);
        return {
            code: error.code ??
                (error.statusCode ? `HTTP${error.statusCode}` : "RequestFailed"),
            message: error.message.replace(/\s+/g, " ").trim(),
        };
    }
    return {
        code: "RequestFailed",
        message: (0,src_text/* errorMessage */.gJ)(error),
    };
}
/** Only string-valued tags: the SDK passes whatever JSON Azure sent. */
function stringTags(tags) {
    if (!tags || typeof tags !== "object")
        return undefined;
    const entries = Object.entries(tags).filter((entry) => typeof entry[1] === "string");
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
function toInfo(subscription) {
    const subscriptionId = subscription.subscriptionId ??
        /^\/subscriptions\/([^/]+)$/i.exec(subscription.id ?? "")?.[1];
    if (!subscriptionId)
        return undefined;
    const tags = stringTags(subscription.tags);
    return {
        // As Azure spells it; comparisons elsewhere ignore case.
        subscriptionId,
        displayName: subscription.displayName ?? "",
        state: subscription.state ?? "Unknown",
        ...(tags ? { tags } : {}),
    };
}
/** A GUID as it is; anything else only by its length, never repeated. */
function describeId(id) {
    return (0,src_text/* isGuid */.W_)(id)
        ? id
        : `an ID that is not a GUID (${(0,src_text/* plural */.LS)(id.length, "character")}, not shown)`;
}
function deadlineError(deadlineMs) {
    return new ListingError(`Listing subscriptions did not finish within ${deadlineMs / 1000} s, so it stopped; the subscriptions listed so far are evaluated`);
}
class ArmSubscriptionSource {
    client;
    limits;
    invalidIds = 0;
    constructor(client, limits = DEFAULT_LISTING_LIMITS) {
        this.client = client;
        this.limits = limits;
    }
    /** A listed subscription, or a stand-in when Azure's ID is not a GUID. */
    listed(info) {
        if ((0,src_text/* isGuid */.W_)(info.subscriptionId))
            return info;
        this.invalidIds++;
        return {
            kind: "invalid-id",
            placeholderId: `invalid-subscription-id-${this.invalidIds}`,
            displayName: info.displayName,
            message: `The listing returned ${describeId(info.subscriptionId)}, so this entry was not checked.`,
        };
    }
    async *list() {
        const seenLinks = new Set();
        let page = 0;
        const { maxPages, deadlineMs } = this.limits;
        // The deadline counts time spent waiting for Azure, not time the
        // evaluation takes to pull the next subscription.
        let remainingMs = deadlineMs;
        const controller = new AbortController();
        const abortSignal = controller.signal;
        try {
            const byPage = this.client.subscriptions.list({ abortSignal }).byPage();
            const pages = byPage[Symbol.asyncIterator]();
            for (;;) {
                const started = Date.now();
                // Aborting also cancels the request in flight.
                const timer = setTimeout(() => controller.abort(), remainingMs);
                let step;
                try {
                    step = await withinDeadline(pages.next(), abortSignal, deadlineError(deadlineMs).message);
                }
                finally {
                    clearTimeout(timer);
                    remainingMs -= Date.now() - started;
                }
                if (step.done)
                    break;
                const items = step.value;
                page++;
                for (const item of items) {
                    const info = toInfo(item);
                    if (!info) {
                        throw new ListingError(`page ${page} holds a subscription without an ID`);
                    }
                    yield this.listed(info);
                }
                if (page >= maxPages &&
                    items.continuationToken) {
                    throw new ListingError(`Listing subscriptions stopped after ${(0,src_text/* plural */.LS)(page, "page")}, the most one run reads: Azure kept sending another nextLink`);
                }
                // A server that keeps sending the same nextLink would loop forever.
                const next = items
                    .continuationToken;
                if (next) {
                    if (seenLinks.has(next)) {
                        throw new ListingError(`page ${page} repeats an earlier nextLink, so the listing stopped`);
                    }
                    seenLinks.add(next);
                }
            }
        }
        catch (error) {
            if (error instanceof ListingError) {
                throw new ListingError(error.message.startsWith("Listing")
                    ? `${error.message}.`
                    : `Listing subscriptions failed: ${error.message}.`);
            }
            if (abortSignal.aborted) {
                throw new ListingError(`${deadlineError(deadlineMs).message} (after ${(0,src_text/* plural */.LS)(page, "page")}).`);
            }
            // The SDK reads a page of the wrong shape (a bare array, no 'value')
            // into a TypeError ("Cannot read properties of undefined") that says
            // nothing useful; name the page instead.
            const { code, message } = error instanceof TypeError
                ? {
                    code: "MalformedResponse",
                    message: `page ${page + 1} does not have the shape of a subscription list.`,
                }
                : describe(error);
            throw new ListingError(`Listing subscriptions failed after ${(0,src_text/* plural */.LS)(page, "page")}: ${(0,src_text/* displayCode */.Ad)(code)}: ${message}`);
        }
    }
    async get(subscriptionId, abortSignal) {
        try {
            const info = toInfo(await this.client.subscriptions.get(subscriptionId, { abortSignal }));
            if (!info) {
                return {
                    kind: "error",
                    code: "MalformedResponse",
                    message: "The subscription answer has no subscriptionId.",
                };
            }
            // Another subscription's data must never stand in for the named one.
            if (info.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()) {
                return {
                    kind: "error",
                    code: "MismatchedAnswer",
                    message: `Azure answered with the data of another subscription (${describeId(info.subscriptionId)}), so it was not used.`,
                };
            }
            return { kind: "found", subscription: info };
        }
        catch (error) {
            const { code, message } = describe(error);
            if (code === "SubscriptionNotFound" ||
                ((0,core_rest_pipeline_dist_esm/* isRestError */.T0)(error) && error.statusCode === 404)) {
                return {
                    kind: "error",
                    code: "SubscriptionNotFound",
                    message: NOT_VISIBLE,
                };
            }
            return { kind: "error", code, message };
        }
    }
}

;// CONCATENATED MODULE: ./src/azure/arm-clients.ts
/**
 * Builds the SDK clients on one credential, each with the resilience policy
 * in place of the SDK's default retry.
 */











function useResilience(pipeline, resourceManagerEndpoint, options, counter, onRetry, concurrency) {
    pipeline.removePolicy({ name: "defaultRetryPolicy" });
    pipeline.addPolicy(resiliencePolicy(options, counter, onRetry, (signal) => concurrency.observe(signal, Date.now())), { phase: "Retry" });
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
function createArmClients(credential, resourceManagerEndpoint, options, onRetry, listingLimits, concurrency) {
    const scopes = [`${resourceManagerEndpoint}/.default`];
    const retries = new RetryCounter();
    const subscriptionClient = new esm/* SubscriptionClient */.DI(credential, {
        endpoint: resourceManagerEndpoint,
        credentials: { scopes },
    });
    useResilience(subscriptionClient.pipeline, resourceManagerEndpoint, options, retries, onRetry, concurrency);
    // One client for every subscription: no credential or client per
    // subscription. Contacts, pricings and groups are read with full URLs on
    // ARM's authenticated pipeline; @azure/arm-security's client would add
    // only 0.7 MB of operations never called (and memory to hold them).
    const armClient = new dist_esm/* ServiceClient */.Nl({
        credential,
        endpoint: resourceManagerEndpoint,
        credentialScopes: scopes,
    });
    // Every answer is read from its text by our own defensive parsers, and
    // nothing is traced: these policies would only parse each body once more
    // and allocate per request (the memory of a 10,000-subscription run).
    for (const name of UNUSED_POLICIES)
        armClient.pipeline.removePolicy({ name });
    useResilience(armClient.pipeline, resourceManagerEndpoint, options, retries, onRetry, concurrency);
    return {
        subscriptions: new ArmSubscriptionSource(subscriptionClient, listingLimits),
        groups: new ManagementGroupReader(armClient, resourceManagerEndpoint),
        contacts: new security_contacts/* SecurityContactReader */.oY(armClient, resourceManagerEndpoint),
        contactWriter: new SecurityContactWriter(armClient, resourceManagerEndpoint),
        plans: new DefenderPlanReader(armClient, resourceManagerEndpoint),
        tenantDomains: new ArmTenantDomainReader(armClient, resourceManagerEndpoint),
        retries,
        concurrency,
    };
}

// EXTERNAL MODULE: ./src/azure/clouds.ts
var clouds = __webpack_require__(681);
// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 155 modules
var identity_dist_esm = __webpack_require__(3952);
;// CONCATENATED MODULE: ./src/azure/sign-in/azure-cli.ts
/**
 * AZURE_CLI: reuses the Azure CLI session already on the runner (as
 * azure/login leaves it). @azure/identity runs
 * `az account get-access-token --output json --resource <arm> [--tenant <t>]`.
 */


/** `az` answers in seconds; a hang must not hold the job. */
const AZ_TIMEOUT_MS = 60_000;
/** One clear sentence per way the `az` state can be wrong. */
function explainAzureCliFailure(message, tenantId) {
    const said = message
        .split(/\r?\n/)
        .find((line) => line.trim() !== "")
        ?.trim() ?? message;
    if (/Azure CLI could not be found/i.test(message)) {
        return ("auth-type AZURE_CLI needs the Azure CLI, but 'az' was not found on PATH. " +
            "GitHub-hosted runners have it; on a self-hosted runner install it, or use auth-type OIDC or IDENTITY.");
    }
    if (/az login/i.test(message) && !/az login --scope/i.test(message)) {
        return tenantId
            ? `The Azure CLI on this runner has no session for tenant-id ${tenantId}: it is not logged in, or logged in to another tenant. ` +
                `Run azure/login first (earlier in the same job, with tenant-id ${tenantId}), then this action with auth-type: AZURE_CLI.`
            : "The Azure CLI on this runner is not logged in: run azure/login first (earlier in the same job), then this action with auth-type: AZURE_CLI.";
    }
    if (/AADSTS500011/.test(message)) {
        return ("The Azure CLI session belongs to another cloud than this run's Resource Manager: " +
            `log in to the same cloud (azure/login 'environment') as this action's 'environment'. az said: ${said}`);
    }
    if (tenantId) {
        return (`The Azure CLI could not get a Resource Manager token for tenant-id ${tenantId}; ` +
            "its session may be for another tenant: run azure/login with the same tenant-id, or leave tenant-id out to use the session's tenant. " +
            `az said: ${said}`);
    }
    return `The Azure CLI could not get a Resource Manager token. az said: ${said}`;
}
function azureCliSignIn(settings) {
    return {
        credential: new identity_dist_esm/* AzureCliCredential */.nG({
            tenantId: settings.tenantId || undefined,
            processTimeoutInMs: AZ_TIMEOUT_MS,
        }),
        description: `the Azure CLI session on this runner${settings.tenantId ? ` (tenant ${settings.tenantId})` : ""}`,
        explain: (error) => explainAzureCliFailure((0,src_text/* errorMessage */.gJ)(error), settings.tenantId),
    };
}

;// CONCATENATED MODULE: ./src/azure/sign-in/managed-identity.ts
/**
 * IDENTITY: the runner's managed identity, system-assigned or (with
 * client-id) user-assigned. @azure/identity picks the endpoint from the
 * environment: IDENTITY_ENDPOINT (App Service style, Azure Arc), else IMDS.
 */


/** Which identity endpoint @azure/identity will ask, named for error messages. */
function identityEndpointKind(env) {
    if (env.IDENTITY_ENDPOINT && env.IMDS_ENDPOINT) {
        return "the Azure Arc identity endpoint (IDENTITY_ENDPOINT)";
    }
    if (env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER) {
        return "the App Service style identity endpoint (IDENTITY_ENDPOINT)";
    }
    if (env.MSI_ENDPOINT)
        return "the Cloud Shell identity endpoint (MSI_ENDPOINT)";
    return "the Azure Instance Metadata Service (IMDS)";
}
function explainManagedIdentityFailure(message, kind, clientId) {
    const which = clientId
        ? `the user-assigned managed identity with client-id ${clientId}`
        : "the system-assigned managed identity";
    const said = message.split(/\r?\n/)[0]?.trim() ?? message;
    const unreachable = /network|unreachable|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH/i.test(message);
    const advice = unreachable
        ? "is this runner an Azure VM, scale set instance, Arc-enabled server or App Service / Container Apps host?"
        : clientId
            ? "check that this identity is assigned to the runner's host and that client-id is its client ID (not its object ID)."
            : "check that the runner's host has a system-assigned identity turned on, or pass client-id for a user-assigned one.";
    return `Sign-in with ${which} through ${kind} failed: ${advice} The endpoint said: ${said}`;
}
function managedIdentitySignIn(settings, env, options = {}) {
    const kind = identityEndpointKind(env);
    const clientId = settings.clientId;
    return {
        credential: clientId
            ? new identity_dist_esm/* ManagedIdentityCredential */.NC({ ...options, clientId })
            : new identity_dist_esm/* ManagedIdentityCredential */.NC(options),
        description: `${clientId ? `the user-assigned managed identity ${clientId}` : "the system-assigned managed identity"} through ${kind}`,
        explain: (error) => explainManagedIdentityFailure((0,src_text/* errorMessage */.gJ)(error), kind, clientId),
    };
}

// EXTERNAL MODULE: ./src/azure/sign-in/method.ts
var sign_in_method = __webpack_require__(3426);
;// CONCATENATED MODULE: ./src/azure/token-claims.ts
const token_claims_text = (value) => typeof value === "string" ? value : undefined;
/** The claims that matter here; undefined when the token is not a readable JWT. */
function readTokenClaims(token) {
    const payload = token.split(".")[1];
    if (payload === undefined)
        return undefined;
    let claims;
    try {
        claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    }
    catch {
        return undefined;
    }
    if (typeof claims !== "object" || claims === null)
        return undefined;
    const { iss, sub, aud, tid, exp } = claims;
    return {
        iss: token_claims_text(iss),
        sub: token_claims_text(sub),
        aud: Array.isArray(aud)
            ? aud.filter((a) => typeof a === "string").join(",")
            : token_claims_text(aud),
        tid: token_claims_text(tid),
        exp: typeof exp === "number" ? exp : undefined,
    };
}

;// CONCATENATED MODULE: ./src/azure/sign-in/oidc.ts
/**
 * OIDC: signs in to Entra ID with the workflow's GitHub OIDC token (workload
 * identity federation): no client secret is stored anywhere.
 */





/**
 * GitHub exposes the OIDC endpoint only to jobs with `id-token: write`; say
 * so before any network call instead of failing deep inside the SDK.
 */
function assertOidcAvailable(env) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL ||
        !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new sign_in_method/* SignInError */.J("GitHub did not give this job an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set). " +
            "Add 'permissions: id-token: write' (and 'contents: read') to the workflow or job. " +
            "Pull requests from forks never receive this permission, so run the check on pushes, schedules or pull requests from branches of this repository. " +
            "Or sign in another way: 'auth-type: AZURE_CLI' after azure/login, or 'auth-type: IDENTITY' on a runner with a managed identity.");
    }
}
/** GitHub's token lives about five minutes; get a new one this long before it ends. */
const ID_TOKEN_MARGIN_MS = 60_000;
/**
 * Hands MSAL the same GitHub token until close to its `exp`, so a run asks
 * GitHub once, and remembers the last token's claims to explain a refusal.
 */
class IdTokenCache {
    source;
    audience;
    now;
    pending;
    refreshAt = 0;
    claims;
    constructor(source, audience, now = Date.now) {
        this.source = source;
        this.audience = audience;
        this.now = now;
    }
    get() {
        if (this.pending && this.now() < this.refreshAt)
            return this.pending;
        const pending = this.source(this.audience).then((token) => {
            this.claims = readTokenClaims(token);
            const expiresAt = (this.claims?.exp ?? 0) * 1000;
            const margin = Math.min(ID_TOKEN_MARGIN_MS, (expiresAt - this.now()) / 2);
            this.refreshAt = expiresAt - margin;
            return token;
        });
        // Until it settles, callers share this request; a failure is not kept.
        this.refreshAt = Number.POSITIVE_INFINITY;
        this.pending = pending;
        pending.catch(() => {
            if (this.pending === pending)
                this.pending = undefined;
        });
        return pending;
    }
    /** Claims of the last token handed out (for error messages only). */
    lastClaims() {
        return this.claims;
    }
}
/** What to check for the Entra error codes users meet when setting up federation. */
const AADSTS_HINTS = {
    "700213": "the federated credential's subject does not match this workflow's; for a branch it is 'repo:OWNER/REPO:ref:refs/heads/BRANCH', for a pull request 'repo:OWNER/REPO:pull_request', for an environment 'repo:OWNER/REPO:environment:NAME'",
    "700212": "the federated credential's audience does not match the token's; set the 'audience' input to the credential's audience (default api://AzureADTokenExchange)",
    "700211": "the federated credential's issuer does not match the token's issuer (GitHub Enterprise Server issues tokens from its own host)",
    "700016": "no application with this client-id exists in the tenant; check 'client-id' and 'tenant-id'",
    "90002": "the tenant was not found; check 'tenant-id' and 'environment'",
    "900023": "the tenant ID is not valid; check 'tenant-id'",
    "70021": "no federated credential on the app matches this token; add one for this repository (see the README's Sign-in section)",
    "700024": "the GitHub token has expired or is not yet valid; check the runner's clock",
    "70011": "the scope is not valid; check 'resource-manager-endpoint'",
};
/** Refusals of the assertion itself: the token's claims tell what the credential must hold. */
const FEDERATION_CODES = new Set([
    "700213",
    "700212",
    "700211",
    "70021",
    "700016",
]);
/** Adds a hint for a known AADSTS code, and for a refused assertion its claims, to Entra's message. */
function explainSignInFailure(message, claims) {
    const code = /AADSTS(\d+)/.exec(message)?.[1];
    const hint = code ? AADSTS_HINTS[code] : undefined;
    const first = message.split(/\r?\n/)[0]?.trim() ?? message;
    const explained = hint
        ? `Sign-in to Entra ID failed (AADSTS${code}): ${hint}. Entra said: ${first}`
        : `Sign-in to Entra ID failed: ${first}`;
    if (!code || !FEDERATION_CODES.has(code) || !claims)
        return explained;
    const claim = (value) => value === undefined ? "(none)" : `'${value}'`;
    return (`${explained} The GitHub OIDC token presented carried issuer ${claim(claims.iss)}, ` +
        `subject ${claim(claims.sub)} and audience ${claim(claims.aud)}. ` +
        "A federated credential on the app (or user-assigned identity) with this client-id " +
        "must hold exactly these three values (case-sensitive).");
}
function oidcSignIn(settings, getIdToken, env) {
    assertOidcAvailable(env);
    const idTokens = new IdTokenCache(getIdToken, settings.audience);
    let refused;
    return {
        // A callback, not a token: MSAL asks again when it must sign in again.
        credential: new identity_dist_esm/* ClientAssertionCredential */.XI(settings.tenantId, settings.clientId, () => idTokens.get(), {
            authorityHost: settings.authorityHost,
            // A private or sovereign authority must not be checked against the public cloud.
            disableInstanceDiscovery: settings.customAuthority,
            additionalPolicies: [
                {
                    policy: answerCapPolicy("Entra ID", (why) => (refused = why)),
                    position: "perRetry",
                },
            ],
        }),
        description: `client ${settings.clientId} with the workflow's OIDC token (audience ${settings.audience})`,
        explain: (error) => [
            explainSignInFailure((0,src_text/* errorMessage */.gJ)(error), idTokens.lastClaims()),
            refused,
        ]
            .filter(Boolean)
            .join(" "),
    };
}

;// CONCATENATED MODULE: ./src/azure/credential.ts






function signInFor(settings, getIdToken, env) {
    switch (settings.authType) {
        case "OIDC":
            return oidcSignIn(settings, getIdToken, env);
        case "AZURE_CLI":
            return azureCliSignIn(settings);
        case "IDENTITY":
            return managedIdentitySignIn(settings, env);
    }
}
/**
 * Builds the sign-in for settings.authType, its credential wrapped in the
 * run's token cache; throws SignInError before any network call.
 */
function createSignIn(settings, getIdToken, env) {
    const method = signInFor(settings, getIdToken, env);
    return { ...method, credential: new CachedCredential(method.credential) };
}
/** Ask for a new token this long before the cached one expires (at most half its life). */
const REFRESH_MARGIN_MS = 5 * 60_000;
/**
 * Reuses one access token per scope until close to expiry, and shares one
 * request among concurrent callers: every client of the run holds this one.
 */
class CachedCredential {
    inner;
    now;
    cache = new Map();
    constructor(inner, now = Date.now) {
        this.inner = inner;
        this.now = now;
    }
    getToken(scopes, options) {
        const key = [scopes].flat().join(" ");
        const cached = this.cache.get(key);
        if (cached && this.now() < cached.refreshAt)
            return cached.token;
        const entry = { token: this.fetch(scopes, options), refreshAt: Infinity };
        this.cache.set(key, entry);
        entry.token.then((token) => {
            const life = token.expiresOnTimestamp - this.now();
            entry.refreshAt =
                token.expiresOnTimestamp - Math.min(REFRESH_MARGIN_MS, life / 2);
        }, 
        // A failure is not kept: the next caller tries again.
        () => {
            if (this.cache.get(key) === entry)
                this.cache.delete(key);
        });
        return entry.token;
    }
    async fetch(scopes, options) {
        const token = await this.inner.getToken(scopes, options);
        if (!token)
            throw new Error("The credential returned no token.");
        return token;
    }
}
/** Long enough for a slow Entra answer; short enough that a hang cannot hold the job. */
const SIGN_IN_TIMEOUT_MS = 60_000;
/** Checks a Resource Manager token against the settings; returns the tenant signed in to. */
function checkArmToken(token, settings) {
    const claims = readTokenClaims(token);
    const cloud = (0,clouds/* findCloud */.nO)(settings.environment);
    const mismatch = claims?.aud && cloud
        ? (0,clouds/* audienceMismatch */.a7)(claims.aud, cloud, settings.resourceManagerEndpoint)
        : undefined;
    if (mismatch) {
        throw new sign_in_method/* SignInError */.J(`Signed in, but the token is for the wrong cloud: ${mismatch}. ` +
            "Sign in to the same cloud as the 'environment' input (for azure/login: its 'environment').");
    }
    const tid = claims?.tid?.toLowerCase();
    const given = settings.tenantId;
    if (tid && given && /^[0-9a-f-]{36}$/.test(given) && tid !== given) {
        throw new sign_in_method/* SignInError */.J(`Signed in to tenant ${tid}, but input 'tenant-id' is ${given}: ` +
            "sign in to that tenant (for azure/login: its 'tenant-id'), or correct 'tenant-id'.");
    }
    const tenantId = given || tid;
    if (!tenantId) {
        throw new sign_in_method/* SignInError */.J("Signed in, but the token does not say which tenant it is for (no 'tid' claim): set the 'tenant-id' input.");
    }
    return { tenantId };
}
/** Gets one token up front, so that a sign-in problem is reported once, clearly. */
async function signIn(method, settings, timeoutMs = SIGN_IN_TIMEOUT_MS) {
    const scope = `${settings.resourceManagerEndpoint}/.default`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const pending = method.credential.getToken(scope, { abortSignal: timeout });
    // Once the race is lost, a late rejection must not crash the process.
    pending.catch(() => undefined);
    const expired = new Promise((_, reject) => timeout.addEventListener("abort", () => reject(timeout.reason)));
    let token;
    try {
        token = await Promise.race([pending, expired]);
    }
    catch (error) {
        throw new sign_in_method/* SignInError */.J(timeout.aborted
            ? `Sign-in as ${method.description} did not answer within ${timeoutMs / 1000} s.`
            : method.explain(error));
    }
    if (!token) {
        throw new sign_in_method/* SignInError */.J(method.explain("the credential returned no token"));
    }
    return checkArmToken(token.token, settings);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./src/azure/sign-in/id-token-request.ts
/**
 * Asks GitHub's OIDC endpoint for an ID token the way core.getIDToken does,
 * except that the runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN never leaves the
 * endpoint's origin: @actions/http-client re-adds it to a redirect to any
 * host, so redirects are followed here only within that origin. The answer
 * is bounded in size and time like every other.
 */





/** Long enough for a slow runner service; short enough that a hang ends. */
const ID_TOKEN_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * One GET with Node's HTTP client, which the Azure SDK has loaded already
 * (global fetch would load a second client, about 5 MB per thread).
 */
function get(url, requestToken, signal) {
    const send = url.protocol === "http:" ? external_node_http_.request : external_node_https_.request;
    return new Promise((resolve, reject) => {
        const request = send(url, {
            headers: {
                authorization: `Bearer ${requestToken}`,
                accept: "application/json",
            },
            signal,
        }, resolve);
        request.once("error", reject);
        request.end();
    });
}
async function bodyText(response, what) {
    (0,answer_size/* checkDeclaredLength */.VO)(response.headers["content-length"], what);
    const bytes = await (0,answer_size/* readBounded */.CB)(response, what, () => response.destroy(), answer_size/* MAX_ANSWER_BYTES */.gB);
    return bytes.toString("utf8");
}
function tokenIn(text) {
    try {
        const value = JSON.parse(text)?.value;
        return typeof value === "string" && value !== "" ? value : undefined;
    }
    catch {
        return undefined;
    }
}
async function request(requestUrl, requestToken, audience) {
    let url = new URL(`${requestUrl}&audience=${encodeURIComponent(audience)}`);
    const origin = url.origin;
    const signal = AbortSignal.timeout(ID_TOKEN_TIMEOUT_MS);
    for (let hops = 0;; hops++) {
        const response = await get(url, requestToken, signal);
        const status = response.statusCode ?? 0;
        if (REDIRECTS.has(status)) {
            response.resume();
            const location = response.headers.location;
            const next = location ? new URL(location, url) : undefined;
            if (next?.origin !== origin) {
                throw new sign_in_method/* SignInError */.J(`GitHub's OIDC token endpoint redirected the ID-token request to ${next?.origin ?? "no location"}, another origin than ${origin}. The runner's request token is only ever sent to ${origin}, so the redirect was not followed.`);
            }
            if (hops >= MAX_REDIRECTS) {
                throw new sign_in_method/* SignInError */.J(`GitHub's OIDC token endpoint redirected the ID-token request more than ${MAX_REDIRECTS} times.`);
            }
            url = next;
            continue;
        }
        const text = await bodyText(response, "GitHub's OIDC token answer");
        const token = status >= 200 && status < 300 ? tokenIn(text) : undefined;
        if (!token) {
            throw new sign_in_method/* SignInError */.J(`GitHub's OIDC token endpoint answered HTTP ${status} without an ID token. Check that the job has 'permissions: id-token: write'.`);
        }
        return token;
    }
}
/**
 * The ID-token source for `auth-type: OIDC`; `onToken` masks each token in
 * the log, as core.getIDToken does.
 */
function githubIdTokens(env, onToken) {
    return async (audience) => {
        const { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: token, } = env;
        if (!url || !token) {
            throw new sign_in_method/* SignInError */.J("GitHub did not give this job an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set).");
        }
        try {
            const idToken = await request(url, token, audience);
            onToken(idToken);
            return idToken;
        }
        catch (error) {
            if (error instanceof sign_in_method/* SignInError */.J)
                throw error;
            throw new sign_in_method/* SignInError */.J(`Could not get an ID token from GitHub's OIDC endpoint: ${(0,src_text/* errorMessage */.gJ)(error)}`);
        }
    };
}

// EXTERNAL MODULE: ./src/check/run-result.ts
var run_result = __webpack_require__(6359);
// EXTERNAL MODULE: ./src/check/controls/index.ts + 6 modules
var check_controls = __webpack_require__(7932);
// EXTERNAL MODULE: external "node:dns/promises"
var external_node_dns_promises_ = __webpack_require__(1553);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/check/mail-domains.ts
var mail_domains = __webpack_require__(2745);
;// CONCATENATED MODULE: ./src/dns/deliverability.ts
/**
 * Asks DNS whether each mail domain can receive mail: every distinct domain
 * once per run, a few at a time, each query bounded and the whole lookup
 * within one budget. MX first; A/AAAA (the implicit MX of RFC 5321 \u00a75.1)
 * only when a domain has no MX. Answers are data: only the record types and
 * error codes are read, never the text of an answer.
 */



const DEFAULT_LOOKUP_LIMITS = {
    queryTimeoutMs: 5000,
    budgetMs: 20_000,
    concurrency: 8,
};
/**
 * A resolver on `servers` (`ip`, `ip:port`, `[ipv6]:port`), or on the
 * runner's own when none are given. c-ares retries once within the query
 * timeout; lookUpMailDomains bounds each query by it as well.
 */
function createMailResolver(servers, queryTimeoutMs = DEFAULT_LOOKUP_LIMITS.queryTimeoutMs) {
    const resolver = new external_node_dns_promises_.Resolver({
        timeout: Math.ceil(queryTimeoutMs / 2),
        tries: 2,
    });
    if (servers.length > 0)
        resolver.setServers([...servers]);
    return resolver;
}
/** c-ares error codes that are an answer about the domain, not a failure to get one. */
const NO_SUCH_DOMAIN = "ENOTFOUND";
const NO_SUCH_RECORD = "ENODATA";
function codeOf(error) {
    const code = error?.code;
    return typeof code === "string" ? code : "";
}
/** Why a query gave no usable answer, in a few words. */
function failureReason(code, limits) {
    switch (code) {
        case "ESERVFAIL":
            return "the DNS server answered SERVFAIL";
        case "EREFUSED":
            return "the DNS server refused the query (REFUSED)";
        case "ETIMEOUT":
            return `no DNS answer within ${limits.queryTimeoutMs / 1000} s`;
        case "ECANCELLED":
            return `the DNS budget of ${limits.budgetMs / 1000} s ran out`;
        case "ECONNREFUSED":
            return "no DNS server could be reached";
        default:
            return `DNS lookup failed (${code || "unexpected error"})`;
    }
}
/** Fails with ETIMEOUT when `work` takes longer than `ms`. */
function bounded(work, ms) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })), ms);
    });
    work.catch(() => undefined);
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
/**
 * The run's lookups: each distinct domain (lower-cased as the addresses
 * spell it) is asked once, however many subscriptions share it, at most
 * `concurrency` at a time, within the budget. Never throws: what DNS could
 * not answer is `unknown` with the reason.
 */
class MailDomainLookups {
    resolver;
    limits;
    stats = { domains: 0, queries: 0 };
    answers = new Map();
    settled = new Map();
    waiting = [];
    active = 0;
    /** Budget spent in earlier busy spells, and when the current one began. */
    spentMs = 0;
    busySince;
    budget;
    budgetSpent = false;
    constructor(resolver, limits = DEFAULT_LOOKUP_LIMITS) {
        this.resolver = resolver;
        this.limits = limits;
    }
    async lookUp(domains) {
        const wanted = [...new Set([...domains].map((d) => d.toLowerCase()))];
        const answers = await Promise.all(wanted.map(async (domain) => {
            let answer = this.answers.get(domain);
            if (!answer) {
                this.stats.domains++;
                answer = this.queued(() => this.lookUpOne(domain)).then((done) => {
                    this.settled.set(domain, done);
                    return done;
                });
                this.answers.set(domain, answer);
            }
            return [domain, await answer];
        }));
        return new Map(answers);
    }
    /** Every answer so far (a remedy's re-check reads them, asking nothing). */
    answered() {
        return new Map(this.settled);
    }
    /** Ends the budget and every query still open (one a timeout gave up on). */
    close() {
        clearTimeout(this.budget);
        this.resolver.cancel();
    }
    /** Runs `work` in a free slot; a finished one hands its slot to the next in line. */
    async queued(work) {
        if (this.active < this.limits.concurrency)
            this.acquire();
        else
            await new Promise((resolve) => this.waiting.push(resolve));
        try {
            return await work();
        }
        finally {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.release();
        }
    }
    /** The first lookup in flight starts a busy spell: the budget runs. */
    acquire() {
        if (this.active++ > 0 || this.budgetSpent)
            return;
        this.busySince = Date.now();
        this.budget = setTimeout(() => this.spend(), this.limits.budgetMs - this.spentMs).unref();
    }
    /** The last lookup in flight ends the spell: the budget pauses. */
    release() {
        if (--this.active > 0 || this.busySince === undefined)
            return;
        clearTimeout(this.budget);
        this.spentMs += Date.now() - this.busySince;
        this.busySince = undefined;
        if (this.spentMs >= this.limits.budgetMs)
            this.spend();
    }
    spend() {
        this.budgetSpent = true;
        this.busySince = undefined;
        this.resolver.cancel();
    }
    async query(ask) {
        if (this.budgetSpent) {
            return {
                kind: "failed",
                reason: failureReason("ECANCELLED", this.limits),
            };
        }
        this.stats.queries++;
        try {
            const records = await bounded(ask(), this.limits.queryTimeoutMs);
            if (records.length === 0)
                return { kind: "no-data" };
            const nullMx = records.length === 1 && isNullMx(records[0]);
            return { kind: "records", nullMx };
        }
        catch (error) {
            const code = this.budgetSpent ? "ECANCELLED" : codeOf(error);
            if (code === NO_SUCH_DOMAIN)
                return { kind: "no-domain" };
            if (code === NO_SUCH_RECORD)
                return { kind: "no-data" };
            return { kind: "failed", reason: failureReason(code, this.limits) };
        }
    }
    async lookUpOne(domain) {
        // IDN: DNS holds the ASCII (punycode) form.
        const name = (0,external_node_url_.domainToASCII)(domain) || domain;
        const mx = await this.query(() => this.resolver.resolveMx(name));
        if (mx.kind === "records") {
            return mx.nullMx
                ? undeliverable("null-mx")
                : { deliverability: "deliverable", reason: "domain has MX records" };
        }
        if (mx.kind === "no-domain")
            return undeliverable("nxdomain");
        if (mx.kind === "failed")
            return unknown(mx.reason);
        for (const ask of [
            () => this.resolver.resolve4(name),
            () => this.resolver.resolve6(name),
        ]) {
            const address = await this.query(ask);
            if (address.kind === "records") {
                return {
                    deliverability: "deliverable",
                    reason: "domain has no MX record but an address record (implicit MX)",
                };
            }
            if (address.kind === "no-domain")
                return undeliverable("nxdomain");
            if (address.kind === "failed")
                return unknown(address.reason);
        }
        return undeliverable("no-mail-host");
    }
}
/** RFC 7505: the one MX is "." (Node reports the root as ""). */
function isNullMx(record) {
    return record.exchange === "" || record.exchange === ".";
}
function undeliverable(kind) {
    return { deliverability: kind, reason: mail_domains/* UNDELIVERABLE_REASON */.kX[kind] };
}
function unknown(reason) {
    return { deliverability: "unknown", reason };
}

// EXTERNAL MODULE: ./src/settings.ts + 3 modules
var src_settings = __webpack_require__(8824);
;// CONCATENATED MODULE: ./src/dns/input-domains.ts
/**
 * With `deliverable-emails` selected, the addresses the action itself would
 * write or demand (`remediation-emails`, `required-emails`) must be at domains
 * that receive mail: otherwise the remedy would add, and the policy require,
 * an address that fails the control.
 */


/**
 * Throws an InputError for an address whose domain cannot receive mail;
 * returns one warning per address DNS could not answer for (allowed).
 */
async function checkInputDomains(settings, lookups) {
    const inputs = [
        ["remediation-emails", settings.remediationEmails],
        ["required-emails", settings.requiredEmails],
    ];
    const answers = await lookups.lookUp(inputs.flatMap(([, addresses]) => addresses.map(mail_domains/* mailDomainOf */.f_)));
    const warnings = [];
    for (const [input, addresses] of inputs) {
        for (const address of addresses) {
            const domain = (0,mail_domains/* mailDomainOf */.f_)(address);
            const answer = answers.get(domain);
            if (!answer || answer.deliverability === "unknown") {
                warnings.push(`Input '${input}': whether ${domain} receives mail could not be determined (${answer?.reason ?? "not looked up"}), so ${address} is used unverified.`);
            }
            else if (answer.deliverability !== "deliverable") {
                throw new src_settings/* InputError */.d(`Input '${input}' has the value ${JSON.stringify(address)}, but an address at a domain that receives mail was expected with deliverable-emails selected (${domain}: ${answer.reason}).`);
            }
        }
    }
    return warnings;
}

// EXTERNAL MODULE: ./node_modules/p-map/index.js
var p_map = __webpack_require__(606);
;// CONCATENATED MODULE: ./src/check/owner.ts
/**
 * Who to chase for a subscription: the value of its first tag named in
 * `owner-tags`. Pure.
 */
/**
 * The first tag in `ownerTags` order that the subscription carries with a
 * non-blank value, trimmed; undefined when none. Tag names match
 * case-insensitively, as Azure compares them.
 */
function ownerOf(tags, ownerTags) {
    if (!tags)
        return undefined;
    const byName = new Map();
    for (const [name, value] of Object.entries(tags)) {
        const key = name.trim().toLowerCase();
        if (!byName.has(key) && value.trim())
            byName.set(key, value.trim());
    }
    for (const name of ownerTags) {
        const value = byName.get(name.toLowerCase());
        if (value)
            return value;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/check/verdict.ts
var check_verdict = __webpack_require__(4081);
;// CONCATENATED MODULE: ./src/azure/concurrency-gate.ts
/**
 * Admits work while fewer than `limit()` are running; the limit may change
 * at any time (see adaptive-concurrency.ts). A lower limit lets what runs
 * finish and admits nothing new until the count is under it.
 */
class ConcurrencyGate {
    limit;
    running = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async run(work) {
        if (this.running >= this.limit()) {
            await new Promise((admit) => this.waiting.push(admit));
        }
        else {
            this.running++;
        }
        try {
            return await work();
        }
        finally {
            this.running--;
            this.admit();
        }
    }
    /** The limit may have grown since the last release: admit as many as it allows. */
    admit() {
        while (this.waiting.length > 0 && this.running < this.limit()) {
            this.running++;
            this.waiting.shift()?.();
        }
    }
}

;// CONCATENATED MODULE: ./src/evaluation-tasks.ts
/**
 * What the evaluation works through: the subscriptions in scope, one task
 * each, as the listing (or the scope's named IDs and group members) yields
 * them. Counts what it yields and keeps the listing's errors for the run.
 */



/** The subscription a task is about, as far as it is known before any request. */
function taskSubscription(task) {
    if (task.kind === "listed")
        return task.subscription;
    if (task.kind === "invalid")
        return (0,check_verdict/* unknownSubscription */.Cs)(task.entry.placeholderId);
    return (0,check_verdict/* unknownSubscription */.Cs)(task.subscriptionId);
}
/**
 * With group scope: the members as one tenant listing meets them (names
 * and states without a GET each), then those the listing never showed.
 */
async function* members(inScope, source, progress) {
    const pending = new Map(inScope);
    let listingFailed = false;
    try {
        for await (const subscription of source.list()) {
            // An entry without a valid ID cannot be one of the members.
            if (isInvalidListed(subscription))
                continue;
            const key = subscription.subscriptionId.toLowerCase();
            if (!pending.delete(key))
                continue;
            progress.listed++;
            yield { kind: "listed", subscription };
        }
    }
    catch (error) {
        listingFailed = true;
        progress.runErrors.push((0,src_text/* errorMessage */.gJ)(error));
    }
    for (const subscriptionId of pending.values()) {
        progress.listed++;
        yield { kind: "unlisted", subscriptionId, listingFailed };
    }
}
/** Every listed subscription once (keyed by ID), and entries without a valid ID as errors. */
async function* everyListed(source, progress) {
    const seen = new Set();
    try {
        for await (const subscription of source.list()) {
            if (isInvalidListed(subscription)) {
                progress.listed++;
                yield { kind: "invalid", entry: subscription };
                continue;
            }
            // Keyed by ID: a page that repeats a subscription must not count it twice.
            const key = subscription.subscriptionId.toLowerCase();
            if (seen.has(key))
                continue;
            seen.add(key);
            progress.listed++;
            yield { kind: "listed", subscription };
        }
    }
    catch (error) {
        progress.runErrors.push((0,src_text/* errorMessage */.gJ)(error));
    }
}
async function* scopeTasks(decided, namedIds, source, progress) {
    try {
        if (decided.members) {
            yield* members(decided.members, source, progress);
        }
        else if (namedIds.length > 0) {
            for (const subscriptionId of namedIds) {
                progress.listed++;
                yield { kind: "named", subscriptionId };
            }
        }
        else {
            yield* everyListed(source, progress);
        }
    }
    finally {
        progress.listingDone = true;
    }
}

;// CONCATENATED MODULE: ./src/scope.ts

const EXCLUDED_BY_SUBSCRIPTIONS = "Excluded by the exclude-subscriptions input.";
/** What to do about the usual causes: a display name given as ID, a missing role. */
const WALK_HINTS = {
    NotFound: " (use the group's ID, its name, not its display name)",
    AuthorizationFailed: " (the group does not exist, or the identity lacks Microsoft.Management/managementGroups/descendants/read on it: assign Reader there, or a custom role with that action)",
};
function failedWalk({ groupId, walk }, input, consequence) {
    if (walk.kind !== "error")
        return undefined;
    const hint = WALK_HINTS[walk.code] ?? "";
    return `Management group '${groupId}' in ${input} could not be read, so ${consequence}: ${walk.code}: ${(0,src_text/* oneLine */.TN)(walk.message).replace(/\.$/, "")}${hint}.`;
}
function decideScope(input) {
    const parentGroups = new Map();
    const includeErrors = [];
    const excludeErrors = [];
    const reached = (walked) => {
        if (walked.walk.kind !== "found")
            return [];
        return walked.walk.members.map(({ subscriptionId, parentGroup }) => {
            const key = subscriptionId.toLowerCase();
            parentGroups.set(key, parentGroup);
            return { key, id: subscriptionId };
        });
    };
    const exclusions = new Map();
    for (const walked of input.excluded) {
        const error = failedWalk(walked, "exclude-management-groups", "the subscriptions below it were not skipped");
        if (error)
            excludeErrors.push(error);
        for (const { key } of reached(walked)) {
            if (!exclusions.has(key)) {
                exclusions.set(key, `Excluded by the exclude-management-groups input (below management group '${walked.groupId}').`);
            }
        }
    }
    // Named IDs are excluded by name first, whatever group also holds them.
    for (const key of input.excludeSubscriptions) {
        exclusions.set(key, EXCLUDED_BY_SUBSCRIPTIONS);
    }
    let members;
    if (input.included.length > 0) {
        members = new Map();
        for (const id of input.subscriptions)
            members.set(id, id);
        for (const walked of input.included) {
            const error = failedWalk(walked, "management-groups", "the subscriptions below it were not evaluated");
            if (error)
                includeErrors.push(error);
            for (const { key, id } of reached(walked)) {
                if (!members.has(key))
                    members.set(key, id);
            }
        }
    }
    return {
        members,
        parentGroups,
        exclusions,
        runErrors: [...includeErrors, ...excludeErrors],
    };
}

;// CONCATENATED MODULE: ./src/evaluate.ts
/**
 * Evaluates every subscription in scope, a bounded number at a time, reaching
 * Azure only through the SubscriptionSource, GroupReader and ContactReader
 * interfaces; the scope and the verdicts are pure (scope.ts, check/).
 */










const PROGRESS_EVERY_MS = 5000;
async function evaluateScope(scope, azure, log) {
    const progress = {
        listed: 0,
        listingDone: false,
        runErrors: [],
    };
    const { runErrors } = progress;
    const controls = (0,check_controls/* controlsById */.hz)(scope.checks);
    let done = 0;
    // One walk per named group, before any contact is read.
    const walk = (groupIds) => (0,p_map/* default */.Ay)(groupIds, async (groupId) => ({
        groupId,
        walk: await azure.groups.descendants(groupId),
    }), { concurrency: scope.concurrency });
    const decided = decideScope({
        subscriptions: scope.subscriptions,
        excludeSubscriptions: scope.excludeSubscriptions,
        included: await walk(scope.managementGroups),
        excluded: await walk(scope.excludeManagementGroups),
    });
    runErrors.push(...decided.runErrors);
    const exclusion = (subscriptionId) => decided.exclusions.get(subscriptionId.toLowerCase());
    async function evaluate(subscription, signal) {
        const result = await judge(subscription, signal);
        const owner = ownerOf(subscription.tags, scope.ownerTags ?? []);
        return owner ? { ...result, owner } : result;
    }
    async function judge(subscription, signal) {
        const skipped = (0,check_verdict/* skipBeforeRequest */.Cd)(subscription, exclusion(subscription.subscriptionId));
        if (skipped)
            return skipped;
        const lookup = await azure.contacts.read(subscription.subscriptionId, signal);
        const verdict = (0,check_verdict/* verdictFromContacts */.Zf)(subscription, lookup, controls, await withMailDomains(lookup));
        // A second request only where the check failed: passing runs stay at one.
        if (verdict.status !== "fail" || !azure.plans)
            return verdict;
        return (0,check_verdict/* withPaidPlans */.h)(verdict, await azure.plans.paidPlans(subscription.subscriptionId, signal));
    }
    /** The policy, with DNS's answers for the domains the controls read. */
    async function withMailDomains(lookup) {
        if (lookup.kind !== "found" || !azure.mailDomains)
            return scope;
        const domains = controls.flatMap((control) => control.mailDomains?.(lookup.contacts, scope) ?? []);
        if (domains.length === 0)
            return scope;
        return { ...scope, mailDomains: await azure.mailDomains.lookUp(domains) };
    }
    async function run(task, signal) {
        if (task.kind === "invalid") {
            return (0,check_verdict/* errorVerdict */.yP)({
                ...(0,check_verdict/* unknownSubscription */.Cs)(task.entry.placeholderId),
                displayName: task.entry.displayName,
            }, "InvalidSubscriptionId", task.entry.message);
        }
        if (task.kind === "listed")
            return evaluate(task.subscription, signal);
        const unknown = (0,check_verdict/* unknownSubscription */.Cs)(task.subscriptionId);
        // An excluded ID costs no request at all.
        const excludedBecause = exclusion(task.subscriptionId);
        if (excludedBecause)
            return (0,check_verdict/* excludedVerdict */.MN)(unknown, excludedBecause);
        if (task.kind === "unlisted") {
            return task.listingFailed
                ? (0,check_verdict/* errorVerdict */.yP)(unknown, "ListingFailed", "The subscription listing broke before it showed this subscription, so its state is unknown.")
                : (0,check_verdict/* errorVerdict */.yP)(unknown, "SubscriptionNotFound", decided.parentGroups.has(task.subscriptionId.toLowerCase())
                    ? "The management group holds this subscription, but the identity cannot list it (assign Security Reader at the group)."
                    : NOT_VISIBLE);
        }
        const lookup = await azure.subscriptions.get(task.subscriptionId, signal);
        if (lookup.kind === "error")
            return (0,check_verdict/* errorVerdict */.yP)(unknown, lookup.code, lookup.message);
        return evaluate(lookup.subscription, signal);
    }
    /** Rows of subscriptions a group walk reached name their direct parent group. */
    function withParentGroup(result) {
        const group = decided.parentGroups.get(result.subscriptionId.toLowerCase());
        return group ? { ...result, managementGroup: group } : result;
    }
    const overTime = `No complete answer within ${scope.subscriptionDeadlineMs / 1000} s, the time one subscription may take (all its requests and retries together).`;
    const ticker = setInterval(() => log.progress(done, progress.listed, progress.listingDone), PROGRESS_EVERY_MS);
    const gate = new ConcurrencyGate(() => Math.min(scope.concurrency, azure.concurrency?.limit ?? scope.concurrency));
    try {
        const results = await (0,p_map/* default */.Ay)(scopeTasks(decided, scope.subscriptions, azure.subscriptions, progress), (task) => gate.run(() => evaluateTask(task)), { concurrency: scope.concurrency });
        return { results, runErrors };
    }
    finally {
        clearInterval(ticker);
    }
    async function evaluateTask(task) {
        // One deadline for all of this subscription's requests; aborting
        // also cancels the request in flight.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), scope.subscriptionDeadlineMs);
        try {
            return withParentGroup(await withinDeadline(run(task, controller.signal), controller.signal, overTime));
        }
        catch (error) {
            // Fail closed: whatever went wrong, this subscription is an error, never dropped.
            return withParentGroup((0,check_verdict/* errorVerdict */.yP)(taskSubscription(task), error instanceof DeadlineExceeded
                ? "DeadlineExceeded"
                : "UnexpectedError", (0,src_text/* errorMessage */.gJ)(error)));
        }
        finally {
            clearTimeout(timer);
            done++;
        }
    }
}

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/remediation/remediate.ts + 2 modules
var remediate = __webpack_require__(2644);
// EXTERNAL MODULE: ./src/inputs/validate.ts
var validate = __webpack_require__(9871);
// EXTERNAL MODULE: ./src/report/present.ts
var present = __webpack_require__(7421);
;// CONCATENATED MODULE: ./src/live-check.ts
/**
 * The live check: sign in once, evaluate every subscription in scope (and
 * plan or apply fixes when asked), and log each verdict. What it returns is
 * the bounded, masked run every report shows.
 */


















function describeScope(settings) {
    const named = settings.subscriptions.length;
    const groups = settings.managementGroups;
    const which = groups.length > 0
        ? `the subscriptions below ${(0,src_text/* inflect */.mO)(groups.length, "management group")} ${groups.join(", ")}${named ? ` and ${(0,src_text/* plural */.LS)(named, "named subscription")}` : ""}`
        : named > 0
            ? (0,src_text/* plural */.LS)(named, "named subscription")
            : "every subscription the identity can list";
    const excluded = settings.excludeSubscriptions.size;
    const excludedGroups = settings.excludeManagementGroups;
    return `Checking ${which}${excluded ? `, excluding ${excluded}` : ""}${excludedGroups.length ? `, excluding those below ${excludedGroups.join(", ")}` : ""} for ${settings.checks.join(", ")} in ${settings.environment} (Resource Manager ${settings.resourceManagerEndpoint}, tenant ${settings.tenantId || "of the sign-in"}), ${settings.concurrency === "auto" ? "as many at a time as Azure allows (16 to start, at most 64)" : `${settings.concurrency} at a time`}.`;
}
function verdictLine(result) {
    const name = (0,src_text/* oneLine */.TN)(result.displayName) || "(no name)";
    return `${result.status.toUpperCase().padEnd(7)} ${result.subscriptionId}  ${name}: ${result.reason}`;
}
/** Verdict lines per write to the log: about 20 KB, one message from the worker. */
const VERDICTS_PER_WRITE = 200;
/** Field names only: the values can hold addresses. */
function logRemediation(result) {
    const { remediation } = result;
    if (!remediation)
        return;
    const fields = remediation.changes.map((change) => change.field).join(", ");
    log/* log */.Rm.info(`${remediation.action.toUpperCase().padEnd(9)} ${result.subscriptionId}: ${fields || "no change"}${remediation.reason ? ` (${remediation.reason})` : ""}`);
}
/** `allowed-email-domains: tenant`: the verified domains, or an error of the run that names the input. */
async function readTenantDomains(reader, tenantId) {
    try {
        const domains = await reader.verifiedDomains(tenantId);
        log/* log */.Rm.info(`allowed-email-domains: tenant = ${(0,src_text/* plural */.LS)(domains.length, "verified domain")} of tenant ${tenantId}: ${domains.join(", ")}.`);
        return domains;
    }
    catch (error) {
        throw new Error(`Input 'allowed-email-domains' names 'tenant', but the verified domains of tenant ${tenantId} could not be read from Resource Manager (GET /tenants): ${(0,src_text/* errorMessage */.gJ)(error)}`);
    }
}
/** The live check: sign in, evaluate every subscription; the run and the settings with the tenant signed in to. */
async function checkAzure(input, runner) {
    const deadlines = defaultDeadlines(runner.timing);
    // DNS is asked only for a control that reads it.
    const mailDomains = (0,check_controls/* controlsById */.hz)(input.checks).some((c) => c.mailDomains)
        ? new MailDomainLookups(createMailResolver(input.dnsServers), {
            ...DEFAULT_LOOKUP_LIMITS,
            budgetMs: deadlines.dnsMs,
        })
        : undefined;
    try {
        if (mailDomains) {
            for (const warning of await checkInputDomains(input, mailDomains))
                log/* log */.Rm.annotate("warning", warning);
        }
        return await checkSignedIn(input, runner, deadlines, mailDomains);
    }
    finally {
        mailDomains?.close();
    }
}
async function checkSignedIn(input, runner, deadlines, mailDomains) {
    const method = createSignIn(input, githubIdTokens(runner.signIn, (token) => core.setSecret(token)), runner.signIn);
    log/* log */.Rm.info(describeScope(input));
    const signedIn = await core.group("Sign in", async () => {
        const result = await signIn(method, input);
        log/* log */.Rm.info(`Signed in to tenant ${result.tenantId} as ${method.description}.`);
        return result;
    });
    const started = Date.now();
    const arm = createArmClients(method.credential, input.resourceManagerEndpoint, defaultResilienceOptions(runner.timing.attemptTimeoutMs), (message) => log/* log */.Rm.debug(message), { ...DEFAULT_LISTING_LIMITS, deadlineMs: deadlines.listingMs }, concurrencyFor(input.concurrency, started));
    // Reports and the tracking issue name the tenant actually signed in to.
    const signedInSettings = { ...input, tenantId: signedIn.tenantId };
    const settings = input.allowTenantDomains
        ? (0,validate/* withTenantDomains */.A)(signedInSettings, await readTenantDomains(arm.tenantDomains, signedIn.tenantId))
        : signedInSettings;
    const evaluation = await core.group("Evaluate subscriptions", () => evaluateScope({
        ...settings,
        concurrency: arm.concurrency.max,
        subscriptionDeadlineMs: deadlines.subscriptionMs,
    }, { ...arm, mailDomains }, {
        progress: (done, listed, listingDone) => log/* log */.Rm.info(`Progress: ${done} of ${listed}${listingDone ? ` ${(0,src_text/* inflect */.mO)(listed, "subscription")}` : "+ (listing continues) subscriptions"} evaluated.`),
    }));
    const results = settings.remediate === "off"
        ? evaluation.results
        : await core.group(`Remediate (${settings.remediate})`, async () => {
            const rows = await (0,remediate/* remediateFailures */.M9)(evaluation.results, {
                ...settings,
                concurrency: writeConcurrency(settings.concurrency),
                mailDomains: mailDomains?.answered(),
            }, arm.contactWriter);
            for (const row of rows)
                logRemediation(row);
            return rows;
        });
    // Every report below shows this bounded, masked view of the run.
    const run = (0,present/* presentRun */.Z8)({
        ...(0,run_result/* summarizeRun */.lj)(results, evaluation.runErrors, settings.checks),
        concurrency: arm.concurrency.stats(Date.now()),
    }, settings);
    await core.group("Verdicts", async () => {
        for (let at = 0; at < run.results.length; at += VERDICTS_PER_WRITE) {
            log/* log */.Rm.lines(run.results.slice(at, at + VERDICTS_PER_WRITE).map(verdictLine));
        }
        for (const error of run.runErrors)
            log/* log */.Rm.info(`ERROR   ${error}`);
        log/* log */.Rm.info(`${(0,src_text/* plural */.LS)(run.counts.total, "subscription")} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${(0,src_text/* plural */.LS)(arm.retries.retries, "retry", "retries")}.`);
        if (mailDomains) {
            const { domains, queries } = mailDomains.stats;
            log/* log */.Rm.info(`Mail domains: ${(0,src_text/* plural */.LS)(domains, "domain")} looked up with ${(0,src_text/* plural */.LS)(queries, "DNS query", "DNS queries")} (${settings.dnsServers.length > 0 ? `dns-servers ${settings.dnsServers.join(", ")}` : "the runner's resolvers"}).`);
        }
    });
    return { settings, run };
}


/***/ })

};

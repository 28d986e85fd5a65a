export const id = 411;
export const ids = [411];
export const modules = {

/***/ 6024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L2: () => (/* binding */ readContact),
/* harmony export */   Tr: () => (/* binding */ armError),
/* harmony export */   aj: () => (/* binding */ meansNoContact),
/* harmony export */   mp: () => (/* binding */ contactPageFromAnswer),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* unused harmony export isNotRegistered */
/** Describes a body that should have been JSON but is not, without echoing a whole page. */
function describeNonJson(status, body) {
    const trimmed = body.trim();
    if (trimmed === "") {
        return {
            code: `HTTP${status}`,
            message: `Azure answered HTTP ${status} with an empty body.`,
        };
    }
    if (/^<(!doctype|html)/i.test(trimmed)) {
        return {
            code: `HTTP${status}`,
            message: `Azure answered HTTP ${status} with an HTML page instead of JSON.`,
        };
    }
    return {
        code: "MalformedResponse",
        message: `Azure answered HTTP ${status} with a body that is not valid JSON (${body.length} bytes, possibly truncated).`,
    };
}
function parseJson(status, body) {
    try {
        return { ok: true, value: JSON.parse(body ?? "") };
    }
    catch {
        return { ok: false, error: describeNonJson(status, body ?? "") };
    }
}
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** ARM's error body is `{error:{code,message}}`; some providers send `{code,message}`. */
function armError(status, body) {
    const parsed = parseJson(status, body);
    if (!parsed.ok)
        return parsed.error;
    const source = isObject(parsed.value)
        ? isObject(parsed.value.error)
            ? parsed.value.error
            : parsed.value
        : {};
    const code = typeof source.code === "string" && source.code
        ? source.code
        : `HTTP${status}`;
    const message = typeof source.message === "string" && source.message
        ? source.message
        : `Azure answered HTTP ${status}.`;
    return { code, message };
}
/** Microsoft.Security answers with either code when Defender for Cloud was never turned on. */
function isNotRegistered(code) {
    return /^(MissingSubscriptionRegistration|Subscription ?Not ?Registered)$/i.test(code);
}
/** A 404 about the contact (not the subscription, not a bare page): none is configured. */
function meansNoContact(status, error) {
    return (status === 404 &&
        error.code !== "SubscriptionNotFound" &&
        !error.code.startsWith("HTTP"));
}
function readContact(item, index) {
    const where = `security contact #${index + 1}`;
    if (!isObject(item)) {
        return {
            code: "MalformedResponse",
            message: `The ${where} is not an object.`,
        };
    }
    const name = typeof item.name === "string" ? item.name : `#${index + 1}`;
    const properties = item.properties;
    if (!isObject(properties)) {
        return {
            code: "MalformedResponse",
            message: `The security contact '${name}' has no properties.`,
        };
    }
    const { emails, isEnabled, email } = properties;
    if (emails !== undefined && emails !== null && typeof emails !== "string") {
        return {
            code: "MalformedResponse",
            message: `The security contact '${name}' has 'emails' of type ${typeof emails}, not a string.`,
        };
    }
    const byRole = readByRole(properties.notificationsByRole);
    const sources = readSources(properties.notificationsSources);
    return {
        name,
        emails: emails ?? undefined,
        isEnabled: typeof isEnabled === "boolean" ? isEnabled : undefined,
        ...(typeof email === "string" && email.trim() !== ""
            ? { email: email.trim() }
            : {}),
        ...(byRole ? { notificationsByRole: byRole } : {}),
        ...(sources ? { notificationsSources: sources } : {}),
        properties,
    };
}
const strings = (value) => Array.isArray(value)
    ? value.filter((v) => typeof v === "string")
    : [];
/** Lenient: a shape we do not know reads as "not configured", which fails closed. */
function readByRole(value) {
    if (!isObject(value))
        return undefined;
    return {
        state: typeof value.state === "string" ? value.state : undefined,
        roles: strings(value.roles),
    };
}
function readSources(value) {
    if (!Array.isArray(value))
        return undefined;
    return value.filter(isObject).map((source) => {
        const text = (key) => typeof source[key] === "string" ? source[key] : undefined;
        const minimalSeverity = text("minimalSeverity");
        const minimalRiskLevel = text("minimalRiskLevel");
        return {
            sourceType: text("sourceType") ?? "",
            ...(minimalSeverity === undefined ? {} : { minimalSeverity }),
            ...(minimalRiskLevel === undefined ? {} : { minimalRiskLevel }),
        };
    });
}
/** Whether a listed resource's `id` lies in the subscription (GUIDs compare case-insensitively). */
function inSubscription(item, subscriptionId) {
    const id = isObject(item) ? item.id : undefined;
    return (typeof id === "string" &&
        id
            .toLowerCase()
            .startsWith(`/subscriptions/${subscriptionId.toLowerCase()}/`));
}
/**
 * Maps one page of `GET .../securityContacts?api-version=2023-12-01-preview`
 * to what the verdict needs. A 404 that is not about the subscription itself
 * means no contact exists, which is a failing subscription, not an error.
 * With `subscriptionId`, every contact's `id` must lie in that subscription:
 * another subscription's contact must never make this one pass.
 */
function contactPageFromAnswer(status, body, subscriptionId) {
    if (status !== 200) {
        const error = armError(status, body);
        if (isNotRegistered(error.code))
            return { kind: "not-registered", ...error };
        if (meansNoContact(status, error)) {
            return { kind: "found", contacts: [] };
        }
        return { kind: "error", ...error };
    }
    const parsed = parseJson(status, body);
    if (!parsed.ok)
        return { kind: "error", ...parsed.error };
    // 2020-01-01-preview has been seen to answer a bare array instead of {value: [...]}.
    const items = Array.isArray(parsed.value)
        ? parsed.value
        : isObject(parsed.value) && Array.isArray(parsed.value.value)
            ? parsed.value.value
            : undefined;
    if (!items) {
        return {
            kind: "error",
            code: "MalformedResponse",
            message: "The security contacts answer has no 'value' list.",
        };
    }
    const contacts = [];
    for (const [index, item] of items.entries()) {
        if (subscriptionId !== undefined && !inSubscription(item, subscriptionId)) {
            return {
                kind: "error",
                code: "ForeignContact",
                message: `Security contact #${index + 1} of the answer is not in this subscription (its id does not start with /subscriptions/${subscriptionId}/): it belongs to another subscription or has no id.`,
            };
        }
        const contact = readContact(item, index);
        if ("code" in contact)
            return { kind: "error", ...contact };
        contacts.push(contact);
    }
    const nextLink = isObject(parsed.value) ? parsed.value.nextLink : undefined;
    if (nextLink !== undefined &&
        nextLink !== null &&
        typeof nextLink !== "string") {
        return {
            kind: "error",
            code: "MalformedResponse",
            message: "The security contacts answer has a 'nextLink' that is not a string.",
        };
    }
    return nextLink
        ? { kind: "found", contacts, nextLink }
        : { kind: "found", contacts };
}


/***/ }),

/***/ 4081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ skipBeforeRequest),
/* harmony export */   Cs: () => (/* binding */ unknownSubscription),
/* harmony export */   MN: () => (/* binding */ excludedVerdict),
/* harmony export */   Zf: () => (/* binding */ verdictFromContacts),
/* harmony export */   h: () => (/* binding */ withPaidPlans),
/* harmony export */   yP: () => (/* binding */ errorVerdict)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8992);
/* harmony import */ var _address_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1883);
/* harmony import */ var _controls_additional_emails_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6010);
/* harmony import */ var _controls_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7932);
/* harmony import */ var _mail_domains_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2745);
/**
 * One subscription's verdict. Pure: every decision about pass, fail, skipped
 * and error lives here, separate from how the answer was fetched.
 */





/** Defender for Cloud does not evaluate these; `Warned` and `PastDue` are still evaluated. */
const INACTIVE_STATES = new Set(["disabled", "deleted"]);
function result(subscription, status, reason, extra = {}) {
    return {
        subscriptionId: subscription.subscriptionId,
        displayName: subscription.displayName,
        state: subscription.state,
        status,
        reason,
        emails: [],
        invalidEmails: [],
        notificationsOff: false,
        disallowedEmails: [],
        missingRequiredEmails: [],
        findings: [],
        ...extra,
    };
}
/** A named ID before Azure has told us its name and state. */
function unknownSubscription(subscriptionId) {
    return { subscriptionId, displayName: "", state: "Unknown" };
}
/** `reason` names the input (and group) that excluded it. */
function excludedVerdict(subscription, reason) {
    return result(subscription, "skipped", reason);
}
/**
 * Why a subscription is skipped before any request is made, or null when it
 * must be evaluated.
 */
function skipBeforeRequest(subscription, excludedBecause) {
    if (excludedBecause)
        return excludedVerdict(subscription, excludedBecause);
    if (INACTIVE_STATES.has(subscription.state.toLowerCase())) {
        return result(subscription, "skipped", `Subscription is ${subscription.state}, so Defender for Cloud does not evaluate it.`);
    }
    return null;
}
/** A subscription that could not be evaluated. Never a pass. */
function errorVerdict(subscription, code, message) {
    return result(subscription, "error", `Could not be evaluated: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .displayCode */ .Ad)(code)}: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(message)}`, { errorCode: code });
}
/** The subscription's reason: the control's own with one control, else the failing ones named. */
function combinedReason(findings) {
    const only = findings[0];
    if (findings.length === 1 && only)
        return only.reason;
    const clause = (f) => `${f.control}: ${f.reason.replace(/\.$/, "")}`;
    const failing = findings.filter((f) => f.status === "fail");
    if (failing.length > 0) {
        return `${failing.length} of ${findings.length} controls fail: ${failing.map(clause).join("; ")}.`;
    }
    const unknown = findings.filter((f) => f.status === "unknown");
    if (unknown.length > 0) {
        return `${findings.length - unknown.length} of ${findings.length} controls pass; not determined: ${unknown.map(clause).join("; ")}.`;
    }
    return `All ${findings.length} controls pass.`;
}
/** Turns the security-contact answer into pass, fail, skipped or error, one finding per control. */
function verdictFromContacts(subscription, lookup, controls = (0,_controls_index_js__WEBPACK_IMPORTED_MODULE_2__/* .controlsById */ .hz)(_controls_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CHECKS */ .UK), policy = _address_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .NO_ADDRESS_POLICY */ .sb) {
    if (lookup.kind === "error") {
        return errorVerdict(subscription, lookup.code, lookup.message);
    }
    if (lookup.kind === "not-registered") {
        return result(subscription, "skipped", `Defender for Cloud is not enabled: the Microsoft.Security resource provider is not registered (${(0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .displayCode */ .Ad)(lookup.code)}).`);
    }
    const { contacts } = lookup;
    const findings = controls.map((control) => ({
        control: control.id,
        ...control.evaluate(contacts, policy),
    }));
    const addresses = (0,_controls_additional_emails_js__WEBPACK_IMPORTED_MODULE_1__/* .contactAddresses */ .Z2)(contacts, policy);
    // A control that reads DNS answers: each address with its domain's.
    const deliverability = controls.some((control) => control.mailDomains)
        ? { deliverability: (0,_mail_domains_js__WEBPACK_IMPORTED_MODULE_3__/* .deliverabilityOf */ .lc)(addresses.valid, policy.mailDomains) }
        : {};
    return result(subscription, findings.some((f) => f.status === "fail") ? "fail" : "pass", combinedReason(findings), {
        emails: addresses.valid,
        invalidEmails: addresses.invalid,
        disallowedEmails: addresses.disallowed,
        rejectedEmails: addresses.rejected,
        missingRequiredEmails: addresses.missingRequired,
        // A contact that Azure marks disabled sends nothing.
        notificationsOff: contacts.length > 0 && contacts.every((c) => c.isEnabled === false),
        findings,
        noContact: contacts.length === 0,
        ...deliverability,
    });
}
/**
 * Adds what is at stake to a failing verdict: the paid Defender plans whose
 * alerts now reach only owners. Other verdicts, or no plans, pass unchanged.
 */
function withPaidPlans(result, plans) {
    if (result.status !== "fail" || !plans)
        return result;
    if (plans.length === 0)
        return { ...result, paidDefenderPlans: [] };
    return {
        ...result,
        reason: `${result.reason.replace(/\.$/, "")}; paid Defender plans on: ${plans.join(", ")}.`,
        paidDefenderPlans: [...plans],
    };
}


/***/ }),

/***/ 351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z9: () => (/* binding */ MAX_AZURE_TEXT_CHARS),
/* harmony export */   ZN: () => (/* binding */ fitBytes),
/* harmony export */   f_: () => (/* binding */ GITHUB_LIMITS),
/* harmony export */   nH: () => (/* binding */ fitChars)
/* harmony export */ });
/**
 * GitHub's size limits and the helpers that keep every text within them.
 * Past a limit GitHub refuses (issue bodies: 422), drops (a step summary
 * over 1 MiB) or cuts silently (annotations), so each text is checked at
 * the point where it leaves the action. Pure.
 */
const GITHUB_LIMITS = {
    stepSummaryBytes: 1024 * 1024,
    issueBodyChars: 65_536,
    annotationMessageChars: 4096,
    annotationTitleChars: 255,
};
/** Longest Azure text (a reason, an error) shown before escaping. */
const MAX_AZURE_TEXT_CHARS = 1000;
const CUT = "\u2026 (cut to fit GitHub's size limit)";
/** `text` within `max` UTF-16 code units (GitHub's "characters"), never splitting a surrogate pair. */
function fitChars(text, max) {
    if (text.length <= max)
        return text;
    let end = Math.max(0, max - CUT.length);
    // A high surrogate at the cut would leave half a character.
    if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1)))
        end--;
    return `${text.slice(0, end)}${CUT}`;
}
/** `text` within `max` UTF-8 bytes, never splitting a character. */
function fitBytes(text, max) {
    if (Buffer.byteLength(text) <= max)
        return text;
    const bytes = Buffer.from(text).subarray(0, max - Buffer.byteLength(CUT) - 1);
    // A cut multi-byte character decodes to U+FFFD at the end: drop it.
    return `${bytes.toString("utf8").replace(/\uFFFD$/, "")}${CUT}\n`;
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ logLine),
/* harmony export */   Rm: () => (/* binding */ log),
/* harmony export */   o5: () => (/* binding */ setLogMasker)
/* harmony export */ });
/* unused harmony export safeLine */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(351);
/**
 * Every line the action writes to the job log goes through here. Text from
 * Azure or GitHub is data: a newline in it could start a workflow command
 * (`::add-mask::`, `::error::`), and the runner obeys its legacy `##[command]`
 * form anywhere in a line, so both are defused before anything is printed.
 * With `mask-emails` (the default) every address in a line is masked too.
 */



/** One printable line: no control or format characters, no workflow command. */
function safeLine(text) {
    return (text
        .replace(/[\r\n\t\v\f\u2028\u2029]+/g, " ")
        .replace(/[\p{Cc}\p{Cf}]/gu, "")
        // `##[error]` and friends: a space after the hashes is no command.
        .replace(/##\[/g, "## [")
        // A line that starts with `::` is a workflow command.
        .replace(/^(\s*):/, "$1 :"));
}
/** Until the run sets it, whatever precedes an `@` is cut (fail closed). */
let masker = (text) => text.replace(/[^\s@]*@/g, "***@");
/** Set once from `mask-emails`: the presentation's masker, or no masking. */
function setLogMasker(mask) {
    masker = mask;
}
/** What a log line, an annotation or the failure message finally says. */
function logLine(text) {
    return masker(safeLine(text));
}
const log = {
    info: (text) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(logLine(text)),
    /** Many lines in one write: in the worker thread each write is a message to the main thread. */
    lines(texts) {
        if (texts.length > 0)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(texts.map(logLine).join(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL));
    },
    debug: (text) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(logLine(text)),
    /** An annotation; its title and message are data too, and the runner cuts long ones. */
    annotate(level, message, properties = {}) {
        const title = properties.title &&
            (0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .fitChars */ .nH)(logLine(properties.title), _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_LIMITS */ .f_.annotationTitleChars);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__[level]((0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .fitChars */ .nH)(logLine(message), _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_LIMITS */ .f_.annotationMessageChars), { ...properties, title });
    },
};


/***/ }),

/***/ 1730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fail: () => (/* binding */ fail),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _check_run_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6359);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(351);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5625);
/* harmony import */ var _report_outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5468);
/* harmony import */ var _report_present_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7421);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8992);
/**
 * In the worker (thread.ts starts it with the parsed settings), run(): sign in \u2192 evaluate every subscription (and/or scan the
 * repository's files) \u2192 publish \u2192 tracking issue \u2192 decide. The only place
 * that calls core.setFailed.
 *
 * Each step is imported when the run reaches it, so the bundler splits them
 * into chunks and a run loads only what it needs: bad input loads neither
 * the Azure SDK nor Octokit, `scan: files` no Azure SDK, a live run no file
 * parsers (the HCL WebAssembly is loaded only for a `.tf` file).
 */







/** The settings once they parsed: the error path publishes with them. */
let settingsInUse;
/** Does the work; returns why the step fails, or an empty list. */
async function check(input, runner) {
    // scan: files signs in nowhere and sends no request at all.
    const azure = input.scan === "files"
        ? { settings: input, run: (0,_check_run_result_js__WEBPACK_IMPORTED_MODULE_1__/* .summarizeRun */ .lj)([], [], input.checks) }
        : await (await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(716), __webpack_require__.e(543)]).then(__webpack_require__.bind(__webpack_require__, 3543))).checkAzure(input, runner);
    const settings = azure.settings;
    settingsInUse = settings;
    const run = input.scan === "azure"
        ? azure.run
        : await (await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(221)]).then(__webpack_require__.bind(__webpack_require__, 8221))).checkFiles(settings, azure.run, input.scan, runner);
    const generatedAt = new Date().toISOString();
    const failures = (0,_check_run_result_js__WEBPACK_IMPORTED_MODULE_1__/* .stepFailures */ .SC)(run, settings);
    const { publishRun, publishTracking } = await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(623), __webpack_require__.e(116)]).then(__webpack_require__.bind(__webpack_require__, 9116));
    const published = await publishRun(run, settings, { generatedAt, failures }, runner);
    const tracking = settings.createIssue
        ? await _actions_core__WEBPACK_IMPORTED_MODULE_0__.group("Tracking issue", async () => (await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(239), __webpack_require__.e(623), __webpack_require__.e(487)]).then(__webpack_require__.bind(__webpack_require__, 4487))).trackIssue(run, settings, generatedAt, runner))
        : {};
    if (tracking.error)
        failures.push({ reason: (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logLine */ .BP)(tracking.error) });
    await publishTracking(run, settings, { generatedAt, failures }, published, tracking, runner);
    return failures.map((failure) => failure.reason);
}
/** setFailed's text becomes an error annotation: one safe line within its limit. */
function failureMessage(text) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .fitChars */ .nH)((0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logLine */ .BP)(text), _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_LIMITS */ .f_.annotationMessageChars);
}
/**
 * The error path: the report (status `error`, with the error) and every
 * output, as far as the settings got; without settings, the outputs alone.
 */
async function publishError(message, runner) {
    const settings = settingsInUse;
    const run = (0,_report_present_js__WEBPACK_IMPORTED_MODULE_5__/* .presentRun */ .Z8)({ ...(0,_check_run_result_js__WEBPACK_IMPORTED_MODULE_1__/* .summarizeRun */ .lj)([], [message], settings?.checks), status: "error" }, { maskEmails: settings?.maskEmails ?? true });
    try {
        if (settings) {
            const { publishRun } = await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(623), __webpack_require__.e(116)]).then(__webpack_require__.bind(__webpack_require__, 9116));
            await publishRun(run, settings, {
                generatedAt: new Date().toISOString(),
                failures: [{ reason: message }],
            }, runner);
            return;
        }
    }
    catch {
        // Fall through: the outputs at least.
    }
    (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .writeOutputs */ .K)(run, { reportFile: "", sarifFile: "", fixScriptFile: "" }, _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput("issue-number", "");
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput("issue-url", "");
}
/**
 * The error path, then the failed step: on the main thread for a bad input
 * or a worker that died, in the worker for an error of the run.
 */
async function fail(error, runner, settings) {
    // Masked unless the settings say otherwise: an input error can name an address.
    (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .setLogMasker */ .o5)(settings?.maskEmails === false ? (text) => text : _report_present_js__WEBPACK_IMPORTED_MODULE_5__/* .maskAddressesIn */ .ov);
    settingsInUse = settings;
    const message = (0,_text_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error);
    await publishError(message, runner);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(failureMessage(message));
}
/** In the worker: the run itself, from the inputs the main thread parsed. */
async function run({ runner, settings }) {
    (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .setLogMasker */ .o5)(settings.maskEmails ? _report_present_js__WEBPACK_IMPORTED_MODULE_5__/* .maskAddressesIn */ .ov : (text) => text);
    settingsInUse = settings;
    try {
        const reasons = await check(settings, runner);
        if (reasons.length > 0)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(failureMessage(`Security contact check failed: ${reasons.join("; ")}.`));
    }
    catch (error) {
        await fail(error, runner, settingsInUse);
    }
}


/***/ }),

/***/ 2644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M9: () => (/* binding */ remediateFailures),
  c6: () => (/* binding */ remediatedSubscriptionIds)
});

// UNUSED EXPORTS: rowAfter

// EXTERNAL MODULE: ./node_modules/p-map/index.js
var p_map = __webpack_require__(606);
// EXTERNAL MODULE: ./src/azure/arm-answer.ts
var arm_answer = __webpack_require__(6024);
// EXTERNAL MODULE: ./src/check/controls/index.ts + 6 modules
var controls = __webpack_require__(7932);
// EXTERNAL MODULE: ./src/check/verdict.ts
var check_verdict = __webpack_require__(4081);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/check/contact-merge.ts
var contact_merge = __webpack_require__(7609);
// EXTERNAL MODULE: ./src/check/emails.ts
var emails = __webpack_require__(5931);
;// CONCATENATED MODULE: ./src/remediation/contact-diff.ts
/**
 * What a write would change in a security contact, field by field, for the
 * plan a human reviews and for the report. Pure.
 */

function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** Strings, numbers and booleans as they are; anything else as JSON text. */
function scalar(value) {
    if (value === undefined || value === null)
        return null;
    if (["string", "number", "boolean"].includes(typeof value)) {
        return value;
    }
    return JSON.stringify(value);
}
/** An array as a list of strings (other items as JSON text); anything else as scalar() does. */
function list(value) {
    return Array.isArray(value)
        ? value.map((item) => typeof item === "string" ? item : String(scalar(item)))
        : scalar(value);
}
function source(properties, type) {
    const sources = properties?.notificationsSources;
    if (!Array.isArray(sources))
        return undefined;
    return sources.find((item) => isObject(item) &&
        typeof item.sourceType === "string" &&
        item.sourceType.toLowerCase() === type.toLowerCase());
}
/** The fields a remedy can change, each read the way a person reads it. */
const FIELDS = [
    {
        field: "emails",
        read: (p) => typeof p?.emails === "string" ? (0,emails/* splitEmails */.YG)(p.emails) : scalar(p?.emails),
    },
    { field: "isEnabled", read: (p) => scalar(p?.isEnabled) },
    {
        field: "notificationsByRole.state",
        read: (p) => isObject(p?.notificationsByRole)
            ? scalar(p.notificationsByRole.state)
            : null,
    },
    {
        field: "notificationsByRole.roles",
        read: (p) => isObject(p?.notificationsByRole)
            ? list(p.notificationsByRole.roles)
            : null,
    },
    {
        field: "notificationsSources.Alert.minimalSeverity",
        read: (p) => scalar(source(p, "Alert")?.minimalSeverity),
    },
    {
        field: "notificationsSources.AttackPath.minimalRiskLevel",
        read: (p) => scalar(source(p, "AttackPath")?.minimalRiskLevel),
    },
];
/** Read field by field above; every other top-level property is compared whole. */
const READ_BY_FIELD = new Set([
    "emails",
    "isEnabled",
    "notificationsByRole",
    "notificationsSources",
]);
/**
 * The changes from `before` (undefined: no contact yet) to `after`, known
 * fields first, then any other top-level property that differs. Order and
 * case count: `Owner` \u2192 `owner` is a change.
 */
function diffContacts(before, after) {
    const candidates = FIELDS.map(({ field, read }) => ({
        field,
        before: read(before),
        after: read(after),
    }));
    const others = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
    for (const key of others) {
        if (READ_BY_FIELD.has(key))
            continue;
        candidates.push({
            field: key,
            before: list(before?.[key]),
            after: list(after[key]),
        });
    }
    return candidates.filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

;// CONCATENATED MODULE: ./src/remediation/fix-contact.ts

async function fixContact(writer, subscriptionId, mode, remedy) {
    const current = await writer.read(subscriptionId);
    if (current.kind === "error") {
        return {
            action: "failed",
            changes: [],
            reason: `The security contact could not be read before the fix (${current.code}): ${current.message}`,
        };
    }
    const before = current.kind === "found" ? current.properties : undefined;
    const after = remedy(before);
    const changes = diffContacts(before, after);
    if (changes.length === 0)
        return { action: "unchanged", changes: [] };
    if (mode === "plan")
        return { action: "plan", changes };
    const write = await writer.write(subscriptionId, after, current);
    if (write.kind === "stale") {
        return { action: "failed", changes, reason: write.message };
    }
    if (write.kind === "refused") {
        return {
            action: "failed",
            changes,
            reason: `Azure refused the write (${write.code}): ${write.message}`,
        };
    }
    const uncertain = write.kind === "unknown"
        ? ` The write itself ended without an answer (${write.code}): ${write.message}`
        : "";
    const back = await writer.read(subscriptionId);
    if (back.kind === "error") {
        return {
            action: "failed",
            changes,
            reason: `The security contact could not be read back after the write (${back.code}): ${back.message}${uncertain}`,
        };
    }
    const readBack = back.kind === "found" ? back.properties : null;
    const missing = diffContacts(readBack ?? undefined, after);
    if (missing.length === 0 && readBack !== null) {
        return { action: "applied", changes, readBack };
    }
    const fields = missing.map((change) => change.field).join(", ");
    return {
        action: "failed",
        changes,
        reason: write.kind === "accepted"
            ? `Azure accepted the write, but reading the contact back shows it did not stick (${fields} unchanged).`
            : `The write may not have been applied: reading the contact back shows ${fields} unchanged.${uncertain}`,
        readBack,
    };
}

;// CONCATENATED MODULE: ./src/remediation/remediate.ts
/**
 * `remediate: plan|apply` over the evaluated subscriptions: only those that
 * fail a selected control are touched (never skipped or errored ones), a
 * bounded number at a time. Each gets the repairs of the controls it fails,
 * merged into its current contact; `apply` writes the result and the row's
 * final verdict is the one the controls give on the contact read back.
 */







/** The controls a row fails, in registry order. */
function controlsFailedBy(result) {
    return (0,controls/* controlsById */.hz)((result.findings ?? [])
        .filter((finding) => finding.status === "fail")
        .map((finding) => finding.control));
}
/** The row as the controls judge the contact read back (null: none). */
function reEvaluate(result, readBack, scope) {
    const contact = readBack && (0,arm_answer/* readContact */.L2)({ name: "default", properties: readBack }, 0);
    // Fail closed: a read-back the controls cannot read is not "no contact".
    if (contact && "code" in contact) {
        return (0,check_verdict/* errorVerdict */.yP)(result, contact.code, contact.message);
    }
    const verdict = (0,check_verdict/* verdictFromContacts */.Zf)(result, { kind: "found", contacts: contact ? [contact] : [] }, (0,controls/* controlsById */.hz)(scope.checks), scope);
    return (0,check_verdict/* withPaidPlans */.h)(verdict, result.paidDefenderPlans);
}
/** An error row for this subscription only: the fix could not be made or checked. */
function errorRow(result, remediation) {
    return {
        ...result,
        status: "error",
        reason: `The fix could not be applied: ${remediation.reason ?? ""}`,
        findings: [],
        remediation,
    };
}
/** The row after one outcome of fixContact. */
function rowAfter(result, outcome, scope) {
    switch (outcome.action) {
        case "plan":
            return {
                ...result,
                remediation: { action: "plan", changes: outcome.changes },
            };
        case "unchanged":
            return {
                ...result,
                remediation: {
                    action: "unchanged",
                    changes: [],
                    reason: "The repairs change nothing in the current contact, so this failure needs a person.",
                },
            };
        case "applied": {
            const row = reEvaluate(result, outcome.readBack, scope);
            return {
                ...row,
                remediation: { action: "applied", changes: outcome.changes },
            };
        }
        case "failed": {
            const remediation = {
                action: "failed",
                changes: outcome.changes,
                reason: outcome.reason,
            };
            // Nothing read back: whether the contact passes is not known.
            if (outcome.readBack === undefined) {
                return scope.remediate === "plan"
                    ? { ...result, remediation }
                    : errorRow(result, remediation);
            }
            const row = reEvaluate(result, outcome.readBack, scope);
            return {
                ...row,
                reason: `${outcome.reason} ${row.reason}`,
                remediation,
            };
        }
    }
}
/** Every row, the failing ones planned or fixed; the others as they were. */
async function remediateFailures(results, scope, writer) {
    const mode = scope.remediate;
    if (mode === "off")
        return [...results];
    return (0,p_map/* default */.Ay)(results, async (result) => {
        const failing = result.status === "fail" ? controlsFailedBy(result) : [];
        if (failing.length === 0)
            return result;
        // mergeContact with no change: a copy, or Defender's defaults when none exists.
        const repair = (contact) => failing.reduce((current, control) => control.repair(current, scope), (0,contact_merge/* mergeContact */.b)(contact, {}));
        try {
            return rowAfter(result, await fixContact(writer, result.subscriptionId, mode, repair), scope);
        }
        catch (error) {
            // Fail closed: an unexpected failure is this subscription's error.
            return rowAfter(result, { action: "failed", changes: [], reason: (0,src_text/* errorMessage */.gJ)(error) }, scope);
        }
    }, { concurrency: scope.concurrency });
}
/** `remediated-subscriptions`: changed in this run (apply) or that would be (plan). */
function remediatedSubscriptionIds(results) {
    return results
        .filter((r) => r.remediation?.action === "plan" || r.remediation?.action === "applied")
        .map((r) => r.subscriptionId);
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EV: () => (/* binding */ secondsUtc),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   I$: () => (/* binding */ htmlTable),
/* harmony export */   S8: () => (/* binding */ idCell),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   jD: () => (/* binding */ tableRow),
/* harmony export */   v1: () => (/* binding */ codeHtml),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/**
 * Escaping for strings that came from Azure (display names, reasons,
 * addresses) before they go into markdown, HTML or an issue. Pure.
 */
/**
 * Every character that means something in GFM, HTML or a GitHub comment
 * becomes a numeric entity: `<` cannot open a tag, `|` cannot split a table
 * cell, `*` `_` `` ` `` `[` `~` cannot format or link, `:` cannot autolink a
 * URL, and `&` is encoded too, so `&#64;` in a name stays text.
 */
const SPECIAL = /[&<>"'|@#*_`[\]\\~:]/g;
/** Zero-width space: GitHub renders nothing, but no reference or link survives it. */
const ZWSP = "\u200B";
/**
 * GitHub turns text into mentions, references and links after markdown is
 * rendered, so entities alone do not stop `@team` or `#1`: like well-known
 * bots, a zero-width space goes after `@` and `#` (which also breaks
 * `owner/repo#2` and email autolinks), inside `www.` and `GH-`, and inside
 * anything that could be a commit SHA (7 to 40 hex digits on their own).
 */
function defuseReferences(text) {
    return text
        .replace(/[@#]/g, (sign) => `${sign}${ZWSP}`)
        .replace(/\b(www)(\.)/gi, `$1${ZWSP}$2`)
        .replace(/\b(GH)(-)/gi, `$1${ZWSP}$2`)
        .replace(/(?<![\p{L}\p{N}_-])([0-9a-f]{6})([0-9a-f]{1,34})(?![\p{L}\p{N}_-])/giu, `$1${ZWSP}$2`);
}
function escapeMarkdown(text) {
    const plain = text
        .replace(/[\r\n\t\f\v\u2028\u2029]+/g, " ")
        // Controls, and format characters: right-to-left overrides, zero-width joiners.
        .replace(/[\p{Cc}\p{Cf}]/gu, "");
    return defuseReferences(plain).replace(SPECIAL, (char) => `&#${char.codePointAt(0)};`);
}
/**
 * Text shown exactly as it is, for addresses and owners people copy: an
 * inline `<code>` element in an HTML block, where GitHub makes no mention,
 * reference or link, so no zero-width space is needed. Only what HTML needs
 * is escaped; controls and invisible format characters are dropped.
 */
function codeHtml(text) {
    const plain = text
        .replace(/[\r\n\t\f\v\u2028\u2029]+/g, " ")
        .replace(/[\p{Cc}\p{Cf}]/gu, "");
    const escaped = plain.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);
    return `<code>${escaped}</code>`;
}
/**
 * The same in markdown outside HTML (a heading): a code span whose fence is
 * longer than any backtick run inside, so the text cannot close it.
 */
function codeSpan(text) {
    const plain = text
        .replace(/[\r\n\t\f\v\u2028\u2029]+/g, " ")
        .replace(/[\p{Cc}\p{Cf}]/gu, "");
    const longest = Math.max(0, ...(plain.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    const pad = /^`|`$|^ .* $/.test(plain) ? " " : "";
    return `${fence}${pad}${plain}${pad}${fence}`;
}
/** Our ISO timestamp as people read it, to the second: `2026-11-27 05:17:03 UTC`. */
function secondsUtc(iso) {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
    return match ? `${match[1]} ${match[2]} UTC` : iso;
}
/** Shortens long Azure text without cutting a surrogate pair. */
function truncate(text, max) {
    // No more UTF-16 units than the bound: no more characters either, and no copy.
    if (text.length <= max)
        return text;
    const chars = Array.from(text);
    return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}\u2026`;
}
/** One GFM table row; every cell must already be escaped. */
function tableRow(cells) {
    return `| ${cells.join(" | ")} |`;
}
/**
 * A table cell holding a subscription ID that never wraps and copies as the
 * exact GUID. GitHub strips `style` and `<nobr>`, and styles `<code>` with
 * `white-space: break-spaces`, so a GUID in a GFM pipe table breaks at its
 * hyphens. Its sanitizer keeps the `nowrap` attribute, which browsers apply
 * to `td`, and `<samp>` sets the ID in monospace without any look-alike or
 * invisible character. Use it in an HTML table (`htmlTable`).
 */
function idCell(id) {
    return `<td nowrap><samp>${escapeMarkdown(id)}</samp></td>`;
}
/**
 * An HTML table, for rows that need `idCell`: pipe tables cannot carry
 * attributes. `headers` and every cell must already be escaped HTML; each
 * row's cells are complete `<td>` elements. One line per row and no blank
 * line, so GFM keeps the block together.
 */
function htmlTable(headers, rows) {
    return [
        "<table>",
        `<thead><tr>${headers.map((h) => `<th>${h}</th>`).join("")}</tr></thead>`,
        "<tbody>",
        ...rows.map((cells) => `<tr>${cells.join("")}</tr>`),
        "</tbody>",
        "</table>",
    ].join("\n");
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ writeOutputs)
/* harmony export */ });
/* harmony import */ var _remediation_remediate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2644);

function writeOutputs(run, { reportFile, sarifFile, fixScriptFile }, setOutput) {
    setOutput("status", run.status);
    setOutput("subscriptions-total", String(run.counts.total));
    setOutput("subscriptions-passed", String(run.counts.passed));
    setOutput("subscriptions-failed", String(run.counts.failed));
    setOutput("subscriptions-errored", String(run.counts.errored));
    setOutput("subscriptions-skipped", String(run.counts.skipped));
    setOutput("failed-subscriptions", JSON.stringify(run.failedSubscriptionIds));
    setOutput("control-failures", JSON.stringify(run.controlFailures));
    // Always set, `[]` when remediate is off, so workflows can parse it unconditionally.
    setOutput("remediated-subscriptions", JSON.stringify((0,_remediation_remediate_js__WEBPACK_IMPORTED_MODULE_0__/* .remediatedSubscriptionIds */ .c6)(run.results)));
    setOutput("report-file", reportFile);
    const files = run.files?.counts;
    setOutput("file-findings-total", String(files?.total ?? 0));
    setOutput("file-findings-failed", String(files?.failed ?? 0));
    setOutput("file-findings-errored", String(files?.errored ?? 0));
    setOutput("file-findings-unresolved", String(files?.unresolved ?? 0));
    setOutput("sarif-file", sarifFile);
    setOutput("fix-script", fixScriptFile);
}


/***/ }),

/***/ 7421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ presentRemediation),
/* harmony export */   Fl: () => (/* binding */ presentFileRun),
/* harmony export */   Z8: () => (/* binding */ presentRun),
/* harmony export */   cY: () => (/* binding */ labelledAddresses),
/* harmony export */   ko: () => (/* binding */ labelledEntries),
/* harmony export */   ov: () => (/* binding */ maskAddressesIn),
/* harmony export */   tY: () => (/* binding */ presentEmails)
/* harmony export */ });
/* unused harmony export maskEntry */
/* harmony import */ var _check_emails_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5931);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(351);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4285);



/**
 * The one address pattern for free text, built from the validator's own
 * grammar: a local part of its characters (and any non-ASCII character, which
 * still names a person), quoted strings (`"john.smith"@x`) and comments
 * (`bob.jones(home)@x`), then `@` and a domain. Whitespace, `;` `,` `:` `<>`
 * `()` `[]` and quotes end the domain, so `mailto:bob@x.com` keeps its scheme
 * and `a@x.com b@x.com` is two addresses.
 */
const ADDRESS = new RegExp(`(?:[${_check_emails_js__WEBPACK_IMPORTED_MODULE_0__/* .LOCAL_PART_CHARS */ .Ai}]|[^\\p{ASCII}\\s]|"[^"\\r\\n]*"|\\([^()\\r\\n]*\\))+@[^\\s@;,<>()[\\]{}"'\`]*`, "gu");
/** Already masked (`j***`): masking again leaves it as it is. */
const MASKED_LOCAL = /^.?\*\*\*$/u;
/** Quotes and brackets an address often stands in (`'jane@x'`): kept, so one letter of the name shows, as for any other. */
const LEAD = /^['"`({]*/u;
/** `local@domain` \u2192 first character, `***`, then `@` and what follows the last `@`. */
function maskAt(text, at) {
    const local = text.slice(0, at);
    const lead = LEAD.exec(local)?.[0] ?? "";
    const rest = local.slice(lead.length);
    if (MASKED_LOCAL.test(rest))
        return text;
    return `${lead}${Array.from(rest)[0] ?? ""}***${text.slice(at)}`;
}
/** `write to jane@contoso.com or bob@x.org` \u2192 `write to j***@contoso.com or b***@x.org`. */
function maskAddressesIn(text) {
    // Every address holds an `@`: a text without one is returned as it is.
    if (!text.includes("@"))
        return text;
    // The domain holds no `@`, so the last one ends the local part.
    return text.replace(ADDRESS, (address) => maskAt(address, address.lastIndexOf("@")));
}
/**
 * One list entry masked as a whole: everything before its last `@` (so no
 * local part survives, whatever characters it holds); an entry without `@`
 * keeps only its first character.
 */
function maskEntry(entry) {
    const at = entry.lastIndexOf("@");
    return at < 0 ? `${Array.from(entry)[0] ?? ""}***` : maskAt(entry, at);
}
/** Applies the `mask-emails` setting to a list of addresses. */
function presentEmails(entries, mask) {
    return mask ? entries.map(maskEntry) : [...entries];
}
/** Fields whose values are addresses. */
const ADDRESS_FIELDS = new Set(["emails", "email"]);
function presentValue(value, mask) {
    if (!mask)
        return value;
    if (Array.isArray(value))
        return presentEmails(value, mask);
    return typeof value === "string" ? maskEntry(value) : value;
}
/** The remediation with `mask-emails` applied to address fields. */
function presentRemediation(remediation, mask) {
    return {
        ...remediation,
        changes: remediation.changes.map((change) => ADDRESS_FIELDS.has(change.field)
            ? {
                field: change.field,
                before: presentValue(change.before, mask),
                after: presentValue(change.after, mask),
            }
            : change),
    };
}
/** Why an entry does not count, as every table shows it after the entry. */
const REJECTION_LABEL = {
    "invalid-syntax": "invalid",
    placeholder: "placeholder",
    "reserved-domain": "reserved domain",
    "disallowed-domain": "not allowed",
    "legacy-field": "legacy email field",
};
/**
 * The subscription's or finding's addresses, each rejected one with its
 * label and each missing required one marked; masked with `mask`.
 */
function labelledEntries(item, mask) {
    const shown = (entry) => (mask ? maskEntry(entry) : entry);
    return [
        ...item.emails.map((entry) => ({ entry: shown(entry) })),
        ...item.rejected.map((r) => ({
            entry: shown(r.address),
            label: REJECTION_LABEL[r.kind],
        })),
        ...(item.missingRequiredEmails ?? []).map((entry) => ({
            entry: shown(entry),
            label: "required, missing",
        })),
    ];
}
/** labelledEntries as text: `entry (label)`. */
function labelledAddresses(item, mask) {
    return labelledEntries(item, mask).map(({ entry, label }) => label ? `${entry} (${label})` : entry);
}
/** Where in a file: a path of keys, never long in a real template. */
const MAX_SETTING_CHARS = 300;
/** The row itself when no text changes (most rows): 10,000 rows are not copied for nothing. */
function presentResult(result, text) {
    const displayName = text(result.displayName);
    const reason = text(result.reason);
    const findings = result.findings?.map((f) => {
        const shown = text(f.reason);
        return shown === f.reason ? f : { ...f, reason: shown };
    });
    const owner = result.owner === undefined ? undefined : text(result.owner);
    const remediationReason = result.remediation?.reason
        ? text(result.remediation.reason)
        : undefined;
    const same = displayName === result.displayName &&
        reason === result.reason &&
        (findings ?? []).every((f, i) => f === result.findings?.[i]) &&
        owner === result.owner &&
        remediationReason === result.remediation?.reason;
    if (same)
        return result;
    return {
        ...result,
        displayName,
        reason,
        ...(findings ? { findings } : {}),
        ...(owner !== undefined ? { owner } : {}),
        ...(result.remediation && remediationReason !== undefined
            ? { remediation: { ...result.remediation, reason: remediationReason } }
            : {}),
    };
}
/** Bounded, then masked: the one treatment of every text a person sees. */
function textOf({ maskEmails }) {
    return (value, max = _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_AZURE_TEXT_CHARS */ .Z9) => {
        const bounded = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(value, max);
        return maskEmails ? maskAddressesIn(bounded) : bounded;
    };
}
function presentFiles(files, text) {
    return {
        ...files,
        findings: files.findings.map(({ usedAt, ...finding }) => ({
            ...finding,
            setting: text(finding.setting, MAX_SETTING_CHARS),
            reason: text(finding.reason),
            ...(usedAt
                ? {
                    usedAt: {
                        ...usedAt,
                        setting: text(usedAt.setting, MAX_SETTING_CHARS),
                    },
                }
                : {}),
        })),
    };
}
/**
 * The run every report shows: each text from Azure or a file (names,
 * reasons, owners, errors, settings) bounded before anything escapes it
 * (escaping can grow a text sixfold) and, with `mask-emails`, its addresses
 * masked. One walk does both, so no text field gets one without the other.
 * Address lists stay whole: reports mask them with `presentEmails`.
 */
function presentRun(run, options) {
    const text = textOf(options);
    return {
        ...run,
        results: run.results.map((result) => presentResult(result, text)),
        runErrors: run.runErrors.map((error) => text(error)),
        ...(run.files ? { files: presentFiles(run.files, text) } : {}),
    };
}
/** The file scan's part alone, the same way: its step presents it before logging it. */
function presentFileRun(files, options) {
    return presentFiles(files, textOf(options));
}


/***/ }),

/***/ 9449:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ HttpClient),
/* harmony export */   t: () => (/* binding */ BearerCredentialHandler)
/* harmony export */ });
// @actions/core imports @actions/http-client (and through it undici, 0.9 MB
// of code evaluated at every start, on both threads) only for getIDToken.
// The action asks GitHub's OIDC endpoint itself (src/azure/sign-in/
// id-token-request.ts), so under @actions/core this stand-in takes its place
// through package.json "overrides"; @actions/github keeps the real package.
const unavailable = () => {
  throw new Error(
    "@actions/core's HTTP client is not bundled: this action requests ID tokens itself.",
  );
};

class HttpClient {
  constructor() {
    unavailable();
  }
}

class BearerCredentialHandler {
  constructor() {
    unavailable();
  }
}


/***/ })

};

export const id = 116;
export const ids = [116];
export const modules = {

/***/ 9190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ evaluateFileFinding),
/* harmony export */   d: () => (/* binding */ FILE_CONTROL)
/* harmony export */ });
/* harmony import */ var _check_address_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1883);
/* harmony import */ var _check_controls_additional_emails_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6010);
/* harmony import */ var _check_emails_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5931);
/**
 * The verdict of one file finding: the live check's own rule. The value is
 * judged as if it were a security contact's `emails` (or its legacy `email`)
 * by the `additional-emails` control, so placeholders, reserved domains,
 * `required-emails` and `allowed-email-domains` mean the same in both scans.
 */



/** The control every file finding is evidence for (the SARIF rule). */
const FILE_CONTROL = _check_controls_additional_emails_js__WEBPACK_IMPORTED_MODULE_1__/* .additionalEmails */ .fV.id;
/** `{{token}}`, `$${name}` and `${\u2026}` are substituted later: never addresses. */
const TOKEN = /\{\{[^{}]*\}\}|\$?\$\{[^{}]*\}/g;
function evaluateFileFinding(finding, policy = _check_address_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .NO_ADDRESS_POLICY */ .sb) {
    const { path, line, setting, source, usedAt } = finding;
    const base = {
        path,
        line,
        setting,
        source,
        control: FILE_CONTROL,
        ...(usedAt ? { usedAt } : {}),
    };
    const unjudged = (status, reason) => ({
        ...base,
        status,
        reason,
        emails: [],
        invalidEmails: [],
        rejected: [],
    });
    if ("error" in finding)
        return unjudged("error", finding.error);
    if ("unresolved" in finding)
        return unjudged("unresolved", finding.unresolved);
    const withoutTokens = finding.value.replace(TOKEN, "");
    if (withoutTokens.trim() === "" && finding.value.trim() !== "") {
        // Only tokens: the value is filled in by a later step this scan cannot see.
        return unjudged("error", `unresolved: ${finding.value}`);
    }
    const contact = finding.legacyEmail
        ? {
            name: "default",
            emails: undefined,
            email: withoutTokens,
            isEnabled: undefined,
        }
        : { name: "default", emails: withoutTokens, isEnabled: undefined };
    const { status, reason } = _check_controls_additional_emails_js__WEBPACK_IMPORTED_MODULE_1__/* .additionalEmails */ .fV.evaluate([contact], policy);
    const checked = (0,_check_controls_additional_emails_js__WEBPACK_IMPORTED_MODULE_1__/* .contactAddresses */ .Z2)([contact], policy);
    // A legacy value is never read by Defender: none of its entries counts.
    const rejected = finding.legacyEmail
        ? (0,_check_emails_js__WEBPACK_IMPORTED_MODULE_2__/* .splitEmails */ .YG)(withoutTokens).map((address) => {
            const { kind } = (0,_check_address_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyAddress */ .DV)(address, policy);
            return { address, kind: kind === "valid" ? "legacy-field" : kind };
        })
        : checked.rejected;
    return {
        ...base,
        // Fail closed: a verdict the rule could not reach is never a pass.
        status: status === "unknown" ? "error" : status,
        reason,
        emails: checked.valid,
        invalidEmails: rejected.map((r) => r.address),
        rejected,
    };
}


/***/ }),

/***/ 9116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishRun: () => (/* binding */ publishRun),
  publishTracking: () => (/* binding */ publishTracking)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/report/present.ts
var present = __webpack_require__(7421);
// EXTERNAL MODULE: ./src/check/controls/index.ts + 6 modules
var controls = __webpack_require__(7932);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/report/annotations.ts
/**
 * Annotations, capped: GitHub shows about ten of each level per step and
 * drops the rest, so past ten findings one annotation counts the others.
 * Planning is pure; emitting is a loop over @actions/core.
 */



const MAX_FINDING_ANNOTATIONS = 10;
function label(result) {
    const name = (0,src_text/* oneLine */.TN)(result.displayName);
    return name ? `${name} (${result.subscriptionId})` : result.subscriptionId;
}
function listSome(results, limit = 5) {
    const names = results.slice(0, limit).map(label);
    return results.length > limit
        ? `${names.join(", ")} and ${results.length - limit} more`
        : names.join(", ");
}
function failedControls(result) {
    return (result.findings ?? [])
        .filter((f) => f.status === "fail")
        .map((f) => f.control);
}
function planAnnotations(run, policy, maskEmails) {
    const annotations = [];
    const failing = run.results.filter((r) => r.status === "fail");
    const errored = run.results.filter((r) => r.status === "error");
    const findings = [...failing, ...errored];
    const level = (result) => (result.status === "fail" ? policy.failOnMissing : policy.failOnError)
        ? "error"
        : "warning";
    for (const result of findings.slice(0, MAX_FINDING_ANNOTATIONS)) {
        annotations.push({
            level: level(result),
            title: result.status !== "fail"
                ? "Subscription could not be evaluated"
                : ((0,controls/* soleControl */.NY)(run.checks)?.alone?.annotationTitle ??
                    `Failing controls: ${failedControls(result).join(", ")}`),
            message: `${label(result)}: ${result.reason}`,
        });
    }
    const rest = findings.slice(MAX_FINDING_ANNOTATIONS);
    if (rest.length > 0) {
        const anyFailsStep = rest.some((r) => level(r) === "error");
        annotations.push({
            level: anyFailsStep ? "error" : "warning",
            title: `${rest.length} more subscriptions need attention`,
            message: `${rest.filter((r) => r.status === "fail").length} more fail and ${rest.filter((r) => r.status === "error").length} more could not be evaluated; see the job summary and the JSON report.`,
        });
    }
    for (const runError of run.runErrors) {
        annotations.push({
            level: policy.failOnError ? "error" : "warning",
            title: "Subscription listing failed",
            message: runError,
        });
    }
    const withInvalid = run.results.filter((r) => r.status === "pass" && r.invalidEmails.length > 0);
    if (withInvalid.length > 0) {
        const example = withInvalid[0];
        const sample = example
            ? (0,present/* presentEmails */.tY)(example.invalidEmails.slice(0, 3), maskEmails).join(", ")
            : "";
        annotations.push({
            level: "warning",
            title: "Invalid entries in Additional email addresses",
            message: `${(0,src_text/* plural */.LS)(withInvalid.length, "passing subscription")} also ${(0,src_text/* inflect */.mO)(withInvalid.length, "lists", "list")} invalid entries (e.g. ${sample}): ${listSome(withInvalid)}.`,
        });
    }
    const undecided = run.results.filter((r) => r.findings?.some((f) => f.status === "unknown"));
    if (undecided.length > 0) {
        const reason = undecided[0]?.findings?.find((f) => f.status === "unknown")?.reason;
        annotations.push({
            level: "warning",
            title: "Mail domains not verified",
            message: `DNS could not tell whether the addresses' domains receive mail for ${(0,src_text/* plural */.LS)(undecided.length, "subscription")}, so deliverable-emails neither passes nor fails ${(0,src_text/* inflect */.mO)(undecided.length, "it", "them")} (e.g. ${reason ?? ""}): ${listSome(undecided)}.`,
        });
    }
    const silenced = run.results.filter((r) => r.status === "pass" && r.notificationsOff);
    if (silenced.length > 0) {
        annotations.push({
            level: "warning",
            title: "Email notifications turned off",
            message: `${(0,src_text/* plural */.LS)(silenced.length, "passing subscription")} ${(0,src_text/* inflect */.mO)(silenced.length, "has", "have")} addresses but notifications turned off (isEnabled: false), so nobody is emailed: ${listSome(silenced)}.`,
        });
    }
    const { total, passed, failed, errored: errors, skipped } = run.counts;
    annotations.push({
        level: "notice",
        title: "Defender for Cloud security contact check",
        message: `${(0,src_text/* plural */.LS)(total, "subscription")}: ${passed} passed, ${failed} failed, ${errors} errored, ${skipped} skipped (status: ${run.status}).`,
    });
    return annotations;
}

// EXTERNAL MODULE: ./src/check/file-run.ts
var file_run = __webpack_require__(8656);
// EXTERNAL MODULE: ./src/report/sections.ts
var sections = __webpack_require__(3844);
;// CONCATENATED MODULE: ./src/report/file-annotations.ts




const TITLES = {
    fail: "Security contact address fails",
    error: "Security contact address could not be checked",
    unresolved: "Security contact address decided at deployment",
    pass: "Security contact address passes",
};
function planFileAnnotations(run, policy) {
    const files = run.files;
    if (!files)
        return [];
    const annotations = [];
    const findings = (0,file_run/* byUrgency */.t)(files.findings).filter((f) => f.status !== "pass");
    const fails = (status) => status === "fail"
        ? policy.failOnMissing
        : status === "unresolved"
            ? policy.failOnUnresolved === true
            : policy.failOnError;
    const slots = Math.max(0, MAX_FINDING_ANNOTATIONS - (0,sections/* needingAttention */.Zl)(run.results).length);
    for (const f of findings.slice(0, slots)) {
        annotations.push({
            level: fails(f.status)
                ? "error"
                : f.status === "unresolved"
                    ? "notice"
                    : "warning",
            title: TITLES[f.status],
            message: `${f.setting}: ${f.reason}`,
            file: f.path,
            startLine: f.line,
        });
    }
    const rest = findings.slice(slots);
    if (rest.length > 0) {
        annotations.push({
            level: rest.some((f) => fails(f.status)) ? "error" : "warning",
            title: `${(0,src_text/* plural */.LS)(rest.length, "more file finding")} need attention`,
            message: `${rest.filter((f) => f.status === "fail").length} more fail, ${rest.filter((f) => f.status === "error").length} more could not be evaluated and ${rest.filter((f) => f.status === "unresolved").length} more are decided at deployment; see the job summary, the JSON report and the SARIF file.`,
        });
    }
    const { total, passed, failed, errored, unresolved } = files.counts;
    annotations.push({
        level: "notice",
        title: "Security contact settings in the repository",
        message: total === 0
            ? `No security contact setting recognised in ${(0,src_text/* plural */.LS)(files.filesMatched, "file")}${run.scan === "files" ? ": nothing in scope" : ""} (status: ${run.status}).`
            : `${(0,src_text/* plural */.LS)(total, "setting")} in ${(0,src_text/* plural */.LS)(files.filesMatched, "file")}: ${passed} passed, ${failed} failed, ${errored} errored, ${unresolved} unresolved (status: ${run.status}).`,
    });
    return annotations;
}

// EXTERNAL MODULE: ./src/report/fix-script.ts + 1 modules
var fix_script = __webpack_require__(7120);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
;// CONCATENATED MODULE: ./src/report/report-file.ts
/**
 * The JSON report: every subscription, nothing capped, documented in the
 * README as schemaVersion 4 (every field of versions 1 to 3 kept, same
 * meaning). Building is pure; writing is one call.
 */




const REPORT_FILE_NAME = "security-contact-report.json";
/** One subscription as the report shows it. */
function reportRow(r, context) {
    return {
        subscriptionId: r.subscriptionId,
        displayName: r.displayName,
        state: r.state,
        status: r.status,
        reason: r.reason,
        emails: (0,present/* presentEmails */.tY)(r.emails, context.maskEmails),
        invalidEmails: (0,present/* presentEmails */.tY)(r.invalidEmails, context.maskEmails),
        notificationsEnabled: !r.notificationsOff,
        ...(r.paidDefenderPlans ? { paidDefenderPlans: r.paidDefenderPlans } : {}),
        findings: r.findings ?? [],
        disallowedEmails: (0,present/* presentEmails */.tY)(r.disallowedEmails ?? [], context.maskEmails),
        missingRequiredEmails: (0,present/* presentEmails */.tY)(r.missingRequiredEmails ?? [], context.maskEmails),
        ...(r.owner ? { owner: r.owner } : {}),
        ...(r.managementGroup ? { managementGroup: r.managementGroup } : {}),
        ...(r.remediation
            ? {
                remediation: (0,present/* presentRemediation */.B_)(r.remediation, context.maskEmails),
            }
            : {}),
        ...(r.deliverability
            ? {
                deliverability: r.deliverability.map((d) => ({
                    email: (0,present/* presentEmails */.tY)([d.email], context.maskEmails)[0] ?? "",
                    domain: d.domain,
                    deliverability: d.deliverability,
                    reason: d.reason,
                })),
            }
            : {}),
    };
}
function buildReport(run, context) {
    return {
        schemaVersion: 4,
        generatedAt: context.generatedAt,
        tenantId: context.tenantId,
        environment: context.environment,
        status: run.status,
        counts: run.counts,
        errors: run.runErrors,
        checks: run.checks,
        controlUnknowns: run.controlUnknowns,
        subscriptions: run.results.map((r) => reportRow(r, context)),
        scan: run.scan,
        files: (0,file_run/* byUrgency */.t)(run.files?.findings ?? []).map((f) => ({
            path: f.path,
            line: f.line,
            setting: f.setting,
            source: f.source,
            status: f.status,
            reason: f.reason,
            emails: (0,present/* presentEmails */.tY)(f.emails, context.maskEmails),
            invalidEmails: (0,present/* presentEmails */.tY)(f.invalidEmails, context.maskEmails),
            ...(f.usedAt ? { usedAt: f.usedAt } : {}),
        })),
        run: run.concurrency ? { concurrency: run.concurrency } : {},
    };
}
/** Rows a write takes: each piece stays under V8's large-object size (128 KiB). */
const ROWS_PER_WRITE = 100;
/**
 * `"key": value` as `JSON.stringify(\u2026, null, 2)` writes it one level down,
 * cut from the text of `{ key: value }`; "" when JSON omits the value.
 */
function field(key, value) {
    const text = JSON.stringify({ [key]: value }, null, 2);
    return text.slice("{\n".length, text.length - "\n}".length);
}
/**
 * The text of `JSON.stringify(report, null, 2)` in pieces: each top-level
 * field, and a long list a few hundred elements at a time, so 10,000
 * subscriptions never become one string (nor one buffer) at once. `lists`
 * stands in for fields of `report` whose elements are built a batch at a
 * time.
 */
function* reportPieces(report, lists) {
    let separator = "{\n";
    for (const [key, value] of Object.entries(report)) {
        const list = lists[key] ?? (Array.isArray(value) ? value : undefined);
        if (!list || list.length <= ROWS_PER_WRITE) {
            const whole = list && list !== value ? list.slice(0, list.length) : value;
            const text = field(key, whole);
            if (text === "")
                continue;
            yield `${separator}${text}`;
        }
        else {
            // `"key": [` and its first rows, then the rows a batch at a time.
            for (let at = 0; at < list.length; at += ROWS_PER_WRITE) {
                const text = field(key, list.slice(at, at + ROWS_PER_WRITE));
                const end = text.length - "\n  ]".length;
                yield at === 0
                    ? `${separator}${text.slice(0, end)}`
                    : `,\n${text.slice(text.indexOf("[\n") + "[\n".length, end)}`;
            }
            yield "\n  ]";
        }
        separator = ",\n";
    }
    yield separator === "{\n" ? "{}\n" : "\n}\n";
}
/** Writes the report of `run` into `directory`; returns the file's absolute path. */
async function writeReport(directory, run, context) {
    await (0,promises_.mkdir)(directory, { recursive: true });
    const path = (0,external_node_path_.resolve)(directory, REPORT_FILE_NAME);
    const file = await (0,promises_.open)(path, "w");
    try {
        // The rows are built while they are written: the report never holds
        // all of them next to the run's own.
        const subscriptions = {
            length: run.results.length,
            slice: (start, end) => run.results.slice(start, end).map((r) => reportRow(r, context)),
        };
        const head = buildReport({ ...run, results: [] }, context);
        for (const piece of reportPieces(head, { subscriptions })) {
            await file.write(piece, null, "utf8");
        }
    }
    finally {
        await file.close();
    }
    return path;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = /*#__PURE__*/JSON.parse('{"UU":"defender-security-contact-check","rE":"1.1.0"}');
// EXTERNAL MODULE: ./src/check/controls/control.ts
var controls_control = __webpack_require__(694);
// EXTERNAL MODULE: ./src/files/verdict.ts
var verdict = __webpack_require__(9190);
;// CONCATENATED MODULE: ./src/report/sarif.ts
/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif):
 * one rule per control, one result per failing, errored or unresolved file
 * finding. URIs are percent-encoded per segment (a `#` or `%` in a file name
 * must not change which file an alert points at) and fingerprints leave the
 * line out, so alerts stay put when lines move.
 */








const SARIF_FILE_NAME = "security-contact-check.sarif";
/** Where the rule comes from, from the control's own references. */
const CITED = (0,controls/* controlsById */.hz)([verdict/* FILE_CONTROL */.d])
    .map((control) => (0,controls_control/* citation */.qk)(control.references))
    .join("; ");
const RULES = {
    [verdict/* FILE_CONTROL */.d]: {
        id: verdict/* FILE_CONTROL */.d,
        name: "SecurityContactAdditionalEmails",
        shortDescription: {
            text: "Defender for Cloud security contact has a valid additional email address",
        },
        fullDescription: {
            text: `The security contact's 'Additional email addresses' must hold at least one valid address (${CITED}). Placeholders such as security_contact@replace_me leave Defender's alerts unread.`,
        },
        defaultConfiguration: { level: "error" },
        help: {
            text: "Set the security contact's emails (Microsoft.Security/securityContacts properties.emails, or the emailSecurityContact parameter of the Deploy-MDFC-Config policy assignment) to at least one real, monitored address, in the file that decides the value (the parameter file, .bicepparam or .tfvars the deployment uses).",
            markdown: [
                `**Why:** Microsoft Defender for Cloud emails its alerts to the security contact's *Additional email addresses*. A placeholder such as \`security_contact@replace_me\`, an empty value or a reserved domain means no one reads them (${CITED}).`,
                "",
                "**Fix:** set the address where the deployment takes it from: the parameter file, `.bicepparam` or `.tfvars` named by the alert (the *related location* is where the value is deployed). Separate several addresses with `;`.",
                "",
                "**Unresolved** alerts (level *note*) mark a parameter with no default that no file in the repository binds: the value is decided at deployment. Bind it in a parameter file, or set `fail-on-unresolved: true` to fail on them.",
            ].join("\n"),
        },
        properties: { tags: ["security"], "security-severity": "7.5" },
    },
};
/** The SARIF `tool.driver`: what code scanning shows as the source of the alerts. */
const TOOL = { name: package_namespaceObject.UU, version: package_namespaceObject.rE };
const LEVELS = { fail: "error", error: "warning", unresolved: "note" };
/** A repository-relative path as a URI reference: each segment percent-encoded. */
function pathUri(path) {
    return path.split("/").map(encodeURIComponent).join("/");
}
function sarif_location(path, line) {
    return {
        physicalLocation: {
            artifactLocation: { uri: pathUri(path), uriBaseId: "%SRCROOT%" },
            region: { startLine: Math.max(1, line) },
        },
    };
}
/** Stable across pushes: the file, the setting and the kind, never the line. */
function fingerprint(finding) {
    return (0,external_node_crypto_.createHash)("sha256")
        .update([finding.control, finding.path, finding.setting, finding.status].join("\0"))
        .digest("hex");
}
function message(finding, mask) {
    const invalid = (0,present/* presentEmails */.tY)(finding.invalidEmails, mask);
    const listed = invalid.length > 0 ? ` (${invalid.join(", ")})` : "";
    if (finding.status === "fail")
        return `Security contact address set by ${finding.setting} fails: ${finding.reason}${listed}.`;
    if (finding.status === "unresolved")
        return `Security contact address ${finding.setting} is decided at deployment: ${finding.reason}.`;
    return `Security contact address set by ${finding.setting} could not be verified: ${finding.reason}.`;
}
/** Pure: the SARIF log for the findings (passing findings produce no result). */
function buildSarif(findings, mask) {
    const results = [];
    for (const finding of findings) {
        if (finding.status === "pass")
            continue;
        const { usedAt } = finding;
        results.push({
            ruleId: finding.control,
            level: LEVELS[finding.status],
            message: { text: message(finding, mask) },
            locations: [sarif_location(finding.path, finding.line)],
            partialFingerprints: {
                "securityContactSetting/v1": fingerprint(finding),
            },
            ...(usedAt
                ? {
                    relatedLocations: [
                        {
                            id: 1,
                            ...sarif_location(usedAt.path, usedAt.line),
                            message: { text: `Deployed here: ${usedAt.setting}` },
                        },
                    ],
                }
                : {}),
        });
    }
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: TOOL.name,
                        version: TOOL.version,
                        rules: Object.values(RULES),
                    },
                },
                results,
            },
        ],
    };
}
/** Writes the log under RUNNER_TEMP; returns its absolute path. */
async function writeSarif(log, runnerTemp) {
    await (0,promises_.mkdir)(runnerTemp, { recursive: true });
    const path = (0,external_node_path_.resolve)(runnerTemp, SARIF_FILE_NAME);
    await (0,promises_.writeFile)(path, `${JSON.stringify(log, null, 2)}\n`, "utf8");
    return path;
}

// EXTERNAL MODULE: ./src/report/attention.ts + 3 modules
var report_attention = __webpack_require__(9521);
;// CONCATENATED MODULE: ./src/report/concurrency-footer.ts

function concurrencyFooter(stats) {
    const throttled = `${(0,src_text/* plural */.LS)(stats.throttled, "throttled answer")} (HTTP 429)`;
    return stats.mode === "auto"
        ? `Concurrency auto: ${stats.start} at the start, at most ${stats.max}, ${stats.mean} on average; ${throttled}.`
        : `Concurrency ${stats.start} (fixed); ${throttled}.`;
}

// EXTERNAL MODULE: ./src/report/file-section.ts
var file_section = __webpack_require__(3372);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/remediation-section.ts
var remediation_section = __webpack_require__(81);
;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The job summary: verdict and counts first, then what needs attention, the
 * rest folded away, and how to fix it. Rendering is pure; writing is one call.
 */









/** Reasons that restate the counts line say which count, not the number again. */
const RESTATED = {
    failed: "subscriptions fail (\u274c above) and `fail-on-missing` is true",
    errored: "subscriptions could not be evaluated (\u26a0\ufe0f above) and `fail-on-error` is true",
};
const TRACKING_VERB = {
    create: "opened",
    update: "updated",
    close: "closed",
};
/** GitHub refuses summaries over 1 MiB; each table gets a share well below it. */
const TABLE_BUDGET_BYTES = 400 * 1024;
/** Passing and skipped rows, folded: what a reader rarely opens gets the smallest share. */
const PASSING_TABLE_BUDGET_BYTES = 64 * 1024;
/** The file findings' share: a repository has far fewer settings than a tenant has subscriptions. */
const FILE_TABLE_BUDGET_BYTES = 100 * 1024;
function renderSummary(run, context) {
    const attention = (0,sections/* needingAttention */.Zl)(run.results);
    // Group scope: rows a management-group walk reached carry their parent group.
    const showGroup = run.results.some((r) => r.managementGroup !== undefined);
    const rest = (0,sections/* byUrgency */.td)(run.results).filter((r) => r.status === "pass" || r.status === "skipped");
    const more = (omitted) => omitted > 0
        ? [
            "",
            `\u2026and ${omitted} more, listed in the JSON report ${(0,markdown/* escapeMarkdown */.FV)(context.reportFile)} (the \`report-file\` output).`,
        ]
        : [];
    const parts = [
        `## ${(0,sections/* headline */.Pl)(run.status, run.checks)}`,
        "",
        (0,controls/* soleControl */.NY)(run.checks)?.alone?.summary ??
            `Microsoft Defender for Cloud "Email notifications" controls: ${run.checks.map((id) => `\`${id}\``).join(", ")} (CIS Azure Foundations; ISO 27001 A.5.24).`,
        "",
        (0,sections/* countsLine */.J7)(run.counts),
        "",
        // Validated inputs and our own timestamp: nothing here came from Azure.
        `Tenant \`${context.tenantId}\` \u00b7 ${context.environment} \u00b7 ${(0,markdown/* secondsUtc */.EV)(context.generatedAt)}`,
    ];
    // scan: files checked no subscription: the file scan's headline instead.
    if (run.scan === "files")
        parts.splice(0, parts.length, ...(0,file_section/* filesHeader */.P)(run));
    if (context.trackingIssue) {
        const { number, url, action } = context.trackingIssue;
        parts.push("", `Tracking issue [#${number}](${encodeURI(url)}) ${TRACKING_VERB[action] ?? action} by this run.${context.changes ? ` ${(0,sections/* changesLine */.a8)(context.changes)}` : ""}`);
    }
    if (context.failures.length > 0) {
        parts.push("", "**This step fails because:**", "");
        parts.push(...context.failures.map(({ reason, restates }) => `- ${restates && run.scan !== "files" ? RESTATED[restates] : (0,markdown/* escapeMarkdown */.FV)(reason)}`));
    }
    if (run.runErrors.length > 0) {
        parts.push("", "### Errors outside any one subscription", "");
        parts.push(...run.runErrors.map((error) => `- ${(0,markdown/* escapeMarkdown */.FV)(error)}`));
    }
    parts.push(...(0,file_section/* infrastructureCodeSection */.W)(run, context.maskEmails, FILE_TABLE_BUDGET_BYTES));
    if (attention.length > 0) {
        const section = (0,report_attention/* attentionSection */.e)(attention, {
            ...context,
            failingSince: context.changes?.failingSince,
            newlyFailing: context.changes?.newlyFailing,
        }, run.checks, TABLE_BUDGET_BYTES, showGroup);
        parts.push("", "### Needs attention", "", section.markdown, ...more(section.omitted));
    }
    if (rest.length > 0) {
        const table = (0,sections/* resultTable */.AD)(rest, context.maskEmails, PASSING_TABLE_BUDGET_BYTES, showGroup);
        parts.push("", `<details><summary>Passing and skipped subscriptions (${rest.length})</summary>`, "", table.markdown, ...more(table.omitted), "", "</details>");
    }
    if (context.remediate && context.remediate !== "off") {
        const section = (0,remediation_section/* remediationSection */.B)(run.results, context.remediate, context.maskEmails, TABLE_BUDGET_BYTES);
        if (section)
            parts.push("", section);
    }
    if (run.counts.failed > 0) {
        parts.push("", (0,fix_script/* howToFix */.Nv)(run, { ...context, requiredEmails: context.requiredEmails ?? [] }, { inSummary: true }));
    }
    if (run.concurrency)
        parts.push("", concurrencyFooter(run.concurrency));
    return `${parts.join("\n")}\n`;
}
/** Appends to the file GitHub renders as the job summary; a no-op outside Actions. */
async function writeSummary(markdown, path) {
    if (path)
        await (0,promises_.appendFile)(path, markdown, "utf8");
}

;// CONCATENATED MODULE: ./src/report/publish.ts
/**
 * The one writer of a run's results: the JSON report file, the SARIF file,
 * every step output, the job summary and the annotations, on the success
 * path and on the error path alike. What they say is decided elsewhere.
 * Everything is written before the tracking issue is touched (a stalled
 * GitHub API must not leave a job without them); `publishTracking` then adds
 * the issue outputs and rewrites the summary with the issue in it.
 */












/** GitHub drops a step summary over 1 MiB whole; a cut one still says the verdict. */
function fitSummary(markdown) {
    return (0,limits/* fitBytes */.ZN)(markdown, limits/* GITHUB_LIMITS */.f_.stepSummaryBytes);
}
async function sizeOf(path) {
    if (!path)
        return undefined;
    return (0,promises_.stat)(path).then((s) => s.size, () => 0);
}
function summaryOf(run, settings, reportFile, { generatedAt, failures }, tracking = {}) {
    const issue = tracking.outcome?.issue;
    return fitSummary(renderSummary(run, {
        ...settings,
        reportFile,
        generatedAt,
        failures,
        trackingIssue: issue && {
            ...issue,
            action: tracking.outcome?.action ?? "",
        },
        changes: tracking.outcome?.changes,
    }));
}
/** Writes the fix script into `directory`; "" when no subscription fails. */
async function writeFixScript(run, settings, directory) {
    const script = (0,fix_script/* fixScript */.Nx)(run, settings);
    if (!script)
        return "";
    await (0,promises_.mkdir)(directory, { recursive: true });
    const path = (0,external_node_path_.resolve)(directory, fix_script/* FIX_SCRIPT_FILE_NAME */.Ru);
    await (0,promises_.writeFile)(path, script, { encoding: "utf8", mode: 0o755 });
    return path;
}
/** Writes every result of the run; the issue outputs start empty. */
async function publishRun(run, settings, publication, { runnerTemp: directory, stepSummaryPath: summaryPath }) {
    const reportFile = await writeReport(directory, run, {
        ...settings,
        generatedAt: publication.generatedAt,
    });
    const sarifFile = run.files
        ? await writeSarif(buildSarif(run.files.findings, settings.maskEmails), directory)
        : "";
    const fixScriptFile = await writeFixScript(run, settings, directory);
    const setOutput = core.setOutput;
    (0,outputs/* writeOutputs */.K)(run, { reportFile, sarifFile, fixScriptFile }, setOutput);
    setOutput("issue-number", "");
    setOutput("issue-url", "");
    const summaryStart = await sizeOf(summaryPath);
    await writeSummary(summaryOf(run, settings, reportFile, publication), summaryPath);
    // scan: files lists no subscription: only the file scan's annotations.
    const subscriptions = run.scan === "files"
        ? []
        : planAnnotations(run, settings, settings.maskEmails);
    for (const annotation of subscriptions) {
        log/* log */.Rm.annotate(annotation.level, annotation.message, {
            title: annotation.title,
        });
    }
    for (const { level, message, ...properties } of planFileAnnotations(run, settings)) {
        log/* log */.Rm.annotate(level, message, properties);
    }
    return { reportFile, summaryStart };
}
/** After the tracking step: the issue outputs, and the summary again with the issue (and any tracking error) in it. */
async function publishTracking(run, settings, publication, published, tracking, { stepSummaryPath: summaryPath }) {
    const issue = tracking.outcome?.issue;
    core.setOutput("issue-number", issue ? String(issue.number) : "");
    core.setOutput("issue-url", issue?.url ?? "");
    if (!summaryPath || published.summaryStart === undefined)
        return;
    if (!issue && !tracking.error)
        return;
    await (0,promises_.truncate)(summaryPath, published.summaryStart);
    await writeSummary(summaryOf(run, settings, published.reportFile, publication, tracking), summaryPath);
}


/***/ })

};

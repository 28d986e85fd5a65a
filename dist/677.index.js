export const id = 677;
export const ids = [677];
export const modules = {

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

/***/ 8656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ countFileFindings),
/* harmony export */   t: () => (/* binding */ byUrgency)
/* harmony export */ });
const URGENCY = { fail: 0, error: 1, unresolved: 2, pass: 3 };
/** Failures, errors, unresolved, then passes; path and line order within each (the reports' order). */
function byUrgency(findings) {
    return [...findings].sort((a, b) => URGENCY[a.status] - URGENCY[b.status]);
}
function countFileFindings(findings) {
    const count = (status) => findings.filter((finding) => finding.status === status).length;
    return {
        total: findings.length,
        passed: count("pass"),
        failed: count("fail"),
        errored: count("error"),
        unresolved: count("unresolved"),
    };
}


/***/ }),

/***/ 4788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ attentionSection)
});

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/report/shell.ts
/**
 * Shell commands shown in the summary and the tracking issue, wrapped so no
 * line of a code block is longer than GitHub shows without scrolling. Pure.
 */
/** The longest line a code block may hold. */
const MAX_CODE_LINE = 100;
/**
 * One command as lines of at most `max` characters. `segments` are the
 * pieces that must stay on one line (`--role "Security Reader"`); they are
 * packed greedily, each broken line ends in ` \` and the next is indented two
 * spaces more than the first. A leading indent on the first segment is kept.
 * A single segment longer than the limit cannot be broken safely (it may be
 * quoted) and stays alone on its line.
 */
function wrapCommand(segments, max = MAX_CODE_LINE) {
    const [first = "", ...rest] = segments;
    const indent = /^\s*/.exec(first)?.[0] ?? "";
    const continuation = `${indent}  `;
    const lines = [];
    let line = first;
    for (const [index, segment] of rest.entries()) {
        // Room for " segment" and, unless it is the last, a closing " \".
        const reserve = index === rest.length - 1 ? 0 : 2;
        if (`${line} ${segment}`.length + reserve <= max || line.trim() === "") {
            line = `${line} ${segment}`;
        }
        else {
            lines.push(`${line} \\`);
            line = `${continuation}${segment}`;
        }
    }
    lines.push(line);
    return lines;
}
/** A fenced `bash` block of commands, each wrapped by wrapCommand. */
function shellBlock(commands) {
    const body = commands.flatMap((command) => wrapCommand(command));
    // A fence longer than any backtick run inside, so nothing can close it early.
    const longest = Math.max(2, ...body.flatMap((line) => (line.match(/`+/g) ?? []).map((m) => m.length)));
    const fence = "`".repeat(longest + 1);
    return [`${fence}bash`, ...body, fence].join("\n");
}

;// CONCATENATED MODULE: ./src/report/access-hint.ts
/**
 * What to do about a 403: which role to assign, at which scope, to the
 * identity the action signed in as, with the exact Azure CLI line. Pure.
 */

/** Role assignments listed one by one before pointing at a management group instead. */
const MAX_COMMANDS = 10;
/** Single-quotes a word unless it is plainly safe (GUIDs, paths, domains). */
function shellWord(word) {
    return /^[\w@%+=:,./-]+$/.test(word)
        ? word
        : `'${word.replaceAll("'", `'\\''`)}'`;
}
/** `az role assignment create` for Security Reader, as segments for shellBlock. */
function securityReaderAssignment(assignee, scope) {
    return [
        "az role assignment create",
        `--assignee ${shellWord(assignee)}`,
        `--role "Security Reader"`,
        `--scope ${shellWord(scope)}`,
    ];
}
/**
 * Markdown for subscriptions that answered 403: the least-privilege role
 * (Security Reader reads contacts and pricings), where to assign it, and one
 * command per subscription (up to ten) for `assignee`, the client or
 * principal ID of the identity in use.
 */
function accessHint(assignee, subscriptionIds) {
    const shown = subscriptionIds.slice(0, MAX_COMMANDS);
    const commands = shown.map((id) => securityReaderAssignment(assignee, `/subscriptions/${id}`));
    const rest = subscriptionIds.length - shown.length;
    const parts = [
        "Assign the **Security Reader** role to the identity this workflow signs in as, on the subscription or on a parent management group (one assignment there covers every subscription below it). Assigning roles needs Owner or User Access Administrator on that scope.",
        "",
        shellBlock(commands),
    ];
    if (rest > 0 || subscriptionIds.length > 1) {
        parts.push("", `${rest > 0 ? `\u2026and ${rest} more. ` : ""}Or once, on the management group that holds them:`, "", shellBlock([
            securityReaderAssignment(assignee, "/providers/Microsoft.Management/managementGroups/<group-id>"),
        ]));
    }
    return parts.join("\n");
}

// EXTERNAL MODULE: ./src/check/controls/index.ts + 6 modules
var controls = __webpack_require__(7932);
;// CONCATENATED MODULE: ./src/report/attention-groups.ts
/**
 * "Needs attention", grouped by cause: each failing or errored subscription
 * is filed under what is wrong with it (per failing control and reason kind,
 * or the error code that stopped its evaluation), so a report can state each
 * cause and its fix once. The job summary and the tracking issue both render
 * from this. Pure.
 */


const REMEDY_SCRIPT = "or run the script under **How to fix**.";
function portalFix(controlId) {
    const control = controls/* CONTROLS */.VH.find((c) => c.id === controlId);
    const portal = control?.remedy.portal ?? "";
    return `${portal.replace(/\.$/, "")}; ${REMEDY_SCRIPT}`;
}
/** The control's cause of a failure; finer where the control tells one from the carried verdict. */
function controlCause(controlId, result) {
    const control = controls/* CONTROLS */.VH.find((c) => c.id === controlId);
    const fix = portalFix(controlId);
    const fine = control?.causeOf?.(result);
    if (fine) {
        return {
            key: fine.key,
            label: fine.label,
            fix: fine.fixPrefix ? `${fine.fixPrefix} ${fix}` : fix,
            control: controlId,
            ...(fine.showAddresses ? { showAddresses: true } : {}),
        };
    }
    return {
        key: controlId,
        label: control?.cause ?? `${control?.title ?? controlId}: failing`,
        fix,
        control: controlId,
    };
}
/** 403 in the codes ARM and our own answer parser use. */
const ACCESS_DENIED = /^(AuthorizationFailed|LinkedAuthorizationFailed|AuthorizationPermissionMismatch|Forbidden|HTTP403)$/i;
/** Worth a plain re-run: throttling, timeouts, dropped connections, 5xx. */
const TRANSIENT = /^(TooManyRequests|RequestTimeout|ConnectionFailed|RequestFailed|ServiceUnavailable|GatewayTimeout|InternalServerError|HTTP5\d\d|HTTP429|E[A-Z]+)$/;
function errorCause(result) {
    const code = (0,src_text/* displayCode */.Ad)(result.errorCode ?? "");
    const base = { key: `error:${code}`, errorCode: code };
    if (ACCESS_DENIED.test(code)) {
        return {
            ...base,
            label: `Could not be read: access denied (${code})`,
            fix: "Give the identity this workflow signs in as read access, as below.",
            accessDenied: true,
        };
    }
    return {
        ...base,
        label: `Could not be read (${code})`,
        fix: TRANSIENT.test(code)
            ? "Azure did not answer in time or in full, even after retries: re-run the job; the run log has each answer."
            : "Azure's answer could not be used: the run log and the JSON report have the full message.",
    };
}
/** Every cause of one result; empty for a passing or skipped one. */
function causesOf(result) {
    if (result.status === "error")
        return [errorCause(result)];
    if (result.status !== "fail")
        return [];
    const failing = (result.findings ?? []).filter((f) => f.status === "fail");
    // Every control that fails for want of a contact shares one fix: create it.
    if (result.noContact) {
        const control = failing[0]?.control ?? controls/* DEFAULT_CHECKS */.UK[0] ?? "";
        return [
            {
                key: "no-contact",
                label: "No security contact is configured",
                fix: portalFix(control),
                control,
            },
        ];
    }
    // A failure with no findings can only be the default check's.
    if (failing.length === 0) {
        return [controlCause(controls/* DEFAULT_CHECKS */.UK[0] ?? "", result)];
    }
    // Two controls may name one cause (deliverable-emails without a valid address): once.
    const causes = failing.map(({ control }) => controlCause(control, result));
    return causes.filter((cause, i) => causes.findIndex((c) => c.key === cause.key) === i);
}
/**
 * Failing and errored subscriptions grouped by cause, the largest group
 * first (failures before errors on a tie, then first seen). Each group keeps
 * the order of `results`.
 */
function groupByCause(results) {
    const groups = new Map();
    for (const result of results) {
        for (const cause of causesOf(result)) {
            const group = groups.get(cause.key);
            if (group)
                group.results.push(result);
            else
                groups.set(cause.key, { ...cause, results: [result] });
        }
    }
    // sort is stable: equal groups keep the order they were first seen in.
    return [...groups.values()].sort((a, b) => b.results.length - a.results.length ||
        Number(a.errorCode !== undefined) - Number(b.errorCode !== undefined));
}

// EXTERNAL MODULE: ./src/report/sections.ts + 1 modules
var sections = __webpack_require__(9462);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/azure/clouds.ts
var clouds = __webpack_require__(681);
;// CONCATENATED MODULE: ./src/report/portal-links.ts
/**
 * One click from a failing or errored subscription into the Azure portal of
 * its cloud. Pure.
 *
 * Where the link goes: Microsoft documents no deep link to a subscription's
 * Defender for Cloud "Email notifications" page (Learn says: Environment
 * settings \u2192 the subscription \u2192 Email notifications). The only route seen in
 * other tools, `#blade/Microsoft_Azure_Security/PolicyMenuBlade/
 * emailNotifications/\u2026`, is an undocumented pre-`#view` blade path, so it is
 * not used. The link opens the subscription itself, in the right directory
 * (`#@<tenant>`), which the portal has kept stable for years.
 */

/** Azure Stack Hub has no portal: every stamp has its own. */
const PORTALS = {
    AzureCloud: "https://portal.azure.com",
    AzureUSGovernment: "https://portal.azure.us",
    AzureChinaCloud: "https://portal.azure.cn",
};
/**
 * The portal of the cloud whose Resource Manager the action talked to, or
 * undefined for a custom endpoint (Azure Stack Hub, a private cloud): no
 * link is better than a wrong one.
 */
function portalOrigin(resourceManagerEndpoint) {
    const wanted = resourceManagerEndpoint.replace(/\/+$/, "").toLowerCase();
    const cloud = clouds/* CLOUDS */.JJ.find((c) => c.resourceManagerEndpoint?.toLowerCase() === wanted);
    return cloud && PORTALS[cloud.name];
}
/** The subscription's page in its portal, in the tenant's directory; undefined when there is no portal to link. */
function subscriptionPortalLink(subscriptionId, where) {
    const origin = portalOrigin(where.resourceManagerEndpoint);
    if (!origin)
        return undefined;
    // Without a tenant input (AZURE_CLI, IDENTITY) the portal picks the directory.
    const tenant = where.tenantId
        ? `@${encodeURIComponent(where.tenantId)}/`
        : "";
    const id = encodeURIComponent(subscriptionId);
    return `${origin}/#${tenant}resource/subscriptions/${id}/overview`;
}

;// CONCATENATED MODULE: ./src/report/attention.ts






const PRINCIPAL_PLACEHOLDER = "<principal-id>";
function td(html) {
    return `<td>${html}</td>`;
}
function row(result, group, context, columns) {
    const owner = result.owner ? (0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(result.owner, 80)) : "\u2014";
    const cells = [
        td((0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(result.displayName, 120)) || "\u2014"),
        (0,markdown/* idCell */.S8)(result.subscriptionId),
    ];
    if (columns.group) {
        cells.push(td((0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(result.managementGroup ?? "", 90)) || "\u2014"));
    }
    cells.push(td(owner));
    if (columns.portal) {
        // Built from a fixed origin and percent-encoded validated IDs only.
        const link = (0,src_text/* isGuid */.W_)(result.subscriptionId)
            ? subscriptionPortalLink(result.subscriptionId, context)
            : undefined;
        cells.push(td(link ? `<a href="${link}">open</a>` : "\u2014"));
    }
    if (context.failingSince) {
        const since = context.failingSince.get(result.subscriptionId.toLowerCase());
        cells.push(td(since ?? "\u2014"));
    }
    for (const control of columns.perControl) {
        cells.push(td((0,sections/* findingCell */.Od)(result, control)));
    }
    if (group.showAddresses) {
        cells.push(td((0,sections/* addressCell */.Di)(result, context.maskEmails)));
    }
    return cells;
}
function heading(group, multiControl) {
    const icon = group.errorCode === undefined ? "\u274c" : "\u26a0\ufe0f";
    const control = multiControl && group.control ? ` (\`${group.control}\`)` : "";
    return `#### ${icon} ${group.label}${control} \u00b7 ${(0,src_text/* plural */.LS)(group.results.length, "subscription")}`;
}
function accessHelp(group, context) {
    const ids = group.results.map((r) => r.subscriptionId);
    if (context.clientId)
        return accessHint(context.clientId, ids);
    return [
        `Replace \`${PRINCIPAL_PLACEHOLDER}\` with the object ID of the identity this workflow signs in as: \`az ad signed-in-user show --query id -o tsv\` for a user, \`az ad sp show --id <app-id> --query id -o tsv\` for a service principal, the **Object (principal) ID** on the resource's **Identity** page for a system-assigned managed identity.`,
        "",
        accessHint(PRINCIPAL_PLACEHOLDER, ids),
    ].join("\n");
}
/**
 * Failing and errored `results` as cause groups, largest first, adding rows
 * until `budgetBytes` is spent so a huge tenant cannot break GitHub's limits.
 */
function attentionSection(results, context, checks, budgetBytes, 
/** Adds a Management group column after the ID (group scope). */
showGroup = false) {
    // A custom Resource Manager endpoint has no known portal: no column at all.
    const columns = {
        group: showGroup,
        portal: portalOrigin(context.resourceManagerEndpoint) !== undefined,
        perControl: checks.length > 1 ? checks : [],
    };
    const blocks = [];
    let used = 0;
    let omitted = 0;
    for (const group of groupByCause(results)) {
        const headers = ["Subscription", "ID"];
        if (columns.group)
            headers.push("Management group");
        headers.push("Owner");
        if (columns.portal)
            headers.push("Portal");
        if (context.failingSince)
            headers.push("Needs attention since");
        headers.push(...columns.perControl);
        if (group.showAddresses)
            headers.push("Additional email addresses");
        const intro = [
            heading(group, checks.length > 1),
            "",
            `**Fix:** ${group.fix}`,
        ];
        const help = group.accessDenied ? ["", accessHelp(group, context)] : [];
        let size = Buffer.byteLength([...intro, ...help].join("\n")) + 200;
        const rows = [];
        for (const result of group.results) {
            const cells = row(result, group, context, columns);
            const rowSize = Buffer.byteLength(cells.join("")) + 10;
            if (used + size + rowSize > budgetBytes)
                break;
            rows.push(cells);
            size += rowSize;
        }
        omitted += group.results.length - rows.length;
        if (rows.length === 0)
            continue;
        blocks.push([...intro, "", (0,markdown/* htmlTable */.I$)(headers, rows), ...help].join("\n"));
        used += size;
    }
    return { markdown: blocks.join("\n\n"), omitted };
}


/***/ }),

/***/ 3372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ filesHeader),
/* harmony export */   W: () => (/* binding */ infrastructureCodeSection)
/* harmony export */ });
/* harmony import */ var _present_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7421);
/* harmony import */ var _check_file_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8656);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8992);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4285);
/**
 * The "Infrastructure code" section of the job summary and the tracking
 * issue: every security contact setting the file scan found, failures
 * first, within a byte budget. Pure; file text is data, escaped like Azure's.
 */




const VERDICT_LABEL = {
    pass: "\u2705 pass",
    fail: "\u274c fail",
    error: "\u26a0\ufe0f error",
    unresolved: "\u2754 unresolved",
};
const FILES_HEADLINE = {
    pass: "\u2705 The repository's security contact settings are valid",
    fail: "\u274c Security contact settings in the repository fail",
    error: "\u26a0\ufe0f The repository's security contact settings could not be checked",
};
/** The top of a `scan: files` summary or issue, which checked no subscription. */
function filesHeader(run) {
    const unresolved = run.files?.counts.unresolved ?? 0;
    const headline = run.status === "pass" && unresolved > 0
        ? `\u2705 No security contact setting in the repository fails; ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(unresolved, "setting")} ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .inflect */ .mO)(unresolved, "is", "are")} decided at deployment`
        : FILES_HEADLINE[run.status];
    return [
        `## ${headline}`,
        "",
        `Security contact addresses in the repository's landing-zone code, judged like Microsoft Defender for Cloud's "Additional email addresses" (CIS Azure Foundations; ISO 27001 A.5.24).`,
    ];
}
function fileCountsLine(files) {
    const { total, passed, failed, errored, unresolved } = files.counts;
    return (`**${total}** security contact ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .inflect */ .mO)(total, "setting")} in ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(files.filesMatched, "file")} scanned: ` +
        `\u2705 ${passed} passed \u00b7 \u274c ${failed} failed \u00b7 \u26a0\ufe0f ${errored} errored \u00b7 \u2754 ${unresolved} unresolved`);
}
/** Says plainly what an unresolved finding means, and that it passes unless told otherwise. */
function unresolvedNote(files) {
    const { unresolved, total } = files.counts;
    if (unresolved === 0)
        return [];
    const only = unresolved === total ? "Every setting found is" : "";
    const subject = only ||
        `${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(unresolved, "setting")} ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .inflect */ .mO)(unresolved, "is", "are")}`;
    return [
        "",
        `${subject} decided at deployment: a parameter or variable with no default that no scanned file binds. The check cannot see the value; it does not fail the step unless \`fail-on-unresolved\` is true. Each row names what would decide it.`,
    ];
}
function valueCell(finding, mask) {
    const entries = (0,_present_js__WEBPACK_IMPORTED_MODULE_0__/* .labelledAddresses */ .cY)(finding, mask);
    if (entries.length === 0)
        return "\u2014";
    const shown = entries
        .slice(0, 3)
        .map((entry) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(entry, 80)));
    if (entries.length > 3)
        shown.push(`+${entries.length - 3} more`);
    return shown.join("<br>");
}
/**
 * `### Infrastructure code`, a counts line and a table (file:line, setting,
 * masked value, verdict, reason), failures first, that stops adding rows once
 * `budgetBytes` is spent; [] when the run scanned no files. `passing: false`
 * leaves passing findings out (the tracking issue's short form).
 */
function infrastructureCodeSection(run, mask, budgetBytes, { passing = true } = {}) {
    const files = run.files;
    if (!files)
        return [];
    const findings = (0,_check_file_run_js__WEBPACK_IMPORTED_MODULE_1__/* .byUrgency */ .t)(files.findings).filter((f) => passing || f.status !== "pass");
    const parts = [
        "",
        "### Infrastructure code",
        "",
        fileCountsLine(files),
        ...unresolvedNote(files),
    ];
    if (files.counts.total === 0) {
        parts.push("", `No security contact setting was recognised in the files the \`files\` input matched${run.scan === "files" ? ": nothing in scope" : ""}.`);
    }
    if (findings.length === 0)
        return parts;
    const headers = ["File", "Setting", "Value", "Verdict", "Reason"];
    const lines = [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .tableRow */ .jD)(headers), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .tableRow */ .jD)(headers.map(() => "---"))];
    let used = Buffer.byteLength(lines.join("\n"));
    let shown = 0;
    for (const f of findings) {
        const line = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .tableRow */ .jD)([
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(`${f.path}:${f.line}`, 200)),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(f.setting, 120)),
            valueCell(f, mask),
            VERDICT_LABEL[f.status],
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(f.reason, 400)),
        ]);
        const size = Buffer.byteLength(line) + 1;
        if (used + size > budgetBytes)
            break;
        lines.push(line);
        used += size;
        shown++;
    }
    parts.push("", lines.join("\n"));
    if (shown < findings.length) {
        parts.push("", `\u2026and ${findings.length - shown} more, listed in the JSON report and the SARIF file.`);
    }
    return parts;
}


/***/ }),

/***/ 81:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ remediationSection)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/* harmony import */ var _present_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7421);


function shown(value) {
    if (value === null)
        return "(none)";
    if (Array.isArray(value)) {
        return value.length === 0 ? "(empty)" : value.join("; ");
    }
    return String(value);
}
function changeLine(change) {
    const text = `${change.field}: ${shown(change.before)} \u2192 ${shown(change.after)}`;
    return `  - ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(text, 400))}`;
}
const OUTCOME = {
    plan: "would change",
    applied: "\u2705 applied",
    unchanged: "\u2796 nothing to change",
    failed: "\u274c not fixed",
};
/**
 * "Planned changes" (plan) or "Applied changes" (apply): one entry per
 * subscription the run remediated, within `budgetBytes`. Empty when none.
 */
function remediationSection(results, mode, mask, budgetBytes) {
    const touched = results.filter((r) => r.remediation);
    if (touched.length === 0)
        return "";
    const lines = [
        mode === "plan" ? "### Planned changes" : "### Applied changes",
        "",
        mode === "plan"
            ? "`remediate: plan` wrote nothing. Run with `remediate: apply` (needs **Security Admin** on each subscription) to merge these into each contact; every other setting stays."
            : "Each contact was read, merged, written whole and read back; the verdicts above are those of the contact read back.",
        "",
    ];
    let used = Buffer.byteLength(lines.join("\n"));
    let listed = 0;
    for (const result of touched) {
        const remediation = (0,_present_js__WEBPACK_IMPORTED_MODULE_0__/* .presentRemediation */ .B_)(result.remediation ?? { action: "unchanged", changes: [] }, mask);
        const name = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(result.displayName, 120)) || "\u2014";
        const reason = remediation.reason
            ? `: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(remediation.reason, 400))}`
            : "";
        const entry = [
            `- **${name}** (\`${result.subscriptionId.replaceAll("`", "")}\`) ${OUTCOME[remediation.action]}${reason}`,
            ...remediation.changes.map(changeLine),
        ].join("\n");
        const size = Buffer.byteLength(entry) + 1;
        if (used + size > budgetBytes)
            break;
        lines.push(entry);
        used += size;
        listed++;
    }
    if (listed < touched.length) {
        lines.push(`- \u2026and ${touched.length - listed} more: see \`remediation\` in the JSON report.`);
    }
    return lines.join("\n");
}


/***/ }),

/***/ 9462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Di: () => (/* binding */ addressCell),
  td: () => (/* binding */ byUrgency),
  J7: () => (/* binding */ countsLine),
  Od: () => (/* binding */ findingCell),
  Pl: () => (/* binding */ headline),
  Nv: () => (/* binding */ howToFix),
  Zl: () => (/* binding */ needingAttention),
  AD: () => (/* binding */ resultTable)
});

// EXTERNAL MODULE: ./src/report/present.ts
var present = __webpack_require__(7421);
// EXTERNAL MODULE: ./src/check/controls/index.ts + 6 modules
var controls = __webpack_require__(7932);
// EXTERNAL MODULE: ./src/azure/security-contacts.ts
var security_contacts = __webpack_require__(511);
;// CONCATENATED MODULE: ./src/report/remedy-script.ts
/**
 * The safe CLI fix for the failing controls: read the current contact, apply
 * each control's merge, PUT the merged body. One script for all of them, so
 * one PUT per subscription keeps every setting it does not fix. Pure.
 */

/** The controls with a merge of their own: two that write the same fix (additional-emails, deliverable-emails) write it once. */
function distinctRemedies(controls) {
    const key = (control) => control.remedy.merge.join("\n");
    return controls.filter((control, i) => controls.findIndex((c) => key(c) === key(control)) === i);
}
/** Shell lines (each \u2264 100 characters) that fix `controls` on the given subscriptions. */
function remedyScript(failing, resourceManagerEndpoint, subscriptionIds) {
    const controls = distinctRemedies(failing);
    const guards = controls.flatMap((control) => control.remedy.needs
        ? [
            `: "\${${control.remedy.needs.variable}:?${control.remedy.needs.hint}}"`,
        ]
        : []);
    const args = controls.flatMap((control) => control.remedy.needs
        ? [
            `--arg ${control.remedy.needs.jqArg} "$${control.remedy.needs.variable}"`,
        ]
        : []);
    const merges = controls.flatMap((control) => control.remedy.merge.map((line, i) => `    ${i === 0 ? "| " : "  "}${line}`));
    // IDs are validated GUIDs, so they are safe inside a shell loop.
    const ids = subscriptionIds.length > 0 ? subscriptionIds : ["<subscription-id>"];
    return [
        ...guards,
        `arm="${resourceManagerEndpoint}"`,
        "fix_contact() {",
        '  local url="$arm/subscriptions/$1/providers/Microsoft.Security/securityContacts/default"',
        `  url="$url?api-version=${security_contacts/* CONTACTS_API_VERSION */.A3}"`,
        "  local current",
        '  if ! current=$(az rest --method get --url "$url" 2>&1); then',
        "    # Only a missing contact starts from an empty one; any other error stops.",
        '    case "$current" in *NotFound*|*"Could not find"*) current="{}" ;;',
        '      *) echo "$current" >&2; return 1 ;; esac',
        "  fi",
        `  jq -c ${args.join(" ")} '`,
        "    {properties: (.properties // {})}",
        ...merges,
        `  ' <<<"$current" >contact.json || return 1`,
        '  az rest --method put --url "$url" --body @contact.json',
        "}",
        ...chunk(ids, 2).map((group, i, all) => `${i === 0 ? "for id in " : "  "}${group.join(" ")}${i === all.length - 1 ? "; do" : " \\"}`),
        '  fix_contact "$id"',
        "done",
    ];
}
function chunk(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}

// EXTERNAL MODULE: ./src/check/run-result.ts
var run_result = __webpack_require__(6359);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/report/sections.ts
/**
 * Markdown pieces shared by the job summary and the tracking issue. Pure.
 */






const VERDICT_LABEL = {
    pass: "\u2705 pass",
    fail: "\u274c fail",
    error: "\u26a0\ufe0f error",
    skipped: "\u23ed\ufe0f skipped",
};
const STATUS_HEADLINE = {
    pass: "\u2705 Every subscription has a security contact email",
    fail: "\u274c Security contact email missing",
    error: "\u26a0\ufe0f The security contact check could not be completed",
};
/** With controls beyond today's single check, the headline speaks of controls. */
const CONTROLS_HEADLINE = {
    ...STATUS_HEADLINE,
    pass: "\u2705 Every subscription passes the security contact controls",
    fail: "\u274c Security contact controls failing",
};
function headline(status, checks = controls/* DEFAULT_CHECKS */.UK) {
    return checks.join() === controls/* DEFAULT_CHECKS */.UK.join()
        ? STATUS_HEADLINE[status]
        : CONTROLS_HEADLINE[status];
}
function countsLine(counts) {
    return (`**${counts.total}** ${(0,src_text/* inflect */.mO)(counts.total, "subscription")} in scope: ` +
        `\u2705 ${counts.passed} passed \u00b7 \u274c ${counts.failed} failed \u00b7 ` +
        `\u26a0\ufe0f ${counts.errored} errored \u00b7 \u23ed\ufe0f ${counts.skipped} skipped`);
}
/** Failures, then errors, then passes, then skips; the scope order within each. */
const ORDER = {
    fail: 0,
    error: 1,
    pass: 2,
    skipped: 3,
};
/** Failing and errored subscriptions, most urgent first. */
function needingAttention(results) {
    return byUrgency(results).filter((r) => r.status === "fail" || r.status === "error");
}
function byUrgency(results) {
    return [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}
/** Addresses of one subscription, each rejected or missing one marked; escaped, at most five. */
function addressCell(result, mask) {
    const all = (0,present/* labelledAddresses */.cY)({ ...result, rejected: result.rejectedEmails ?? [] }, mask);
    if (all.length === 0)
        return "\u2014";
    const shown = all
        .slice(0, 5)
        .map((entry) => (0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(entry, 80)));
    if (all.length > 5)
        shown.push(`+${all.length - 5} more`);
    return shown.join("<br>");
}
/** \u2705/\u274c for one control on one subscription (\u26a0\ufe0f undecided); \u2014 when it was not evaluated. */
function findingCell(result, control) {
    const finding = result.findings?.find((f) => f.control === control);
    if (!finding)
        return "\u2014";
    return { pass: "\u2705", fail: "\u274c", unknown: "\u26a0\ufe0f" }[finding.status];
}
/**
 * An HTML table of subscriptions (IDs in never-wrapping cells) that stops
 * adding rows once `budgetBytes` is spent, so a 10,000-subscription tenant
 * cannot break the size limits. With several controls selected, each gets a
 * \u2705/\u274c column.
 */
function resultTable(results, mask, budgetBytes, checks = [], 
/** Adds a Management group column after the ID (group scope). */
showGroup = false) {
    const perControl = checks.length > 1 ? checks : [];
    const withGroup = (cells, group) => showGroup ? [...cells.slice(0, 2), group, ...cells.slice(2)] : cells;
    const headers = withGroup([
        "Subscription",
        "ID",
        "Verdict",
        ...perControl,
        "Additional email addresses",
        "Reason",
    ], "Management group");
    const rows = [];
    let used = Buffer.byteLength((0,markdown/* htmlTable */.I$)(headers, []));
    for (const result of results) {
        const cells = withGroup([
            (0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(result.displayName, 120)) || "\u2014",
            (0,markdown/* idCell */.S8)(result.subscriptionId),
            VERDICT_LABEL[result.status],
            ...perControl.map((control) => findingCell(result, control)),
            addressCell(result, mask),
            (0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(result.reason, 400)),
        ], (0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(result.managementGroup ?? "", 90)) || "\u2014").map((html) => (html.startsWith("<td") ? html : `<td>${html}</td>`));
        const size = Buffer.byteLength(cells.join("")) + 10;
        if (used + size > budgetBytes)
            break;
        rows.push(cells);
        used += size;
    }
    return {
        markdown: (0,markdown/* htmlTable */.I$)(headers, rows),
        omitted: results.length - rows.length,
    };
}
/** The controls whose remedies a failing run shows: those that failed. */
function controlsToFix(run) {
    const failed = (0,run_result/* failingControls */.rD)(run);
    return (0,controls/* controlsById */.hz)(failed.length > 0 ? failed : run.checks);
}
/**
 * The remedies of the controls that failed: portal steps, then one script
 * that merges every fix into the current contact (never a blind PUT).
 */
function howToFix(resourceManagerEndpoint, run) {
    const controls = controlsToFix(run);
    const portal = controls.length === 1 && controls[0]
        ? [controls[0].remedy.portal]
        : controls.map((c) => `- **${c.title}** (\`${c.id}\`): ${c.remedy.portal}`);
    const needs = distinctRemedies(controls).flatMap((c) => c.remedy.needs ? [c.remedy.needs] : []);
    return [
        "### How to fix",
        "",
        ...portal,
        "",
        "With the Azure CLI and jq (needs the **Security Admin** role on the subscription): the script reads the current contact, changes only what failed, and writes the merged contact back with api-version 2023-12-01-preview." +
            needs
                .map((n) => ` Set \`${n.variable}\` to your team's addresses first (separated by \`;\`): it stops until you do.`)
                .join(""),
        "",
        "```bash",
        ...remedyScript(controls, resourceManagerEndpoint, run.failedSubscriptionIds.slice(0, 20)),
        "```",
    ].join("\n");
}


/***/ })

};

export const id = 623;
export const ids = [623];
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

/***/ 3637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cZ: () => (/* binding */ causesOf),
/* harmony export */   kO: () => (/* binding */ failedControls),
/* harmony export */   ov: () => (/* binding */ errorCause)
/* harmony export */ });
/* harmony import */ var _check_controls_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7932);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
/**
 * Why a subscription needs attention: each failing control's cause (finer
 * where the control tells one from the carried verdict), no contact at all,
 * or the error that stopped it. Pure; attention-groups.ts files rows by it.
 */


/** The control's cause of a failure; finer where the control tells one from the carried verdict. */
function controlCause(controlId, result) {
    const [control] = (0,_check_controls_index_js__WEBPACK_IMPORTED_MODULE_0__/* .controlsById */ .hz)([controlId]);
    const step = control?.remedy.step ?? "";
    const fine = control?.causeOf?.(result);
    if (fine) {
        return {
            key: fine.key,
            label: fine.label,
            fix: fine.fixPrefix ? `${fine.fixPrefix} ${step}` : step,
            control: controlId,
            ...(fine.showAddresses ? { showAddresses: true } : {}),
        };
    }
    return {
        key: controlId,
        label: control?.cause ?? `${control?.title ?? controlId}: failing`,
        fix: step,
        control: controlId,
    };
}
/** 403 in the codes ARM and our own answer parser use. */
const ACCESS_DENIED = /^(AuthorizationFailed|LinkedAuthorizationFailed|AuthorizationPermissionMismatch|Forbidden|HTTP403)$/i;
/** Worth a plain re-run: throttling, timeouts, dropped connections, 5xx. */
const TRANSIENT = /^(TooManyRequests|RequestTimeout|ConnectionFailed|RequestFailed|ServiceUnavailable|GatewayTimeout|InternalServerError|HTTP5\d\d|HTTP429|E[A-Z]+)$/;
function errorCause(result) {
    const code = (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .displayCode */ .Ad)(result.errorCode ?? "");
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
/** The controls a failing row fails, in registry order. */
function failedControls(result) {
    const failing = (result.findings ?? [])
        .filter((f) => f.status === "fail")
        .map((f) => f.control);
    // A failure with no findings can only be the default check's.
    return failing.length > 0 || result.status !== "fail"
        ? failing
        : [..._check_controls_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CHECKS */ .UK];
}
/** Every cause of one result, in the documented order; empty for a passing or skipped one. */
function causesOf(result) {
    if (result.status === "error")
        return [errorCause(result)];
    if (result.status !== "fail")
        return [];
    const failing = failedControls(result);
    // Every control that fails for want of a contact shares one fix: create it.
    if (result.noContact) {
        const control = failing[0] ?? _check_controls_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CHECKS */ .UK[0] ?? "";
        return [
            {
                key: "no-contact",
                label: "No security contact is configured",
                fix: `Create it: ${(0,_check_controls_index_js__WEBPACK_IMPORTED_MODULE_0__/* .controlsById */ .hz)([control])[0]?.remedy.step ?? ""}`,
                control,
            },
        ];
    }
    // Two controls may name one cause (deliverable-emails without a valid address): once.
    const causes = failing.map((control) => controlCause(control, result));
    return causes.filter((cause, i) => causes.findIndex((c) => c.key === cause.key) === i);
}


/***/ }),

/***/ 9521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ attentionSection)
});

// UNUSED EXPORTS: MAX_GROUP_ROWS

// EXTERNAL MODULE: ./src/check/controls/control.ts
var control = __webpack_require__(694);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/report/shell.ts
var shell = __webpack_require__(7048);
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
        (0,shell/* shellBlock */.OV)(commands),
    ];
    if (rest > 0 || subscriptionIds.length > 1) {
        parts.push("", `${rest > 0 ? `\u2026and ${rest} more. ` : ""}Or once, on the management group that holds them:`, "", (0,shell/* shellBlock */.OV)([
            securityReaderAssignment(assignee, "/providers/Microsoft.Management/managementGroups/<group-id>"),
        ]));
    }
    return parts.join("\n");
}

// EXTERNAL MODULE: ./src/report/attention-causes.ts
var attention_causes = __webpack_require__(3637);
// EXTERNAL MODULE: ./src/check/controls/index.ts + 6 modules
var controls = __webpack_require__(7932);
;// CONCATENATED MODULE: ./src/report/attention-groups.ts
/**
 * "Needs attention", one row per subscription: each failing subscription is
 * filed under its first cause (no contact first, then the controls in
 * registry order, each control's finer cause from the carried verdict), or
 * under its management group or owner (`group-by`); each errored one under
 * the error code that stopped it, in groups of their own. A group states its
 * fix once. The job summary and the tracking issue both render from this. Pure.
 */


/** Registry position of a cause's control; no contact comes first. */
const causeRank = (cause) => cause.key === "no-contact"
    ? -1
    : controls/* CONTROLS */.VH.findIndex((c) => c.id === cause.control);
/** The controls failing among `results`, in registry order, except `except`. */
function failingIn(results, except) {
    const ids = new Set(results.flatMap(attention_causes/* failedControls */.kO));
    return controls/* CONTROLS */.VH.filter((c) => ids.has(c.id) && c.id !== except);
}
const bullet = (control) => `- \`${control.id}\`: ${control.remedy.step}`;
/** The group's fix once, and the steps of the other controls its rows fail. */
function causeFix(cause, results) {
    const fix = [`**Fix:** ${cause.fix}`];
    // Creating the contact fixes every control a missing one fails.
    if (cause.key === "no-contact" || cause.errorCode !== undefined)
        return fix;
    const others = failingIn(results, cause.control).map(bullet);
    if (others.length === 0)
        return fix;
    return [
        ...fix,
        "",
        "Where the **Fails** cell names other controls too:",
        "",
        ...others,
    ];
}
/** Results under the key of the cause `causeOf` names, in first-seen order. */
function groupedBy(results, causeOf) {
    const groups = new Map();
    for (const result of results) {
        const cause = causeOf(result);
        if (!cause)
            continue;
        const group = groups.get(cause.key);
        if (group)
            group.results.push(result);
        else
            groups.set(cause.key, { cause, results: [result] });
    }
    return [...groups.values()];
}
function byCause(failing) {
    return groupedBy(failing, (result) => (0,attention_causes/* causesOf */.cZ)(result)[0])
        .sort((a, b) => causeRank(a.cause) - causeRank(b.cause) ||
        b.results.length - a.results.length)
        .map(({ cause, results }) => ({
        key: cause.key,
        label: cause.label,
        // No contact fails several controls; its heading names none.
        control: cause.key === "no-contact" ? undefined : cause.control,
        showAddresses: cause.showAddresses,
        fix: causeFix(cause, results),
        results,
    }));
}
const BY_VALUE = {
    "management-group": {
        of: (r) => r.managementGroup,
        label: "Management group",
        none: "No management group known (no management-groups walk reached them)",
    },
    owner: {
        of: (r) => r.owner,
        label: "Owner",
        none: "No owner tag (owner-tags)",
    },
};
function byValue(failing, groupBy) {
    const { of, label, none } = BY_VALUE[groupBy];
    const groups = new Map();
    for (const result of failing) {
        const value = of(result) ?? "";
        // Azure compares tag values and group IDs as given; so does the grouping.
        groups.set(value, [...(groups.get(value) ?? []), result]);
    }
    return [...groups.entries()]
        .sort(([a, ra], [b, rb]) => Number(a === "") - Number(b === "") || rb.length - ra.length)
        .map(([value, results]) => {
        const [only, ...more] = failingIn(results);
        return {
            key: `${groupBy}:${value}`,
            label: value === "" ? none : label,
            ...(value === "" ? {} : { value }),
            showAddresses: results.some((r) => (0,attention_causes/* causesOf */.cZ)(r)[0]?.showAddresses),
            fix: only && more.length === 0
                ? [`**Fix:** ${only.remedy.step}`]
                : [
                    "**Fix:** for each control a row's **Fails** cell names:",
                    "",
                    ...failingIn(results).map(bullet),
                ],
            results,
        };
    });
}
function byError(errored) {
    return groupedBy(errored, attention_causes/* errorCause */.ov)
        .sort((a, b) => Number(!a.cause.accessDenied) - Number(!b.cause.accessDenied) ||
        b.results.length - a.results.length)
        .map(({ cause, results }) => ({
        key: cause.key,
        label: cause.label,
        errorCode: cause.errorCode,
        accessDenied: cause.accessDenied,
        fix: [`**Fix:** ${cause.fix}`],
        results,
    }));
}
/**
 * Failing subscriptions grouped by `groupBy`, then errored ones by error
 * code (access denied first, then the largest): every subscription in
 * exactly one group, each group in the order of `results`.
 */
function groupAttention(results, groupBy = "cause") {
    const failing = results.filter((r) => r.status === "fail");
    const errored = results.filter((r) => r.status === "error");
    return [
        ...(groupBy === "cause" ? byCause(failing) : byValue(failing, groupBy)),
        ...byError(errored),
    ];
}

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

// EXTERNAL MODULE: ./src/report/sections.ts
var sections = __webpack_require__(3844);
;// CONCATENATED MODULE: ./src/report/attention.ts
/**
 * The "needs attention" section of the job summary and the tracking issue:
 * one block per group (groupAttention), stating its fix once, then one row
 * per subscription with owner, portal link and the controls it fails; past
 * MAX_GROUP_ROWS a group folds the rest. Pure.
 */








/** Rows a group shows before it folds the rest into `<details>`. */
const MAX_GROUP_ROWS = 50;
const PRINCIPAL_PLACEHOLDER = "<principal-id>";
/** Before the name of a row that is new since the previous run; the "since" date stays a date. */
const NEW_MARK = "\ud83c\udd95 new:";
function td(html) {
    return `<td>${html}</td>`;
}
function isNew(result, context) {
    return (context.newlyFailing?.has(result.subscriptionId.toLowerCase()) ?? false);
}
function row(result, context, columns) {
    const name = (0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(result.displayName, 120)) || "\u2014";
    const cells = [
        td(isNew(result, context) ? `${NEW_MARK} ${name}` : name),
        (0,markdown/* idCell */.S8)(result.subscriptionId),
    ];
    if (columns.group) {
        cells.push(td((0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(result.managementGroup ?? "", 90)) || "\u2014"));
    }
    cells.push(td(result.owner ? (0,markdown/* codeHtml */.v1)((0,markdown/* truncate */.xv)(result.owner, 80)) : "\u2014"));
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
    if (columns.fails) {
        // Control IDs are our own text; an undecided one is marked, never a pass.
        const undecided = (result.findings ?? [])
            .filter((f) => f.status === "unknown")
            .map((f) => `\u26a0\ufe0f ${f.control}`);
        cells.push(td([...(0,attention_causes/* failedControls */.kO)(result), ...undecided].join("<br>") || "\u2014"));
    }
    if (columns.addresses) {
        cells.push(td((0,sections/* addressCell */.Di)(result, context.maskEmails)));
    }
    return cells;
}
function headers(columns, context) {
    const names = ["Subscription", "ID"];
    if (columns.group)
        names.push("Management group");
    names.push("Owner");
    if (columns.portal)
        names.push("Portal");
    if (context.failingSince)
        names.push("Needs attention since");
    if (columns.fails)
        names.push("Fails");
    if (columns.addresses)
        names.push("Additional email addresses");
    return names;
}
function heading(group, multiControl, context) {
    const icon = group.errorCode === undefined ? "\u274c" : "\u26a0\ufe0f";
    const value = group.value === undefined ? "" : ` ${(0,markdown/* codeSpan */.SS)((0,markdown/* truncate */.xv)(group.value, 80))}`;
    const control = multiControl && group.control ? ` (\`${group.control}\`)` : "";
    const fresh = group.results.filter((r) => isNew(r, context)).length;
    return `#### ${icon} ${group.label}${value}${control} \u00b7 ${(0,src_text/* plural */.LS)(group.results.length, "subscription")}${fresh > 0 ? ` (${fresh} new)` : ""}`;
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
/** The group's table: its first MAX_GROUP_ROWS rows, the rest folded. */
function groupTables(names, rows) {
    const shown = (0,markdown/* htmlTable */.I$)(names, rows.slice(0, MAX_GROUP_ROWS));
    const rest = rows.slice(MAX_GROUP_ROWS);
    if (rest.length === 0)
        return shown;
    return [
        shown,
        "",
        `<details><summary>${(0,src_text/* plural */.LS)(rest.length, "more subscription")} in this group</summary>`,
        "",
        (0,markdown/* htmlTable */.I$)(names, rest),
        "",
        "</details>",
    ].join("\n");
}
/**
 * Failing and errored `results`, one row each, in groups (groupAttention),
 * adding rows until `budgetBytes` is spent so a huge tenant cannot break
 * GitHub's limits.
 */
function attentionSection(results, context, checks, budgetBytes, 
/** Adds a Management group column after the ID (group scope). */
showGroup = false) {
    const groups = groupAttention(results, context.groupBy);
    const blocks = [];
    if (groups.some((group) => group.errorCode === undefined)) {
        blocks.push(`Every fix below is made ${control/* PORTAL_PATH */.rq.replace(/^In/, "in")}; the script under **How to fix** makes them all.`);
    }
    let used = Buffer.byteLength(blocks.join(""));
    let omitted = 0;
    for (const group of groups) {
        const failures = group.errorCode === undefined;
        // A custom Resource Manager endpoint has no known portal: no column at all.
        const columns = {
            group: showGroup,
            portal: portalOrigin(context.resourceManagerEndpoint) !== undefined,
            fails: failures && checks.length > 1,
            addresses: group.showAddresses === true,
        };
        const intro = [
            heading(group, checks.length > 1, context),
            "",
            ...group.fix,
        ];
        const help = group.accessDenied ? ["", accessHelp(group, context)] : [];
        let size = Buffer.byteLength([...intro, ...help].join("\n")) + 400;
        const rows = [];
        for (const result of group.results) {
            const cells = row(result, context, columns);
            const rowSize = Buffer.byteLength(cells.join("")) + 10;
            if (used + size + rowSize > budgetBytes)
                break;
            rows.push(cells);
            size += rowSize;
        }
        omitted += group.results.length - rows.length;
        if (rows.length === 0)
            continue;
        blocks.push([
            ...intro,
            "",
            groupTables(headers(columns, context), rows),
            ...help,
        ].join("\n"));
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

/***/ 7120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ru: () => (/* binding */ FIX_SCRIPT_FILE_NAME),
  Nx: () => (/* binding */ fixScript),
  Nv: () => (/* binding */ howToFix)
});

// UNUSED EXPORTS: MAX_INLINE_SCRIPT_SUBSCRIPTIONS

// EXTERNAL MODULE: ./src/check/controls/index.ts + 6 modules
var controls = __webpack_require__(7932);
// EXTERNAL MODULE: ./src/check/run-result.ts
var run_result = __webpack_require__(6359);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/report/attention-causes.ts
var attention_causes = __webpack_require__(3637);
// EXTERNAL MODULE: ./src/report/present.ts
var present = __webpack_require__(7421);
// EXTERNAL MODULE: ./src/azure/security-contacts.ts
var security_contacts = __webpack_require__(511);
// EXTERNAL MODULE: ./src/check/contact-merge.ts
var contact_merge = __webpack_require__(7609);
// EXTERNAL MODULE: ./src/report/shell.ts
var shell = __webpack_require__(7048);
;// CONCATENATED MODULE: ./src/report/remedy-script.ts
/**
 * The safe CLI fix, one script for every failing subscription: read the
 * current contact (Defender's defaults where none exists), apply the merge
 * of each control that subscription fails, PUT the merged body. It merges as
 * `remediate: apply` does (src/check/contact-merge.ts): addresses are added,
 * never replaced, and entries that do not count are kept and listed for a
 * person to remove. Pure.
 */





/** Longest entry a comment lists, so its line stays within 100 characters. */
const MAX_KEPT_CHARS = 60;
/** Single-quotes a word for bash. */
function shellQuote(word) {
    return `'${word.replaceAll("'", `'\\''`)}'`;
}
/** Text from Azure inside a comment: one line, nothing invisible, bounded. */
function commentText(text) {
    // No markup either: a report shows the script in a code block, but a raw
    // `<b>` in it would still be HTML to anything that renders it otherwise.
    const plain = text
        .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, " ")
        .replace(/</g, "\u2039")
        .replace(/>/g, "\u203a");
    const chars = Array.from(plain);
    return chars.length <= MAX_KEPT_CHARS
        ? plain
        : `${chars.slice(0, MAX_KEPT_CHARS - 1).join("")}\u2026`;
}
const REQUIRED_VARIABLE = "REQUIRED_EMAILS";
function guardsAndArgs(controls, options) {
    const guards = [];
    const args = [];
    for (const { remedy } of controls) {
        const needs = remedy.needs;
        if (!needs)
            continue;
        guards.push(`: "\${${needs.variable}:?${needs.hint}}"`);
        let value = `"$${needs.variable}"`;
        if (needs.withRequiredEmails && options.requiredEmails.length > 0) {
            if (options.maskEmails) {
                guards.push(`: "\${${REQUIRED_VARIABLE}:?set it to the required-emails input, separated by ;}"`);
                value = `"$${needs.variable};$${REQUIRED_VARIABLE}"`;
            }
            else {
                value += shellQuote(`;${options.requiredEmails.join(";")}`);
            }
        }
        args.push(`--arg ${needs.jqArg} ${value}`);
    }
    return { guards, args };
}
function byRemedy(controls) {
    const shared = new Map();
    for (const control of controls) {
        const key = control.remedy.merge.join("\n");
        const found = shared.get(key);
        if (found)
            found.ids.push(control.id);
        else
            shared.set(key, { ids: [control.id], control });
    }
    return [...shared.values()];
}
/** Each merge once, applied only where the subscription fails one of its controls. */
function mergeLines(remedies) {
    return remedies.flatMap(({ ids, control }) => [
        `    | if any($fix[]; ${ids.map((id) => `. == ${JSON.stringify(id)}`).join(" or ")}) then (`,
        ...control.remedy.merge.map((line) => `        ${line}`),
        "      ) else . end",
    ]);
}
/** The loop lines for subscriptions that fail the same controls. */
function loop(ids, controls) {
    const pairs = [];
    for (let i = 0; i < ids.length; i += 2)
        pairs.push(ids.slice(i, i + 2).join(" "));
    return [
        `# ${(0,src_text/* plural */.LS)(ids.length, "subscription")} failing the same controls:`,
        "for id in \\",
        ...pairs.map((pair, i) => `  ${pair}${i === pairs.length - 1 ? "; do" : " \\"}`),
        ...(0,shell/* wrapCommand */.MG)([
            '  fix_contact "$id"',
            ...controls.map((control) => control.id),
        ]),
        "done",
    ];
}
/** Comment lines naming the entries the merge keeps that do not count. */
function keptLines(targets) {
    const rows = targets.flatMap((target) => target.kept.length === 0
        ? []
        : [
            `#   ${target.subscriptionId}:`,
            ...target.kept.map(({ entry, label }) => `#     ${commentText(entry)}${label ? ` (${label})` : ""}`),
        ]);
    if (rows.length === 0)
        return [];
    return [
        "# Entries that do not count stay as they are: the script removes nothing.",
        "# Remove by hand any the team no longer wants:",
        ...rows,
    ];
}
/** An object as jq lines: one key a line, a list one element a line. */
function jqObject(value) {
    const entries = Object.entries(value);
    return [
        "{",
        ...entries.flatMap(([key, field], i) => {
            const comma = i < entries.length - 1 ? "," : "";
            if (!Array.isArray(field)) {
                return [`  ${key}: ${JSON.stringify(field)}${comma}`];
            }
            return [
                `  ${key}: [`,
                ...field.map((item, j) => `    ${JSON.stringify(item)}${j < field.length - 1 ? "," : ""}`),
                `  ]${comma}`,
            ];
        }),
        "}",
    ];
}
/** Shell lines (each \u2264 100 characters) that fix every target. */
function remedyScript(targets, options) {
    // Every control some target fails, in registry order.
    const all = (0,controls/* controlsById */.hz)(targets.flatMap((target) => target.controls.map((c) => c.id)));
    const remedies = byRemedy(all);
    const { guards, args } = guardsAndArgs(remedies.map((remedy) => remedy.control), options);
    // Subscriptions failing the same controls share one loop.
    const bySet = new Map();
    for (const target of targets) {
        const key = target.controls.map((c) => c.id).join(" ");
        const set = bySet.get(key) ?? { ids: [], controls: target.controls };
        set.ids.push(target.subscriptionId);
        bySet.set(key, set);
    }
    const defaults = jqObject(contact_merge/* DEFENDER_DEFAULTS */.V);
    return [
        ...guards,
        `arm="${options.resourceManagerEndpoint}"`,
        "# fix_contact <subscription-id> <control>...: merges the fixes into the current contact.",
        "fix_contact() {",
        '  local url="$arm/subscriptions/$1/providers/Microsoft.Security/securityContacts/default"',
        `  url="$url?api-version=${security_contacts/* CONTACTS_API_VERSION */.A3}"`,
        '  local fixes="${*:2}" current',
        '  if ! current=$(az rest --method get --url "$url" 2>&1); then',
        "    # Only a missing contact starts from Defender's defaults; any other error stops.",
        '    case "$current" in *NotFound*|*"Could not find"*) current="null" ;;',
        '      *) echo "$current" >&2; return 1 ;; esac',
        "  fi",
        ...(0,shell/* wrapCommand */.MG)(["  jq -c", '--arg fixes "$fixes"', ...args, "'"]),
        '    ($fixes | split(" ")) as $fix',
        `    | {properties: (if . == null then ${defaults[0]}`,
        ...defaults.slice(1, -1).map((line) => `        ${line}`),
        `      ${defaults[defaults.length - 1]} else (.properties // {}) end)}`,
        ...mergeLines(remedies),
        `  ' <<<"$current" >contact.json || return 1`,
        '  az rest --method put --url "$url" --body @contact.json',
        "}",
        ...keptLines(targets),
        ...[...bySet.values()].flatMap((set) => loop(set.ids, set.controls)),
    ];
}

;// CONCATENATED MODULE: ./src/report/fix-script.ts
/**
 * "How to fix": the one script that fixes every failing subscription, in
 * the report while it is short and in a file (the `fix-script` output)
 * always. The groups above state each fix in words; this holds only what
 * they do not. Pure.
 */







/** Subscriptions a report shows the script for; past this, only the file has it. */
const MAX_INLINE_SCRIPT_SUBSCRIPTIONS = 50;
/** The file `publish` writes the script to, in RUNNER_TEMP. */
const FIX_SCRIPT_FILE_NAME = "security-contact-fix.sh";
/** The artifact name the reports suggest for the script. */
const ARTIFACT = "security-contact-fix";
function target(result, mask) {
    return {
        subscriptionId: result.subscriptionId,
        controls: (0,controls/* controlsById */.hz)((0,attention_causes/* failedControls */.kO)(result)),
        kept: (0,present/* labelledEntries */.ko)({ emails: [], rejected: result.rejectedEmails ?? [] }, mask),
    };
}
/** The whole script for every failing subscription; undefined when none fails. */
function fixScript(run, options) {
    // Only GUIDs go into the shell (a failing row's ID always is one).
    const targets = run.results
        .filter((r) => r.status === "fail" && (0,src_text/* isGuid */.W_)(r.subscriptionId))
        .map((r) => target(r, options.maskEmails));
    if (targets.length === 0)
        return undefined;
    return `#!/usr/bin/env bash\nset -u\n${remedyScript(targets, options).join("\n")}\n`;
}
/**
 * The "How to fix" section: the script inline while it covers at most
 * MAX_INLINE_SCRIPT_SUBSCRIPTIONS subscriptions, else where to find it.
 */
function howToFix(run, options, place) {
    const script = fixScript(run, options);
    if (!script)
        return "";
    const failed = run.counts.failed;
    const needs = (0,controls/* controlsById */.hz)((0,run_result/* failingControls */.rD)(run)).flatMap((c) => c.remedy.needs ? [c.remedy.needs] : []);
    const intro = [
        "### How to fix",
        "",
        "With the Azure CLI and jq (needs the **Security Admin** role on each subscription): the script reads each contact, merges the fixes of the controls that subscription fails, as `remediate: apply` does (addresses are added, never replaced; entries that do not count are kept and listed), and writes it back with api-version 2023-12-01-preview." +
            needs
                .map((n) => ` Set \`${n.variable}\` to your team's addresses first (separated by \`;\`): it stops until you do.`)
                .join(""),
        "",
    ];
    if (failed <= MAX_INLINE_SCRIPT_SUBSCRIPTIONS) {
        return [...intro, (0,shell/* codeBlock */.DV)(script.trimEnd().split("\n"))].join("\n");
    }
    const where = place.inSummary
        ? `\`${FIX_SCRIPT_FILE_NAME}\` (the \`fix-script\` output)`
        : `\`${FIX_SCRIPT_FILE_NAME}\`, the \`fix-script\` output of the workflow run`;
    return [
        ...intro,
        `The script covers ${(0,src_text/* plural */.LS)(failed, "subscription")}, see ${where}. Upload it as the artifact \`${ARTIFACT}\` to keep it after the job:`,
        "",
        "```yaml",
        "- if: always() && steps.<step-id>.outputs.fix-script != ''",
        "  uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0",
        "  with:",
        `    name: ${ARTIFACT}`,
        "    path: ${{ steps.<step-id>.outputs.fix-script }}",
        "```",
    ].join("\n");
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

/***/ 3844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ resultTable),
/* harmony export */   Di: () => (/* binding */ addressCell),
/* harmony export */   J7: () => (/* binding */ countsLine),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   Zl: () => (/* binding */ needingAttention),
/* harmony export */   a8: () => (/* binding */ changesLine),
/* harmony export */   td: () => (/* binding */ byUrgency)
/* harmony export */ });
/* harmony import */ var _present_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7421);
/* harmony import */ var _check_controls_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7932);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8992);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4285);
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
function headline(status, checks = _check_controls_index_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CHECKS */ .UK) {
    return checks.join() === _check_controls_index_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CHECKS */ .UK.join()
        ? STATUS_HEADLINE[status]
        : CONTROLS_HEADLINE[status];
}
function countsLine(counts) {
    return (`**${counts.total}** ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .inflect */ .mO)(counts.total, "subscription")} in scope: ` +
        `\u2705 ${counts.passed} passed \u00b7 \u274c ${counts.failed} failed \u00b7 ` +
        `\u26a0\ufe0f ${counts.errored} errored \u00b7 \u23ed\ufe0f ${counts.skipped} skipped`);
}
/** "Since the previous run: 3 new, 10 fixed." */
function changesLine(changes) {
    return `Since the previous run: ${changes.newlyFailing.size} new, ${changes.fixed} fixed.`;
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
/** Addresses of one subscription, each in code (copied exactly) with why it does not count; at most five. */
function addressCell(result, mask) {
    const all = (0,_present_js__WEBPACK_IMPORTED_MODULE_0__/* .labelledEntries */ .ko)({ ...result, rejected: result.rejectedEmails ?? [] }, mask);
    if (all.length === 0)
        return "\u2014";
    const shown = all
        .slice(0, 5)
        .map(({ entry, label }) => `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .codeHtml */ .v1)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(entry, 80))}${label ? ` (${label})` : ""}`);
    if (all.length > 5)
        shown.push(`+${all.length - 5} more`);
    return shown.join("<br>");
}
/**
 * An HTML table of subscriptions (IDs in never-wrapping cells) that stops
 * adding rows once `budgetBytes` is spent, so a 10,000-subscription tenant
 * cannot break the size limits. Every control passes on a passing row and
 * none was judged on a skipped one, so there is no column per control.
 */
function resultTable(results, mask, budgetBytes, 
/** Adds a Management group column after the ID (group scope). */
showGroup = false) {
    const withGroup = (cells, group) => showGroup ? [...cells.slice(0, 2), group, ...cells.slice(2)] : cells;
    const headers = withGroup(["Subscription", "ID", "Verdict", "Additional email addresses", "Reason"], "Management group");
    const rows = [];
    let used = Buffer.byteLength((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .htmlTable */ .I$)(headers, []));
    for (const result of results) {
        const cells = withGroup([
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(result.displayName, 120)) || "\u2014",
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .idCell */ .S8)(result.subscriptionId),
            VERDICT_LABEL[result.status],
            addressCell(result, mask),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(result.reason, 400)),
        ], (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(result.managementGroup ?? "", 90)) || "\u2014").map((html) => (html.startsWith("<td") ? html : `<td>${html}</td>`));
        const size = Buffer.byteLength(cells.join("")) + 10;
        if (used + size > budgetBytes)
            break;
        rows.push(cells);
        used += size;
    }
    return {
        markdown: (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .htmlTable */ .I$)(headers, rows),
        omitted: results.length - rows.length,
    };
}


/***/ }),

/***/ 7048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   MG: () => (/* binding */ wrapCommand),
/* harmony export */   OV: () => (/* binding */ shellBlock)
/* harmony export */ });
/* unused harmony export MAX_CODE_LINE */
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
    return codeBlock(commands.flatMap((command) => wrapCommand(command)));
}
/** A fenced `bash` block of these lines, verbatim. */
function codeBlock(lines) {
    // A fence longer than any backtick run inside, so nothing can close it early.
    const longest = Math.max(2, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((m) => m.length)));
    const fence = "`".repeat(longest + 1);
    return [`${fence}bash`, ...lines, fence].join("\n");
}


/***/ })

};

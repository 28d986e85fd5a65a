export const id = 221;
export const ids = [221];
export const modules = {

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

/***/ 8221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkFiles: () => (/* binding */ checkFiles)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/check/run-result.ts
var run_result = __webpack_require__(6359);
// EXTERNAL MODULE: ./src/check/file-run.ts
var file_run = __webpack_require__(8656);
// EXTERNAL MODULE: ./node_modules/p-map/index.js
var p_map = __webpack_require__(606);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./src/files/json-tree.ts
/**
 * JSON (with comments) as a tree with line numbers, via jsonc-parser.
 */

/** Offsets of every line start, for offset \u2192 line lookups. */
function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
        starts.push(i + 1);
    }
    return starts;
}
/** 1-based line of an offset (binary search over line starts). */
function lineAt(starts, offset) {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset)
            low = mid;
        else
            high = mid - 1;
    }
    return low + 1;
}
/** Parses or throws an Error naming the first syntax error and its line. */
function parseJsonDocument(text) {
    const errors = [];
    const root = (0,main.parseTree)(text, errors, {
        allowTrailingComma: true,
        disallowComments: false,
    });
    const starts = lineStarts(text);
    const first = errors[0];
    if (first || !root) {
        const where = first ? ` at line ${lineAt(starts, first.offset)}` : "";
        const what = first ? (0,main.printParseErrorCode)(first.error) : "empty document";
        throw new Error(`invalid JSON: ${what}${where}`);
    }
    return { root, line: (node) => lineAt(starts, node.offset) };
}
/**
 * Two properties of one object with the same name (ARM compares names
 * case-insensitively): JSON tools disagree on which one counts, so a value
 * read through it is never judged.
 */
class DuplicateKeyError extends Error {
    key;
    node;
    constructor(key, 
    /** The second property's key node. */
    node) {
        super(`duplicate key "${key}": tools disagree on which value counts`);
        this.key = key;
        this.node = node;
    }
}
/** The child of an object node by key, case-insensitively (ARM keys are); throws on a duplicate key. */
function child(node, key) {
    if (node?.type !== "object")
        return undefined;
    const lower = key.toLowerCase();
    let found;
    for (const property of node.children ?? []) {
        const [name, value] = property.children ?? [];
        if (typeof name?.value === "string" && name.value.toLowerCase() === lower) {
            if (found)
                throw new DuplicateKeyError(name.value, name);
            found = value;
        }
    }
    return found;
}
/** Follows a path of keys, case-insensitively. */
function at(node, ...keys) {
    let current = node;
    for (const key of keys)
        current = child(current, key);
    return current;
}
/** The properties of an object node as [key, value] pairs; throws on a duplicate key. */
function entries(node) {
    if (node?.type !== "object")
        return [];
    const pairs = [];
    const seen = new Set();
    for (const property of node.children ?? []) {
        const [name, value] = property.children ?? [];
        if (typeof name?.value === "string" && value) {
            const lower = name.value.toLowerCase();
            if (seen.has(lower))
                throw new DuplicateKeyError(name.value, name);
            seen.add(lower);
            pairs.push([name.value, value]);
        }
    }
    return pairs;
}

;// CONCATENATED MODULE: ./src/files/values.ts
const values_text = (value, origin) => ({
    kind: "string",
    value,
    origin,
});
const failed = (why, origin) => ({
    kind: "error",
    why,
    origin,
});
/** The property `key` of an object value; errors and unbound values pass through. */
function property(value, key) {
    if (value.kind === "object")
        return value.entries.get(key.toLowerCase());
    if (value.kind === "error" || value.kind === "unbound")
        return value;
    return undefined;
}
/** Follows keys; undefined when a key is missing from an object. */
function path(value, ...keys) {
    let current = value;
    for (const key of keys)
        current = current && property(current, key);
    return current;
}
/** Merges objects, the later winning, nested objects merged too (ARM `union`). */
function union(values, origin) {
    const bad = values.find((v) => v.kind !== "object");
    if (bad) {
        return bad.kind === "error" || bad.kind === "unbound"
            ? bad
            : failed("union of values that are not all objects", origin);
    }
    const entries = new Map();
    for (const value of values) {
        if (value.kind !== "object")
            continue;
        for (const [key, item] of value.entries) {
            const before = entries.get(key);
            entries.set(key, before?.kind === "object" && item.kind === "object"
                ? union([before, item], item.origin)
                : item);
        }
    }
    return { kind: "object", entries, origin };
}
/**
 * The finding for the value a sink deploys: at the place that decides it,
 * with the sink as the related location when that is elsewhere.
 */
function judge(value, sink, legacyEmail) {
    const { path: file, line, setting, source } = value.origin;
    const elsewhere = file !== sink.path || line !== sink.line;
    const base = {
        path: file,
        line,
        setting,
        source,
        ...(elsewhere
            ? { usedAt: { path: sink.path, line: sink.line, setting: sink.setting } }
            : {}),
    };
    switch (value.kind) {
        case "string":
            return {
                ...base,
                value: value.value,
                ...(legacyEmail ? { legacyEmail } : {}),
            };
        case "error":
            return { ...base, error: value.why };
        case "unbound":
            return { ...base, unresolved: value.why };
        default:
            return {
                ...base,
                error: `not a string: ${value.kind === "scalar" ? "a number, boolean or null" : `an ${value.kind}`}`,
            };
    }
}

;// CONCATENATED MODULE: ./src/files/functions.ts
/**
 * The template functions both ARM and Bicep evaluate when every argument is
 * a literal: string building (`concat`, `join`, `format`, `toLower`,
 * `toUpper`, `trim`, `string`), `union` of objects and `first` of an array.
 * The result keeps the origin of the value it transforms, so a finding still
 * points where that value is written. Anything else is left to the caller.
 */

const strings = (args) => args.every((a) => a.kind === "string")
    ? args.map((a) => (a.kind === "string" ? a.value : ""))
    : undefined;
/** `{0}`, `{1}`\u2026 replaced by the arguments; undefined for any other brace. */
function format(template, args) {
    let out = "";
    for (let i = 0; i < template.length; i++) {
        const c = template[i];
        if (c === "{") {
            const close = template.indexOf("}", i);
            const index = Number(template.slice(i + 1, close));
            if (close < 0 || !Number.isInteger(index) || args[index] === undefined)
                return undefined;
            out += args[index];
            i = close;
        }
        else
            out += c;
    }
    return out;
}
function callPure(name, args, origin) {
    const [first, second] = args;
    const all = strings(args);
    switch (name.toLowerCase()) {
        case "concat":
            if (all && all.length > 0)
                return values_text(all.join(""), origin);
            if (args.length > 0 && args.every((a) => a.kind === "array"))
                return {
                    kind: "array",
                    items: args.flatMap((a) => (a.kind === "array" ? a.items : [])),
                    origin,
                };
            return undefined;
        case "join": {
            if (first?.kind !== "array" || second?.kind !== "string")
                return undefined;
            const items = strings(first.items);
            return items && values_text(items.join(second.value), first.origin);
        }
        case "format": {
            const result = all && all.length > 0 && format(all[0] ?? "", all.slice(1));
            return typeof result === "string" ? values_text(result, origin) : undefined;
        }
        case "tolower":
        case "toupper":
        case "trim":
        case "string": {
            if (args.length !== 1 || first?.kind !== "string")
                return undefined;
            const lower = name.toLowerCase();
            const value = lower === "tolower"
                ? first.value.toLowerCase()
                : lower === "toupper"
                    ? first.value.toUpperCase()
                    : lower === "trim"
                        ? first.value.trim()
                        : first.value;
            return values_text(value, first.origin);
        }
        case "union":
            return args.length > 0 ? union(args, origin) : undefined;
        case "first":
            return first?.kind === "array" && args.length === 1
                ? first.items[0]
                : undefined;
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/files/arm-expr.ts



class ArmSyntaxError extends Error {
}
/** Parses the inside of `[\u2026]`. */
function parseArm(source) {
    let i = 0;
    const space = () => {
        while (source[i] === " " ||
            source[i] === "\t" ||
            source[i] === "\n" ||
            source[i] === "\r")
            i++;
    };
    const word = () => {
        const start = i;
        while (i < source.length && /[\w$]/.test(source[i] ?? ""))
            i++;
        if (i === start)
            throw new ArmSyntaxError("expected a name");
        return source.slice(start, i);
    };
    const expr = (depth) => {
        if (depth > 64)
            throw new ArmSyntaxError("nested too deeply");
        space();
        let node;
        if (source[i] === "'") {
            let value = "";
            for (i++;; i++) {
                if (i >= source.length)
                    throw new ArmSyntaxError("unterminated string");
                if (source[i] === "'") {
                    if (source[i + 1] !== "'")
                        break;
                    i++;
                }
                value += source[i];
            }
            i++;
            node = { t: "str", v: value };
        }
        else if (/[-\d]/.test(source[i] ?? "")) {
            i++;
            while (/[\d.]/.test(source[i] ?? ""))
                i++;
            node = { t: "num" };
        }
        else {
            const name = word();
            space();
            if (source[i] !== "(")
                throw new ArmSyntaxError(`expected ( after ${name}`);
            i++;
            const args = [];
            space();
            if (source[i] === ")")
                i++;
            else {
                for (;;) {
                    args.push(expr(depth + 1));
                    space();
                    if (source[i] === ",")
                        i++;
                    else if (source[i] === ")") {
                        i++;
                        break;
                    }
                    else
                        throw new ArmSyntaxError("expected , or )");
                }
            }
            node = { t: "call", name: name.toLowerCase(), args };
        }
        for (;;) {
            space();
            if (source[i] === "." || (source[i] === "?" && source[i + 1] === ".")) {
                i += source[i] === "." ? 1 : 2;
                node = { t: "get", of: node, key: word() };
            }
            else if (source[i] === "[") {
                i++;
                const key = expr(depth + 1);
                space();
                if (source[i] !== "]")
                    throw new ArmSyntaxError("expected ]");
                i++;
                node = { t: "get", of: node, key };
            }
            else
                return node;
        }
    };
    const ast = expr(0);
    space();
    if (i !== source.length)
        throw new ArmSyntaxError("unexpected text after the expression");
    return ast;
}
const shown = (raw) => raw.length > 160 ? `${raw.slice(0, 157)}\u2026` : raw;
function evaluate(ast, scope, origin, raw) {
    const not = () => failed(`not a literal: ${shown(raw)}`, origin);
    switch (ast.t) {
        case "str":
            return values_text(ast.v, origin);
        case "num":
            return { kind: "scalar", origin };
        case "get": {
            const of = evaluate(ast.of, scope, origin, raw);
            const key = typeof ast.key === "string"
                ? ast.key
                : evaluate(ast.key, scope, origin, raw);
            if (typeof key !== "string" && key.kind !== "string")
                return not();
            const name = typeof key === "string" ? key : key.value;
            return (property(of, name) ??
                failed(`no property ${name}: ${shown(raw)}`, origin));
        }
        case "call": {
            const args = ast.args.map((a) => evaluate(a, scope, origin, raw));
            const [first] = args;
            if ((ast.name === "parameters" || ast.name === "variables") &&
                first?.kind === "string" &&
                args.length === 1)
                return ast.name === "parameters"
                    ? scope.parameter(first.value, origin)
                    : scope.variable(first.value, origin);
            const pure = callPure(ast.name, args, origin);
            if (pure)
                return pure;
            const stuck = args.find((a) => a.kind === "unbound" || a.kind === "error");
            return stuck ?? not();
        }
    }
}
/** A string as ARM reads it: a `[\u2026]` expression evaluated, `[[` unescaped, anything else literal. */
function armString(raw, scope, origin) {
    if (raw.startsWith("[[")) {
        if (!scope.escaped)
            return values_text(raw.slice(1), origin);
        raw = raw.slice(1);
    }
    if (!(raw.startsWith("[") && raw.endsWith("]")))
        return values_text(raw, origin);
    try {
        return evaluate(parseArm(raw.slice(1, -1)), scope, origin, raw);
    }
    catch (error) {
        if (error instanceof ArmSyntaxError)
            return failed(`invalid expression (${error.message}): ${shown(raw)}`, origin);
        throw error;
    }
}
/**
 * A JSON node as a Value. `scope` evaluates template expressions; without it
 * strings are taken as written (parameter files, loaded JSON). A duplicate
 * key makes that object an error value at the duplicate.
 */
function jsonValue(place, node, setting, scope, depth = 0) {
    const origin = {
        path: place.path,
        line: place.doc.line(node),
        setting,
        source: place.source,
    };
    if (depth > 64)
        return failed("nested too deeply", origin);
    switch (node.type) {
        case "string":
            return scope
                ? armString(node.value, scope, origin)
                : values_text(node.value, origin);
        case "object": {
            let pairs;
            try {
                pairs = entries(node);
            }
            catch (error) {
                if (!(error instanceof DuplicateKeyError))
                    throw error;
                return failed(error.message, {
                    ...origin,
                    line: place.doc.line(error.node),
                });
            }
            const map = new Map();
            for (const [key, item] of pairs)
                map.set(key.toLowerCase(), jsonValue(place, item, setting ? `${setting}.${key}` : key, scope, depth + 1));
            return { kind: "object", entries: map, origin };
        }
        case "array":
            return {
                kind: "array",
                items: (node.children ?? []).map((item, i) => jsonValue(place, item, `${setting}[${i}]`, scope, depth + 1)),
                origin,
            };
        default:
            return { kind: "scalar", origin };
    }
}

;// CONCATENATED MODULE: ./src/files/arm-scope.ts
/**
 * How names resolve in one ARM template of one deployment: a parameter is
 * what the deployment binds, else its defaultValue, else unbound (decided at
 * deployment); variables are evaluated once, and a name that needs itself
 * is an error rather than a loop.
 */



/** A scope for one template in one deployment. */
function templateScope(place, template, bindings, deployedBy, label, escaped = false) {
    // Indexed once: a template may hold thousands of parameters and references.
    const index = (key) => new Map(entries(child(template, key)).map(([name, node]) => [
        name.toLowerCase(),
        [name, node],
    ]));
    const declared = index("parameters");
    const declaredVariables = index("variables");
    const parameters = new Map();
    const variables = new Map();
    /** Each name evaluated once per deployment; a name that needs itself is an error, not a loop. */
    const once = (cache, name, use, evaluate) => {
        const key = name.toLowerCase();
        const cached = cache.get(key);
        if (cached === "pending")
            return failed(`${name} refers to itself`, use);
        if (cached)
            return cached;
        cache.set(key, "pending");
        const value = evaluate();
        cache.set(key, value);
        return value;
    };
    const scope = {
        escaped,
        parameter(name, use) {
            const bound = bindings.get(name.toLowerCase());
            if (bound)
                return bound;
            const [declName, decl] = declared.get(name.toLowerCase()) ?? [];
            if (!declName || !decl)
                return failed(`unknown parameter ${name}`, use);
            return once(parameters, declName, use, () => {
                const fallback = child(decl, "defaultValue");
                const setting = `${label}parameters.${declName}`;
                if (fallback)
                    return jsonValue(place, fallback, `${setting}.defaultValue`, scope);
                return {
                    kind: "unbound",
                    why: `parameter ${declName} of ${place.path} has no defaultValue and no scanned file sets it (deployed by ${deployedBy}): decided at deployment`,
                    origin: {
                        path: place.path,
                        line: place.doc.line(decl),
                        setting,
                        source: place.source,
                    },
                };
            });
        },
        variable(name, use) {
            const [declName, node] = declaredVariables.get(name.toLowerCase()) ?? [];
            if (!declName || !node)
                return failed(`unknown variable ${name}`, use);
            return once(variables, declName, use, () => jsonValue(place, node, `${label}variables.${declName}`, scope));
        },
    };
    return scope;
}

;// CONCATENATED MODULE: ./src/files/sinks.ts

/** Parameter names that hold the address directly. */
const CONTACT_PARAMETERS = [
    "parMsDefenderForCloudEmailSecurityContact",
    "emailContactAsc",
    "emailSecurityContact",
];
const NESTED_KEY = "emailsecuritycontact";
const MAX_DEPTH = 32;
function isContactParameter(name) {
    const lower = name.toLowerCase();
    return CONTACT_PARAMETERS.some((p) => p.toLowerCase() === lower);
}
const CONTACTS = "microsoft.security/securitycontacts";
const ASSIGNMENTS = "microsoft.authorization/policyassignments";
/** The resource type without its `@api-version`, lower-cased. */
function resourceKind(type) {
    return type.split("@")[0]?.toLowerCase() ?? "";
}
/** True for the resource types whose values the scan judges. */
function isSinkType(type) {
    const kind = resourceKind(type);
    return kind === CONTACTS || kind === ASSIGNMENTS;
}
/** Findings for one deployed resource, given its evaluated `properties`. */
function resourceFindings(type, properties, sink) {
    const kind = resourceKind(type);
    const at = (suffix) => ({
        ...sink,
        setting: `${sink.setting}.properties.${suffix}`,
    });
    if (kind === CONTACTS) {
        if (!properties)
            return [
                judge({ kind: "error", why: "no properties", origin: sink }, at("emails")),
            ];
        const emails = property(properties, "emails");
        const email = property(properties, "email");
        const out = [];
        // A legacy `email` only: whatever it is bound to, the contact has no additional address.
        const legacyOnly = !emails && email !== undefined;
        const legacyOpen = legacyOnly && email.kind !== "string";
        if (emails || !email || legacyOpen)
            out.push(
            // Properties written out without `emails` deploy a contact with no additional address.
            judge(emails ??
                (properties.kind === "object"
                    ? {
                        kind: "string",
                        value: "",
                        origin: {
                            ...properties.origin,
                            setting: at("emails").setting,
                        },
                    }
                    : {
                        kind: "error",
                        why: "no emails property",
                        origin: at("emails"),
                    }), at("emails")));
        if (email && email !== emails && !legacyOpen)
            out.push(judge(email, at("email"), true));
        return out;
    }
    if (kind === ASSIGNMENTS && properties) {
        const parameters = property(properties, "parameters");
        if (!parameters)
            return [];
        if (parameters.kind === "error" || parameters.kind === "unbound") {
            // Only an assignment of the Defender configuration can hide the address in an expression.
            const definition = property(properties, "policyDefinitionId");
            const id = definition?.kind === "string" ? definition.value.toLowerCase() : "";
            return id.includes("mdfc") || id.includes("securitycontact")
                ? [judge(parameters, at("parameters.emailSecurityContact.value"))]
                : [];
        }
        const contact = property(parameters, NESTED_KEY);
        if (!contact)
            return [];
        const value = contact.kind === "object" ? property(contact, "value") : contact;
        return [
            judge(value ?? { kind: "error", why: "no value", origin: contact.origin }, at("parameters.emailSecurityContact.value")),
        ];
    }
    return [];
}
/**
 * Values a parameter file or a call passes under names landing-zone code
 * uses for the address: a contact parameter itself, and `emailSecurityContact`
 * (a `{ value: \u2026 }` or a plain value) at any depth inside an object. `sink`
 * is where they are used; without it, where they are written.
 */
function namedFindings(name, value, sink) {
    if (isContactParameter(name)) {
        const inner = value.kind === "object" ? path(value, "value") : undefined;
        return [judge(inner ?? value, sink ?? (inner ?? value).origin)];
    }
    const out = [];
    nested(value, sink, out, 0);
    return out;
}
function nested(value, sink, out, depth) {
    if (value.kind !== "object")
        return;
    if (depth > MAX_DEPTH) {
        const origin = value.origin;
        out.push(judge({ kind: "error", why: "nested too deeply", origin }, origin));
        return;
    }
    for (const [key, item] of value.entries) {
        if (key === NESTED_KEY) {
            const inner = (item.kind === "object"
                ? property(item, "value")
                : item) ?? {
                kind: "error",
                why: "no value",
                origin: item.origin,
            };
            out.push(judge(inner, sink ?? inner.origin));
        }
        else
            nested(item, sink, out, depth + 1);
    }
}
/**
 * A JSON document of no deployment format this scan knows (an Enterprise
 * Policy as Code assignment, a Terraform archetype definition\u2026): every value
 * written under a contact's name, at any depth, in arrays too. Only written
 * strings count; a declaration (`{ type, defaultValue }`) is not a value.
 */
function namedAnywhere(value, out = [], depth = 0) {
    if (depth > MAX_DEPTH)
        return out;
    if (value.kind === "array") {
        for (const item of value.items)
            namedAnywhere(item, out, depth + 1);
    }
    else if (value.kind === "object") {
        for (const [key, item] of value.entries) {
            const named = key === NESTED_KEY || isContactParameter(key);
            const inner = item.kind === "object" ? property(item, "value") : item;
            if (named && inner?.kind === "string") {
                // Another engine's `[\u2026]` expression is no literal (`[[` escapes one).
                const { value: written, origin } = inner;
                const expression = written.startsWith("[") &&
                    written.endsWith("]") &&
                    !written.startsWith("[[");
                const why = `not a literal: ${written}`;
                out.push(judge(expression ? { kind: "error", why, origin } : inner, origin));
            }
            else
                namedAnywhere(item, out, depth + 1);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/files/arm.ts
/**
 * ARM JSON: deployment templates (nested inline deployments included), a
 * bare resource document such as the ALZ library's policy assignments,
 * Azure Policy definitions that deploy the contact (DeployIfNotExists),
 * Blueprint template artifacts, and deployment parameter files.
 */





const arm_MAX_DEPTH = 32;
/** True for a `deploymentParameters` document (by `$schema`, or shape). */
function isParameterFile(root) {
    const schema = child(root, "$schema")?.value;
    if (typeof schema === "string")
        return schema.toLowerCase().includes("deploymentparameters");
    const parameters = child(root, "parameters");
    return (parameters?.type === "object" &&
        !child(root, "resources") &&
        !child(root, "properties") &&
        entries(parameters).every(([, p]) => p.type === "object"));
}
/** A parameter file's values by lower-cased name (a Key Vault reference is an error value). */
function parameterBindings(place) {
    const bindings = new Map();
    for (const [name, parameter] of entries(child(place.doc.root, "parameters"))) {
        const setting = `parameters.${name}.value`;
        const value = child(parameter, "value");
        bindings.set(name.toLowerCase(), value
            ? jsonValue(place, value, setting)
            : failed(child(parameter, "reference")
                ? "a Key Vault reference: not readable here"
                : "no value", {
                path: place.path,
                line: place.doc.line(parameter),
                setting,
                source: place.source,
            }));
    }
    return bindings;
}
/**
 * The values a deployment passes inline to its template (`properties.parameters`
 * of a nested deployment or a Blueprint artifact), by lower-cased name.
 */
function inlineBindings(place, properties, settingPrefix, scope) {
    const bindings = new Map();
    for (const [key, p] of entries(child(properties, "parameters"))) {
        const value = child(p, "value");
        if (value)
            bindings.set(key.toLowerCase(), jsonValue(place, value, `${settingPrefix}.${key}.value`, scope));
    }
    return bindings;
}
/** A parameter file judged alone: the values it sets under the contact's names. */
function recogniseArmParameters(place, bindings) {
    const names = new Map(entries(child(place.doc.root, "parameters")).map(([n]) => [
        n.toLowerCase(),
        n,
    ]));
    return [...bindings].flatMap(([key, value]) => namedFindings(names.get(key) ?? key, value));
}
/** Resources as an array or (languageVersion 2.0) an object of symbolic names. */
function resourceList(node) {
    if (node?.type === "array")
        return node.children ?? [];
    return entries(node).map(([, resource]) => resource);
}
function resource(place, node, label, scope, out, depth) {
    const origin = {
        path: place.path,
        line: place.doc.line(node),
        setting: label,
        source: place.source,
    };
    if (depth > arm_MAX_DEPTH) {
        out.push(judge(failed("nested too deeply", origin), origin));
        return;
    }
    const type = child(node, "type")?.value;
    const name = child(node, "name")?.value;
    const setting = `${label}${typeof name === "string" ? `[${name}]` : ""}`;
    const sink = { ...origin, setting };
    const properties = child(node, "properties");
    if (typeof type === "string" && isSinkType(type)) {
        const value = properties &&
            jsonValue(place, properties, `${setting}.properties`, scope);
        out.push(...resourceFindings(type, value, sink));
    }
    else if (typeof type === "string" &&
        type.toLowerCase() === "microsoft.resources/deployments") {
        const inner = child(properties, "template");
        if (inner) {
            const own = String(at(properties, "expressionEvaluationOptions", "scope")?.value ?? "").toLowerCase() === "inner";
            const bindings = inlineBindings(place, properties, `${setting}.properties.parameters`, scope);
            const prefix = `${setting}.properties.template.`;
            const innerScope = own
                ? templateScope(place, inner, bindings, `nested deployment ${String(name)}`, prefix)
                : scope;
            template(place, inner, prefix, innerScope, out, depth + 1);
        }
    }
    for (const [index, sub] of resourceList(child(node, "resources")).entries())
        resource(place, sub, `${setting}.resources[${index}]`, scope, out, depth + 1);
}
function template(place, node, prefix, scope, out, depth) {
    for (const [index, sub] of resourceList(child(node, "resources")).entries())
        resource(place, sub, `${prefix}resources[${index}]`, scope, out, depth + 1);
    // Last, so a value also followed to where it is deployed keeps that use site.
    for (const [name, decl] of entries(child(node, "parameters"))) {
        if (!isContactParameter(name))
            continue;
        const sink = {
            path: place.path,
            line: place.doc.line(decl),
            setting: `${prefix}parameters.${name}`,
            source: place.source,
        };
        out.push(judge(scope.parameter(name, sink), sink));
    }
}
/** A duplicate key met on the way to a setting: an error at the duplicate. */
function guarded(place, run) {
    const out = [];
    try {
        run(out);
    }
    catch (error) {
        if (!(error instanceof DuplicateKeyError))
            throw error;
        const origin = {
            path: place.path,
            line: place.doc.line(error.node),
            setting: error.key,
            source: place.source,
        };
        out.push(judge(failed(error.message, origin), origin));
    }
    return out;
}
/** One deployment of a template: parameters from `bindings`, else their defaults. */
function judgeArmTemplate(place, bindings, deployedBy) {
    return guarded(place, (out) => {
        const root = place.doc.root;
        template(place, root, "", templateScope(place, root, bindings, deployedBy, ""), out, 0);
    });
}
/** A single resource document (an ALZ library policy assignment): no template around it. */
function judgeResourceDocument(place) {
    const none = {
        parameter: (name, use) => failed(`parameters('${name}') outside a template`, use),
        variable: (name, use) => failed(`variables('${name}') outside a template`, use),
    };
    return guarded(place, (out) => resource(place, place.doc.root, "resource", none, out, 0));
}

;// CONCATENATED MODULE: ./src/files/bicep-eval.ts


const bicep_eval_shown = (raw) => (raw.length > 160 ? `${raw.slice(0, 157)}\u2026` : raw).replace(/\s+/g, " ");
/** Registry and template-spec references: the module's code is not in the repository. */
function isExternalModule(target) {
    return /^(br:|br\/|ts:|ts\/)/i.test(target);
}
class BicepEvaluation {
    unit;
    bindings;
    deployedBy;
    reach;
    vars = new Map();
    paramValues = new Map();
    params = new Map();
    varDecls = new Map();
    constructor(unit, bindings, 
    /** Why a parameter may be unbound: what deploys this file. */
    deployedBy, reach) {
        this.unit = unit;
        this.bindings = bindings;
        this.deployedBy = deployedBy;
        this.reach = reach;
        for (const d of unit.declarations) {
            if (d.kind === "param")
                this.params.set(d.name.toLowerCase(), d);
            if (d.kind === "var" && d.value)
                this.varDecls.set(d.name.toLowerCase(), d.value);
        }
    }
    origin(offset, setting) {
        return {
            path: this.unit.path,
            line: this.unit.line(offset),
            setting,
            source: this.unit.source,
        };
    }
    param(name, use) {
        const key = name.toLowerCase();
        const bound = this.bindings.get(key);
        if (bound)
            return bound;
        const decl = this.params.get(key);
        if (!decl)
            return failed(`unknown name ${name}`, use);
        const cached = this.paramValues.get(key);
        if (cached === "pending")
            return failed(`parameter ${name} refers to itself`, use);
        if (cached)
            return cached;
        this.paramValues.set(key, "pending");
        const value = decl.value
            ? this.value(decl.value, `param ${decl.name}`)
            : {
                kind: "unbound",
                why: `parameter ${decl.name} of ${this.unit.path} has no default and no scanned file sets it (deployed by ${this.deployedBy}): decided at deployment`,
                origin: this.origin(decl.offset, `param ${decl.name}`),
            };
        this.paramValues.set(key, value);
        return value;
    }
    variable(name, use) {
        const key = name.toLowerCase();
        const cached = this.vars.get(key);
        if (cached === "pending")
            return failed(`variable ${name} refers to itself`, use);
        if (cached)
            return cached;
        const expr = this.varDecls.get(key);
        if (!expr)
            return undefined;
        this.vars.set(key, "pending");
        const value = this.value(expr, `var ${name}`);
        this.vars.set(key, value);
        return value;
    }
    value(expr, setting) {
        const origin = this.origin(expr.offset, setting);
        const raw = () => bicep_eval_shown(this.unit.text.slice(expr.offset, expr.end));
        const not = () => failed(`not a literal: ${raw()}`, origin);
        switch (expr.type) {
            case "string": {
                const parts = expr.holes.map((hole) => this.value(hole, setting));
                const stuck = parts.find((p) => p.kind !== "string");
                if (stuck)
                    return stuck.kind === "unbound" ? { ...stuck, origin } : not();
                let joined = expr.pieces[0] ?? "";
                parts.forEach((p, i) => (joined +=
                    (p.kind === "string" ? p.value : "") +
                        (expr.pieces[i + 1] ?? "")));
                return values_text(joined, origin);
            }
            case "literal":
                return { kind: "scalar", origin };
            case "name":
                if (this.params.has(expr.name.toLowerCase()))
                    return this.param(expr.name, origin);
                return this.variable(expr.name, origin) ?? not();
            case "member":
                return this.access(this.value(expr.object, setting), expr.name, origin, raw);
            case "index": {
                const key = this.value(expr.index, setting);
                if (key.kind !== "string")
                    return key.kind === "unbound" ? key : not();
                return this.access(this.value(expr.object, setting), key.value, origin, raw);
            }
            case "object": {
                const parts = [];
                let entries = new Map();
                for (const p of expr.properties) {
                    if (p.key === undefined) {
                        parts.push({ kind: "object", entries, origin }, this.value(p.value, setting));
                        entries = new Map();
                    }
                    else {
                        const key = typeof p.key === "string" ? p.key : this.value(p.key, setting);
                        if (typeof key !== "string" && key.kind !== "string")
                            return failed(`computed property name: ${raw()}`, origin);
                        const name = typeof key === "string" ? key : key.value;
                        if (entries.has(name.toLowerCase()))
                            return failed(`duplicate property ${name}: ${raw()}`, origin);
                        entries.set(name.toLowerCase(), this.value(p.value, `${setting}.${name}`));
                    }
                }
                const own = { kind: "object", entries, origin };
                return parts.length === 0 ? own : union([...parts, own], origin);
            }
            case "array":
                return {
                    kind: "array",
                    items: expr.items.map((item, i) => this.value(item, `${setting}[${i}]`)),
                    origin,
                };
            case "call":
                return this.call(expr, setting, origin, raw) ?? not();
            case "computed":
                return not();
        }
    }
    access(of, key, origin, raw) {
        return property(of, key) ?? failed(`no property ${key}: ${raw()}`, origin);
    }
    call(expr, setting, origin, raw) {
        const callee = expr.callee;
        const name = callee.type === "name"
            ? callee.name
            : callee.type === "member" &&
                callee.object.type === "name" &&
                /^(sys|az)$/i.test(callee.object.name)
                ? callee.name
                : "";
        const args = expr.args.map((a) => this.value(a, setting));
        const [first] = args;
        switch (name.toLowerCase()) {
            case "loadjsoncontent":
                if (first?.kind === "string" && args.length === 1)
                    return this.reach.loadJson(this.unit.path, first.value, origin);
                return failed(`not a literal: ${raw()}`, origin);
            default:
                return (callPure(name, args, origin) ?? args.find((a) => a.kind === "unbound"));
        }
    }
}

;// CONCATENATED MODULE: ./src/files/bicep-deploy.ts



class BicepDeployment extends BicepEvaluation {
    depth;
    constructor(unit, bindings, deployedBy, reach, 
    /** How many module calls led to this deployment. */
    depth) {
        super(unit, bindings, deployedBy, reach);
        this.depth = depth;
    }
    /** Judges every resource, module call and contact parameter of this deployment. */
    judgeAll(out) {
        for (const d of this.unit.declarations) {
            if (d.kind === "resource" && !d.existing && isSinkType(d.resourceType)) {
                const sink = this.origin(d.offset, d.name);
                const body = this.value(d.body, d.name);
                out.push(...resourceFindings(d.resourceType, property(body, "properties"), sink));
            }
            else if (d.kind === "module") {
                this.module(d, out);
            }
        }
        // Last, so a value also followed to where it is deployed keeps that use site.
        for (const d of this.unit.declarations) {
            if (d.kind === "param" && isContactParameter(d.name)) {
                const sink = this.origin(d.offset, `param ${d.name}`);
                out.push(judge(this.param(d.name, sink), sink));
            }
        }
    }
    module(d, out) {
        const call = this.origin(d.offset, `module ${d.name}`);
        const params = property(this.value(d.body, d.name), "params");
        const bindings = new Map();
        if (params?.kind === "object")
            for (const [k, v] of params.entries)
                bindings.set(k, v);
        const followed = !isExternalModule(d.target) &&
            params?.kind !== "error" &&
            this.reach.deploy(this.unit.path, d.target, bindings, call, this.depth + 1);
        if (followed)
            return;
        // The module's code is elsewhere: judge what the call passes under the contact's names.
        for (const [key, value] of bindings)
            out.push(...namedFindings(key, value, {
                ...call,
                setting: `${call.setting}.params.${key}`,
            }));
    }
}

;// CONCATENATED MODULE: ./src/files/findings.ts
/**
 * What the file scan produces: one finding per place a deployment sets the
 * security-contact address. A recogniser either read a value (the verdict
 * comes later, in verdict.ts), could not (an error finding: fail closed), or
 * found a parameter nothing in the repository binds (unresolved: decided at
 * deployment time).
 */
/**
 * A cheap test run before any parser: files that cannot hold one of the
 * settings are never parsed, which keeps a large repository's scan fast.
 * A file holding an escape (`\u\u2026`) may spell a name in a way this cannot
 * see, so it is always parsed (see mayHoldSetting).
 */
const SETTING_HINT = /security_?contact|security_center_contact|emailcontactasc/i;
/** False only for text no recogniser could find a setting in. */
function mayHoldSetting(text) {
    return SETTING_HINT.test(text) || text.includes("\\u");
}

;// CONCATENATED MODULE: ./src/files/arm-policy.ts
/**
 * ARM templates wrapped in other documents: an Azure Policy definition that
 * deploys the contact (DeployIfNotExists) and a Blueprint template artifact.
 */





function isPolicyDefinition(root) {
    return Boolean(at(root, "properties", "policyRule"));
}
/**
 * A DeployIfNotExists definition: its embedded template deploys what the
 * policy parameters say; a parameter's defaultValue is what an assignment
 * without it deploys. Without a default every assignment sets it (judged there).
 */
function judgePolicyDefinition(place) {
    return guarded(place, (out) => {
        const root = place.doc.root;
        const deployment = at(root, "properties", "policyRule", "then", "details", "deployment", "properties");
        const inner = child(deployment, "template");
        if (!inner)
            return;
        const policyParameters = at(root, "properties", "parameters");
        const policyScope = {
            escaped: true,
            parameter(name, use) {
                const fallback = child(child(policyParameters, name), "defaultValue");
                if (fallback)
                    return jsonValue(place, fallback, `properties.parameters.${name}.defaultValue`);
                return {
                    kind: "unbound",
                    why: `set by each assignment of this policy`,
                    origin: use,
                };
            },
            variable: (name, use) => failed(`variables('${name}') in a policy rule`, use),
        };
        const bindings = new Map();
        for (const [key, p] of entries(child(deployment, "parameters"))) {
            const value = child(p, "value");
            const origin = {
                path: place.path,
                line: place.doc.line(p),
                setting: key,
                source: place.source,
            };
            if (value?.type === "string")
                bindings.set(key.toLowerCase(), armString(String(value.value), policyScope, origin));
        }
        const found = [];
        const prefix = "properties.policyRule.then.details.deployment.properties.template.";
        template(place, inner, prefix, templateScope(place, inner, bindings, "the policy", prefix, true), found, 0);
        out.push(...found.filter((f) => !("unresolved" in f)));
    });
}
function isBlueprintArtifact(root) {
    return (String(child(root, "kind")?.value ?? "").toLowerCase() === "template" &&
        Boolean(at(root, "properties", "template")));
}
/** A Blueprint template artifact: `properties.template` deployed with `properties.parameters`. */
function judgeBlueprintArtifact(place) {
    return guarded(place, (out) => {
        const properties = child(place.doc.root, "properties");
        const inner = child(properties, "template");
        if (!inner)
            return;
        const blueprint = {
            parameter: (name, use) => ({
                kind: "unbound",
                why: `blueprint parameter ${name}: set by the blueprint assignment`,
                origin: use,
            }),
            variable: (name, use) => failed(`variables('${name}') in a blueprint artifact`, use),
        };
        const bindings = inlineBindings(place, properties, "properties.parameters", blueprint);
        const prefix = "properties.template.";
        template(place, inner, prefix, templateScope(place, inner, bindings, "the blueprint artifact", prefix), out, 0);
    });
}

;// CONCATENATED MODULE: ./src/files/plan.ts


const APPLY_TIME = "known only at apply time";
/** True for `terraform show -json` output. */
function isPlan(root) {
    const version = child(root, "format_version")?.value;
    return (typeof version === "string" &&
        /^1\./.test(version) &&
        child(root, "resource_changes")?.type === "array");
}
/** `after_unknown` is `true` at the unknown key, or an ancestor of it. */
function isUnknown(unknown, keys) {
    let node = unknown;
    for (const key of keys) {
        if (node?.type === "boolean")
            return node.value === true;
        node = child(node, key);
    }
    return node?.type === "boolean" && node.value === true;
}
function read(path, doc, change, keys, out, legacyEmail) {
    const setting = `${change.address}.${keys.join(".")}`;
    const line = doc.line(change.after ?? doc.root);
    if (isUnknown(change.unknown, keys)) {
        out.push({
            path,
            line,
            setting,
            source: "terraform-plan",
            error: APPLY_TIME,
        });
        return;
    }
    let node = change.after;
    for (const key of keys)
        node = child(node, key);
    if (node?.type === "string") {
        out.push({
            path,
            line: doc.line(node),
            setting,
            source: "terraform-plan",
            value: node.value,
            ...(legacyEmail ? { legacyEmail } : {}),
        });
    }
    else {
        out.push({
            path,
            line,
            setting,
            source: "terraform-plan",
            error: node ? "not a string" : "missing",
        });
    }
}
/** azurerm policy assignments carry `parameters` as a JSON string. */
function assignmentParameters(path, doc, change, out) {
    const setting = `${change.address}.parameters.emailSecurityContact.value`;
    const line = doc.line(change.after ?? doc.root);
    const raw = child(change.after, "parameters");
    if (isUnknown(change.unknown, ["parameters"])) {
        // Unknown parameters matter only for the Defender assignment.
        const name = `${child(change.after, "name")?.value ?? ""} ${child(change.after, "policy_definition_id")?.value ?? ""}`;
        if (/mdfc|asc|securitycontact/i.test(name)) {
            out.push({
                path,
                line,
                setting,
                source: "terraform-plan",
                error: APPLY_TIME,
            });
        }
        return;
    }
    if (raw?.type !== "string")
        return;
    // Parsed, never searched as text: an escaped key (`\u0065mail\u2026`) is the same key.
    const errors = [];
    const tree = (0,main.parseTree)(raw.value, errors, { disallowComments: true });
    const at = {
        path,
        line: doc.line(raw),
        setting,
        source: "terraform-plan",
    };
    if (errors.length > 0 || tree?.type !== "object") {
        if (/emailSecurityContact/i.test(raw.value))
            out.push({ ...at, error: "parameters is not valid JSON" });
        return;
    }
    let values;
    try {
        const contact = entries(tree).find(([key]) => key.toLowerCase() === "emailsecuritycontact");
        if (!contact)
            return;
        values = entries(contact[1]).filter(([key]) => key === "value");
    }
    catch (error) {
        if (!(error instanceof DuplicateKeyError))
            throw error;
        // A key set twice: tools disagree on which value counts, so none is judged.
        if (/emailSecurityContact/i.test(raw.value))
            out.push({
                ...at,
                error: error.key.toLowerCase() === "emailsecuritycontact"
                    ? "emailSecurityContact is set twice in parameters"
                    : `${error.key} is set twice`,
            });
        return;
    }
    const [value] = values;
    if (values.length === 1 && value?.[1].type === "string")
        out.push({ ...at, value: String(value[1].value) });
    else
        out.push({
            ...at,
            error: values.length > 1 ? "value is set twice" : "not a string",
        });
}
function recognisePlan(path, doc) {
    const out = [];
    for (const entry of child(doc.root, "resource_changes")?.children ?? []) {
        const type = child(entry, "type")?.value;
        const change = {
            address: String(child(entry, "address")?.value ?? type),
            after: child(child(entry, "change"), "after"),
            unknown: child(child(entry, "change"), "after_unknown"),
        };
        // A deleted resource has `after: null`: nothing will be written.
        if (typeof type !== "string" || change.after?.type !== "object")
            continue;
        if (type === "azurerm_security_center_contact") {
            read(path, doc, change, ["email"], out);
        }
        else if (type === "azapi_resource") {
            const apiType = child(change.after, "type")?.value;
            if (typeof apiType !== "string" ||
                !/^Microsoft\.Security\/securityContacts@/i.test(apiType))
                continue;
            const properties = child(child(change.after, "body"), "properties");
            const key = entries(properties).some(([k]) => k === "emails") ||
                !child(properties, "email")
                ? "emails"
                : "email";
            // The 2017 schema's single `email`: Defender no longer reads it.
            read(path, doc, change, ["body", "properties", key], out, key === "email" || undefined);
        }
        else if (/^azurerm_.*policy_assignment$/.test(type)) {
            assignmentParameters(path, doc, change, out);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/files/json-documents.ts
/**
 * One JSON file as what it is: Terraform plan output, an ARM parameter file,
 * a policy definition, a blueprint artifact, a bare resource (ALZ library),
 * an ARM template (with each of its deployments), a portal form (values
 * typed in at deployment) or a document of another format read by the
 * contact's names. A duplicate key on the way to a setting is an error.
 */






/** An Azure portal form (createUiDefinition, uiFormDefinition): values typed in at deployment. */
function isPortalForm(root, schema) {
    return (/ui(form)?definition|createformui/.test(schema) ||
        String(child(root, "handler")?.value ?? "").includes("CreateUIDef") ||
        at(root, "view", "kind")?.value === "Form");
}
function json_documents_template(doc, place, deployments, hasFile) {
    const root = doc.root;
    const schema = String(child(root, "$schema")?.value ?? "").toLowerCase();
    if (!child(root, "resources") && !schema.includes("deploymenttemplate"))
        return isPortalForm(root, schema)
            ? []
            : namedAnywhere(jsonValue(place("json"), root, ""));
    // Bicep's build output beside its source is the same deployment: judged once, in the source.
    const generator = at(root, "metadata", "_generator", "name")?.value;
    const path = place("arm-template").path;
    if (generator === "bicep" && hasFile(path.replace(/\.json$/i, ".bicep")))
        return [];
    const found = [];
    for (const binding of deployments ?? [
        { by: "itself, with no parameter file", values: new Map() },
    ])
        found.push(...judgeArmTemplate(place("arm-template"), binding.values, binding.by));
    return found;
}
/**
 * caf-enterprise-scale's library (`lib/\u2026/*.tmpl.json`) is rendered by the
 * module with `templatefile()`, which overrides the contact with its own
 * setting (`settings.security_center.config.email_security_contact`, judged
 * where it is written): the library's literal is not what deploys. Never a
 * pass; an error stays an error.
 */
function rendered(finding) {
    if (!("value" in finding))
        return finding;
    const { path, line, setting, source } = finding;
    return {
        path,
        line,
        setting,
        source,
        unresolved: "decided by the Terraform module that renders this library template: its settings override the library's value",
    };
}
function judgeDocument(doc, place, deployments, hasFile) {
    const root = doc.root;
    if (root.type !== "object")
        return [];
    if (isPlan(root))
        return recognisePlan(place("terraform-plan").path, doc);
    if (isParameterFile(root)) {
        const p = place("arm-parameters");
        return recogniseArmParameters(p, parameterBindings(p));
    }
    if (isPolicyDefinition(root))
        return judgePolicyDefinition(place("policy-definition"));
    if (isBlueprintArtifact(root))
        return judgeBlueprintArtifact(place("blueprint"));
    if (child(root, "type") && !child(root, "resources")) {
        const found = judgeResourceDocument(place("arm-template"));
        return place("arm-template").path.toLowerCase().endsWith(".tmpl.json")
            ? found.map(rendered)
            : found;
    }
    return json_documents_template(doc, place, deployments, hasFile);
}
/** The findings of one JSON file; `deployments` are the parameter files that deploy it as a template. */
function judgeJson(path, doc, deployments, hasFile) {
    if (!doc)
        return [];
    const fail = (line, setting, error) => [{ path, line, setting, source: "arm-template", error }];
    if ("invalid" in doc)
        return fail(doc.line, "(file)", doc.invalid);
    try {
        return judgeDocument(doc, (source) => ({ path, doc, source }), deployments, hasFile);
    }
    catch (error) {
        if (!(error instanceof DuplicateKeyError))
            throw error;
        return fail(doc.line(error.node), error.key, error.message);
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/files/bicep-lex.ts
/**
 * A tokenizer for Bicep: identifiers, numbers, punctuation, line breaks,
 * comments skipped, and strings decoded (escapes, `'''` multi-line strings,
 * `${\u2026}` interpolation kept as source ranges the parser reads in turn).
 * No maintained JavaScript parser for Bicep exists; this reads the language's
 * lexical grammar, so a word inside a string or comment is never code.
 */
class BicepSyntaxError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
const ESCAPES = {
    n: "\n",
    r: "\r",
    t: "\t",
    "\\": "\\",
    "'": "'",
    $: "$",
};
/** Punctuation, longest first. */
const PUNCT = [
    "...",
    "==",
    "!=",
    "=~",
    "!~",
    "<=",
    ">=",
    "&&",
    "||",
    "??",
    "?.",
    "=>",
    "::",
    ".?",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    ",",
    ":",
    ".",
    "?",
    "=",
    "!",
    "<",
    ">",
    "+",
    "-",
    "*",
    "/",
    "%",
    "@",
    "|",
];
const isIdentStart = (c) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isDigit = (c) => c >= "0" && c <= "9";
/** Skips a `//` or `/* *\/` comment at `i`; returns the offset after it, or `i`. */
function skipComment(text, i) {
    if (text.startsWith("//", i)) {
        const end = text.indexOf("\n", i);
        return end < 0 ? text.length : end;
    }
    if (text.startsWith("/*", i)) {
        const end = text.indexOf("*/", i + 2);
        if (end < 0)
            throw new BicepSyntaxError("unterminated comment", i);
        return end + 2;
    }
    return i;
}
function readMultiline(text, start) {
    const close = text.indexOf("'''", start + 3);
    if (close < 0)
        throw new BicepSyntaxError("unterminated ''' string", start);
    let end = close + 3;
    // A multi-line string may end with more quotes than three: they belong to it.
    while (text[end] === "'")
        end++;
    let body = text.slice(start + 3, end - 3);
    // A line break right after the opening quotes is not part of the value.
    if (body.startsWith("\r\n"))
        body = body.slice(2);
    else if (body.startsWith("\n"))
        body = body.slice(1);
    return { type: "string", pieces: [body], holes: [], offset: start, end };
}
/** End of the `${\u2026}` hole starting at `open` (the `$`): the `}` that closes it. */
function holeEnd(text, open) {
    let depth = 1;
    for (let i = open + 1; i < text.length;) {
        const c = text[i] ?? "";
        if (c === "'") {
            i = readString(text, i).end;
            continue;
        }
        const after = skipComment(text, i);
        if (after !== i) {
            i = after;
            continue;
        }
        if (c === "{")
            depth++;
        else if (c === "}" && --depth === 0)
            return i;
        i++;
    }
    throw new BicepSyntaxError("unterminated ${ in a string", open);
}
function readString(text, start) {
    if (text.startsWith("'''", start))
        return readMultiline(text, start);
    const pieces = [];
    const holes = [];
    let piece = "";
    for (let i = start + 1; i < text.length; i++) {
        const c = text[i] ?? "";
        if (c === "'") {
            pieces.push(piece);
            return { type: "string", pieces, holes, offset: start, end: i + 1 };
        }
        if (c === "\n" || c === "\r")
            throw new BicepSyntaxError("line break in a string", start);
        if (c === "\\") {
            const next = text[i + 1] ?? "";
            if (next === "u" && text[i + 2] === "{") {
                const close = text.indexOf("}", i + 3);
                const code = Number.parseInt(text.slice(i + 3, close), 16);
                if (close < 0 || !Number.isFinite(code) || code > 0x10ffff)
                    throw new BicepSyntaxError("invalid \\u{\u2026} escape", i);
                piece += String.fromCodePoint(code);
                i = close;
                continue;
            }
            const decoded = ESCAPES[next];
            if (decoded === undefined)
                throw new BicepSyntaxError(`invalid escape \\${next}`, i);
            piece += decoded;
            i++;
        }
        else if (c === "$" && text[i + 1] === "{") {
            const end = holeEnd(text, i + 1);
            pieces.push(piece);
            piece = "";
            holes.push([i + 2, end]);
            i = end;
        }
        else {
            piece += c;
        }
    }
    throw new BicepSyntaxError("unterminated string", start);
}
/** The tokens of `text[from, to)`; comments dropped, line breaks kept. */
function tokenize(text, from = 0, to = text.length) {
    const tokens = [];
    let i = from;
    while (i < to) {
        const c = text[i] ?? "";
        if (c === " " || c === "\t" || c === "\r") {
            i++;
        }
        else if (c === "\n") {
            tokens.push({ type: "newline", text: "\n", offset: i });
            i++;
        }
        else if (c === "#") {
            // A pragma (`#disable-next-line \u2026`) runs to the end of its line.
            const end = text.indexOf("\n", i);
            i = end < 0 || end > to ? to : end;
        }
        else if (c === "'") {
            const token = readString(text, i);
            tokens.push(token);
            i = token.end;
        }
        else if (skipComment(text, i) !== i) {
            i = skipComment(text, i);
        }
        else if (isIdentStart(c)) {
            let end = i + 1;
            while (end < to &&
                (isIdentStart(text[end] ?? "") || isDigit(text[end] ?? "")))
                end++;
            tokens.push({ type: "ident", text: text.slice(i, end), offset: i });
            i = end;
        }
        else if (isDigit(c)) {
            let end = i + 1;
            while (end < to && (isDigit(text[end] ?? "") || text[end] === "."))
                end++;
            tokens.push({ type: "number", text: text.slice(i, end), offset: i });
            i = end;
        }
        else {
            const punct = PUNCT.find((p) => text.startsWith(p, i));
            if (!punct)
                throw new BicepSyntaxError(`unexpected character ${JSON.stringify(c)}`, i);
            tokens.push({ type: "punct", text: punct, offset: i });
            i += punct.length;
        }
    }
    return tokens;
}

;// CONCATENATED MODULE: ./src/files/bicep-tokens.ts
/** Reading Bicep tokens: look ahead, expect, skip a balanced statement. */

class TokenReader {
    text;
    tokens;
    pos = 0;
    constructor(text, tokens) {
        this.text = text;
        this.tokens = tokens;
    }
    peek(skipLines = false) {
        if (skipLines)
            this.skipNewlines();
        return this.tokens[this.pos];
    }
    skipNewlines() {
        while (this.tokens[this.pos]?.type === "newline")
            this.pos++;
    }
    next() {
        const token = this.tokens[this.pos++];
        if (!token)
            throw new BicepSyntaxError("unexpected end of file", this.text.length);
        return token;
    }
    is(text) {
        const token = this.tokens[this.pos];
        return (token !== undefined && token.type !== "string" && token.text === text);
    }
    expect(text) {
        const token = this.next();
        if (token.type === "string" || token.text !== text)
            throw new BicepSyntaxError(`expected ${text}`, token.offset);
        return token;
    }
    end() {
        const last = this.tokens[this.pos - 1];
        if (!last)
            return 0;
        return last.type === "string" ? last.end : last.offset + last.text.length;
    }
    /** Skips to `stop` (or a line break) at bracket depth 0, balancing brackets on the way. */
    skipTo(stop) {
        let depth = 0;
        for (let token = this.peek(); token; token = this.peek()) {
            if (depth === 0 &&
                (token.type === "newline" ||
                    (token.type !== "string" && token.text === stop)))
                return;
            if (token.type === "punct" && "([{".includes(token.text))
                depth++;
            if (token.type === "punct" && ")]}".includes(token.text))
                depth--;
            this.pos++;
        }
    }
    identifier() {
        const token = this.next();
        if (token.type !== "ident")
            throw new BicepSyntaxError("expected a name", token.offset);
        return token.text;
    }
    stringLiteral() {
        const token = this.next();
        if (token.type !== "string" || token.holes.length > 0)
            throw new BicepSyntaxError("expected a string literal", token.offset);
        return token.pieces[0] ?? "";
    }
    /** Throws unless every token was read (an interpolation hole holds one expression). */
    atEnd() {
        this.skipNewlines();
        const left = this.tokens[this.pos];
        if (left)
            throw new BicepSyntaxError("unexpected text after the expression", left.offset);
    }
}

;// CONCATENATED MODULE: ./src/files/bicep-blocks.ts


class BlockParser extends TokenReader {
    /** Child resources declared inside another resource's body. */
    nested = [];
    /** A resource or module body: an object, possibly under `if (\u2026)` or in a `[for \u2026: \u2026]` loop. */
    body() {
        this.skipNewlines();
        if (this.is("if")) {
            this.next();
            this.expect("(");
            this.list(")");
            return this.body();
        }
        if (this.is("[")) {
            const start = this.pos;
            this.next();
            this.skipNewlines();
            if (this.is("for")) {
                this.forHeader();
                const body = this.body();
                this.skipNewlines();
                this.expect("]");
                return body;
            }
            this.pos = start;
        }
        return this.expression();
    }
    /** `for x in expr:` or `for (x, i) in expr:`, up to and including the colon. */
    forHeader() {
        this.expect("for");
        if (this.is("(")) {
            this.next();
            this.list(")");
        }
        else
            this.identifier();
        this.expect("in");
        this.expression();
        this.skipNewlines();
        this.expect(":");
    }
    /** Comma- or line-separated expressions up to `close`. */
    list(close) {
        const items = [];
        for (;;) {
            this.skipNewlines();
            if (this.is(close)) {
                this.next();
                return items;
            }
            if (this.is("..."))
                this.next();
            items.push(this.expression());
            this.skipNewlines();
            if (this.is(","))
                this.next();
        }
    }
    /** The properties of an object literal, after its `{`. */
    object(offset) {
        const properties = [];
        for (;;) {
            const token = this.peek(true);
            if (!token)
                throw new BicepSyntaxError("unterminated object", offset);
            if (token.type !== "string" && token.text === "}") {
                this.next();
                return { type: "object", properties, offset, end: this.end() };
            }
            if (token.type === "punct" && token.text === "@") {
                this.next();
                this.postfix(); // a decorator on a property
                continue;
            }
            if (token.type === "punct" && token.text === "...") {
                this.next();
                properties.push({
                    key: undefined,
                    value: this.expression(),
                    offset: token.offset,
                });
            }
            else if (token.type === "ident" &&
                token.text === "resource" &&
                this.tokens[this.pos + 1]?.type === "ident") {
                const child = this.declaration();
                if (child)
                    this.nested.push(child);
            }
            else {
                this.next();
                let key;
                if (token.type === "ident")
                    key = token.text;
                else if (token.type === "string" && token.holes.length === 0)
                    key = token.pieces[0] ?? "";
                else if (token.type === "string") {
                    this.pos--;
                    key = this.primary();
                }
                else
                    throw new BicepSyntaxError("expected a property name", token.offset);
                this.expect(":");
                this.skipNewlines();
                properties.push({
                    key,
                    value: this.expression(),
                    offset: token.offset,
                });
            }
            if (this.is(","))
                this.next();
            else if (!this.is("}") && this.peek()?.type !== "newline")
                throw new BicepSyntaxError("expected a line break or , after a property", this.peek()?.offset ?? this.end());
        }
    }
}

;// CONCATENATED MODULE: ./src/files/bicep-expr.ts


/** Nested deeper than this is not landing-zone code. */
const bicep_expr_MAX_DEPTH = 100;
class ExpressionParser extends BlockParser {
    depth = 0;
    expression() {
        if (++this.depth > bicep_expr_MAX_DEPTH)
            throw new BicepSyntaxError("nested too deeply", this.end());
        try {
            return this.ternary();
        }
        finally {
            this.depth--;
        }
    }
    ternary() {
        const start = this.peek()?.offset ?? this.text.length;
        const condition = this.binary();
        // A ternary may continue on the next line: no statement starts with `?`.
        const mark = this.pos;
        this.skipNewlines();
        if (!this.is("?")) {
            this.pos = mark;
            return condition;
        }
        this.next();
        this.skipNewlines();
        this.expression();
        this.skipNewlines();
        this.expect(":");
        this.expression();
        return { type: "computed", offset: start, end: this.end() };
    }
    binary() {
        const start = this.peek()?.offset ?? this.text.length;
        const first = this.unary();
        const operators = [
            "==",
            "!=",
            "=~",
            "!~",
            "<",
            "<=",
            ">",
            ">=",
            "&&",
            "||",
            "??",
            "+",
            "-",
            "*",
            "/",
            "%",
        ];
        let computed = false;
        while (operators.some((op) => this.is(op))) {
            this.next();
            this.skipNewlines();
            this.unary();
            computed = true;
        }
        return computed
            ? { type: "computed", offset: start, end: this.end() }
            : first;
    }
    unary() {
        if (this.is("!") || this.is("-")) {
            const start = this.next().offset;
            this.unary();
            return { type: "computed", offset: start, end: this.end() };
        }
        return this.postfix();
    }
    postfix() {
        let expr = this.primary();
        for (;;) {
            if (this.is(".") || this.is(".?") || this.is("?.") || this.is("::")) {
                this.next();
                expr = {
                    type: "member",
                    object: expr,
                    name: this.identifier(),
                    offset: expr.offset,
                    end: this.end(),
                };
            }
            else if (this.is("[")) {
                this.next();
                if (this.is("?"))
                    this.next();
                const index = this.expression();
                this.skipNewlines();
                this.expect("]");
                expr = {
                    type: "index",
                    object: expr,
                    index,
                    offset: expr.offset,
                    end: this.end(),
                };
            }
            else if (this.is("(")) {
                this.next();
                const args = this.list(")");
                expr = {
                    type: "call",
                    callee: expr,
                    args,
                    offset: expr.offset,
                    end: this.end(),
                };
            }
            else if (this.is("!") && !this.is("!=")) {
                this.next(); // non-null assertion
            }
            else {
                return expr;
            }
        }
    }
    primary() {
        const token = this.next();
        const offset = token.offset;
        if (token.type === "string") {
            const holes = token.holes.map(([from, to]) => parseExpression(this.text, from, to));
            return {
                type: "string",
                pieces: token.pieces,
                holes,
                offset,
                end: token.end,
            };
        }
        if (token.type === "number")
            return { type: "literal", offset, end: this.end() };
        if (token.type === "ident") {
            if (["true", "false", "null"].includes(token.text))
                return { type: "literal", offset, end: this.end() };
            if (this.is("=>"))
                return this.lambdaBody(offset);
            if (token.text === "if" && this.is("(")) {
                this.next();
                this.list(")");
                this.skipNewlines();
                this.expression();
                return { type: "computed", offset, end: this.end() };
            }
            return { type: "name", name: token.text, offset, end: this.end() };
        }
        if (token.text === "(") {
            const inner = this.list(")");
            if (this.is("=>"))
                return this.lambdaBody(offset);
            if (inner.length !== 1 || !inner[0])
                throw new BicepSyntaxError("expected one expression in ( )", offset);
            return inner[0];
        }
        if (token.text === "{")
            return this.object(offset);
        if (token.text === "[") {
            this.skipNewlines();
            if (this.is("for")) {
                this.forHeader();
                this.body();
                this.skipNewlines();
                this.expect("]");
                return { type: "computed", offset, end: this.end() };
            }
            return { type: "array", items: this.list("]"), offset, end: this.end() };
        }
        throw new BicepSyntaxError(`unexpected ${token.text}`, offset);
    }
    lambdaBody(offset) {
        this.expect("=>");
        this.skipNewlines();
        this.expression();
        return { type: "computed", offset, end: this.end() };
    }
}
/** Holes of an interpolated string hold expressions only. */
class HoleParser extends ExpressionParser {
    declaration() {
        throw new BicepSyntaxError("a declaration inside ${\u2026}", this.tokens[this.pos]?.offset ?? 0);
    }
}
/** An expression in `text[from, to)` (an interpolation hole). */
function parseExpression(text, from, to) {
    const parser = new HoleParser(text, tokenize(text, from, to));
    const expr = parser.expression();
    parser.atEnd();
    return expr;
}

;// CONCATENATED MODULE: ./src/files/bicep-parse.ts


class Parser extends ExpressionParser {
    declarations() {
        const out = [];
        for (;;) {
            const token = this.peek(true);
            if (!token)
                return [...out, ...this.nested];
            const declaration = this.declaration();
            if (declaration)
                out.push(declaration);
        }
    }
    /** One statement; undefined for those the scan does not need (skipped). */
    declaration() {
        const token = this.next();
        const word = token.type === "ident" ? token.text : "";
        if (token.type === "punct" && token.text === "@") {
            this.postfix(); // a decorator: its expression is not a value
            return undefined;
        }
        if (word === "param" || word === "var" || word === "output") {
            const name = this.identifier();
            this.skipTo("=");
            const value = this.is("=") ? (this.next(), this.expression()) : undefined;
            return { kind: word, name, value, offset: token.offset };
        }
        if (word === "resource" || word === "module") {
            const name = this.identifier();
            const target = this.stringLiteral();
            const existing = this.is("existing") ? (this.next(), true) : false;
            this.expect("=");
            const body = this.body();
            return word === "resource"
                ? {
                    kind: "resource",
                    name,
                    resourceType: target,
                    existing,
                    body,
                    offset: token.offset,
                }
                : { kind: "module", name, target, body, offset: token.offset };
        }
        if (word === "using") {
            const target = this.peek()?.type === "string" ? this.stringLiteral() : "";
            this.skipTo("\n");
            return { kind: "using", target, offset: token.offset };
        }
        this.pos--;
        this.skipTo("\n");
        return undefined;
    }
}
function parseBicep(text) {
    return new Parser(text, tokenize(text)).declarations();
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/files/workspace.ts
/**
 * The only way the file scan touches the disk. Every file and directory it
 * reads, neighbours read to resolve a value included, must be itself inside
 * the workspace: its real path (links resolved) is the path the scan asked
 * for. A path that goes through a symbolic link, or leaves the workspace
 * with `..`, is not read and is recorded for a notice.
 */


async function openWorkspace(root) {
    return { root: await (0,promises_.realpath)(root), skipped: new Set(), dirs: new Map() };
}
/** A repository-relative path normalised; undefined when it climbs out with `..`. */
function normalise(path) {
    const clean = external_node_path_.posix.normalize(path.replaceAll("\\", "/"));
    if (clean === ".." || clean.startsWith("../") || external_node_path_.posix.isAbsolute(clean))
        return undefined;
    return clean === "." ? "" : clean.replace(/\/$/, "");
}
/** True when `path` (repository-relative) is reached without any link and stays inside. */
async function isContained(ws, path) {
    const clean = normalise(path);
    if (clean === undefined) {
        ws.skipped.add(path);
        return false;
    }
    const full = clean === "" ? ws.root : (0,external_node_path_.join)(ws.root, clean);
    let real;
    try {
        real = await (0,promises_.realpath)(full);
    }
    catch {
        return false; // missing: nothing to read, nothing to report
    }
    if (real === full && (real === ws.root || real.startsWith(ws.root + external_node_path_.sep)))
        return true;
    ws.skipped.add(clean);
    return false;
}
/** A directory's check, once per directory. */
function dirContained(ws, dir) {
    let known = ws.dirs?.get(dir);
    if (!known) {
        known = isContained(ws, dir);
        ws.dirs?.set(dir, known);
    }
    return known;
}
/**
 * Reads a regular file inside the workspace, up to `maxBytes`: its directory
 * is reached without a link (checked once per directory) and it is not a
 * link itself.
 */
async function readInside(ws, path, maxBytes) {
    const clean = normalise(path);
    if (clean === undefined || clean === "") {
        ws.skipped.add(path);
        return undefined;
    }
    if (!(await dirContained(ws, external_node_path_.posix.dirname(clean).replace(/^\.$/, ""))))
        return undefined;
    const full = (0,external_node_path_.join)(ws.root, clean);
    let info;
    try {
        info = await (0,promises_.lstat)(full);
    }
    catch {
        return undefined; // missing: nothing to read, nothing to report
    }
    if (info.isSymbolicLink()) {
        ws.skipped.add(clean);
        return undefined;
    }
    if (!info.isFile())
        return undefined;
    if (info.size > maxBytes)
        return { tooLarge: info.size };
    return { text: await (0,promises_.readFile)(full, "utf8") };
}
/** The names in a workspace directory; [] when it is outside, a link or missing. */
async function listInside(ws, dir) {
    if (!(await isContained(ws, dir)))
        return [];
    return (await (0,promises_.readdir)((0,external_node_path_.join)(ws.root, normalise(dir) ?? ""))).sort();
}

;// CONCATENATED MODULE: ./src/files/project.ts
/**
 * The ARM and Bicep files of one scan, parsed once, and the neighbours a
 * deployment reaches (modules, `loadJsonContent` files, `using` templates,
 * the template a parameter file belongs to), read through the workspace so
 * nothing outside it is ever opened.
 */







/** Neighbours above this are not read (as for the files themselves). */
const MAX_BYTES = 4 * 1024 * 1024;
/** Neighbours read per scan at most: a bound on what one pull request can make the scan open. */
const MAX_NEIGHBOURS = 2000;
class Project {
    ws;
    texts = new Map();
    bicepCache = new Map();
    jsonCache = new Map();
    neighbours = 0;
    constructor(ws) {
        this.ws = ws;
    }
    /** Reads a neighbour into the project; false when it is missing, outside or too large. */
    async load(path) {
        if (this.texts.has(path))
            return true;
        if (this.neighbours >= MAX_NEIGHBOURS)
            return false;
        const read = await readInside(this.ws, path, MAX_BYTES);
        if (!read || !("text" in read))
            return false;
        this.neighbours++;
        this.texts.set(path, read.text);
        return true;
    }
    bicep(path) {
        const text = this.texts.get(path);
        if (text === undefined)
            return undefined;
        let unit = this.bicepCache.get(path);
        if (!unit) {
            const starts = lineStarts(text);
            const line = (offset) => lineAt(starts, offset);
            try {
                const declarations = parseBicep(text);
                unit = {
                    path,
                    text,
                    declarations,
                    line,
                    source: path.endsWith(".bicepparam") ? "bicepparam" : "bicep",
                };
            }
            catch (error) {
                if (!(error instanceof BicepSyntaxError || error instanceof RangeError))
                    throw error;
                const message = error instanceof BicepSyntaxError
                    ? error.message
                    : "nested too deeply";
                unit = {
                    invalid: `invalid Bicep: ${message}`,
                    line: error instanceof BicepSyntaxError ? line(error.offset) : 1,
                };
            }
            this.bicepCache.set(path, unit);
        }
        return unit;
    }
    json(path) {
        const text = this.texts.get(path);
        if (text === undefined)
            return undefined;
        let doc = this.jsonCache.get(path);
        if (!doc) {
            try {
                doc = parseJsonDocument(text);
            }
            catch (error) {
                doc = {
                    invalid: error instanceof RangeError
                        ? "nested too deeply to parse"
                        : String(error.message),
                    line: 1,
                };
            }
            this.jsonCache.set(path, doc);
        }
        return doc;
    }
    /**
     * Reads what the Bicep files reach (modules, loaded JSON, `using`
     * templates), transitively; returns the JSON files loaded by
     * `loadJsonContent` (a library, never a deployment on its own).
     */
    async reachBicep() {
        const loaded = new Set();
        // Only these words start a reference; keywords and function names cannot be escaped.
        const queue = [...this.texts].flatMap(([p, text]) => (p.endsWith(".bicep") || p.endsWith(".bicepparam")) &&
            (text.includes("module") ||
                text.includes("using") ||
                text.includes("loadJsonContent"))
            ? [p]
            : []);
        const seen = new Set(queue);
        // Breadth first, each level's neighbours read at once.
        for (let level = queue; level.length > 0;) {
            const next = [];
            for (const path of level) {
                const unit = this.bicep(path);
                if (!unit || "invalid" in unit)
                    continue;
                for (const { target, json } of references(unit.declarations)) {
                    const resolved = resolveFrom(path, target);
                    if (resolved === undefined && isLocalPath(target))
                        this.ws.skipped.add(external_node_path_.posix.join(external_node_path_.posix.dirname(path), target));
                    if (resolved && json)
                        loaded.add(resolved);
                    if (!resolved || seen.has(resolved))
                        continue;
                    seen.add(resolved);
                    next.push({ path: resolved, json });
                }
            }
            const read = await Promise.all(next.map(({ path }) => this.load(path)));
            level = next.filter((n, i) => read[i] && !n.json).map((n) => n.path);
        }
        return loaded;
    }
    /** The template a parameter file belongs to by name (`x.parameters*.json` beside `x.bicep`/`x.json`, or in `parameters/`). */
    async templateOf(paramPath) {
        const dir = external_node_path_.posix.dirname(paramPath);
        const dirs = [
            dir,
            ...(/^param/i.test(external_node_path_.posix.basename(dir)) ? [external_node_path_.posix.dirname(dir)] : []),
        ];
        const parts = external_node_path_.posix.basename(paramPath).split(".");
        for (let k = parts.length - 2; k >= 1; k--) {
            const prefix = parts.slice(0, k).join(".");
            for (const d of dirs) {
                for (const name of [`${prefix}.bicep`, `${prefix}.json`]) {
                    const candidate = d === "." ? name : `${d}/${name}`;
                    if (candidate !== paramPath && (await this.load(candidate)))
                        return candidate;
                }
            }
        }
        return undefined;
    }
}
/** A local path (not a registry module or URL) that climbs out of the workspace. */
function isLocalPath(target) {
    return !isExternalModule(target) && !target.includes("://");
}
/** A repository path for `target` written in the file at `from`; undefined outside the workspace. */
function resolveFrom(from, target) {
    if (isExternalModule(target) || target.includes("://"))
        return undefined;
    return normalise(external_node_path_.posix.join(external_node_path_.posix.dirname(from), target)) || undefined;
}
/** Literal module targets, `using` targets and `loadJsonContent` paths. */
function references(declarations) {
    const out = [];
    const visit = (expr, depth) => {
        if (!expr || depth > 100)
            return;
        switch (expr.type) {
            case "call": {
                const [first] = expr.args;
                const callee = expr.callee;
                const name = callee.type === "name" || callee.type === "member"
                    ? callee.name.toLowerCase()
                    : "";
                if (name === "loadjsoncontent" &&
                    first?.type === "string" &&
                    first.holes.length === 0)
                    out.push({ target: first.pieces[0] ?? "", json: true });
                expr.args.forEach((a) => visit(a, depth + 1));
                visit(callee, depth + 1);
                return;
            }
            case "object":
                expr.properties.forEach((p) => visit(p.value, depth + 1));
                return;
            case "array":
                expr.items.forEach((i) => visit(i, depth + 1));
                return;
            case "member":
                return visit(expr.object, depth + 1);
            case "index":
                visit(expr.object, depth + 1);
                return visit(expr.index, depth + 1);
            case "string":
                expr.holes.forEach((h) => visit(h, depth + 1));
                return;
            default:
                return;
        }
    };
    for (const d of declarations) {
        if (d.kind === "module" || d.kind === "using") {
            if (d.target)
                out.push({ target: d.target, json: false });
        }
        if (d.kind === "module" || d.kind === "resource")
            visit(d.body, 0);
        else if (d.kind !== "using")
            visit(d.value, 0);
    }
    return out;
}
/** May this file, or a module it calls, set the contact? (Cheap text test, transitively.) */
function relevance(project) {
    const memo = new Map();
    const relevant = (path) => {
        const known = memo.get(path);
        if (known !== undefined)
            return known;
        memo.set(path, false); // a cycle adds nothing
        const text = project.texts.get(path) ?? "";
        let result = mayHoldSetting(text) || text.toLowerCase().includes("policyassignments");
        const unit = path.endsWith(".bicep") && text.includes("module")
            ? project.bicep(path)
            : undefined;
        if (!result && unit && !("invalid" in unit)) {
            result = unit.declarations.some((d) => {
                if (d.kind !== "module")
                    return false;
                const target = resolveFrom(path, d.target);
                return target !== undefined && relevant(target);
            });
        }
        memo.set(path, result);
        return result;
    };
    return relevant;
}

;// CONCATENATED MODULE: ./src/files/pairing.ts
/**
 * Who deploys each template: the parameter files that belong to it by name
 * (`x.parameters*.json` beside `x.bicep`/`x.json` or in `parameters/`) and
 * the `.bicepparam` files whose `using` names it. Each one is a deployment.
 */







/** A `.bicepparam`'s values, evaluated in its own scope. */
function bicepparamValues(unit, reach) {
    const evaluation = new BicepEvaluation(unit, new Map(), unit.path, reach);
    const values = new Map();
    for (const d of unit.declarations) {
        if (d.kind === "param" && d.value) {
            const origin = {
                path: unit.path,
                line: unit.line(d.offset),
                setting: `param ${d.name}`,
                source: unit.source,
            };
            values.set(d.name.toLowerCase(), evaluation.param(d.name, origin));
        }
    }
    return values;
}
/** The template a deployment file deploys, with its values; undefined for other files. */
async function deploymentOf(project, path, reach) {
    if (path.endsWith(".bicepparam")) {
        const unit = project.bicep(path);
        if (!unit || "invalid" in unit)
            return undefined;
        const using = unit.declarations.find((d) => d.kind === "using");
        const target = using?.kind === "using" ? resolveFrom(path, using.target) : undefined;
        if (!target || !(await project.load(target)))
            return undefined;
        return [target, { by: path, values: bicepparamValues(unit, reach) }];
    }
    if (!/\.jsonc?$/i.test(path))
        return undefined;
    // Parameter files say so in their name, their folder or their $schema (cheap tests before parsing).
    const named = /param/i.test(external_node_path_.posix.basename(path));
    const inFolder = /^param/i.test(external_node_path_.posix.basename(external_node_path_.posix.dirname(path)));
    const text = project.texts.get(path) ?? "";
    if (!named && !inFolder && !text.includes("deploymentParameters"))
        return undefined;
    const doc = project.json(path);
    if (!doc || "invalid" in doc || doc.root.type !== "object")
        return undefined;
    let values;
    try {
        if (!isParameterFile(doc.root))
            return undefined;
        const place = { path, doc, source: "arm-parameters" };
        values = parameterBindings(place);
    }
    catch (error) {
        if (error instanceof DuplicateKeyError)
            return undefined; // reported when the file is judged
        throw error;
    }
    const template = (await project.templateOf(path)) ??
        (await soleTemplate(project, path, [...values.keys()]));
    return template ? [template, { by: path, values }] : undefined;
}
/** A template's parameter names, lower-cased; undefined for other files. */
function declaredParameters(project, path) {
    if (path.endsWith(".bicep")) {
        const unit = project.bicep(path);
        if (!unit || "invalid" in unit)
            return undefined;
        return new Set(unit.declarations.flatMap((d) => d.kind === "param" ? [d.name.toLowerCase()] : []));
    }
    const doc = project.json(path);
    if (!doc || "invalid" in doc || !child(doc.root, "resources"))
        return undefined;
    return new Set(entries(child(doc.root, "parameters")).map(([n]) => n.toLowerCase()));
}
/** Templates looked at per folder when a parameter file names none. */
const MAX_CANDIDATES = 50;
/**
 * No template by name: the only one in the parameter file's folder (or the
 * folder above a `parameters/`) that declares every parameter the file sets,
 * as a deployment of that file would need.
 */
async function soleTemplate(project, paramPath, names) {
    if (names.length === 0)
        return undefined;
    const dir = external_node_path_.posix.dirname(paramPath);
    const dirs = [
        dir,
        ...(/^param/i.test(external_node_path_.posix.basename(dir)) ? [external_node_path_.posix.dirname(dir)] : []),
    ];
    const found = [];
    for (const d of dirs) {
        const listed = await listInside(project.ws, d === "." ? "" : d);
        const candidates = listed
            .filter((n) => /\.(bicep|json)$/i.test(n))
            .map((n) => (d === "." ? n : `${d}/${n}`))
            .filter((c) => c !== paramPath)
            .slice(0, MAX_CANDIDATES);
        for (const candidate of candidates) {
            if (!(await project.load(candidate)))
                continue;
            const declared = declaredParameters(project, candidate);
            if (declared && names.every((n) => declared.has(n)))
                found.push(candidate);
        }
    }
    return found.length === 1 ? found[0] : undefined;
}
/** Template path \u2192 its deployments, in the order of `matched`. */
async function deploymentsByTemplate(project, matched, reach) {
    const pairs = await (0,p_map/* default */.Ay)(matched, (path) => deploymentOf(project, path, reach), { concurrency: 16 });
    const out = new Map();
    for (const pair of pairs) {
        if (pair)
            out.set(pair[0], [...(out.get(pair[0]) ?? []), pair[1]]);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/files/deployments.ts
/**
 * Judges the ARM and Bicep code of a scan the way it is deployed: each
 * template with each parameter file or `.bicepparam` that belongs to it (or
 * alone, with its defaults, when none does), each local module with what its
 * caller passes, policy definitions, blueprint artifacts and library files
 * judged only where they are deployed. Parameter files are also read on
 * their own for the names landing-zone code gives the address.
 */









/** Modules calling modules deeper than this are not followed (an error finding). */
const MAX_MODULE_DEPTH = 16;
/** Module deployments judged per scan: calls fanning out at every level cannot multiply past it. */
const MAX_MODULE_DEPLOYMENTS = 5000;
const isBicep = (p) => p.endsWith(".bicep");
const isJson = (p) => /\.jsonc?$/i.test(p);
function fileError(path, parsed, source) {
    return {
        path,
        line: parsed.line,
        setting: "(file)",
        source,
        error: parsed.invalid,
    };
}
async function judgeDeployments(project, matched, deadline) {
    const out = [];
    const loaded = await project.reachBicep();
    const relevant = relevance(project);
    const jsonValues = new Map();
    const place = (path, doc, source) => ({ path, doc, source });
    let moduleDeployments = 0;
    const reach = {
        loadJson(from, target, origin) {
            const path = resolveFrom(from, target);
            const doc = path ? project.json(path) : undefined;
            if (!path || !doc)
                return failed(`loadJsonContent('${target}') is not a file in the workspace`, origin);
            if ("invalid" in doc)
                return failed(`${path}: ${doc.invalid}`, origin);
            let value = jsonValues.get(path);
            if (!value) {
                value = jsonValue(place(path, doc, "arm-template"), doc.root, "");
                jsonValues.set(path, value);
            }
            return value;
        },
        relevant(from, target) {
            const path = resolveFrom(from, target);
            return !path || !project.texts.has(path) || relevant(path);
        },
        deploy(from, target, bindings, call, depth) {
            const path = resolveFrom(from, target);
            if (!path)
                return false;
            const by = `module ${call.setting.replace(/^module /, "")} in ${from}`;
            if (++moduleDeployments > MAX_MODULE_DEPLOYMENTS) {
                out.push(judge(failed(`more than ${MAX_MODULE_DEPLOYMENTS} module deployments: not followed`, call), call));
                return true;
            }
            if (depth > MAX_MODULE_DEPTH) {
                out.push(judge(failed(`modules nested deeper than ${MAX_MODULE_DEPTH}`, call), call));
                return true;
            }
            return deployTemplate(path, { by, values: bindings }, depth);
        },
    };
    /** One deployment of a template file; false when the file is not in the project. */
    function deployTemplate(path, binding, depth) {
        if (isBicep(path)) {
            const unit = project.bicep(path);
            if (!unit)
                return false;
            if ("invalid" in unit)
                out.push(fileError(path, unit, "bicep"));
            else
                new BicepDeployment(unit, binding.values, binding.by, reach, depth).judgeAll(out);
            return true;
        }
        const doc = project.json(path);
        if (!doc)
            return false;
        if ("invalid" in doc)
            out.push(fileError(path, doc, "arm-template"));
        else
            out.push(...judgeArmTemplate(place(path, doc, "arm-template"), binding.values, binding.by));
        return true;
    }
    // Who deploys each template: parameter files and .bicepparam files by name or `using`.
    const bindings = await deploymentsByTemplate(project, matched, reach);
    const moduleTargets = new Set();
    for (const [path, text] of project.texts) {
        if (!isBicep(path) || !text.includes("module"))
            continue;
        const unit = project.bicep(path);
        if (!unit || "invalid" in unit)
            continue;
        for (const d of unit.declarations) {
            const target = d.kind === "module" ? resolveFrom(path, d.target) : undefined;
            if (target)
                moduleTargets.add(target);
        }
    }
    for (const path of matched) {
        if (Date.now() > deadline) {
            out.push({
                path,
                line: 1,
                setting: "(file)",
                source: "arm-template",
                error: "not judged: the scan's time budget was spent",
            });
            break;
        }
        const text = project.texts.get(path) ?? "";
        const hint = mayHoldSetting(text);
        if (isBicep(path)) {
            if (!relevant(path) || (moduleTargets.has(path) && !bindings.has(path)))
                continue;
            const parsed = project.bicep(path);
            if (parsed && "invalid" in parsed) {
                if (hint)
                    out.push(fileError(path, parsed, "bicep"));
                continue;
            }
            for (const binding of bindings.get(path) ?? [
                {
                    by: "itself, with no parameter file or .bicepparam",
                    values: new Map(),
                },
            ])
                deployTemplate(path, binding, 0);
        }
        else if (path.endsWith(".bicepparam")) {
            if (!hint)
                continue;
            const unit = project.bicep(path);
            if (!unit)
                continue;
            if ("invalid" in unit)
                out.push(fileError(path, unit, "bicepparam"));
            else
                for (const [name, value] of bicepparamValues(unit, reach))
                    out.push(...namedFindings(name, value));
        }
        else if (isJson(path) && hint && !loaded.has(path)) {
            out.push(...judgeJson(path, project.json(path), bindings.get(path), (source) => project.texts.has(source)));
        }
    }
    return dedupe(out);
}
/** One finding per deciding place and outcome: deployments that share a value report it once. */
function dedupe(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const outcome = "value" in f
            ? `v${f.value}${f.legacyEmail ? "!" : ""}`
            : "error" in f
                ? `e${f.error}`
                : `u${f.unresolved}`;
        const key = `${f.path}\0${f.line}\0${f.setting}\0${outcome}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/files/hcl.ts
/**
 * HashiCorp's HCL parser: hcl2json compiled to WebAssembly, from the npm
 * package @cdktn/hcl2json (no binary download, works offline). The package's
 * own loader finds its .wasm through `__dirname`, which the ESM bundle does
 * not have, so this module instantiates the same WebAssembly with the same
 * Go glue itself: from `hcl2json.wasm.gz` beside the bundle (the build copies
 * it there), else from the installed package (tests, scripts).
 *
 * Loaded on first use only: a run without `.tf` files never pays for it.
 */






/** File name of the WebAssembly beside the bundle. */
const HCL_WASM_FILE = "hcl2json.wasm.gz";
function wasmPath() {
    const beside = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), HCL_WASM_FILE);
    if ((0,external_node_fs_.existsSync)(beside))
        return beside;
    const manifest = (0,external_node_module_.createRequire)(import.meta.url).resolve("@cdktn/hcl2json/package.json");
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(manifest), "main.wasm.gz");
}
async function load() {
    // The Go runtime glue: defines globalThis.Go.
    await __webpack_require__.e(/* import() */ 93).then(__webpack_require__.t.bind(__webpack_require__, 4093, 23));
    const bytes = (0,external_node_zlib_.gunzipSync)(await (0,promises_.readFile)(wasmPath()));
    const exported = {};
    // The Go program registers its functions on this global when it starts.
    Object.assign(globalThis, { __parse_terraform_config_wasm__: exported });
    const Go = globalThis.Go;
    const go = new Go();
    const { instance } = await wasm.instantiate(bytes, go.importObject);
    void go.run(instance);
    const parse = exported.parse;
    if (typeof parse !== "function")
        throw new Error("the HCL parser did not start");
    return (filename, contents) => new Promise((resolve, reject) => {
        const done = (error, json) => error
            ? reject(new Error(error))
            : resolve(JSON.parse(json));
        parse(filename, contents, done);
    });
}
const wasm = globalThis.WebAssembly;
let parser;
/** Parses one `.tf` / `.tfvars` file; rejects with the parser's message on a syntax error. */
async function parseHcl(filename, contents) {
    parser ??= load();
    return (await parser)(filename, contents);
}

;// CONCATENATED MODULE: ./src/files/terraform/lexer-text.ts
class HclSyntaxError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
const SIMPLE_ESCAPES = {
    n: "\n",
    r: "\r",
    t: "\t",
    '"': '"',
    "\\": "\\",
};
/** The escape at `i` (a backslash) decoded, and the offset after it. */
function decodeEscape(s, i) {
    const c = s[i + 1];
    const simple = c === undefined ? undefined : SIMPLE_ESCAPES[c];
    if (simple !== undefined)
        return [simple, i + 2];
    const width = c === "u" ? 4 : c === "U" ? 8 : 0;
    const hex = s.slice(i + 2, i + 2 + width);
    const code = Number.parseInt(hex, 16);
    if (width === 0 ||
        hex.length !== width ||
        !/^[0-9a-fA-F]+$/.test(hex) ||
        code > 0x10ffff)
        throw new HclSyntaxError("invalid escape sequence", i);
    return [String.fromCodePoint(code), i + 2 + width];
}
function dedent(lines) {
    const indent = Math.min(...lines
        .filter((l) => l.trim() !== "")
        .map((l) => l.length - l.trimStart().length));
    const cut = Number.isFinite(indent) ? indent : 0;
    return lines.map((l) => `${l.slice(cut)}\n`).join("");
}
/** Offsets inside a heredoc body or a JSON string are approximate: close enough for a line. */
function shift(part, by) {
    if ("text" in part)
        return part;
    if ("directive" in part)
        return { directive: true, at: part.at + by };
    return {
        tokens: part.tokens.map((t) => ({ ...t, at: t.at + by, end: t.end + by })),
        at: part.at + by,
        end: part.end + by,
    };
}

;// CONCATENATED MODULE: ./src/files/terraform/lexer.ts
/**
 * A tokenizer for HCL's native syntax (`.tf`, `.tfvars`), written from the
 * HCL spec: comments, newlines, identifiers, numbers, operators, quoted
 * templates (escapes, `$${` / `%%{`, nested `${\u2026}`) and heredocs. It gives
 * every token its offset, which HashiCorp's parser (hcl.ts) does not.
 * One pass over the text: linear time whatever the input.
 */


const PUNCT2 = new Set(["==", "!=", "<=", ">=", "&&", "||", "=>"]);
const PUNCT1 = new Set("{}[]()=,.?:!+-*/%<>~");
const SPECIAL_IN_QUOTES = new Set(['"', "\\", "$", "%", "\n"]);
const lexer_isDigit = (c) => c >= "0" && c <= "9";
// HCL's identifiers are Unicode ID_Start / ID_Continue (plus `-`); anything
// else outside ASCII (zero-width spaces, no-break spaces) is refused, as HCL does.
const ID_START = /^[\p{ID_Start}_]$/u;
const ID_CONTINUE = /^[\p{ID_Continue}-]$/u;
const isIdStart = (c) => ID_START.test(c);
const isIdPart = (c) => ID_CONTINUE.test(c);
class Lexer {
    s;
    i = 0;
    constructor(s) {
        this.s = s;
    }
    /** Tokens until the end, or until the `}` closing an interpolation (depth 0). */
    tokens(inInterpolation) {
        const out = [];
        let depth = 0;
        const s = this.s;
        while (this.i < s.length) {
            const c = s[this.i] ?? "";
            const at = this.i;
            // A byte-order mark opens some files: HCL skips it.
            if (c === " " ||
                c === "\t" ||
                c === "\r" ||
                (at === 0 && c === "\uFEFF")) {
                this.i++;
            }
            else if (c === "\n") {
                this.i++;
                out.push({ t: "nl", at, end: this.i });
            }
            else if (c === "#" || (c === "/" && s[at + 1] === "/")) {
                const nl = s.indexOf("\n", at);
                this.i = nl < 0 ? s.length : nl;
            }
            else if (c === "/" && s[at + 1] === "*") {
                const close = s.indexOf("*/", at + 2);
                if (close < 0)
                    throw new HclSyntaxError("unterminated comment", at);
                // A comment spanning lines still ends the line it started on.
                if (s.slice(at, close).includes("\n"))
                    out.push({ t: "nl", at, end: at });
                this.i = close + 2;
            }
            else if (c === '"') {
                this.i++;
                out.push(this.quoted(at));
            }
            else if (c === "<" && s[at + 1] === "<" && this.heredocAhead()) {
                out.push(this.heredoc(at));
            }
            else if (lexer_isDigit(c)) {
                this.i = this.number(at);
                out.push({ t: "number", v: s.slice(at, this.i), at, end: this.i });
            }
            else if (isIdStart(c)) {
                let j = at + 1;
                while (j < s.length && isIdPart(s[j] ?? ""))
                    j++;
                this.i = j;
                out.push({ t: "ident", v: s.slice(at, j), at, end: j });
            }
            else {
                const two = s.slice(at, at + 2);
                const v = s.startsWith("...", at)
                    ? "..."
                    : PUNCT2.has(two)
                        ? two
                        : PUNCT1.has(c)
                            ? c
                            : undefined;
                if (v === undefined)
                    throw new HclSyntaxError(`unexpected character ${JSON.stringify(c)}`, at);
                if (inInterpolation && v === "}" && depth === 0)
                    return out;
                if (v === "{")
                    depth++;
                if (v === "}")
                    depth--;
                this.i += v.length;
                out.push({ t: "punct", v, at, end: this.i });
            }
        }
        if (inInterpolation)
            throw new HclSyntaxError("unterminated ${", this.i);
        out.push({ t: "eof", at: s.length, end: s.length });
        return out;
    }
    number(at) {
        const s = this.s;
        let j = at;
        while (lexer_isDigit(s[j] ?? ""))
            j++;
        if (s[j] === "." && lexer_isDigit(s[j + 1] ?? "")) {
            j++;
            while (lexer_isDigit(s[j] ?? ""))
                j++;
        }
        if (s[j] === "e" || s[j] === "E") {
            let k = j + 1;
            if (s[k] === "+" || s[k] === "-")
                k++;
            if (lexer_isDigit(s[k] ?? "")) {
                j = k;
                while (lexer_isDigit(s[j] ?? ""))
                    j++;
            }
        }
        return j;
    }
    /** `${` or `%{` at the cursor: the interpolation's tokens (or a directive marker). */
    interpolation(parts) {
        const at = this.i;
        const directive = this.s[at] === "%";
        this.i += 2;
        if (this.s[this.i] === "~")
            this.i++;
        const tokens = this.tokens(true);
        this.i++; // the closing }
        const last = tokens[tokens.length - 1];
        if (last?.t === "punct" && last.v === "~")
            tokens.pop();
        parts.push(directive ? { directive: true, at } : { tokens, at, end: this.i });
    }
    /**
     * At `$${` or `%%{` (a literal `${` / `%{`) or at `${` / `%{` (an
     * interpolation or a directive, pushed to `parts`): consumes it and
     * returns the text that now precedes the next part; elsewhere undefined.
     */
    templateMarker(parts, text) {
        const s = this.s;
        const c = s[this.i];
        if (c !== "$" && c !== "%")
            return undefined;
        if (s[this.i + 1] === c && s[this.i + 2] === "{") {
            this.i += 3;
            return `${text}${c}{`;
        }
        if (s[this.i + 1] !== "{")
            return undefined;
        if (text)
            parts.push({ text });
        this.interpolation(parts);
        return "";
    }
    quoted(at) {
        const s = this.s;
        const parts = [];
        let text = "";
        for (;;) {
            const c = s[this.i];
            if (c === undefined || c === "\n")
                throw new HclSyntaxError("unterminated string", at);
            if (c === '"') {
                this.i++;
                break;
            }
            if (c === "\\") {
                const [decoded, next] = decodeEscape(s, this.i);
                text += decoded;
                this.i = next;
                continue;
            }
            const after = this.templateMarker(parts, text);
            if (after !== undefined) {
                text = after;
                continue;
            }
            // A run of plain characters at once: no per-character string building.
            let j = this.i + 1;
            while (j < s.length && !SPECIAL_IN_QUOTES.has(s[j] ?? ""))
                j++;
            text += s.slice(this.i, j);
            this.i = j;
        }
        if (text || parts.length === 0)
            parts.push({ text });
        return { t: "template", parts, at, end: this.i };
    }
    heredocAhead() {
        let j = this.i + 2;
        if (this.s[j] === "-")
            j++;
        return isIdStart(this.s[j] ?? "");
    }
    /** `<<EOF` / `<<-EOF`: lines up to the one that is only the marker; a template without escapes. */
    heredoc(at) {
        const s = this.s;
        let j = at + 2;
        const indented = s[j] === "-";
        if (indented)
            j++;
        const start = j;
        while (isIdPart(s[j] ?? ""))
            j++;
        const marker = s.slice(start, j);
        const nl = s.indexOf("\n", j);
        if (nl < 0 || s.slice(j, nl).trim() !== "")
            throw new HclSyntaxError("heredoc marker must end its line", at);
        const lines = [];
        let lineStart = nl + 1;
        for (;;) {
            if (lineStart > s.length)
                throw new HclSyntaxError(`unterminated heredoc ${marker}`, at);
            const lineEnd = s.indexOf("\n", lineStart);
            const end = lineEnd < 0 ? s.length : lineEnd;
            const line = s.slice(lineStart, end);
            if (line.trim() === marker) {
                this.i = end;
                break;
            }
            lines.push(line);
            lineStart = end + 1;
        }
        const body = indented ? dedent(lines) : lines.map((l) => `${l}\n`).join("");
        // The body is a template: interpolations are read from a lexer over the body alone.
        const inner = new Lexer(body);
        const parts = inner.templateBody();
        return {
            t: "template",
            parts: parts.map((p) => shift(p, nl + 1)),
            at,
            end: this.i,
        };
    }
    /** The whole input as template text (heredoc bodies, JSON-syntax strings). */
    templateBody() {
        const s = this.s;
        const parts = [];
        let text = "";
        while (this.i < s.length) {
            const after = this.templateMarker(parts, text);
            if (after !== undefined) {
                text = after;
            }
            else {
                text += s[this.i] ?? "";
                this.i++;
            }
        }
        if (text || parts.length === 0)
            parts.push({ text });
        return parts;
    }
}
/** Every token of a native-syntax file. Throws HclSyntaxError with an offset. */
function lexer_tokenize(text) {
    return new Lexer(text).tokens(false);
}
/** A JSON-syntax string read as a template (`.tf.json` expressions). */
function templateParts(text, base) {
    return new Lexer(text).templateBody().map((p) => shift(p, base));
}

;// CONCATENATED MODULE: ./src/files/terraform/cursor.ts
/**
 * A cursor over lexer.ts's tokens for the HCL parser: newline handling
 * (significant where they end an argument or an object item, skipped inside
 * brackets), expectations with messages, and a bound on nesting.
 */

/** Deeper nesting than this is hostile: refuse it rather than overflow the stack. */
const cursor_MAX_DEPTH = 200;
class Cursor {
    tokens;
    i = 0;
    depth = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    raw() {
        return this.tokens[this.i] ?? { t: "eof", at: 0, end: 0 };
    }
    /** The next token; newlines are skipped unless they end something here. */
    peek(nl) {
        if (!nl)
            while (this.raw().t === "nl")
                this.i++;
        return this.raw();
    }
    next(nl) {
        const token = this.peek(nl);
        if (token.t !== "eof")
            this.i++;
        return token;
    }
    isPunct(token, v) {
        return token.t === "punct" && token.v === v;
    }
    expect(v, nl) {
        const token = this.next(nl);
        if (!this.isPunct(token, v))
            throw this.unexpected(token, `'${v}'`);
        return token;
    }
    unexpected(token, wanted) {
        const got = "v" in token
            ? `'${token.v}'`
            : token.t === "template"
                ? "a string"
                : token.t === "nl"
                    ? "a newline"
                    : "the end";
        return new HclSyntaxError(`expected ${wanted}, found ${got}`, token.at);
    }
    enter(at) {
        if (++this.depth > cursor_MAX_DEPTH)
            throw new HclSyntaxError("nested too deeply", at);
    }
    /** Nothing may follow an interpolation's expression. */
    atEnd() {
        const token = this.peek(false);
        if (token.t !== "eof")
            throw this.unexpected(token, "'}'");
    }
}

;// CONCATENATED MODULE: ./src/files/terraform/expressions.ts
/**
 * HCL expressions over the token cursor, each node with its offset.
 * Expressions that can never be a literal (operators, conditionals, `for`,
 * splats, template directives) are kept as opaque spans, parsed only far
 * enough to find their end.
 */


const BINARY = new Set([
    "==",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "&&",
    "||",
    "+",
    "-",
    "*",
    "/",
    "%",
]);
class ExprParser extends Cursor {
    expr(nl) {
        const start = this.peek(nl);
        this.enter(start.at);
        let left = this.unary(nl);
        let opaque = false;
        for (let op = this.peek(nl); op.t === "punct" && BINARY.has(op.v); op = this.peek(nl)) {
            this.i++;
            left = this.unary(nl);
            opaque = true;
        }
        if (this.isPunct(this.peek(nl), "?")) {
            this.i++;
            this.expr(nl);
            this.expect(":", nl);
            left = this.expr(nl);
            opaque = true;
        }
        this.depth--;
        return opaque ? { k: "opaque", at: start.at, end: left.end } : left;
    }
    unary(nl) {
        const token = this.peek(nl);
        if (this.isPunct(token, "-") || this.isPunct(token, "!")) {
            this.i++;
            const operand = this.unary(nl);
            if (token.v === "-" &&
                operand.k === "literal" &&
                typeof operand.v === "number")
                return { k: "literal", v: -operand.v, at: token.at, end: operand.end };
            return { k: "opaque", at: token.at, end: operand.end };
        }
        return this.postfix(nl);
    }
    postfix(nl) {
        const expr = this.primary(nl);
        const steps = expr.k === "ref" ? [...expr.steps] : [];
        let opaque = false;
        let end = expr.end;
        for (;;) {
            const token = this.peek(true);
            if (this.isPunct(token, ".")) {
                this.i++;
                const name = this.next(true);
                if (name.t === "ident" || name.t === "number")
                    steps.push({ name: name.v });
                else if (this.isPunct(name, "*"))
                    opaque = true;
                else
                    throw this.unexpected(name, "an attribute name");
                end = name.end;
            }
            else if (this.isPunct(token, "[")) {
                this.i++;
                if (this.isPunct(this.peek(false), "*")) {
                    this.i++;
                    opaque = true;
                }
                else
                    steps.push({ index: this.expr(false) });
                end = this.expect("]", false).end;
            }
            else
                break;
        }
        if (end === expr.end)
            return expr;
        if (expr.k !== "ref" || opaque)
            return { k: "opaque", at: expr.at, end };
        return { ...expr, steps, end };
    }
    primary(nl) {
        const token = this.next(nl);
        const { at, end } = token;
        if (token.t === "number")
            return { k: "literal", v: Number(token.v), at, end };
        if (token.t === "template")
            return this.template(token.parts, at, end);
        if (token.t === "ident") {
            if (token.v === "true" || token.v === "false")
                return { k: "literal", v: token.v === "true", at, end };
            if (token.v === "null")
                return { k: "literal", v: null, at, end };
            let name = token.v;
            // Provider functions: `provider::azapi::tenant_resource_id(\u2026)`.
            while (this.isColons(this.i)) {
                const part = this.tokens[this.i + 2];
                if (part?.t !== "ident")
                    throw this.unexpected(part ?? token, "a function name");
                name += `::${part.v}`;
                this.i += 3;
            }
            if (this.isPunct(this.peek(true), "("))
                return this.call(name, at);
            return { k: "ref", root: token.v, steps: [], at, end };
        }
        if (this.isPunct(token, "(")) {
            const inner = this.expr(false);
            const close = this.expect(")", false);
            return { ...inner, end: close.end };
        }
        if (this.isPunct(token, "["))
            return this.tuple(at);
        if (this.isPunct(token, "{"))
            return this.object(at);
        throw this.unexpected(token, "an expression");
    }
    isColons(i) {
        const [a, b] = [this.tokens[i], this.tokens[i + 1]];
        return (!!a &&
            !!b &&
            this.isPunct(a, ":") &&
            this.isPunct(b, ":") &&
            a.end === b.at);
    }
    call(name, at) {
        this.i++;
        const args = [];
        let expanded = false;
        while (!this.isPunct(this.peek(false), ")")) {
            args.push(this.expr(false));
            if (this.isPunct(this.peek(false), "...")) {
                this.i++;
                expanded = true;
            }
            if (!this.isPunct(this.peek(false), ")"))
                this.expect(",", false);
        }
        const end = this.next(false).end;
        return expanded
            ? { k: "opaque", at, end }
            : { k: "call", name, args, at, end };
    }
    /** `[for \u2026]` / `{for \u2026}`: skipped to the matching bracket. */
    skipFor(at, close) {
        let depth = 1;
        for (;;) {
            const token = this.next(false);
            if (token.t === "eof")
                throw new HclSyntaxError(`expected '${close}'`, at);
            if (token.t === "punct" && "([{".includes(token.v))
                depth++;
            if (token.t === "punct" && ")]}".includes(token.v) && --depth === 0)
                return { k: "opaque", at, end: token.end };
        }
    }
    tuple(at) {
        const first = this.peek(false);
        if (first.t === "ident" && first.v === "for")
            return this.skipFor(at, "]");
        const items = [];
        while (!this.isPunct(this.peek(false), "]")) {
            items.push(this.expr(false));
            if (!this.isPunct(this.peek(false), "]"))
                this.expect(",", false);
        }
        return { k: "tuple", items, at, end: this.next(false).end };
    }
    object(at) {
        const first = this.peek(false);
        if (first.t === "ident" && first.v === "for")
            return this.skipFor(at, "}");
        const items = [];
        for (;;) {
            const token = this.peek(false);
            if (this.isPunct(token, "}"))
                break;
            if (this.isPunct(token, ",")) {
                this.i++;
                continue;
            }
            const parsed = this.expr(true);
            // A bare name as a key is the name itself, not a reference.
            const key = parsed.k === "ref" && parsed.steps.length === 0
                ? { k: "literal", v: parsed.root, at: parsed.at, end: parsed.end }
                : parsed;
            const sep = this.next(true);
            if (!this.isPunct(sep, "=") && !this.isPunct(sep, ":"))
                throw this.unexpected(sep, "'=' after the key");
            items.push({ key, value: this.expr(true) });
            const after = this.peek(true);
            if (after.t !== "nl" &&
                !this.isPunct(after, ",") &&
                !this.isPunct(after, "}"))
                throw this.unexpected(after, "',' or a newline");
        }
        return { k: "object", items, at, end: this.next(false).end };
    }
    template(parts, at, end) {
        const out = [];
        for (const part of parts) {
            if ("directive" in part)
                return { k: "opaque", at, end };
            if ("text" in part)
                out.push(part.text);
            else
                out.push(parseTokens([
                    ...part.tokens,
                    { t: "eof", at: part.end, end: part.end },
                ]));
        }
        // A lone interpolation `"${x}"` is the value of x itself, not a string of it.
        const [only] = out;
        if (out.length === 1 && typeof only !== "string")
            return only ?? { k: "opaque", at, end };
        return { k: "template", parts: out, at, end };
    }
}
/** One expression over its tokens; nothing may follow it. */
function parseTokens(tokens) {
    const parser = new ExprParser(tokens);
    const expr = parser.expr(false);
    parser.atEnd();
    return expr;
}

;// CONCATENATED MODULE: ./src/files/terraform/parser.ts
/**
 * HCL's native syntax: bodies (arguments and blocks, labels quoted or bare)
 * over expressions.ts, each node with its offset.
 */


class BodyParser extends ExprParser {
    body(inBlock) {
        const attributes = [];
        const blocks = [];
        const names = new Set();
        for (;;) {
            const token = this.peek(false);
            if (token.t === "eof" || (inBlock && this.isPunct(token, "}")))
                break;
            if (token.t !== "ident")
                throw this.unexpected(token, "an argument or block");
            this.i++;
            const after = this.peek(true);
            if (this.isPunct(after, "=")) {
                this.i++;
                // As HCL: an argument may be set only once in a body.
                if (names.has(token.v))
                    throw new HclSyntaxError(`argument ${token.v} is set twice`, token.at);
                names.add(token.v);
                attributes.push({ name: token.v, at: token.at, expr: this.expr(true) });
                const end = this.peek(true);
                if (end.t !== "nl" &&
                    end.t !== "eof" &&
                    !(inBlock && this.isPunct(end, "}")))
                    throw this.unexpected(end, "a newline after the argument");
                continue;
            }
            const labels = [];
            for (let label = this.peek(true); !this.isPunct(label, "{"); label = this.peek(true)) {
                this.i++;
                if (label.t === "ident")
                    labels.push(label.v);
                else if (label.t === "template" &&
                    label.parts.every((p) => "text" in p))
                    labels.push(label.parts.map((p) => ("text" in p ? p.text : "")).join(""));
                else
                    throw this.unexpected(label, "'=' or a block label");
            }
            this.i++;
            this.enter(token.at);
            blocks.push({
                type: token.v,
                labels,
                at: token.at,
                body: this.body(true),
            });
            this.depth--;
            this.expect("}", false);
        }
        return { attributes, blocks };
    }
}
/** A native-syntax file's body. Throws HclSyntaxError with an offset. */
function parseHclBody(text) {
    return new BodyParser(lexer_tokenize(text)).body(false);
}
/** A JSON-syntax string as the template it is in `.tf.json` (offsets from `at`). */
function parseJsonTemplate(text, at, end) {
    return new ExprParser([]).template(templateParts(text, at + 1), at, end);
}
/** One expression alone, e.g. a `.tf.json` variable's `type` string. */
function parser_parseExpression(text, at) {
    const tokens = lexer_tokenize(text).map((t) => ({
        ...t,
        at: t.at + at,
        end: t.end + at,
    }));
    return parseTokens(tokens);
}

;// CONCATENATED MODULE: ./src/files/terraform/json-syntax.ts
/**
 * Terraform's JSON syntax (`.tf.json`, `.tfvars.json`) as the same tree as
 * native HCL. JSON decodes `\u0063`-style escapes in keys and strings, so no
 * spelling hides a setting. In `.tf.json` strings are templates (`"${var.x}"`);
 * in `.tfvars.json` and in a variable's `default` they are plain values.
 * Duplicate keys are refused: which one Terraform keeps is not for a scan to guess.
 */



/** How many labels each block type has in JSON syntax; other top-level keys are skipped. */
const LABELS = {
    resource: 2,
    data: 2,
    module: 1,
    variable: 1,
    output: 1,
    locals: 0,
};
/** The key nodes of an object, refusing duplicates. */
function properties(node) {
    const seen = new Set();
    const out = [];
    for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (typeof key?.value !== "string" || !value)
            continue;
        if (seen.has(key.value))
            throw new HclSyntaxError(`duplicate key ${JSON.stringify(key.value).slice(0, 80)}`, key.offset);
        seen.add(key.value);
        out.push([key.value, value, key.offset]);
    }
    return out;
}
function expression(node, templates) {
    const at = node.offset;
    const end = node.offset + node.length;
    switch (node.type) {
        case "string":
            return templates
                ? parseJsonTemplate(String(node.value), at, end)
                : { k: "literal", v: String(node.value), at, end };
        case "number":
        case "boolean":
        case "null":
            return {
                k: "literal",
                v: node.value,
                at,
                end,
            };
        case "array":
            return {
                k: "tuple",
                items: (node.children ?? []).map((c) => expression(c, templates)),
                at,
                end,
            };
        default: {
            const items = properties(node).map(([key, value, keyAt]) => ({
                key: { k: "literal", v: key, at: keyAt, end: keyAt + key.length },
                value: expression(value, templates),
            }));
            return { k: "object", items, at, end };
        }
    }
}
function bodyOf(node, type) {
    if (node.type !== "object")
        throw new HclSyntaxError(`${type}: expected an object`, node.offset);
    const attributes = [];
    for (const [name, value, at] of properties(node)) {
        if (name === "//")
            continue;
        // A variable's default and type are not templates; its type is an expression in a string.
        const expr = type === "variable" && name === "type" && value.type === "string"
            ? parser_parseExpression(String(value.value), value.offset + 1)
            : expression(value, !(type === "variable" && name === "default"));
        attributes.push({ name, at, expr });
    }
    return { attributes, blocks: [] };
}
/** Label levels, then one body or an array of bodies. */
function blocksOf(type, node, depth, labels, at, out) {
    if (depth > 0) {
        if (node.type !== "object")
            throw new HclSyntaxError(`${type}: expected an object of labels`, node.offset);
        for (const [label, value, keyAt] of properties(node))
            blocksOf(type, value, depth - 1, [...labels, label], keyAt, out);
        return;
    }
    for (const item of node.type === "array" ? (node.children ?? []) : [node])
        out.push({ type, labels, at, body: bodyOf(item, type) });
}
function parseJson(text) {
    const errors = [];
    const root = (0,main.parseTree)(text, errors, {
        allowTrailingComma: false,
        disallowComments: true,
    });
    const first = errors[0];
    if (first || !root)
        throw new HclSyntaxError(first ? (0,main.printParseErrorCode)(first.error) : "empty document", first?.offset ?? 0);
    if (root.type !== "object")
        throw new HclSyntaxError("expected an object", root.offset);
    return root;
}
/** A `.tf.json` file's body: its blocks (attributes of `locals` become a `locals` block). */
function parseTfJson(text) {
    const blocks = [];
    for (const [type, value, at] of properties(parseJson(text))) {
        const depth = LABELS[type];
        if (depth !== undefined)
            blocksOf(type, value, depth, [], at, blocks);
    }
    return { attributes: [], blocks };
}
/** A `.tfvars.json` file: one attribute per variable, values as they are. */
function parseTfvarsJson(text) {
    const attributes = properties(parseJson(text)).map(([name, value, at]) => ({
        name,
        at,
        expr: expression(value, false),
    }));
    return { attributes, blocks: [] };
}

;// CONCATENATED MODULE: ./src/files/terraform/syntax.ts
/**
 * The syntax tree the Terraform scan works on, for both of Terraform's
 * syntaxes (native HCL in parser.ts, JSON in json-syntax.ts). Every node
 * keeps its offset in its file, so a finding points at the right line.
 */
/** The attribute of a body by name. */
function attribute(body, name) {
    return body.attributes.find((a) => a.name === name);
}
/** A literal string, if the expression is one (a template without interpolation counts). */
function literalString(expr) {
    if (expr?.k === "literal" && typeof expr.v === "string")
        return expr.v;
    if (expr?.k === "template" && expr.parts.every((p) => typeof p === "string"))
        return expr.parts.join("");
    return undefined;
}

;// CONCATENATED MODULE: ./src/files/terraform/module.ts
/**
 * A Terraform module: one directory's `.tf` / `.tf.json` files merged the
 * way Terraform merges them (override files last), and where its local
 * module calls lead.
 */


/** The file an argument of a declared block is written in. */
function fileOf(declared, argument) {
    return declared.overrides?.get(argument) ?? declared.file;
}
/** Directories the file scan never reads (walk.ts), module sources included. */
const NEVER_READ = new Set([".git", "node_modules", ".terraform"]);
/** Override files (`override.tf`, `*_override.tf`) replace arguments of what they name. */
function isOverride(name) {
    const base = name.replace(/\.tf(\.json)?$/, "");
    return base === "override" || base.endsWith("_override");
}
function mergeBlock(into, key, file, block, override, twice) {
    const existing = into.get(key);
    if (!override || !existing) {
        // Declared twice outside override files: Terraform refuses the module.
        if (existing)
            twice.add(`${block.type}.${key}`);
        into.set(existing ? `${key}\u0000${twice.size}` : key, {
            file,
            node: block,
        });
        return;
    }
    const names = new Set(block.body.attributes.map((a) => a.name));
    const attributes = [
        ...existing.node.body.attributes.filter((a) => !names.has(a.name)),
        ...block.body.attributes,
    ];
    const overrides = new Map(existing.overrides);
    for (const name of names)
        overrides.set(name, file);
    into.set(key, {
        file: existing.file,
        node: { ...existing.node, body: { ...existing.node.body, attributes } },
        overrides,
    });
}
/** The module in a directory: its files in name order, override files last. */
function moduleOf(dir, files) {
    const ordered = [...files].sort((a, b) => {
        const [x, y] = [
            isOverride(external_node_path_.posix.basename(a.path)),
            isOverride(external_node_path_.posix.basename(b.path)),
        ];
        return x !== y ? Number(x) - Number(y) : a.path < b.path ? -1 : 1;
    });
    const variables = new Map();
    const locals = new Map();
    const calls = new Map();
    const outputs = new Map();
    const resources = new Map();
    const twice = new Set();
    for (const file of ordered) {
        const override = isOverride(external_node_path_.posix.basename(file.path));
        for (const block of file.body.blocks) {
            const [a = "", b = ""] = block.labels;
            if (block.type === "variable")
                mergeBlock(variables, a, file, block, override, twice);
            else if (block.type === "module")
                mergeBlock(calls, a, file, block, override, twice);
            else if (block.type === "output")
                mergeBlock(outputs, a, file, block, override, twice);
            else if (block.type === "resource")
                mergeBlock(resources, `${a}.${b}`, file, block, override, twice);
            else if (block.type === "locals")
                for (const node of block.body.attributes) {
                    if (locals.has(node.name) && !override)
                        twice.add(`locals.${node.name}`);
                    locals.set(node.name, { file, node });
                }
        }
    }
    return {
        dir,
        variables,
        locals,
        calls,
        outputs,
        resources: [...resources.values()],
        twice,
    };
}
/** A local module call's directory, or why it is not followed. */
function localSource(dir, call) {
    const source = literalString(attribute(call.body, "source")?.expr);
    if (source === undefined)
        return { why: "its source is not a literal" };
    if (!source.startsWith("./") && !source.startsWith("../"))
        return { why: `source ${source} is not a local path` };
    const target = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, source)).replace(/\/$/, "");
    if (target === ".." || target.startsWith("../"))
        return { why: `source ${source} is outside the workspace` };
    if (target.split("/").some((part) => NEVER_READ.has(part)))
        return { why: `source ${source} is in a directory the scan never reads` };
    return { dir: target };
}

;// CONCATENATED MODULE: ./src/files/terraform/load.ts
/**
 * Reads and parses the Terraform files the scan needs: every Terraform file
 * of each directory the `files` patterns reach (Terraform reads them all),
 * then the directories of local module calls, transitively. Every read goes
 * through workspace.ts: inside the workspace, never through a link, bounded.
 */








function terraformKind(path) {
    if (path.endsWith(".tf"))
        return "module";
    if (path.endsWith(".tf.json"))
        return "module-json";
    if (path.endsWith(".tfvars"))
        return "vars";
    if (path.endsWith(".tfvars.json"))
        return "vars-json";
    return undefined;
}
/** Variable files Terraform reads by itself, in its order: terraform.tfvars(.json), then *.auto.tfvars(.json) by name. */
function autoVarRank(name) {
    if (name === "terraform.tfvars")
        return 0;
    if (name === "terraform.tfvars.json")
        return 1;
    if (name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json"))
        return 2;
    return undefined;
}
/** Directories read at most, module calls included. */
const MAX_DIRECTORIES = 2000;
/** Files of one directory read at once. */
const READ_CONCURRENCY = 8;
function parse(kind, text) {
    switch (kind) {
        case "module":
        case "vars":
            return parseHclBody(text);
        case "module-json":
            return parseTfJson(text);
        default:
            return parseTfvarsJson(text);
    }
}
function tfFile(path, text, body) {
    let starts;
    return {
        path,
        text,
        body,
        line: (offset) => lineAt((starts ??= lineStarts(text)), offset),
    };
}
async function loadFile(ws, path, kind, maxBytes) {
    const read = await readInside(ws, path, maxBytes);
    if (!read)
        return undefined;
    if ("tooLarge" in read)
        return {
            path,
            line: 1,
            text: "",
            message: `file is ${(read.tooLarge / 1048576).toFixed(1)} MiB: larger than ${(maxBytes / 1048576).toFixed(1)} MiB, not parsed`,
        };
    try {
        return tfFile(path, read.text, parse(kind, read.text));
    }
    catch (error) {
        const at = error instanceof HclSyntaxError ? error.offset : 0;
        const line = lineAt(lineStarts(read.text), at);
        const message = error instanceof RangeError
            ? "nested too deeply to parse"
            : error instanceof Error
                ? error.message
                : String(error);
        return {
            path,
            line,
            text: read.text,
            message: `invalid: ${message} (line ${line})`,
        };
    }
}
const join = (dir, name) => dir === "." || dir === "" ? name : external_node_path_.posix.join(dir, name);
/** Loads the directories of `paths` and, transitively, of their local module calls. */
async function loadTerraform(ws, paths, maxBytes) {
    const files = new Map();
    const failures = [];
    const modules = new Map();
    const varFiles = new Map();
    let wave = [...new Set(paths.map((p) => external_node_path_.posix.dirname(p)))].sort();
    const seen = new Set(wave);
    // One wave of directories at a time, files read concurrently; then the
    // directories their local module calls lead to.
    while (wave.length > 0) {
        const read = await (0,p_map/* default */.Ay)(wave, async (dir) => {
            const names = (await listInside(ws, dir === "." ? "" : dir)).filter((name) => terraformKind(name));
            return (0,p_map/* default */.Ay)(names, (name) => loadFile(ws, join(dir, name), terraformKind(name) ?? "module", maxBytes), { concurrency: READ_CONCURRENCY });
        }, { concurrency: 4 });
        const next = [];
        wave.forEach((dir, i) => {
            const moduleFiles = [];
            for (const loaded of read[i] ?? []) {
                if (!loaded)
                    continue;
                if (!("body" in loaded)) {
                    failures.push(loaded);
                    continue;
                }
                files.set(loaded.path, loaded);
                if (terraformKind(loaded.path)?.startsWith("module"))
                    moduleFiles.push(loaded);
                else {
                    const same = varFiles.get(dir);
                    if (same)
                        same.push(loaded);
                    else
                        varFiles.set(dir, [loaded]);
                }
            }
            if (moduleFiles.length === 0)
                return;
            const module = moduleOf(dir, moduleFiles);
            modules.set(dir, module);
            for (const { node } of module.calls.values()) {
                const source = localSource(dir, node);
                if ("dir" in source &&
                    !seen.has(source.dir) &&
                    seen.size < MAX_DIRECTORIES) {
                    seen.add(source.dir);
                    next.push(source.dir);
                }
            }
        });
        wave = next.sort();
    }
    return { files, failures, modules, varFiles };
}

;// CONCATENATED MODULE: ./src/files/terraform/val.ts
/** A scope where nothing can be referred to: `.tfvars` files and variable defaults. */
const NO_REFERENCES = {
    variable: (name, o) => unknown(`var.${name} (references are not allowed here)`, o),
    local: (name, o) => unknown(`local.${name} (references are not allowed here)`, o),
    moduleOutput: (call, output, o) => unknown(`module.${call}.${output} (references are not allowed here)`, o),
};
const unknown = (why, o, hidden = false) => ({
    k: "unknown",
    why,
    o,
    ...(hidden ? { hidden: true } : {}),
});

;// CONCATENATED MODULE: ./src/files/terraform/json-values.ts
/**
 * JSON text inside Terraform values (`jsondecode`, an azapi body or policy
 * parameters written as a string) read as values, and values written back
 * as plain JSON (`jsonencode` inside a string). Invalid JSON and duplicate
 * keys are unreadable: the scan cannot know what would be sent.
 */


/** How much of a text an error shows. */
const MAX_SHOWN = 120;
/** JS value of a fully known Val (for jsonencode inside a string). */
function plain(value) {
    switch (value.k) {
        case "str":
        case "prim":
            return value.v;
        case "tuple":
            return value.items.map(plain);
        case "obj":
            return Object.fromEntries([...value.m].map(([k, v]) => [k, plain(v)]));
        case "json": {
            const inner = plain(value.inner);
            return inner === undefined ? undefined : JSON.stringify(inner);
        }
        default:
            return undefined;
    }
}
/** A JSON text as a Val whose every part is written where the string is. */
function fromJsonText(text, o) {
    const errors = [];
    const root = (0,main.parseTree)(text, errors, { disallowComments: true });
    if (!root || errors.length > 0)
        return unknown(`not valid JSON: ${text.slice(0, MAX_SHOWN)}`, o, true);
    const convert = (node, setting) => {
        const here = { ...o, setting };
        if (node.type === "object") {
            const m = new Map();
            const keys = new Map();
            for (const property of node.children ?? []) {
                const [key, child] = property.children ?? [];
                if (typeof key?.value !== "string" || !child)
                    continue;
                if (m.has(key.value))
                    return unknown(`duplicate key ${key.value} in JSON`, here, true);
                m.set(key.value, convert(child, `${setting}.${key.value}`));
                keys.set(key.value, here);
            }
            return { k: "obj", m, keys, o: here };
        }
        if (node.type === "array")
            return {
                k: "tuple",
                items: (node.children ?? []).map((n) => convert(n, setting)),
                o: here,
            };
        if (node.type === "string")
            return { k: "str", v: String(node.value), o: here };
        return { k: "prim", v: node.value, o: here };
    };
    return convert(root, o.setting);
}

;// CONCATENATED MODULE: ./src/files/terraform/hints.ts
/**
 * Names that may set the security contact, for deciding whether something
 * the scan cannot evaluate could hide one (then it is an error, not silence).
 * Plain substring tests on lower-cased text: no pattern is built from data.
 */
const HINTS = [
    "email_security_contact",
    "emailsecuritycontact",
    "securitycontact",
    "security_center_contact",
];
/** True when text may name one of the settings (case-insensitive). */
function mentionsSetting(text) {
    const lower = text.toLowerCase();
    return HINTS.some((hint) => lower.includes(hint));
}

;// CONCATENATED MODULE: ./src/files/terraform/values.ts
/**
 * Values as a Terraform deployment would compute them, each with the place
 * it is written (its origin), so a finding points at the deciding line.
 * Only what the files fix is computed: literals, objects, tuples, `var.`,
 * `local.`, `module.` outputs, and a few pure functions. Anything else is
 * `unknown` (named by its expression); a variable nothing sets is `unset`.
 */



/** An expression the scan does not evaluate, named as written. */
function opaque(file, at, end, o) {
    return unknown(sourceOf(file, at, end), o, mentionsSetting(file.text.slice(at, end)));
}
const values_MAX_SHOWN = 120;
/** The expression as written, on one line and bounded: how errors name it. */
function sourceOf(file, at, end) {
    const text = file.text
        .slice(at, Math.min(end, at + values_MAX_SHOWN * 4))
        .replace(/\s+/g, " ")
        .trim();
    return text.length > values_MAX_SHOWN ? `${text.slice(0, values_MAX_SHOWN)}\u2026` : text;
}
/**
 * Nesting beyond anything the parsers accept (HCL: 200 levels): reaching it
 * means the scan could not look inside, which is an error, never silence.
 */
const values_MAX_DEPTH = 1000;
function values_evaluate(expr, c) {
    const o = { file: c.file, at: expr.at, setting: c.setting };
    if (c.depth > values_MAX_DEPTH)
        return unknown(`${sourceOf(c.file, expr.at, expr.end)} (nested too deeply)`, o, true);
    const deeper = (setting) => ({
        ...c,
        setting,
        depth: c.depth + 1,
    });
    switch (expr.k) {
        case "literal":
            return typeof expr.v === "string"
                ? { k: "str", v: expr.v, o }
                : { k: "prim", v: expr.v, o };
        case "template": {
            let text = "";
            for (const part of expr.parts) {
                if (typeof part === "string") {
                    text += part;
                    continue;
                }
                const value = values_evaluate(part, deeper(c.setting));
                if (value.k === "unknown" || value.k === "unset")
                    return value;
                if (value.k === "str" || (value.k === "prim" && value.v !== null))
                    text += String(value.v);
                else
                    return unknown(`${sourceOf(c.file, part.at, part.end)} (not a string)`, value.o);
            }
            return { k: "str", v: text, o };
        }
        case "tuple":
            return {
                k: "tuple",
                items: expr.items.map((item, i) => values_evaluate(item, deeper(`${c.setting}[${i}]`))),
                o,
            };
        case "object": {
            const m = new Map();
            const keys = new Map();
            for (const { key, value } of expr.items) {
                const name = values_evaluate(key, deeper(c.setting));
                if (name.k !== "str")
                    return unknown(`${sourceOf(c.file, key.at, key.end)} (a key that is not a literal)`, name.o);
                const setting = c.setting ? `${c.setting}.${name.v}` : name.v;
                if (m.has(name.v)) {
                    const text = c.file.text.slice(expr.at, expr.end);
                    return unknown(`key ${name.v} set twice in ${sourceOf(c.file, expr.at, expr.end)}`, o, mentionsSetting(text));
                }
                m.set(name.v, values_evaluate(value, deeper(setting)));
                keys.set(name.v, { file: c.file, at: key.at, setting });
            }
            return { k: "obj", m, keys, o };
        }
        case "ref":
            return reference(expr, c, o);
        case "call":
            return call(expr, c, o);
        default:
            return opaque(c.file, expr.at, expr.end, o);
    }
}
function reference(expr, c, o) {
    const [first, second, ...rest] = expr.steps;
    const name = first && "name" in first ? first.name : undefined;
    let value;
    let steps = expr.steps.slice(1);
    if (expr.root === "var" && name)
        value = c.scope.variable(name, o);
    else if (expr.root === "local" && name)
        value = c.scope.local(name, o);
    else if (expr.root === "module" && name && second && "name" in second) {
        value = c.scope.moduleOutput(name, second.name, o);
        steps = rest;
    }
    else
        return opaque(c.file, expr.at, expr.end, o);
    for (const step of steps) {
        if (value.k === "unknown" || value.k === "unset")
            return value;
        const key = "name" in step
            ? step.name
            : values_evaluate(step.index, { ...c, depth: c.depth + 1 });
        const index = typeof key === "string"
            ? key
            : key.k === "str" || key.k === "prim"
                ? key.v
                : undefined;
        const next = value.k === "obj" && typeof index === "string"
            ? value.m.get(index)
            : value.k === "tuple" && typeof index === "number"
                ? value.items[index]
                : undefined;
        if (!next)
            return unknown(`${sourceOf(c.file, expr.at, expr.end)} (no such attribute or element)`, o);
        value = next;
    }
    return value;
}
function call(expr, c, o) {
    const args = expr.args.map((arg) => values_evaluate(arg, { ...c, depth: c.depth + 1 }));
    const [first, second, third] = args;
    const blocked = args.find((a) => a.k === "unknown" || a.k === "unset");
    const named = opaque(c.file, expr.at, expr.end, o);
    switch (expr.name) {
        case "jsonencode":
            return first && args.length === 1
                ? { k: "json", inner: first, o }
                : named;
        case "jsondecode":
            if (blocked)
                return blocked;
            return first?.k === "str" ? fromJsonText(first.v, first.o) : named;
        case "tostring":
            return first?.k === "str" ||
                first?.k === "unknown" ||
                first?.k === "unset"
                ? first
                : named;
        case "merge": {
            if (blocked)
                return blocked;
            const m = new Map();
            const keys = new Map();
            for (const arg of args) {
                if (arg.k === "prim" && arg.v === null)
                    continue;
                if (arg.k !== "obj")
                    return named;
                for (const [k, v] of arg.m)
                    m.set(k, v);
                for (const [k, v] of arg.keys)
                    keys.set(k, v);
            }
            return { k: "obj", m, keys, o };
        }
        case "lookup":
            if (first?.k === "obj" && second?.k === "str")
                return (first.m.get(second.v) ??
                    third ??
                    unknown(`${sourceOf(c.file, expr.at, expr.end)} (no such key)`, o));
            return blocked ?? named;
        case "try":
        case "coalesce":
            // The first argument decides unless it is null (coalesce) or fails (try): only that much is followed.
            if (first &&
                first.k !== "unknown" &&
                first.k !== "unset" &&
                !(first.k === "prim" && first.v === null))
                return first;
            return first?.k === "unset" ? first : named;
        default:
            return named;
    }
}

;// CONCATENATED MODULE: ./src/files/terraform/types.ts


const OTHER = { k: "other" };
function typeOf(expr) {
    if (expr?.k !== "call")
        return OTHER;
    const [first] = expr.args;
    if (expr.name === "object" && first?.k === "object") {
        const attrs = new Map();
        for (const { key, value } of first.items) {
            if (key.k !== "literal" || typeof key.v !== "string")
                continue;
            if (value.k === "call" && value.name === "optional") {
                const [inner, fallback] = value.args;
                attrs.set(key.v, fallback
                    ? { type: typeOf(inner), fallback }
                    : { type: typeOf(inner) });
            }
            else
                attrs.set(key.v, { type: typeOf(value) });
        }
        return { k: "object", attrs };
    }
    if (expr.name === "map" || expr.name === "list" || expr.name === "set")
        return { k: "collection", element: typeOf(first) };
    return OTHER;
}
function apply(value, type, file, setting) {
    if (type.k === "collection") {
        if (value.k === "obj") {
            const m = new Map([...value.m].map(([k, v]) => [
                k,
                apply(v, type.element, file, `${setting}.${k}`),
            ]));
            return { ...value, m };
        }
        if (value.k === "tuple")
            return {
                ...value,
                items: value.items.map((v) => apply(v, type.element, file, setting)),
            };
        return value;
    }
    if (type.k !== "object" || value.k !== "obj")
        return value;
    const m = new Map(value.m);
    const keys = new Map(value.keys);
    for (const [name, { type: inner, fallback }] of type.attrs) {
        const given = m.get(name);
        const here = `${setting}.${name}`;
        if ((given === undefined || (given.k === "prim" && given.v === null)) &&
            fallback) {
            // The default is itself of the attribute's type: its own optional defaults apply.
            const value = values_evaluate(fallback, {
                file,
                scope: NO_REFERENCES,
                setting: `${here} (optional default)`,
                depth: 0,
            });
            m.set(name, apply(value, inner, file, here));
            keys.set(name, {
                file,
                at: fallback.at,
                setting: `${here} (optional default)`,
            });
        }
        else if (given)
            m.set(name, apply(given, inner, file, here));
    }
    return { ...value, m, keys };
}
/** The value with the type's optional defaults filled in (the type written in `file`). */
function applyTypeDefaults(value, type, file, setting) {
    return apply(value, typeOf(type), file, setting);
}

;// CONCATENATED MODULE: ./src/files/terraform/instance.ts
/**
 * An instance of a module: a root with its variable values, or a module
 * called by another with the caller's inputs. Variables, locals and module
 * outputs resolve lazily and once each, the way Terraform would: input, else
 * default (with the `optional(type, default)` defaults of object types),
 * else unset.
 */





const ARGUMENTS_NOT_INPUTS = new Set([
    "source",
    "version",
    "providers",
    "count",
    "for_each",
    "depends_on",
]);
class Instance {
    module;
    inputs;
    modules;
    stack;
    vars = new Map();
    localValues = new Map();
    children = new Map();
    args = new Map();
    constructor(module, inputs, modules, 
    /** Directories of the calls leading here: a module calling itself is refused. */
    stack) {
        this.module = module;
        this.inputs = inputs;
        this.modules = modules;
        this.stack = stack;
    }
    variable(name, o) {
        const known = this.vars.get(name);
        if (known)
            return known;
        const declared = this.module.variables.get(name);
        let value;
        if (this.module.twice.has(`variable.${name}`)) {
            value = unknown(`var.${name} (declared twice in ${this.module.dir})`, o, true);
        }
        else if (!declared) {
            value = unknown(`var.${name} (not declared in ${this.module.dir})`, o);
        }
        else {
            const { node } = declared;
            const fallback = attribute(node.body, "default");
            const byDefault = fallback
                ? values_evaluate(fallback.expr, {
                    file: fileOf(declared, "default"),
                    scope: NO_REFERENCES,
                    setting: `variable.${name}.default`,
                    depth: 0,
                })
                : undefined;
            const isNull = byDefault?.k === "prim" &&
                byDefault.v === null &&
                this.inputs.nullIsMissing;
            const given = this.inputs.value(name) ??
                (byDefault && !isNull
                    ? byDefault
                    : this.inputs.missing(name, declared));
            const type = attribute(node.body, "type");
            value = type
                ? applyTypeDefaults(given, type.expr, fileOf(declared, "type"), `variable.${name}`)
                : given;
        }
        this.vars.set(name, value);
        return value;
    }
    local(name, o) {
        const known = this.localValues.get(name);
        if (known === "busy")
            return unknown(`local.${name} (refers to itself)`, o);
        if (known)
            return known;
        if (this.module.twice.has(`locals.${name}`))
            return unknown(`local.${name} (defined twice in ${this.module.dir})`, o, true);
        const declared = this.module.locals.get(name);
        if (!declared)
            return unknown(`local.${name} (not declared in ${this.module.dir})`, o);
        this.localValues.set(name, "busy");
        const value = values_evaluate(declared.node.expr, {
            file: declared.file,
            scope: this,
            setting: `locals.${name}`,
            depth: 0,
        });
        this.localValues.set(name, value);
        return value;
    }
    /** The instance a local module call creates, or why there is none. */
    child(name) {
        const known = this.children.get(name);
        if (known)
            return known;
        const call = this.module.calls.get(name);
        const source = call
            ? localSource(this.module.dir, call.node)
            : { why: "no such module call" };
        let made;
        if ("why" in source)
            made = source.why;
        else if (this.stack.includes(source.dir))
            made = `module ${source.dir} calls itself`;
        else {
            const target = this.modules.get(source.dir);
            made =
                target && call
                    ? new Instance(target, this.callInputs(name, call), this.modules, [
                        ...this.stack,
                        source.dir,
                    ])
                    : `${source.dir} holds no Terraform files that could be read`;
        }
        this.children.set(name, made);
        return made;
    }
    /** An expression of this module's file, evaluated here. */
    evaluate(expr, file, setting) {
        return values_evaluate(expr, { file, scope: this, setting, depth: 0 });
    }
    /** One argument of a module call, evaluated here once. */
    argument(name, call, variable) {
        if (ARGUMENTS_NOT_INPUTS.has(variable))
            return undefined;
        const key = `${name}\u0000${variable}`;
        const known = this.args.get(key);
        if (known)
            return known;
        const argument = attribute(call.node.body, variable);
        if (!argument)
            return undefined;
        const value = values_evaluate(argument.expr, {
            file: call.file,
            scope: this,
            setting: `module.${name}.${variable}`,
            depth: 0,
        });
        this.args.set(key, value);
        return value;
    }
    callInputs(name, call) {
        return {
            value: (variable) => this.argument(name, call, variable),
            missing: (variable) => unknown(`module.${name} does not set var.${variable}, which has no default`, {
                file: call.file,
                at: call.node.at,
                setting: `module.${name}`,
            }),
        };
    }
    moduleOutput(call, output, o) {
        const child = this.child(call);
        if (typeof child === "string")
            return unknown(`module.${call}.${output} (${child})`, o);
        const declared = child.module.outputs.get(output);
        const value = declared && attribute(declared.node.body, "value");
        if (!declared || !value)
            return unknown(`module.${call}.${output} (no such output)`, o);
        return values_evaluate(value.expr, {
            file: declared.file,
            scope: child,
            setting: `output.${output}`,
            depth: 0,
        });
    }
    /** The arguments of a module call that are inputs, evaluated here. */
    callArguments(name, call) {
        return call.node.body.attributes.flatMap((a) => {
            const value = this.argument(name, call, a.name);
            return value ? [[a, value]] : [];
        });
    }
}

;// CONCATENATED MODULE: ./src/files/terraform/sinks.ts


const ALZ_KEYS = new Set(["email_security_contact", "emailsecuritycontact"]);
/** Deeper than any value the parsers accept: reaching it is an error, never silence. */
const MAX_WALK_DEPTH = 1000;
function findingKey(finding) {
    const what = "value" in finding ? "v" : "error" in finding ? "e" : "u";
    return `${finding.path}\u0000${finding.line}\u0000${finding.setting}\u0000${what}`;
}
class Findings {
    seen = new Map();
    list = [];
    /** `custom_replacements.names` of the deployment: `$${name}` refers to them. */
    replacements = new Set();
    /** One finding per deciding place; the first that names where the value is used wins. */
    add(finding) {
        const key = findingKey(finding);
        const index = this.seen.get(key);
        if (index === undefined) {
            this.seen.set(key, this.list.length);
            this.list.push(finding);
        }
        else if (finding.usedAt && !this.list[index]?.usedAt)
            this.list[index] = finding;
    }
    /** The finding for the value deployed at `usedAt`; `legacyEmail` for the 2017 schema's `email`. */
    value(value, used, legacyEmail) {
        const o = value.o;
        const base = {
            path: o.file.path,
            line: o.file.line(o.at),
            setting: o.setting,
            source: "terraform",
        };
        const here = {
            path: used.file.path,
            line: used.file.line(used.at),
            setting: used.setting,
        };
        // The use is worth naming when it is another place than the value's own setting.
        const usedAt = here.path !== base.path ||
            (here.line !== base.line && here.setting !== base.setting)
            ? { usedAt: here }
            : {};
        switch (value.k) {
            case "str": {
                const name = replacementName(value.v);
                if (name !== undefined && this.replacements.has(name))
                    return; // judged where the replacement is written
                if (name !== undefined) {
                    this.add({
                        ...base,
                        ...usedAt,
                        error: `not a literal: $\${${name}} (no custom_replacements.names.${name} in the scanned files)`,
                    });
                    return;
                }
                this.add({
                    ...base,
                    ...usedAt,
                    value: value.v,
                    ...(legacyEmail ? { legacyEmail } : {}),
                });
                return;
            }
            case "unknown":
                this.add({ ...base, ...usedAt, error: `not a literal: ${value.why}` });
                return;
            case "unset":
                this.add({ ...base, ...usedAt, unresolved: value.why });
                return;
            default:
                this.add({
                    ...base,
                    ...usedAt,
                    error: `not a string: ${describe(value)}`,
                });
        }
    }
}
function describe(value) {
    if (value.k === "prim")
        return String(value.v);
    const shown = JSON.stringify(plain(value)) ?? value.k;
    return shown.length > 80 ? `${shown.slice(0, 80)}\u2026` : shown;
}
/** `${name}` as the whole string (from a `$${name}` escape): an accelerator replacement. */
function replacementName(text) {
    if (!text.startsWith("${") || !text.endsWith("}"))
        return undefined;
    const name = text.slice(2, -1);
    return name !== "" &&
        [...name].every((c) => c === "_" ||
            c === "-" ||
            (c >= "0" && c <= "9") ||
            c.toLowerCase() !== c.toUpperCase())
        ? name
        : undefined;
}
/** `jsonencode({ value = x })`, `{ value = x }` or a JSON string of it: x. Else the value itself. */
function parameterValue(value) {
    let inner = value.k === "json" ? value.inner : value;
    if (inner.k === "str" && inner.v.trimStart().startsWith("{"))
        inner = fromJsonText(inner.v, inner.o);
    if (inner.k === "obj")
        return inner.m.get("value") ?? inner;
    return inner;
}
/** Looks up a key as ARM does (case-insensitively). */
function member(value, key) {
    const target = value?.k === "json" ? value.inner : value;
    if (target?.k === "str" && target.v.trimStart().startsWith("{"))
        return member(fromJsonText(target.v, target.o), key);
    // What cannot be read stands for every member it may hold.
    if (target?.k === "unknown" || target?.k === "unset")
        return target;
    if (target?.k !== "obj")
        return undefined;
    const lower = key.toLowerCase();
    for (const [k, v] of target.m)
        if (k.toLowerCase() === lower)
            return v;
    return undefined;
}
/** The ALZ settings anywhere inside a value. */
function walk(found, value, depth = 0) {
    if (depth > MAX_WALK_DEPTH) {
        found.value(unknown("a value nested too deeply to read", value.o, true), value.o);
        return;
    }
    if (value.k === "json")
        return walk(found, value.inner, depth + 1);
    if (value.k === "tuple")
        for (const item of value.items)
            walk(found, item, depth + 1);
    if (value.k === "unknown" && value.hidden)
        found.value(value, value.o);
    if (value.k !== "obj")
        return;
    for (const [key, child] of value.m) {
        const at = value.keys.get(key) ?? value.o;
        if (ALZ_KEYS.has(key.toLowerCase()))
            found.value(parameterValue(child), at);
        else if (key === "custom_replacements") {
            const names = member(child, "names");
            if (names?.k !== "obj")
                continue;
            for (const [name, replacement] of names.m) {
                found.replacements.add(name);
                if (name.toLowerCase().includes("email_security_contact"))
                    found.value(replacement, names.keys.get(name) ?? names.o);
            }
        }
        else
            walk(found, child, depth + 1);
    }
}

;// CONCATENATED MODULE: ./src/files/terraform/judge.ts
/**
 * Where a Terraform module instance writes the security contact: the
 * resources (`azurerm_security_center_contact.email`, `azapi_resource`
 * securityContacts `body.properties.emails`, a policy assignment's
 * `emailSecurityContact`) and the ALZ settings in its locals and module
 * arguments; then, through local module calls, its children's.
 */




const isOpen = (value) => value?.k === "unknown" || value?.k === "unset";
/** `azapi_resource` of type `Microsoft.Security/securityContacts@\u2026`: `body.properties.emails`. */
function azapi(found, declared, address, read) {
    const kind = read("type");
    const body = read("body");
    const properties = body && member(body[0], "properties");
    const emails = member(properties, "emails");
    const legacy = emails ? undefined : member(properties, "email");
    const value = emails ?? legacy;
    if (kind && isOpen(kind[0])) {
        // A type the scan cannot read matters when the resource shows a contact.
        const shows = (attr) => {
            const node = attribute(declared.node.body, attr);
            const text = fileOf(declared, attr).text;
            return !!node && mentionsSetting(text.slice(node.expr.at, node.expr.end));
        };
        if ((value && !isOpen(value)) || shows("type") || shows("body"))
            found.value(kind[0], kind[1]);
        return;
    }
    const type = kind?.[0];
    const lower = type?.k === "str" ? type.v.toLowerCase() : "";
    if (body && lower.startsWith("microsoft.authorization/policyassignments@")) {
        // An assignment of the Defender initiative written with azapi.
        const parameters = member(properties, "parameters");
        const contact = member(parameters, "emailSecurityContact");
        const setting = `${address}.body.properties.parameters.emailSecurityContact.value`;
        if (contact && !isOpen(contact))
            found.value(parameterValue(contact), { ...body[1], setting });
        return;
    }
    if (!body || !lower.startsWith("microsoft.security/securitycontacts@"))
        return;
    const setting = `${address}.body.properties.${legacy ? "email" : "emails"}`;
    const where = { ...body[1], setting };
    if (value)
        found.value(value, where, legacy ? true : undefined);
    else {
        const why = `${address}.body has no properties.emails`;
        found.value({ k: "unknown", why, o: body[1] }, where);
    }
}
/** `azurerm_*policy_assignment`: `parameters.emailSecurityContact.value`. */
function assignment(found, declared, address, read) {
    const parameters = read("parameters");
    if (!parameters)
        return;
    const contact = member(parameters[0], "emailSecurityContact");
    const setting = `${address}.parameters.emailSecurityContact.value`;
    const where = { ...parameters[1], setting };
    if (contact && !isOpen(contact))
        found.value(parameterValue(contact), where);
    else if (isOpen(parameters[0])) {
        // Unreadable parameters matter when they may hold the contact.
        const node = attribute(declared.node.body, "parameters");
        const text = fileOf(declared, "parameters").text;
        if (node && mentionsSetting(text.slice(node.expr.at, node.expr.end)))
            found.value(parameters[0], where);
    }
}
function judge_resource(found, instance, declared) {
    const [type = "", name = ""] = declared.node.labels;
    const address = `${type}.${name}`;
    const read = (attr) => {
        const node = attribute(declared.node.body, attr);
        if (!node)
            return undefined;
        const file = fileOf(declared, attr);
        const o = { file, at: node.at, setting: `${address}.${attr}` };
        return [instance.evaluate(node.expr, file, o.setting), o];
    };
    if (type === "azurerm_security_center_contact") {
        const email = read("email");
        if (email)
            found.value(email[0], email[1]);
        else {
            // `email` is required: a contact declared without it never carries an address.
            const o = {
                file: declared.file,
                at: declared.node.at,
                setting: `${address}.email`,
            };
            found.value({ k: "str", v: "", o }, o);
        }
    }
    else if (type === "azapi_resource" || type === "azapi_update_resource")
        azapi(found, declared, address, read);
    else if (type.startsWith("azurerm_") && type.endsWith("policy_assignment"))
        assignment(found, declared, address, read);
}
/** Every finding of one module instance and, through local module calls, of its children. */
function judgeInstance(found, instance) {
    const { module } = instance;
    for (const declared of module.resources)
        judge_resource(found, instance, declared);
    for (const [name, { file, node }] of module.locals) {
        const o = { file, at: node.at, setting: `locals.${name}` };
        walk(found, instance.local(name, o));
    }
    for (const [name, call] of module.calls) {
        for (const [, value] of instance.callArguments(name, call))
            walk(found, value);
        const child = instance.child(name);
        if (typeof child !== "string")
            judgeInstance(found, child);
    }
}

;// CONCATENATED MODULE: ./src/files/terraform/deploy.ts
/**
 * The deployments a Terraform repository describes, each judged on its own:
 * a root module (a directory no scanned module calls) with the variable
 * files Terraform reads by itself (terraform.tfvars, terraform.tfvars.json,
 * then *.auto.tfvars(.json) by name: later wins), and once more with each
 * other `.tfvars` on top (`envs/prod.tfvars`: a `-var-file` of its own,
 * paired with its nearest enclosing root, else the root declaring most of
 * its variables). Variable files with no root are judged for the ALZ
 * settings they hold.
 */








/** Where an empty deployment's (never used) origin points. */
const EMPTY = {
    path: "",
    text: "",
    body: { attributes: [], blocks: [] },
    line: () => 1,
};
const deploy_name = (file) => external_node_path_.posix.basename(file.path);
function autoOrder(a, b) {
    const [x, y] = [autoVarRank(deploy_name(a)) ?? 3, autoVarRank(deploy_name(b)) ?? 3];
    return x - y || (deploy_name(a) < deploy_name(b) ? -1 : deploy_name(a) > deploy_name(b) ? 1 : 0);
}
function isInside(dir, root) {
    return root === "." || dir === root || dir.startsWith(`${root}/`);
}
/** The root a `-var-file` belongs to: the nearest enclosing one, else the one declaring most of its variables. */
function rootFor(file, roots) {
    const dir = external_node_path_.posix.dirname(file.path);
    const enclosing = roots
        .filter((r) => isInside(dir, r.dir))
        .sort((a, b) => b.dir.length - a.dir.length)[0];
    if (enclosing)
        return enclosing;
    const names = file.body.attributes.map((a) => a.name);
    let best;
    for (const root of roots) {
        const score = names.filter((n) => root.variables.has(n)).length;
        if (score > 0 && (!best || score > best[1]))
            best = [root, score];
    }
    return best?.[0];
}
function deploymentsOf(loaded, matched) {
    const called = new Set();
    for (const module of loaded.modules.values())
        for (const { node } of module.calls.values()) {
            const source = localSource(module.dir, node);
            if ("dir" in source && source.dir !== module.dir)
                called.add(source.dir);
        }
    const roots = [...loaded.modules.values()].filter((m) => !called.has(m.dir));
    const out = [];
    const explicit = new Map();
    const standalone = [];
    for (const [dir, files] of loaded.varFiles) {
        const auto = files
            .filter((f) => autoVarRank(deploy_name(f)) !== undefined)
            .sort(autoOrder);
        if (auto.length > 0 && !loaded.modules.has(dir))
            standalone.push({ root: undefined, varFiles: auto });
        for (const file of files) {
            if (autoVarRank(deploy_name(file)) !== undefined || !matched.has(file.path))
                continue;
            const root = rootFor(file, roots);
            if (!root)
                standalone.push({ root: undefined, varFiles: [file] });
            else if (explicit.has(root.dir))
                explicit.get(root.dir)?.push(file);
            else
                explicit.set(root.dir, [file]);
        }
    }
    for (const root of roots) {
        const base = (loaded.varFiles.get(root.dir) ?? [])
            .filter((f) => autoVarRank(deploy_name(f)) !== undefined)
            .sort(autoOrder);
        const own = explicit.get(root.dir) ?? [];
        // With -var-files of its own, a root is deployed with one of them, never bare.
        if (own.length === 0)
            out.push({ root, varFiles: base });
        for (const file of own)
            out.push({ root, varFiles: [...base, file] });
    }
    return [...out, ...standalone];
}
/** The variable values a deployment's files set, later files winning: as one object, to walk. */
function bindings(varFiles) {
    const m = new Map();
    const keys = new Map();
    for (const file of varFiles)
        for (const { name: variable, at, expr } of file.body.attributes) {
            m.set(variable, values_evaluate(expr, {
                file,
                scope: NO_REFERENCES,
                setting: variable,
                depth: 0,
            }));
            keys.set(variable, { file, at, setting: variable });
        }
    const [first] = varFiles;
    const o = { file: first ?? EMPTY, at: 0, setting: "" };
    return { k: "obj", m, keys, o };
}
function unset(dir, variable, declared) {
    const where = dir === "." ? "the root module" : dir;
    return {
        k: "unset",
        why: `var.${variable} of ${where} has no default (or null) and no variable file in the scanned files sets it: decided at deployment (-var, -var-file or TF_VAR_${variable})`,
        o: {
            file: declared.file,
            at: declared.node.at,
            setting: `variable.${variable}`,
        },
    };
}
/** Every finding of one deployment. */
function judgeDeployment(deployment, modules) {
    const found = new Findings();
    const all = bindings(deployment.varFiles);
    const values = all.m;
    const { root } = deployment;
    const instance = root
        ? new Instance(root, {
            value: (v) => values.get(v),
            missing: (v, d) => unset(root.dir, v, d),
            nullIsMissing: true,
        }, modules, [root.dir])
        : undefined;
    // Replacement names first: `$${name}` anywhere refers to them.
    const early = new Findings();
    walk(early, all);
    if (instance)
        for (const [callName, call] of root?.calls ?? [])
            for (const [, v] of instance.callArguments(callName, call))
                walk(early, v);
    for (const replacement of early.replacements)
        found.replacements.add(replacement);
    if (instance)
        judgeInstance(found, instance);
    walk(found, all);
    return found;
}

;// CONCATENATED MODULE: ./src/files/terraform/index.ts
/**
 * The Terraform part of the file scan: `.tf`, `.tf.json`, `.tfvars`,
 * `.tfvars.json`. No text pre-filter: every Terraform file of a directory the
 * patterns reach is parsed (the parser is linear and fast), so no comment or
 * escape can hide a file Terraform would read. HashiCorp's own parser
 * (hcl.ts, WebAssembly loaded on first use) then confirms every native file
 * a finding rests on: a file it rejects is an error, whatever ours read.
 */







const dirOf = (path) => external_node_path_.posix.dirname(path);
/** A `-var-file` (not one Terraform reads by itself). */
const isExplicitVarFile = (path) => !!terraformKind(path)?.startsWith("vars") &&
    autoVarRank(external_node_path_.posix.basename(path)) === undefined;
/**
 * HashiCorp's parser is much slower than ours and not linear (a 2 MiB file
 * takes 10 s and more): larger files rest on our parser alone, which refuses
 * whatever it does not understand.
 */
const MAX_CONFIRM_CHARS = 512 * 1024;
/** HashiCorp's parser's message for a native file it rejects; undefined when it accepts the file. */
/**
 * HashiCorp's parser on a native file: its first message when it rejects the
 * file, null when it accepts it, undefined when it was not asked (JSON
 * syntax, or too large to ask).
 */
async function officialError(path, text) {
    const kind = terraformKind(path);
    if ((kind !== "module" && kind !== "vars") || text.length > MAX_CONFIRM_CHARS)
        return undefined;
    try {
        await parseHcl(path, text);
        return null;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return message.split("\n")[0] ?? "";
    }
}
/**
 * A file that was not parsed: an error when it is a variable file, may hold
 * a setting, sits beside a finding, or was too large to know.
 */
async function failureFindings(failures, involved) {
    const out = [];
    for (const f of failures) {
        const matters = f.text === "" ||
            terraformKind(f.path)?.startsWith("vars") ||
            involved.has(dirOf(f.path)) ||
            mentionsSetting(f.text) ||
            f.text.includes("\\");
        if (!matters)
            continue;
        const official = f.text ? await officialError(f.path, f.text) : undefined;
        const error = typeof official === "string"
            ? `invalid: ${official}`
            : official === null
                ? `not read: the scan's parser stops where HashiCorp's does not: ${f.message.replace(/^invalid: /, "")}`
                : f.message;
        out.push({
            path: f.path,
            line: f.line,
            setting: "(file)",
            source: "terraform",
            error,
        });
    }
    return out;
}
/** HashiCorp's parser must accept every native file a finding rests on. */
async function confirmed(findings, text) {
    const paths = new Set(findings.flatMap((f) => [f.path, ...(f.usedAt ? [f.usedAt.path] : [])]));
    const out = [];
    for (const path of [...paths].sort()) {
        const contents = text.get(path);
        const official = contents === undefined ? undefined : await officialError(path, contents);
        if (typeof official === "string")
            out.push({
                path,
                line: 1,
                setting: "(file)",
                source: "terraform",
                error: `invalid: ${official}`,
            });
    }
    return out;
}
/** Findings of the Terraform files among `paths` (repository-relative, matched by the patterns). */
async function scanTerraform(ws, paths, maxBytes) {
    if (paths.length === 0)
        return [];
    const loaded = await loadTerraform(ws, paths, maxBytes);
    // A directory with a file Terraform would refuse deploys nothing: its
    // findings would judge a value that is never used, so only the file's error counts.
    const broken = new Set(loaded.failures
        .filter((f) => !isExplicitVarFile(f.path))
        .map((f) => dirOf(f.path)));
    const all = new Findings();
    const involved = new Set();
    for (const deployment of deploymentsOf(loaded, new Set(paths))) {
        const found = judgeDeployment(deployment, loaded.modules).list;
        const dir = deployment.root?.dir;
        if (dir !== undefined && broken.has(dir)) {
            if (found.length > 0)
                involved.add(dir);
            continue;
        }
        for (const finding of found)
            all.add(finding);
    }
    const findings = all.list;
    for (const f of findings) {
        involved.add(dirOf(f.path));
        if (f.usedAt)
            involved.add(dirOf(f.usedAt.path));
    }
    const texts = new Map([...loaded.files].map(([path, file]) => [path, file.text]));
    return [
        ...findings,
        ...(await failureFindings(loaded.failures, involved)),
        ...(await confirmed(findings, texts)),
    ];
}

// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./src/files/walk.ts
/**
 * The files the scan reads: the `files` patterns under the workspace,
 * never inside `.git/`, `node_modules/` or `.terraform/`, never through a
 * symbolic link (a link could point outside the workspace). A pattern whose
 * fixed leading directories go through a link is not crawled at all: the
 * glob would otherwise list the link's target.
 */


/** Directories never read, whatever the patterns say. */
const walk_NEVER_READ = ["**/.git/**", "**/node_modules/**", "**/.terraform/**"];
const GLOB_CHARS = /[*?[\]{}()!+@]/;
/** The directories before the first segment with a glob character. */
function fixedPrefix(pattern) {
    const segments = pattern.split("/");
    const fixed = [];
    for (const segment of segments.slice(0, -1)) {
        if (GLOB_CHARS.test(segment))
            break;
        fixed.push(segment);
    }
    return fixed.join("/");
}
/** Repository-relative paths (forward slashes), sorted. */
async function listFiles(ws, include, exclude) {
    const patterns = [];
    for (const pattern of include) {
        const prefix = fixedPrefix(pattern);
        if (prefix === "" || (await isContained(ws, prefix)))
            patterns.push(pattern);
    }
    if (patterns.length === 0)
        return [];
    const paths = await (0,dist/* glob */.TI)(patterns, {
        cwd: ws.root,
        ignore: [...exclude, ...walk_NEVER_READ],
        dot: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        expandDirectories: false,
    });
    return paths.sort();
}

;// CONCATENATED MODULE: ./src/files/scan.ts
/**
 * The file scan: list the workspace's files, read each (bounded), and hand
 * it to the recogniser for its kind. No network, no Azure sign-in.
 */







/** Files above this are not parsed (a finding says so when they mention a setting). */
const MAX_PARSE_BYTES = 4 * 1024 * 1024;
/** Files above this are not even read. */
const MAX_READ_BYTES = 64 * 1024 * 1024;
/** More findings than this in one file is not a landing zone: the rest become one error. */
const MAX_FINDINGS_PER_FILE = 200;
/** The whole scan's time budget; files left when it is spent become one error finding. */
const MAX_SCAN_MS = 120_000;
const MiB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
/** Reads a regular file inside the workspace within the bounds; undefined for links and others. */
async function readBounded(ws, path) {
    const read = await readInside(ws, path, MAX_READ_BYTES);
    if (!read)
        return undefined;
    if ("text" in read)
        return read;
    return {
        finding: {
            path,
            line: 1,
            setting: "(file)",
            source: scan_sourceOf(path),
            error: `file is ${MiB(read.tooLarge)}: larger than ${MiB(MAX_READ_BYTES)}, not read`,
        },
    };
}
/** Too large to parse: an error if it may hold a setting, else nothing. */
function tooLargeToParse(path, text) {
    const size = Buffer.byteLength(text);
    if (size <= MAX_PARSE_BYTES || !mayHoldSetting(text))
        return undefined;
    return {
        path,
        line: 1,
        setting: "(file)",
        source: scan_sourceOf(path),
        error: `file is ${MiB(size)}: larger than ${MiB(MAX_PARSE_BYTES)}, not parsed`,
    };
}
/** At most MAX_FINDINGS_PER_FILE findings per file (sorted); past that one error says the rest was not judged. */
function capFindings(sorted) {
    const out = [];
    let count = 0;
    sorted.forEach((finding, i) => {
        count = i > 0 && sorted[i - 1]?.path === finding.path ? count + 1 : 1;
        if (count <= MAX_FINDINGS_PER_FILE)
            out.push(finding);
        else if (count === MAX_FINDINGS_PER_FILE + 1) {
            const rest = sorted.filter((f) => f.path === finding.path).length -
                MAX_FINDINGS_PER_FILE;
            out.push({
                path: finding.path,
                line: finding.line,
                setting: "(file)",
                source: finding.source,
                error: `more than ${MAX_FINDINGS_PER_FILE} security contact settings: the other ${rest} were not judged`,
            });
        }
    });
    return out;
}
function scan_sourceOf(path) {
    if (terraformKind(path))
        return "terraform";
    if (path.endsWith(".bicepparam"))
        return "bicepparam";
    if (path.endsWith(".bicep"))
        return "bicep";
    return "arm-template";
}
async function scanFiles(options) {
    const ws = await openWorkspace(options.workspace);
    const paths = await listFiles(ws, options.include, options.exclude);
    const findings = [];
    // Terraform reads every file of a directory: no pre-filter, see terraform/index.ts.
    const terraform = paths.filter((path) => terraformKind(path));
    const project = new Project(ws);
    const deadline = Date.now() + MAX_SCAN_MS;
    const late = [];
    await (0,p_map/* default */.Ay)(paths, async (path) => {
        if (Date.now() > deadline) {
            late.push(path);
            return;
        }
        if (terraformKind(path))
            return;
        const read = await readBounded(ws, path);
        if (!read)
            return;
        if ("finding" in read) {
            findings.push(read.finding);
            return;
        }
        const large = tooLargeToParse(path, read.text);
        if (large) {
            findings.push(large);
            return;
        }
        if (/\.(bicep|bicepparam|jsonc?)$/i.test(path)) {
            project.texts.set(path, read.text);
        }
    }, { concurrency: 16 });
    const matched = paths.filter((path) => project.texts.has(path));
    findings.push(...(await judgeDeployments(project, matched, deadline)));
    findings.push(...(await scanTerraform(ws, terraform, MAX_PARSE_BYTES)));
    const [firstLate] = late.sort();
    if (firstLate) {
        findings.push({
            path: firstLate,
            line: 1,
            setting: "(scan)",
            source: scan_sourceOf(firstLate),
            error: `the scan ran out of its ${MAX_SCAN_MS / 1000} s budget: this and ${late.length - 1} other files were not read`,
        });
    }
    findings.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line);
    return {
        filesMatched: paths.length,
        findings: capFindings(findings),
        skipped: [...ws.skipped].sort(),
    };
}

// EXTERNAL MODULE: ./src/files/verdict.ts
var verdict = __webpack_require__(9190);
;// CONCATENATED MODULE: ./src/files/run-file-scan.ts
/**
 * The file scan as the run calls it (`scan: files` or `both`): walk the
 * workspace and judge every finding with the live check's rule. Reads only
 * the workspace; no network.
 */



async function runFileScan(settings, workspace) {
    const { filesMatched, findings, skipped } = await scanFiles({
        workspace,
        include: settings.files.include,
        exclude: settings.files.exclude,
    });
    const evaluated = findings.map((finding) => (0,verdict/* evaluateFileFinding */.b)(finding, settings));
    return {
        filesMatched,
        findings: evaluated,
        counts: (0,file_run/* countFileFindings */.e)(evaluated),
        skipped,
    };
}

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/report/present.ts
var present = __webpack_require__(7421);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/file-check.ts
/**
 * The file scan step: reads GITHUB_WORKSPACE only (no sign-in, no request),
 * logs each finding and adds the findings to the run.
 */






/** The file scan: reads GITHUB_WORKSPACE only; no sign-in, no request. */
async function checkFiles(settings, run, scan, { workspace }) {
    return core.group("Scan files", async () => {
        log/* log */.Rm.info(`Scanning ${workspace} for security contact settings (files: ${[...settings.files.include, ...settings.files.exclude.map((p) => `!${p}`)].join(", ")}).`);
        const files = (0,present/* presentFileRun */.Fl)(await runFileScan(settings, workspace), settings);
        if (files.skipped.length > 0) {
            // One notice: GitHub shows only about ten per step.
            const shown = files.skipped.slice(0, 5).join(", ");
            const more = files.skipped.length > 5 ? ` and ${files.skipped.length - 5} more` : "";
            log/* log */.Rm.annotate("notice", `Not read: ${shown}${more} (a symbolic link, or a path out of the workspace).`, { title: "Files skipped" });
        }
        for (const f of files.findings) {
            log/* log */.Rm.info(`${f.status.toUpperCase().padEnd(10)} ${f.path}:${f.line} ${f.setting}: ${f.reason}${f.usedAt ? ` (used at ${f.usedAt.path}:${f.usedAt.line})` : ""}`);
        }
        log/* log */.Rm.info(`${(0,src_text/* plural */.LS)(files.counts.total, "setting")} found in ${(0,src_text/* plural */.LS)(files.filesMatched, "file")}: ${files.counts.passed} passed, ${files.counts.failed} failed, ${files.counts.errored} errored, ${files.counts.unresolved} unresolved.`);
        return (0,run_result/* addFileScan */.XM)(run, files, scan);
    });
}


/***/ }),

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


/***/ })

};

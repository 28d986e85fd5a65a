/**
 * Evaluates a Bicep file as one deployment would: parameters bound by the
 * deployment (a `.bicepparam`, a parameter file, a calling module) or taken
 * from their defaults, variables, `loadJsonContent`, `union`, property access
 * and string interpolation of literals. Each resource that sets the contact
 * is judged; each local module is followed with the values the call passes.
 * Anything else is an error value naming the expression.
 */
import type { Declaration, Expr } from "./bicep-ast.js";
import type { FileFinding, FindingSource } from "./findings.js";
import { callPure } from "./functions.js";
import {
  isContactParameter,
  isSinkType,
  namedFindings,
  resourceFindings,
} from "./sinks.js";
import {
  failed,
  judge,
  property,
  text,
  union,
  type Origin,
  type Value,
} from "./values.js";

export interface BicepUnit {
  readonly path: string;
  readonly text: string;
  readonly source: FindingSource;
  readonly declarations: readonly Declaration[];
  line(offset: number): number;
}

/** What a deployment of a template reaches in other files. */
export interface Reach {
  /** A JSON file loaded relative to `from` (`loadJsonContent`), as a Value; an error value when unreadable. */
  loadJson(from: string, target: string, origin: Origin): Value;
  /** True when a local module (transitively) may set the contact. */
  relevant(from: string, target: string): boolean;
  /** A local module: judges a deployment of it with these bindings; false when it is not in the workspace. */
  deploy(
    from: string,
    target: string,
    bindings: ReadonlyMap<string, Value>,
    call: Origin,
    depth: number,
  ): boolean;
}

const shown = (raw: string): string =>
  (raw.length > 160 ? `${raw.slice(0, 157)}…` : raw).replace(/\s+/g, " ");

/** Registry and template-spec references: the module's code is not in the repository. */
export function isExternalModule(target: string): boolean {
  return /^(br:|br\/|ts:|ts\/)/i.test(target);
}

export class BicepEvaluation {
  private readonly vars = new Map<string, Value | "pending">();
  private readonly paramValues = new Map<string, Value | "pending">();
  private readonly params = new Map<
    string,
    { name: string; value: Expr | undefined; offset: number }
  >();
  private readonly varDecls = new Map<string, Expr>();

  constructor(
    private readonly unit: BicepUnit,
    private readonly bindings: ReadonlyMap<string, Value>,
    /** Why a parameter may be unbound: what deploys this file. */
    private readonly deployedBy: string,
    private readonly reach: Reach,
    private readonly depth: number,
  ) {
    for (const d of unit.declarations) {
      if (d.kind === "param") this.params.set(d.name.toLowerCase(), d);
      if (d.kind === "var" && d.value)
        this.varDecls.set(d.name.toLowerCase(), d.value);
    }
  }

  private origin(offset: number, setting: string): Origin {
    return {
      path: this.unit.path,
      line: this.unit.line(offset),
      setting,
      source: this.unit.source,
    };
  }

  param(name: string, use: Origin): Value {
    const key = name.toLowerCase();
    const bound = this.bindings.get(key);
    if (bound) return bound;
    const decl = this.params.get(key);
    if (!decl) return failed(`unknown name ${name}`, use);
    const cached = this.paramValues.get(key);
    if (cached === "pending")
      return failed(`parameter ${name} refers to itself`, use);
    if (cached) return cached;
    this.paramValues.set(key, "pending");
    const value = decl.value
      ? this.value(decl.value, `param ${decl.name}`)
      : ({
          kind: "unbound",
          why: `parameter ${decl.name} of ${this.unit.path} has no default and no scanned file sets it (deployed by ${this.deployedBy}): decided at deployment`,
          origin: this.origin(decl.offset, `param ${decl.name}`),
        } as const);
    this.paramValues.set(key, value);
    return value;
  }

  private variable(name: string, use: Origin): Value | undefined {
    const key = name.toLowerCase();
    const cached = this.vars.get(key);
    if (cached === "pending")
      return failed(`variable ${name} refers to itself`, use);
    if (cached) return cached;
    const expr = this.varDecls.get(key);
    if (!expr) return undefined;
    this.vars.set(key, "pending");
    const value = this.value(expr, `var ${name}`);
    this.vars.set(key, value);
    return value;
  }

  value(expr: Expr, setting: string): Value {
    const origin = this.origin(expr.offset, setting);
    const raw = (): string =>
      shown(this.unit.text.slice(expr.offset, expr.end));
    const not = (): Value => failed(`not a literal: ${raw()}`, origin);
    switch (expr.type) {
      case "string": {
        const parts = expr.holes.map((hole) => this.value(hole, setting));
        const stuck = parts.find((p) => p.kind !== "string");
        if (stuck)
          return stuck.kind === "unbound" ? { ...stuck, origin } : not();
        let joined = expr.pieces[0] ?? "";
        parts.forEach(
          (p, i) =>
            (joined +=
              (p.kind === "string" ? p.value : "") +
              (expr.pieces[i + 1] ?? "")),
        );
        return text(joined, origin);
      }
      case "literal":
        return { kind: "scalar", origin };
      case "name":
        if (this.params.has(expr.name.toLowerCase()))
          return this.param(expr.name, origin);
        return this.variable(expr.name, origin) ?? not();
      case "member":
        return this.access(
          this.value(expr.object, setting),
          expr.name,
          origin,
          raw,
        );
      case "index": {
        const key = this.value(expr.index, setting);
        if (key.kind !== "string") return key.kind === "unbound" ? key : not();
        return this.access(
          this.value(expr.object, setting),
          key.value,
          origin,
          raw,
        );
      }
      case "object": {
        const parts: Value[] = [];
        let entries = new Map<string, Value>();
        for (const p of expr.properties) {
          if (p.key === undefined) {
            parts.push(
              { kind: "object", entries, origin },
              this.value(p.value, setting),
            );
            entries = new Map();
          } else {
            const key =
              typeof p.key === "string" ? p.key : this.value(p.key, setting);
            if (typeof key !== "string" && key.kind !== "string")
              return failed(`computed property name: ${raw()}`, origin);
            const name = typeof key === "string" ? key : key.value;
            if (entries.has(name.toLowerCase()))
              return failed(`duplicate property ${name}: ${raw()}`, origin);
            entries.set(
              name.toLowerCase(),
              this.value(p.value, `${setting}.${name}`),
            );
          }
        }
        const own: Value = { kind: "object", entries, origin };
        return parts.length === 0 ? own : union([...parts, own], origin);
      }
      case "array":
        return {
          kind: "array",
          items: expr.items.map((item, i) =>
            this.value(item, `${setting}[${i}]`),
          ),
          origin,
        };
      case "call":
        return this.call(expr, setting, origin, raw) ?? not();
      case "computed":
        return not();
    }
  }

  private access(
    of: Value,
    key: string,
    origin: Origin,
    raw: () => string,
  ): Value {
    return property(of, key) ?? failed(`no property ${key}: ${raw()}`, origin);
  }

  private call(
    expr: Expr & { type: "call" },
    setting: string,
    origin: Origin,
    raw: () => string,
  ): Value | undefined {
    const callee = expr.callee;
    const name =
      callee.type === "name"
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
        return (
          callPure(name, args, origin) ?? args.find((a) => a.kind === "unbound")
        );
    }
  }

  /** Judges every resource, module call and contact parameter of this deployment. */
  judgeAll(out: FileFinding[]): void {
    for (const d of this.unit.declarations) {
      if (d.kind === "resource" && !d.existing && isSinkType(d.resourceType)) {
        const sink = this.origin(d.offset, d.name);
        const body = this.value(d.body, d.name);
        out.push(
          ...resourceFindings(
            d.resourceType,
            property(body, "properties"),
            sink,
          ),
        );
      } else if (d.kind === "module") {
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

  private module(
    d: Declaration & { kind: "module" },
    out: FileFinding[],
  ): void {
    const call = this.origin(d.offset, `module ${d.name}`);
    const params = property(this.value(d.body, d.name), "params");
    const bindings = new Map<string, Value>();
    if (params?.kind === "object")
      for (const [k, v] of params.entries) bindings.set(k, v);
    const followed =
      !isExternalModule(d.target) &&
      params?.kind !== "error" &&
      this.reach.deploy(
        this.unit.path,
        d.target,
        bindings,
        call,
        this.depth + 1,
      );
    if (followed) return;
    // The module's code is elsewhere: judge what the call passes under the contact's names.
    for (const [key, value] of bindings)
      out.push(
        ...namedFindings(key, value, {
          ...call,
          setting: `${call.setting}.params.${key}`,
        }),
      );
  }
}

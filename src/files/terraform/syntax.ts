/**
 * The syntax tree the Terraform scan works on, for both of Terraform's
 * syntaxes (native HCL in parser.ts, JSON in json-syntax.ts). Every node
 * keeps its offset in its file, so a finding points at the right line.
 */

interface Span {
  readonly at: number;
  readonly end: number;
}

export type Step = { readonly name: string } | { readonly index: Expr };

export interface ObjectItem {
  readonly key: Expr;
  readonly value: Expr;
}

export type Expr = Span &
  (
    | { readonly k: "literal"; readonly v: string | number | boolean | null }
    | { readonly k: "template"; readonly parts: readonly (string | Expr)[] }
    | { readonly k: "tuple"; readonly items: readonly Expr[] }
    | { readonly k: "object"; readonly items: readonly ObjectItem[] }
    /** `var.x`, `local.y["z"]`, `module.m.out`: a root name and its steps. */
    | {
        readonly k: "ref";
        readonly root: string;
        readonly steps: readonly Step[];
      }
    | {
        readonly k: "call";
        readonly name: string;
        readonly args: readonly Expr[];
      }
    /** Operators, conditionals, `for`, splats, directives: never a literal here. */
    | { readonly k: "opaque" }
  );

export interface Attribute {
  readonly name: string;
  readonly at: number;
  readonly expr: Expr;
}

export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly at: number;
  readonly body: Body;
}

export interface Body {
  readonly attributes: readonly Attribute[];
  readonly blocks: readonly Block[];
}

/** One parsed Terraform file. */
export interface TfFile {
  /** Repository-relative path, forward slashes. */
  readonly path: string;
  readonly text: string;
  readonly body: Body;
  /** 1-based line of an offset (line starts computed once per file). */
  line(offset: number): number;
}

/** The attribute of a body by name. */
export function attribute(body: Body, name: string): Attribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

/** A literal string, if the expression is one (a template without interpolation counts). */
export function literalString(expr: Expr | undefined): string | undefined {
  if (expr?.k === "literal" && typeof expr.v === "string") return expr.v;
  if (expr?.k === "template" && expr.parts.every((p) => typeof p === "string"))
    return expr.parts.join("");
  return undefined;
}

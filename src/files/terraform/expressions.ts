/**
 * HCL expressions over the token cursor, each node with its offset.
 * Expressions that can never be a literal (operators, conditionals, `for`,
 * splats, template directives) are kept as opaque spans, parsed only far
 * enough to find their end.
 */
import { HclSyntaxError, type TemplatePart, type Token } from "./lexer.js";
import { Cursor } from "./cursor.js";
import type { Expr, ObjectItem, Step } from "./syntax.js";

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
export class ExprParser extends Cursor {
  expr(nl: boolean): Expr {
    const start = this.peek(nl);
    this.enter(start.at);
    let left = this.unary(nl);
    let opaque = false;
    for (
      let op = this.peek(nl);
      op.t === "punct" && BINARY.has(op.v);
      op = this.peek(nl)
    ) {
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

  protected unary(nl: boolean): Expr {
    const token = this.peek(nl);
    if (this.isPunct(token, "-") || this.isPunct(token, "!")) {
      this.i++;
      const operand = this.unary(nl);
      if (
        token.v === "-" &&
        operand.k === "literal" &&
        typeof operand.v === "number"
      )
        return { k: "literal", v: -operand.v, at: token.at, end: operand.end };
      return { k: "opaque", at: token.at, end: operand.end };
    }
    return this.postfix(nl);
  }

  protected postfix(nl: boolean): Expr {
    const expr = this.primary(nl);
    const steps: Step[] = expr.k === "ref" ? [...expr.steps] : [];
    let opaque = false;
    let end = expr.end;
    for (;;) {
      const token = this.peek(true);
      if (this.isPunct(token, ".")) {
        this.i++;
        const name = this.next(true);
        if (name.t === "ident" || name.t === "number")
          steps.push({ name: name.v });
        else if (this.isPunct(name, "*")) opaque = true;
        else throw this.unexpected(name, "an attribute name");
        end = name.end;
      } else if (this.isPunct(token, "[")) {
        this.i++;
        if (this.isPunct(this.peek(false), "*")) {
          this.i++;
          opaque = true;
        } else steps.push({ index: this.expr(false) });
        end = this.expect("]", false).end;
      } else break;
    }
    if (end === expr.end) return expr;
    if (expr.k !== "ref" || opaque) return { k: "opaque", at: expr.at, end };
    return { ...expr, steps, end };
  }

  protected primary(nl: boolean): Expr {
    const token = this.next(nl);
    const { at, end } = token;
    if (token.t === "number")
      return { k: "literal", v: Number(token.v), at, end };
    if (token.t === "template") return this.template(token.parts, at, end);
    if (token.t === "ident") {
      if (token.v === "true" || token.v === "false")
        return { k: "literal", v: token.v === "true", at, end };
      if (token.v === "null") return { k: "literal", v: null, at, end };
      let name = token.v;
      // Provider functions: `provider::azapi::tenant_resource_id(…)`.
      while (this.isColons(this.i)) {
        const part = this.tokens[this.i + 2];
        if (part?.t !== "ident")
          throw this.unexpected(part ?? token, "a function name");
        name += `::${part.v}`;
        this.i += 3;
      }
      if (this.isPunct(this.peek(true), "(")) return this.call(name, at);
      return { k: "ref", root: token.v, steps: [], at, end };
    }
    if (this.isPunct(token, "(")) {
      const inner = this.expr(false);
      const close = this.expect(")", false);
      return { ...inner, end: close.end };
    }
    if (this.isPunct(token, "[")) return this.tuple(at);
    if (this.isPunct(token, "{")) return this.object(at);
    throw this.unexpected(token, "an expression");
  }

  protected isColons(i: number): boolean {
    const [a, b] = [this.tokens[i], this.tokens[i + 1]];
    return (
      !!a &&
      !!b &&
      this.isPunct(a, ":") &&
      this.isPunct(b, ":") &&
      a.end === b.at
    );
  }

  protected call(name: string, at: number): Expr {
    this.i++;
    const args: Expr[] = [];
    let expanded = false;
    while (!this.isPunct(this.peek(false), ")")) {
      args.push(this.expr(false));
      if (this.isPunct(this.peek(false), "...")) {
        this.i++;
        expanded = true;
      }
      if (!this.isPunct(this.peek(false), ")")) this.expect(",", false);
    }
    const end = this.next(false).end;
    return expanded
      ? { k: "opaque", at, end }
      : { k: "call", name, args, at, end };
  }

  /** `[for …]` / `{for …}`: skipped to the matching bracket. */
  protected skipFor(at: number, close: string): Expr {
    let depth = 1;
    for (;;) {
      const token = this.next(false);
      if (token.t === "eof")
        throw new HclSyntaxError(`expected '${close}'`, at);
      if (token.t === "punct" && "([{".includes(token.v)) depth++;
      if (token.t === "punct" && ")]}".includes(token.v) && --depth === 0)
        return { k: "opaque", at, end: token.end };
    }
  }

  protected tuple(at: number): Expr {
    const first = this.peek(false);
    if (first.t === "ident" && first.v === "for") return this.skipFor(at, "]");
    const items: Expr[] = [];
    while (!this.isPunct(this.peek(false), "]")) {
      items.push(this.expr(false));
      if (!this.isPunct(this.peek(false), "]")) this.expect(",", false);
    }
    return { k: "tuple", items, at, end: this.next(false).end };
  }

  protected object(at: number): Expr {
    const first = this.peek(false);
    if (first.t === "ident" && first.v === "for") return this.skipFor(at, "}");
    const items: ObjectItem[] = [];
    for (;;) {
      const token = this.peek(false);
      if (this.isPunct(token, "}")) break;
      if (this.isPunct(token, ",")) {
        this.i++;
        continue;
      }
      const parsed = this.expr(true);
      // A bare name as a key is the name itself, not a reference.
      const key: Expr =
        parsed.k === "ref" && parsed.steps.length === 0
          ? { k: "literal", v: parsed.root, at: parsed.at, end: parsed.end }
          : parsed;
      const sep = this.next(true);
      if (!this.isPunct(sep, "=") && !this.isPunct(sep, ":"))
        throw this.unexpected(sep, "'=' after the key");
      items.push({ key, value: this.expr(true) });
      const after = this.peek(true);
      if (
        after.t !== "nl" &&
        !this.isPunct(after, ",") &&
        !this.isPunct(after, "}")
      )
        throw this.unexpected(after, "',' or a newline");
    }
    return { k: "object", items, at, end: this.next(false).end };
  }

  template(parts: readonly TemplatePart[], at: number, end: number): Expr {
    const out: (string | Expr)[] = [];
    for (const part of parts) {
      if ("directive" in part) return { k: "opaque", at, end };
      if ("text" in part) out.push(part.text);
      else
        out.push(
          parseTokens([
            ...part.tokens,
            { t: "eof", at: part.end, end: part.end },
          ]),
        );
    }
    // A lone interpolation `"${x}"` is the value of x itself, not a string of it.
    const [only] = out;
    if (out.length === 1 && typeof only !== "string")
      return only ?? { k: "opaque", at, end };
    return { k: "template", parts: out, at, end };
  }
}

/** One expression over its tokens; nothing may follow it. */
export function parseTokens(tokens: readonly Token[]): Expr {
  const parser = new ExprParser(tokens);
  const expr = parser.expr(false);
  parser.atEnd();
  return expr;
}

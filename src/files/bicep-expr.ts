/**
 * The expression half of the Bicep parser: strings with interpolation,
 * objects with quoted keys, arrays, `if (…)` bodies, `for` loops, ternaries,
 * operators, property and index access, function calls, lambdas, spreads.
 * Every node keeps its source offset; declarations are in bicep-parse.ts.
 */
import type { Declaration, Expr, Property } from "./bicep-ast.js";
import { BicepSyntaxError, tokenize } from "./bicep-lex.js";
import { TokenReader } from "./bicep-tokens.js";

/** Nested deeper than this is not landing-zone code. */
const MAX_DEPTH = 100;

export abstract class ExpressionParser extends TokenReader {
  private depth = 0;
  /** Child resources declared inside another resource's body. */
  protected readonly nested: Declaration[] = [];

  /** A declaration inside an object: a nested child resource. */
  protected abstract declaration(): Declaration | undefined;

  /** A resource or module body: an object, possibly under `if (…)` or in a `[for …: …]` loop. */
  protected body(): Expr {
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
  private forHeader(): void {
    this.expect("for");
    if (this.is("(")) {
      this.next();
      this.list(")");
    } else this.identifier();
    this.expect("in");
    this.expression();
    this.skipNewlines();
    this.expect(":");
  }

  expression(): Expr {
    if (++this.depth > MAX_DEPTH)
      throw new BicepSyntaxError("nested too deeply", this.end());
    try {
      return this.ternary();
    } finally {
      this.depth--;
    }
  }

  private ternary(): Expr {
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

  private binary(): Expr {
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

  private unary(): Expr {
    if (this.is("!") || this.is("-")) {
      const start = this.next().offset;
      this.unary();
      return { type: "computed", offset: start, end: this.end() };
    }
    return this.postfix();
  }

  protected postfix(): Expr {
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
      } else if (this.is("[")) {
        this.next();
        if (this.is("?")) this.next();
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
      } else if (this.is("(")) {
        this.next();
        const args = this.list(")");
        expr = {
          type: "call",
          callee: expr,
          args,
          offset: expr.offset,
          end: this.end(),
        };
      } else if (this.is("!") && !this.is("!=")) {
        this.next(); // non-null assertion
      } else {
        return expr;
      }
    }
  }

  /** Comma- or line-separated expressions up to `close`. */
  protected list(close: string): Expr[] {
    const items: Expr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.is(close)) {
        this.next();
        return items;
      }
      if (this.is("...")) this.next();
      items.push(this.expression());
      this.skipNewlines();
      if (this.is(",")) this.next();
    }
  }

  private primary(): Expr {
    const token = this.next();
    const offset = token.offset;
    if (token.type === "string") {
      const holes = token.holes.map(([from, to]) =>
        parseExpression(this.text, from, to),
      );
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
      if (this.is("=>")) return this.lambdaBody(offset);
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
      if (this.is("=>")) return this.lambdaBody(offset);
      if (inner.length !== 1 || !inner[0])
        throw new BicepSyntaxError("expected one expression in ( )", offset);
      return inner[0];
    }
    if (token.text === "{") return this.object(offset);
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

  private lambdaBody(offset: number): Expr {
    this.expect("=>");
    this.skipNewlines();
    this.expression();
    return { type: "computed", offset, end: this.end() };
  }

  private object(offset: number): Expr {
    const properties: Property[] = [];
    for (;;) {
      const token = this.peek(true);
      if (!token) throw new BicepSyntaxError("unterminated object", offset);
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
      } else if (
        token.type === "ident" &&
        token.text === "resource" &&
        this.tokens[this.pos + 1]?.type === "ident"
      ) {
        const child = this.declaration();
        if (child) this.nested.push(child);
      } else {
        this.next();
        let key: string | Expr;
        if (token.type === "ident") key = token.text;
        else if (token.type === "string" && token.holes.length === 0)
          key = token.pieces[0] ?? "";
        else if (token.type === "string") {
          this.pos--;
          key = this.primary();
        } else
          throw new BicepSyntaxError("expected a property name", token.offset);
        this.expect(":");
        this.skipNewlines();
        properties.push({
          key,
          value: this.expression(),
          offset: token.offset,
        });
      }
      if (this.is(",")) this.next();
      else if (!this.is("}") && this.peek()?.type !== "newline")
        throw new BicepSyntaxError(
          "expected a line break or , after a property",
          this.peek()?.offset ?? this.end(),
        );
    }
  }
}

/** Holes of an interpolated string hold expressions only. */
class HoleParser extends ExpressionParser {
  protected declaration(): Declaration | undefined {
    throw new BicepSyntaxError(
      "a declaration inside ${…}",
      this.tokens[this.pos]?.offset ?? 0,
    );
  }
}

/** An expression in `text[from, to)` (an interpolation hole). */
function parseExpression(text: string, from: number, to: number): Expr {
  const parser = new HoleParser(text, tokenize(text, from, to));
  const expr = parser.expression();
  parser.atEnd();
  return expr;
}

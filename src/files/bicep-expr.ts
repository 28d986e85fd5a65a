/**
 * The operator half of the Bicep expression parser: strings with interpolation,
 * ternaries, operators, property and index access, function calls, lambdas.
 * Objects, lists and bodies are in bicep-blocks.ts, declarations in bicep-parse.ts.
 * Every node keeps its source offset.
 */
import type { Declaration, Expr } from "./bicep-ast.js";
import { BlockParser } from "./bicep-blocks.js";
import { BicepSyntaxError, tokenize } from "./bicep-lex.js";

/** Nested deeper than this is not landing-zone code. */
const MAX_DEPTH = 100;

export abstract class ExpressionParser extends BlockParser {
  private depth = 0;

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

  protected primary(): Expr {
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

/**
 * A parser for the Bicep we read: declarations (param, var, resource, module,
 * output, using) and expressions (strings with interpolation, objects with
 * quoted keys, arrays, `if (…)` bodies, `for` loops, ternaries, operators,
 * property and index access, function calls, lambdas, spreads). Declarations
 * it does not need (type, func, import, metadata, targetScope…) are skipped
 * to the end of their statement. Every node keeps its source offset.
 */
import { BicepSyntaxError, tokenize, type Token } from "./bicep-lex.js";

export type Expr =
  | {
      readonly type: "string";
      readonly pieces: readonly string[];
      readonly holes: readonly Expr[];
      readonly offset: number;
      readonly end: number;
    }
  | { readonly type: "literal"; readonly offset: number; readonly end: number }
  | {
      readonly type: "name";
      readonly name: string;
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "object";
      readonly properties: readonly Property[];
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "array";
      readonly items: readonly Expr[];
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "member";
      readonly object: Expr;
      readonly name: string;
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "index";
      readonly object: Expr;
      readonly index: Expr;
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "call";
      readonly callee: Expr;
      readonly args: readonly Expr[];
      readonly offset: number;
      readonly end: number;
    }
  /** Anything judged only as "not a literal": operators, ternaries, loops, lambdas, conditions. */
  | {
      readonly type: "computed";
      readonly offset: number;
      readonly end: number;
    };

export interface Property {
  /** Undefined for a spread (`...expr`); an expression for an interpolated name. */
  readonly key: string | Expr | undefined;
  readonly value: Expr;
  readonly offset: number;
}

export type Declaration =
  | {
      readonly kind: "param" | "var" | "output";
      readonly name: string;
      readonly value: Expr | undefined;
      readonly offset: number;
    }
  | {
      readonly kind: "resource";
      readonly name: string;
      readonly resourceType: string;
      readonly existing: boolean;
      readonly body: Expr;
      readonly offset: number;
    }
  | {
      readonly kind: "module";
      readonly name: string;
      readonly target: string;
      readonly body: Expr;
      readonly offset: number;
    }
  | {
      readonly kind: "using";
      readonly target: string;
      readonly offset: number;
    };

/** Nested deeper than this is not landing-zone code. */
const MAX_DEPTH = 100;

class Parser {
  private pos = 0;
  private depth = 0;
  /** Child resources declared inside another resource's body. */
  private readonly nested: Declaration[] = [];
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(skipLines = false): Token | undefined {
    if (skipLines) this.skipNewlines();
    return this.tokens[this.pos];
  }
  private skipNewlines(): void {
    while (this.tokens[this.pos]?.type === "newline") this.pos++;
  }
  private next(): Token {
    const token = this.tokens[this.pos++];
    if (!token)
      throw new BicepSyntaxError("unexpected end of file", this.text.length);
    return token;
  }
  private is(text: string): boolean {
    const token = this.tokens[this.pos];
    return (
      token !== undefined && token.type !== "string" && token.text === text
    );
  }
  private expect(text: string): Token {
    const token = this.next();
    if (token.type === "string" || token.text !== text)
      throw new BicepSyntaxError(`expected ${text}`, token.offset);
    return token;
  }
  private end(): number {
    const last = this.tokens[this.pos - 1];
    if (!last) return 0;
    return last.type === "string" ? last.end : last.offset + last.text.length;
  }

  declarations(): Declaration[] {
    const out: Declaration[] = [];
    for (;;) {
      const token = this.peek(true);
      if (!token) return [...out, ...this.nested];
      const declaration = this.declaration();
      if (declaration) out.push(declaration);
    }
  }

  /** One statement; undefined for those the scan does not need (skipped). */
  private declaration(): Declaration | undefined {
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

  /** Skips to `stop` (or a line break) at bracket depth 0, balancing brackets on the way. */
  private skipTo(stop: string): void {
    let depth = 0;
    for (let token = this.peek(); token; token = this.peek()) {
      if (
        depth === 0 &&
        (token.type === "newline" ||
          (token.type !== "string" && token.text === stop))
      )
        return;
      if (token.type === "punct" && "([{".includes(token.text)) depth++;
      if (token.type === "punct" && ")]}".includes(token.text)) depth--;
      this.pos++;
    }
  }

  /** A resource or module body: an object, possibly under `if (…)` or in a `[for …: …]` loop. */
  private body(): Expr {
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

  private identifier(): string {
    const token = this.next();
    if (token.type !== "ident")
      throw new BicepSyntaxError("expected a name", token.offset);
    return token.text;
  }

  private stringLiteral(): string {
    const token = this.next();
    if (token.type !== "string" || token.holes.length > 0)
      throw new BicepSyntaxError("expected a string literal", token.offset);
    return token.pieces[0] ?? "";
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

  private postfix(): Expr {
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
  private list(close: string): Expr[] {
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

export function parseBicep(text: string): Declaration[] {
  return new Parser(text, tokenize(text)).declarations();
}

/** An expression in `text[from, to)` (an interpolation hole). */
export function parseExpression(text: string, from: number, to: number): Expr {
  const parser = new Parser(text, tokenize(text, from, to));
  return parser.expression();
}

export { BicepSyntaxError } from "./bicep-lex.js";

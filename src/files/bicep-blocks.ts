/** The bracketed half of the Bicep expression parser: objects, lists, and bodies under `if (…)` or in `[for …: …]`. */
import type { Declaration, Expr, Property } from "./bicep-ast.js";
import { BicepSyntaxError } from "./bicep-lex.js";
import { TokenReader } from "./bicep-tokens.js";

export abstract class BlockParser extends TokenReader {
  /** Child resources declared inside another resource's body. */
  protected readonly nested: Declaration[] = [];

  /** A declaration inside an object: a nested child resource. */
  protected abstract declaration(): Declaration | undefined;
  abstract expression(): Expr;
  protected abstract postfix(): Expr;
  protected abstract primary(): Expr;

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
  protected forHeader(): void {
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

  /** The properties of an object literal, after its `{`. */
  protected object(offset: number): Expr {
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

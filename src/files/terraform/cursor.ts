/**
 * A cursor over lexer.ts's tokens for the HCL parser: newline handling
 * (significant where they end an argument or an object item, skipped inside
 * brackets), expectations with messages, and a bound on nesting.
 */
import { HclSyntaxError, type Token } from "./lexer.js";

/** Deeper nesting than this is hostile: refuse it rather than overflow the stack. */
const MAX_DEPTH = 200;

export class Cursor {
  protected i = 0;
  protected depth = 0;
  constructor(protected readonly tokens: readonly Token[]) {}

  protected raw(): Token {
    return this.tokens[this.i] ?? { t: "eof", at: 0, end: 0 };
  }

  /** The next token; newlines are skipped unless they end something here. */
  protected peek(nl: boolean): Token {
    if (!nl) while (this.raw().t === "nl") this.i++;
    return this.raw();
  }

  protected next(nl: boolean): Token {
    const token = this.peek(nl);
    if (token.t !== "eof") this.i++;
    return token;
  }

  protected isPunct(
    token: Token,
    v: string,
  ): token is Token & { t: "punct"; v: string } {
    return token.t === "punct" && token.v === v;
  }

  protected expect(v: string, nl: boolean): Token {
    const token = this.next(nl);
    if (!this.isPunct(token, v)) throw this.unexpected(token, `'${v}'`);
    return token;
  }

  protected unexpected(token: Token, wanted: string): HclSyntaxError {
    const got =
      "v" in token
        ? `'${token.v}'`
        : token.t === "template"
          ? "a string"
          : token.t === "nl"
            ? "a newline"
            : "the end";
    return new HclSyntaxError(`expected ${wanted}, found ${got}`, token.at);
  }

  protected enter(at: number): void {
    if (++this.depth > MAX_DEPTH)
      throw new HclSyntaxError("nested too deeply", at);
  }

  /** Nothing may follow an interpolation's expression. */
  atEnd(): void {
    const token = this.peek(false);
    if (token.t !== "eof") throw this.unexpected(token, "'}'");
  }
}

/** Reading Bicep tokens: look ahead, expect, skip a balanced statement. */
import { BicepSyntaxError, type Token } from "./bicep-lex.js";

export class TokenReader {
  protected pos = 0;

  constructor(
    protected readonly text: string,
    protected readonly tokens: Token[],
  ) {}

  protected peek(skipLines = false): Token | undefined {
    if (skipLines) this.skipNewlines();
    return this.tokens[this.pos];
  }
  protected skipNewlines(): void {
    while (this.tokens[this.pos]?.type === "newline") this.pos++;
  }
  protected next(): Token {
    const token = this.tokens[this.pos++];
    if (!token)
      throw new BicepSyntaxError("unexpected end of file", this.text.length);
    return token;
  }
  protected is(text: string): boolean {
    const token = this.tokens[this.pos];
    return (
      token !== undefined && token.type !== "string" && token.text === text
    );
  }
  protected expect(text: string): Token {
    const token = this.next();
    if (token.type === "string" || token.text !== text)
      throw new BicepSyntaxError(`expected ${text}`, token.offset);
    return token;
  }
  protected end(): number {
    const last = this.tokens[this.pos - 1];
    if (!last) return 0;
    return last.type === "string" ? last.end : last.offset + last.text.length;
  }

  /** Skips to `stop` (or a line break) at bracket depth 0, balancing brackets on the way. */
  protected skipTo(stop: string): void {
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

  protected identifier(): string {
    const token = this.next();
    if (token.type !== "ident")
      throw new BicepSyntaxError("expected a name", token.offset);
    return token.text;
  }

  protected stringLiteral(): string {
    const token = this.next();
    if (token.type !== "string" || token.holes.length > 0)
      throw new BicepSyntaxError("expected a string literal", token.offset);
    return token.pieces[0] ?? "";
  }

  /** Throws unless every token was read (an interpolation hole holds one expression). */
  atEnd(): void {
    this.skipNewlines();
    const left = this.tokens[this.pos];
    if (left)
      throw new BicepSyntaxError(
        "unexpected text after the expression",
        left.offset,
      );
  }
}

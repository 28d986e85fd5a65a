/**
 * A tokenizer for HCL's native syntax (`.tf`, `.tfvars`), written from the
 * HCL spec: comments, newlines, identifiers, numbers, operators, quoted
 * templates (escapes, `$${` / `%%{`, nested `${…}`) and heredocs. It gives
 * every token its offset, which HashiCorp's parser (hcl.ts) does not.
 * One pass over the text: linear time whatever the input.
 */
import {
  decodeEscape,
  dedent,
  HclSyntaxError,
  shift,
  type TemplatePart,
  type Token,
} from "./lexer-text.js";

export { HclSyntaxError } from "./lexer-text.js";
export type { TemplatePart, Token } from "./lexer-text.js";

const PUNCT2 = new Set(["==", "!=", "<=", ">=", "&&", "||", "=>"]);
const PUNCT1 = new Set("{}[]()=,.?:!+-*/%<>~");
const SPECIAL_IN_QUOTES = new Set(['"', "\\", "$", "%", "\n"]);

const isDigit = (c: string): boolean => c >= "0" && c <= "9";
// HCL's identifiers are Unicode ID_Start / ID_Continue (plus `-`); anything
// else outside ASCII (zero-width spaces, no-break spaces) is refused, as HCL does.
const ID_START = /^[\p{ID_Start}_]$/u;
const ID_CONTINUE = /^[\p{ID_Continue}-]$/u;
const isIdStart = (c: string): boolean => ID_START.test(c);
const isIdPart = (c: string): boolean => ID_CONTINUE.test(c);

class Lexer {
  i = 0;
  constructor(readonly s: string) {}

  /** Tokens until the end, or until the `}` closing an interpolation (depth 0). */
  tokens(inInterpolation: boolean): Token[] {
    const out: Token[] = [];
    let depth = 0;
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i] ?? "";
      const at = this.i;
      // A byte-order mark opens some files: HCL skips it.
      if (
        c === " " ||
        c === "\t" ||
        c === "\r" ||
        (at === 0 && c === "\uFEFF")
      ) {
        this.i++;
      } else if (c === "\n") {
        this.i++;
        out.push({ t: "nl", at, end: this.i });
      } else if (c === "#" || (c === "/" && s[at + 1] === "/")) {
        const nl = s.indexOf("\n", at);
        this.i = nl < 0 ? s.length : nl;
      } else if (c === "/" && s[at + 1] === "*") {
        const close = s.indexOf("*/", at + 2);
        if (close < 0) throw new HclSyntaxError("unterminated comment", at);
        // A comment spanning lines still ends the line it started on.
        if (s.slice(at, close).includes("\n"))
          out.push({ t: "nl", at, end: at });
        this.i = close + 2;
      } else if (c === '"') {
        this.i++;
        out.push(this.quoted(at));
      } else if (c === "<" && s[at + 1] === "<" && this.heredocAhead()) {
        out.push(this.heredoc(at));
      } else if (isDigit(c)) {
        this.i = this.number(at);
        out.push({ t: "number", v: s.slice(at, this.i), at, end: this.i });
      } else if (isIdStart(c)) {
        let j = at + 1;
        while (j < s.length && isIdPart(s[j] ?? "")) j++;
        this.i = j;
        out.push({ t: "ident", v: s.slice(at, j), at, end: j });
      } else {
        const two = s.slice(at, at + 2);
        const v = s.startsWith("...", at)
          ? "..."
          : PUNCT2.has(two)
            ? two
            : PUNCT1.has(c)
              ? c
              : undefined;
        if (v === undefined)
          throw new HclSyntaxError(
            `unexpected character ${JSON.stringify(c)}`,
            at,
          );
        if (inInterpolation && v === "}" && depth === 0) return out;
        if (v === "{") depth++;
        if (v === "}") depth--;
        this.i += v.length;
        out.push({ t: "punct", v, at, end: this.i });
      }
    }
    if (inInterpolation) throw new HclSyntaxError("unterminated ${", this.i);
    out.push({ t: "eof", at: s.length, end: s.length });
    return out;
  }

  number(at: number): number {
    const s = this.s;
    let j = at;
    while (isDigit(s[j] ?? "")) j++;
    if (s[j] === "." && isDigit(s[j + 1] ?? "")) {
      j++;
      while (isDigit(s[j] ?? "")) j++;
    }
    if (s[j] === "e" || s[j] === "E") {
      let k = j + 1;
      if (s[k] === "+" || s[k] === "-") k++;
      if (isDigit(s[k] ?? "")) {
        j = k;
        while (isDigit(s[j] ?? "")) j++;
      }
    }
    return j;
  }

  /** `${` or `%{` at the cursor: the interpolation's tokens (or a directive marker). */
  interpolation(parts: TemplatePart[]): void {
    const at = this.i;
    const directive = this.s[at] === "%";
    this.i += 2;
    if (this.s[this.i] === "~") this.i++;
    const tokens = this.tokens(true);
    this.i++; // the closing }
    const last = tokens[tokens.length - 1];
    if (last?.t === "punct" && last.v === "~") tokens.pop();
    parts.push(
      directive ? { directive: true, at } : { tokens, at, end: this.i },
    );
  }

  /**
   * At `$${` or `%%{` (a literal `${` / `%{`) or at `${` / `%{` (an
   * interpolation or a directive, pushed to `parts`): consumes it and
   * returns the text that now precedes the next part; elsewhere undefined.
   */
  templateMarker(parts: TemplatePart[], text: string): string | undefined {
    const s = this.s;
    const c = s[this.i];
    if (c !== "$" && c !== "%") return undefined;
    if (s[this.i + 1] === c && s[this.i + 2] === "{") {
      this.i += 3;
      return `${text}${c}{`;
    }
    if (s[this.i + 1] !== "{") return undefined;
    if (text) parts.push({ text });
    this.interpolation(parts);
    return "";
  }

  quoted(at: number): Token {
    const s = this.s;
    const parts: TemplatePart[] = [];
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
      while (j < s.length && !SPECIAL_IN_QUOTES.has(s[j] ?? "")) j++;
      text += s.slice(this.i, j);
      this.i = j;
    }
    if (text || parts.length === 0) parts.push({ text });
    return { t: "template", parts, at, end: this.i };
  }

  heredocAhead(): boolean {
    let j = this.i + 2;
    if (this.s[j] === "-") j++;
    return isIdStart(this.s[j] ?? "");
  }

  /** `<<EOF` / `<<-EOF`: lines up to the one that is only the marker; a template without escapes. */
  heredoc(at: number): Token {
    const s = this.s;
    let j = at + 2;
    const indented = s[j] === "-";
    if (indented) j++;
    const start = j;
    while (isIdPart(s[j] ?? "")) j++;
    const marker = s.slice(start, j);
    const nl = s.indexOf("\n", j);
    if (nl < 0 || s.slice(j, nl).trim() !== "")
      throw new HclSyntaxError("heredoc marker must end its line", at);
    const lines: string[] = [];
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
  templateBody(): TemplatePart[] {
    const s = this.s;
    const parts: TemplatePart[] = [];
    let text = "";
    while (this.i < s.length) {
      const after = this.templateMarker(parts, text);
      if (after !== undefined) {
        text = after;
      } else {
        text += s[this.i] ?? "";
        this.i++;
      }
    }
    if (text || parts.length === 0) parts.push({ text });
    return parts;
  }
}

/** Every token of a native-syntax file. Throws HclSyntaxError with an offset. */
export function tokenize(text: string): Token[] {
  return new Lexer(text).tokens(false);
}

/** A JSON-syntax string read as a template (`.tf.json` expressions). */
export function templateParts(text: string, base: number): TemplatePart[] {
  return new Lexer(text).templateBody().map((p) => shift(p, base));
}

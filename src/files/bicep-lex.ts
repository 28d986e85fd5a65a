/**
 * A tokenizer for Bicep: identifiers, numbers, punctuation, line breaks,
 * comments skipped, and strings decoded (escapes, `'''` multi-line strings,
 * `${…}` interpolation kept as source ranges the parser reads in turn).
 * No maintained JavaScript parser for Bicep exists; this reads the language's
 * lexical grammar, so a word inside a string or comment is never code.
 */

export type Token =
  | { readonly type: "ident"; readonly text: string; readonly offset: number }
  | { readonly type: "number"; readonly text: string; readonly offset: number }
  | { readonly type: "punct"; readonly text: string; readonly offset: number }
  | { readonly type: "newline"; readonly text: "\n"; readonly offset: number }
  | {
      readonly type: "string";
      /** Literal pieces; between two consecutive ones an interpolation sits. */
      readonly pieces: readonly string[];
      /** Source ranges [start, end) of each `${…}` expression. */
      readonly holes: readonly (readonly [number, number])[];
      readonly offset: number;
      readonly end: number;
    };

export class BicepSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const ESCAPES: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  "\\": "\\",
  "'": "'",
  $: "$",
};

/** Punctuation, longest first. */
const PUNCT = [
  "...",
  "==",
  "!=",
  "=~",
  "!~",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "=>",
  "::",
  ".?",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  ",",
  ":",
  ".",
  "?",
  "=",
  "!",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "@",
  "|",
];

const isIdentStart = (c: string): boolean =>
  (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isDigit = (c: string): boolean => c >= "0" && c <= "9";

/** Skips a `//` or `/* *\/` comment at `i`; returns the offset after it, or `i`. */
function skipComment(text: string, i: number): number {
  if (text.startsWith("//", i)) {
    const end = text.indexOf("\n", i);
    return end < 0 ? text.length : end;
  }
  if (text.startsWith("/*", i)) {
    const end = text.indexOf("*/", i + 2);
    if (end < 0) throw new BicepSyntaxError("unterminated comment", i);
    return end + 2;
  }
  return i;
}

function readMultiline(text: string, start: number): Token {
  const close = text.indexOf("'''", start + 3);
  if (close < 0) throw new BicepSyntaxError("unterminated ''' string", start);
  let end = close + 3;
  // A multi-line string may end with more quotes than three: they belong to it.
  while (text[end] === "'") end++;
  let body = text.slice(start + 3, end - 3);
  // A line break right after the opening quotes is not part of the value.
  if (body.startsWith("\r\n")) body = body.slice(2);
  else if (body.startsWith("\n")) body = body.slice(1);
  return { type: "string", pieces: [body], holes: [], offset: start, end };
}

/** End of the `${…}` hole starting at `open` (the `$`): the `}` that closes it. */
function holeEnd(text: string, open: number): number {
  let depth = 1;
  for (let i = open + 1; i < text.length;) {
    const c = text[i] ?? "";
    if (c === "'") {
      i = readString(text, i).end;
      continue;
    }
    const after = skipComment(text, i);
    if (after !== i) {
      i = after;
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
    i++;
  }
  throw new BicepSyntaxError("unterminated ${ in a string", open);
}

function readString(text: string, start: number): Token & { type: "string" } {
  if (text.startsWith("'''", start))
    return readMultiline(text, start) as Token & { type: "string" };
  const pieces: string[] = [];
  const holes: [number, number][] = [];
  let piece = "";
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "'") {
      pieces.push(piece);
      return { type: "string", pieces, holes, offset: start, end: i + 1 };
    }
    if (c === "\n" || c === "\r")
      throw new BicepSyntaxError("line break in a string", start);
    if (c === "\\") {
      const next = text[i + 1] ?? "";
      if (next === "u" && text[i + 2] === "{") {
        const close = text.indexOf("}", i + 3);
        const code = Number.parseInt(text.slice(i + 3, close), 16);
        if (close < 0 || !Number.isFinite(code) || code > 0x10ffff)
          throw new BicepSyntaxError("invalid \\u{…} escape", i);
        piece += String.fromCodePoint(code);
        i = close;
        continue;
      }
      const decoded = ESCAPES[next];
      if (decoded === undefined)
        throw new BicepSyntaxError(`invalid escape \\${next}`, i);
      piece += decoded;
      i++;
    } else if (c === "$" && text[i + 1] === "{") {
      const end = holeEnd(text, i + 1);
      pieces.push(piece);
      piece = "";
      holes.push([i + 2, end]);
      i = end;
    } else {
      piece += c;
    }
  }
  throw new BicepSyntaxError("unterminated string", start);
}

/** The tokens of `text[from, to)`; comments dropped, line breaks kept. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i] ?? "";
    if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "\n") {
      tokens.push({ type: "newline", text: "\n", offset: i });
      i++;
    } else if (c === "#") {
      // A pragma (`#disable-next-line …`) runs to the end of its line.
      const end = text.indexOf("\n", i);
      i = end < 0 || end > to ? to : end;
    } else if (c === "'") {
      const token = readString(text, i);
      tokens.push(token);
      i = token.end;
    } else if (skipComment(text, i) !== i) {
      i = skipComment(text, i);
    } else if (isIdentStart(c)) {
      let end = i + 1;
      while (
        end < to &&
        (isIdentStart(text[end] ?? "") || isDigit(text[end] ?? ""))
      )
        end++;
      tokens.push({ type: "ident", text: text.slice(i, end), offset: i });
      i = end;
    } else if (isDigit(c)) {
      let end = i + 1;
      while (end < to && (isDigit(text[end] ?? "") || text[end] === ".")) end++;
      tokens.push({ type: "number", text: text.slice(i, end), offset: i });
      i = end;
    } else {
      const punct = PUNCT.find((p) => text.startsWith(p, i));
      if (!punct)
        throw new BicepSyntaxError(
          `unexpected character ${JSON.stringify(c)}`,
          i,
        );
      tokens.push({ type: "punct", text: punct, offset: i });
      i += punct.length;
    }
  }
  return tokens;
}

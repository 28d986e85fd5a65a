/**
 * The text side of HCL's lexer: its tokens, its syntax error, escape
 * sequences, and the indentation and offsets of heredoc bodies.
 */
/** A piece of a template: literal text, or an interpolation's tokens. */
export type TemplatePart =
  | { readonly text: string }
  | { readonly tokens: Token[]; readonly at: number; readonly end: number }
  | { readonly directive: true; readonly at: number };

export type Token =
  | {
      readonly t: "ident" | "number" | "punct";
      v: string;
      at: number;
      end: number;
    }
  | { readonly t: "nl" | "eof"; at: number; end: number }
  | { readonly t: "template"; parts: TemplatePart[]; at: number; end: number };

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  '"': '"',
  "\\": "\\",
};

/** The escape at `i` (a backslash) decoded, and the offset after it. */
export function decodeEscape(s: string, i: number): [string, number] {
  const c = s[i + 1];
  const simple = c === undefined ? undefined : SIMPLE_ESCAPES[c];
  if (simple !== undefined) return [simple, i + 2];
  const width = c === "u" ? 4 : c === "U" ? 8 : 0;
  const hex = s.slice(i + 2, i + 2 + width);
  const code = Number.parseInt(hex, 16);
  if (
    width === 0 ||
    hex.length !== width ||
    !/^[0-9a-fA-F]+$/.test(hex) ||
    code > 0x10ffff
  )
    throw new HclSyntaxError("invalid escape sequence", i);
  return [String.fromCodePoint(code), i + 2 + width];
}

export function dedent(lines: readonly string[]): string {
  const indent = Math.min(
    ...lines
      .filter((l) => l.trim() !== "")
      .map((l) => l.length - l.trimStart().length),
  );
  const cut = Number.isFinite(indent) ? indent : 0;
  return lines.map((l) => `${l.slice(cut)}\n`).join("");
}

/** Offsets inside a heredoc body or a JSON string are approximate: close enough for a line. */
export function shift(part: TemplatePart, by: number): TemplatePart {
  if ("text" in part) return part;
  if ("directive" in part) return { directive: true, at: part.at + by };
  return {
    tokens: part.tokens.map((t) => ({ ...t, at: t.at + by, end: t.end + by })),
    at: part.at + by,
    end: part.end + by,
  };
}

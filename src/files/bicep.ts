/**
 * `.bicepparam` and `.bicep` files. No maintained JavaScript parser for
 * Bicep exists, so this reads the few shapes landing-zone code uses with a
 * small lexer (comments blanked, string literals decoded); anything that is
 * not a literal becomes an error finding, never a guess.
 */
import { CONTACT_PARAMETERS } from "./arm.js";
import type { FindingSource } from "../check/file-run.js";
import type { FileFinding } from "./findings.js";
import { lineAt, lineStarts } from "./json-tree.js";

interface BicepString {
  /** The decoded value. */
  value: string;
  /** True when it holds `${…}` interpolation: not a literal. */
  interpolated: boolean;
  /** Offset just past the closing quote. */
  end: number;
}

/** Reads a string literal starting at `start` (a `'`), or undefined. */
function readString(text: string, start: number): BicepString | undefined {
  if (text.startsWith("'''", start)) {
    const close = text.indexOf("'''", start + 3);
    if (close < 0) return undefined;
    return {
      value: text.slice(start + 3, close),
      interpolated: false,
      end: close + 3,
    };
  }
  if (text[start] !== "'") return undefined;
  let value = "";
  let interpolated = false;
  const escapes: Record<string, string> = {
    n: "\n",
    r: "\r",
    t: "\t",
    "\\": "\\",
    "'": "'",
    $: "$",
  };
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "'") return { value, interpolated, end: i + 1 };
    if (c === "\n") return undefined;
    if (c === "\\") {
      const next = text[i + 1] ?? "";
      value += escapes[next] ?? next;
      i++;
    } else {
      if (c === "$" && text[i + 1] === "{") interpolated = true;
      value += c;
    }
  }
  return undefined;
}

/** The text with comments replaced by spaces (line breaks kept), strings untouched. */
function blankComments(text: string): string {
  const out = text.split("");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") {
      const literal = readString(text, i);
      if (literal) i = literal.end - 1;
    } else if (text.startsWith("//", i)) {
      for (; i < text.length && text[i] !== "\n"; i++) out[i] = " ";
    } else if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      const end = close < 0 ? text.length : close + 2;
      for (; i < end; i++) if (text[i] !== "\n") out[i] = " ";
      i--;
    }
  }
  return out.join("");
}

interface Reader {
  path: string;
  text: string;
  source: FindingSource;
  starts: number[];
}

function restOfLine(text: string, offset: number): string {
  const end = text.indexOf("\n", offset);
  return text.slice(offset, end < 0 ? undefined : end).trim();
}

/**
 * The value expression at `offset`: a literal string, a parameter with a
 * literal default (when `params` is given), or an error finding.
 */
function valueAt(
  r: Reader,
  offset: number,
  setting: string,
  params?: ReadonlyMap<string, BicepString>,
  legacyEmail?: true,
): FileFinding {
  const line = lineAt(r.starts, offset);
  const base = { path: r.path, line, setting, source: r.source };
  const literal = readString(r.text, offset);
  const expression = literal
    ? r.text.slice(offset, literal.end)
    : restOfLine(r.text, offset).replace(/,$/, "");
  if (literal && !literal.interpolated) {
    return {
      ...base,
      value: literal.value,
      ...(legacyEmail ? { legacyEmail } : {}),
    };
  }
  const name = /^([A-Za-z_]\w*)\s*(?:$|[,}\n])/.exec(expression)?.[1];
  const fallback = name ? params?.get(name) : undefined;
  if (fallback && !fallback.interpolated) {
    return {
      ...base,
      value: fallback.value,
      ...(legacyEmail ? { legacyEmail } : {}),
    };
  }
  return { ...base, error: `unresolved: ${expression}` };
}

const NAMES = CONTACT_PARAMETERS.join("|");

export function recogniseBicepParam(path: string, text: string): FileFinding[] {
  const r: Reader = {
    path,
    text: blankComments(text),
    source: "bicepparam",
    starts: lineStarts(text),
  };
  const out: FileFinding[] = [];
  const param = new RegExp(
    `^[ \\t]*param[ \\t]+(${NAMES})[ \\t]*=[ \\t]*`,
    "gim",
  );
  for (const match of r.text.matchAll(param)) {
    out.push(valueAt(r, match.index + match[0].length, match[1] ?? ""));
  }
  // emailSecurityContact: { value: … } anywhere in an object literal.
  const nested = /'?emailSecurityContact'?\s*:\s*\{\s*'?value'?\s*:\s*/gi;
  for (const match of r.text.matchAll(nested)) {
    const owner = /^[ \t]*param[ \t]+(\w+)/gm;
    let name = "";
    for (const p of r.text.slice(0, match.index).matchAll(owner))
      name = p[1] ?? "";
    out.push(
      valueAt(
        r,
        match.index + match[0].length,
        `${name}…emailSecurityContact.value`,
      ),
    );
  }
  return out;
}

/** Offset of the `}` that closes the `{` at `open` (strings skipped). */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const literal = readString(text, i);
      if (literal) i = literal.end - 1;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return text.length;
}

export function recogniseBicep(path: string, text: string): FileFinding[] {
  const r: Reader = {
    path,
    text: blankComments(text),
    source: "bicep",
    starts: lineStarts(text),
  };
  const params = new Map<string, BicepString>();
  for (const match of r.text.matchAll(
    /^[ \t]*param[ \t]+(\w+)[ \t]+string[ \t]*=[ \t]*/gm,
  )) {
    const literal = readString(r.text, match.index + match[0].length);
    if (literal && match[1]) params.set(match[1], literal);
  }
  const out: FileFinding[] = [];
  const contact =
    /\bresource\s+(\w+)\s+'Microsoft\.Security\/securityContacts@[^']*'\s*(existing\s*)?=/gi;
  for (const match of r.text.matchAll(contact)) {
    if (match[2]) continue; // `existing` reads a contact, it does not set one
    const open = r.text.indexOf("{", match.index + match[0].length);
    if (open < 0) continue;
    const body = r.text.slice(open, closingBrace(r.text, open));
    for (const property of body.matchAll(/(?<![\w.])(emails?)\s*:\s*/g)) {
      const legacy = property[1] === "email";
      out.push(
        valueAt(
          r,
          open + property.index + property[0].length,
          `${match[1] ?? "resource"}.properties.${property[1]}`,
          params,
          legacy || undefined,
        ),
      );
    }
  }
  return out;
}

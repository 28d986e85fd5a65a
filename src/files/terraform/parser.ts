/**
 * HCL's native syntax: bodies (arguments and blocks, labels quoted or bare)
 * over expressions.ts, each node with its offset.
 */
import { ExprParser, parseTokens } from "./expressions.js";
import { HclSyntaxError, templateParts, tokenize } from "./lexer.js";
import type { Attribute, Block, Body, Expr } from "./syntax.js";

class BodyParser extends ExprParser {
  body(inBlock: boolean): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    const names = new Set<string>();
    for (;;) {
      const token = this.peek(false);
      if (token.t === "eof" || (inBlock && this.isPunct(token, "}"))) break;
      if (token.t !== "ident")
        throw this.unexpected(token, "an argument or block");
      this.i++;
      const after = this.peek(true);
      if (this.isPunct(after, "=")) {
        this.i++;
        // As HCL: an argument may be set only once in a body.
        if (names.has(token.v))
          throw new HclSyntaxError(
            `argument ${token.v} is set twice`,
            token.at,
          );
        names.add(token.v);
        attributes.push({ name: token.v, at: token.at, expr: this.expr(true) });
        const end = this.peek(true);
        if (
          end.t !== "nl" &&
          end.t !== "eof" &&
          !(inBlock && this.isPunct(end, "}"))
        )
          throw this.unexpected(end, "a newline after the argument");
        continue;
      }
      const labels: string[] = [];
      for (
        let label = this.peek(true);
        !this.isPunct(label, "{");
        label = this.peek(true)
      ) {
        this.i++;
        if (label.t === "ident") labels.push(label.v);
        else if (
          label.t === "template" &&
          label.parts.every((p) => "text" in p)
        )
          labels.push(
            label.parts.map((p) => ("text" in p ? p.text : "")).join(""),
          );
        else throw this.unexpected(label, "'=' or a block label");
      }
      this.i++;
      this.enter(token.at);
      blocks.push({
        type: token.v,
        labels,
        at: token.at,
        body: this.body(true),
      });
      this.depth--;
      this.expect("}", false);
    }
    return { attributes, blocks };
  }
}
/** A native-syntax file's body. Throws HclSyntaxError with an offset. */
export function parseHclBody(text: string): Body {
  return new BodyParser(tokenize(text)).body(false);
}

/** A JSON-syntax string as the template it is in `.tf.json` (offsets from `at`). */
export function parseJsonTemplate(text: string, at: number, end: number): Expr {
  return new ExprParser([]).template(templateParts(text, at + 1), at, end);
}

/** One expression alone, e.g. a `.tf.json` variable's `type` string. */
export function parseExpression(text: string, at: number): Expr {
  const tokens = tokenize(text).map((t) => ({
    ...t,
    at: t.at + at,
    end: t.end + at,
  }));
  return parseTokens(tokens);
}

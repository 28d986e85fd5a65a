/**
 * A parser for the Bicep we read: declarations (param, var, resource, module,
 * output, using) and expressions (strings with interpolation, objects with
 * quoted keys, arrays, `if (…)` bodies, `for` loops, ternaries, operators,
 * property and index access, function calls, lambdas, spreads). Declarations
 * it does not need (type, func, import, metadata, targetScope…) are skipped
 * to the end of their statement. Every node keeps its source offset.
 */
import type { Declaration } from "./bicep-ast.js";
import { ExpressionParser } from "./bicep-expr.js";
import { tokenize } from "./bicep-lex.js";

class Parser extends ExpressionParser {
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
  protected declaration(): Declaration | undefined {
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
}

export function parseBicep(text: string): Declaration[] {
  return new Parser(text, tokenize(text)).declarations();
}

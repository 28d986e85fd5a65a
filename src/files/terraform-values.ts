/**
 * One Terraform value as the JSON form of HCL writes it: a literal, one
 * `var.x` resolved from the directory's variables, a `jsonencode` of a
 * literal, or an error finding "unresolved: …". Nothing is evaluated.
 */

/** What a directory defines: variable values and accelerator replacement names. */
export interface TerraformContext {
  /** A variable's value: the last `.tfvars` that sets it, else its default. */
  readonly variables: ReadonlyMap<string, unknown>;
  /** `custom_replacements.names` keys defined in the directory (`$${name}` refers to them). */
  readonly replacements: ReadonlySet<string>;
}

export type Raw = Record<string, unknown>;

export const isObject = (value: unknown): value is Raw =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const QUOTED = String.raw`"(?:[^"\\]|\\.)*"`;

/** The first `key = "literal"` (or `"key": "literal"`) inside an expression's text. */
export function fieldLiteral(
  expression: string,
  key: string,
): string | undefined {
  const match = new RegExp(`\\b${key}"?\\s*[=:]\\s*(${QUOTED})`, "i").exec(
    expression,
  );
  if (!match?.[1]) return undefined;
  const value = JSON.parse(match[1]) as string;
  return value.includes("${") && !value.includes("$${") ? undefined : value;
}

type Interpreted = { value: string } | { error: string } | { skip: true };

/** One value: a literal, `${var.x}`, `${jsonencode({ value = "…" })}`, or unresolved. */
export function interpret(
  raw: unknown,
  context: TerraformContext,
  viaVariable = false,
): Interpreted {
  if (typeof raw !== "string") {
    if (isObject(raw) && "value" in raw)
      return interpret(raw.value, context, viaVariable);
    return {
      error: `unresolved: not a string (${JSON.stringify(raw)?.slice(0, 80)})`,
    };
  }
  const reference = /^\$\$\{(\w+)\}$/.exec(raw)?.[1];
  if (reference) {
    // The accelerator's placeholder: its value is the replacement's own finding.
    return context.replacements.has(reference)
      ? { skip: true }
      : {
          error: `unresolved: ${raw} (no custom_replacements.names.${reference})`,
        };
  }
  const expression = /^\$\{([\s\S]*)\}$/.exec(raw)?.[1]?.trim();
  if (expression === undefined) {
    return raw.replaceAll("$${", "").includes("${")
      ? { error: `unresolved: ${raw}` }
      : { value: raw };
  }
  const variable = /^var\.([\w-]+)$/.exec(expression)?.[1];
  if (variable && !viaVariable && context.variables.has(variable)) {
    return interpret(context.variables.get(variable), context, true);
  }
  const encoded = /^jsonencode\(([\s\S]*)\)$/.exec(expression)?.[1]?.trim();
  if (encoded !== undefined) {
    if (/^"/.test(encoded)) {
      const literal = new RegExp(`^(${QUOTED})$`).exec(encoded)?.[1];
      if (literal) return interpret(JSON.parse(literal), context, viaVariable);
    }
    const value = fieldLiteral(encoded, "value");
    if (value !== undefined) return interpret(value, context, viaVariable);
  }
  return { error: `unresolved: ${expression}` };
}

/**
 * How names resolve in one ARM template of one deployment: a parameter is
 * what the deployment binds, else its defaultValue, else unbound (decided at
 * deployment); variables are evaluated once, and a name that needs itself
 * is an error rather than a loop.
 */
import { jsonValue, type ArmScope, type JsonPlace } from "./arm-expr.js";
import { child, entries, type Node } from "./json-tree.js";
import { failed, type Origin, type Value } from "./values.js";

/** A scope for one template in one deployment. */
export function templateScope(
  place: JsonPlace,
  template: Node,
  bindings: ReadonlyMap<string, Value>,
  deployedBy: string,
  label: string,
  escaped = false,
): ArmScope {
  // Indexed once: a template may hold thousands of parameters and references.
  const index = (key: string): Map<string, [string, Node]> =>
    new Map(
      entries(child(template, key)).map(([name, node]) => [
        name.toLowerCase(),
        [name, node],
      ]),
    );
  const declared = index("parameters");
  const declaredVariables = index("variables");
  const parameters = new Map<string, Value | "pending">();
  const variables = new Map<string, Value | "pending">();
  /** Each name evaluated once per deployment; a name that needs itself is an error, not a loop. */
  const once = (
    cache: Map<string, Value | "pending">,
    name: string,
    use: Origin,
    evaluate: () => Value,
  ): Value => {
    const key = name.toLowerCase();
    const cached = cache.get(key);
    if (cached === "pending") return failed(`${name} refers to itself`, use);
    if (cached) return cached;
    cache.set(key, "pending");
    const value = evaluate();
    cache.set(key, value);
    return value;
  };
  const scope: ArmScope = {
    escaped,
    parameter(name, use) {
      const bound = bindings.get(name.toLowerCase());
      if (bound) return bound;
      const [declName, decl] = declared.get(name.toLowerCase()) ?? [];
      if (!declName || !decl) return failed(`unknown parameter ${name}`, use);
      return once(parameters, declName, use, () => {
        const fallback = child(decl, "defaultValue");
        const setting = `${label}parameters.${declName}`;
        if (fallback)
          return jsonValue(place, fallback, `${setting}.defaultValue`, scope);
        return {
          kind: "unbound",
          why: `parameter ${declName} of ${place.path} has no defaultValue and no scanned file sets it (deployed by ${deployedBy}): decided at deployment`,
          origin: {
            path: place.path,
            line: place.doc.line(decl),
            setting,
            source: place.source,
          },
        };
      });
    },
    variable(name, use) {
      const [declName, node] = declaredVariables.get(name.toLowerCase()) ?? [];
      if (!declName || !node) return failed(`unknown variable ${name}`, use);
      return once(variables, declName, use, () =>
        jsonValue(place, node, `${label}variables.${declName}`, scope),
      );
    },
  };
  return scope;
}

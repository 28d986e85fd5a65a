/**
 * An instance of a module: a root with its variable values, or a module
 * called by another with the caller's inputs. Variables, locals and module
 * outputs resolve lazily and once each, the way Terraform would: input, else
 * default (with the `optional(type, default)` defaults of object types),
 * else unset.
 */
import {
  fileOf,
  localSource,
  type Declared,
  type ModuleDir,
} from "./module.js";
import { applyTypeDefaults } from "./types.js";
import {
  attribute,
  type Attribute,
  type Block,
  type Expr,
  type TfFile,
} from "./syntax.js";
import {
  NO_REFERENCES,
  unknown,
  type Origin,
  type Scope,
  type Val,
} from "./val.js";
import { evaluate } from "./values.js";

/** How an instance gets its variables: a root's .tfvars, or the caller's arguments. */
export interface Inputs {
  /** The value given for a variable, if any. */
  value(name: string): Val | undefined;
  /** A variable with no default and no value: what to say. */
  missing(name: string, declared: Declared<Block>): Val;
  /** A root's variable defaulting to null is left to whoever deploys it: missing too. */
  readonly nullIsMissing?: true;
}

const ARGUMENTS_NOT_INPUTS = new Set([
  "source",
  "version",
  "providers",
  "count",
  "for_each",
  "depends_on",
]);

export class Instance implements Scope {
  private readonly vars = new Map<string, Val>();
  private readonly localValues = new Map<string, Val | "busy">();
  private readonly children = new Map<string, Instance | string>();
  private readonly args = new Map<string, Val>();

  constructor(
    readonly module: ModuleDir,
    private readonly inputs: Inputs,
    private readonly modules: ReadonlyMap<string, ModuleDir>,
    /** Directories of the calls leading here: a module calling itself is refused. */
    readonly stack: readonly string[],
  ) {}

  variable(name: string, o: Origin): Val {
    const known = this.vars.get(name);
    if (known) return known;
    const declared = this.module.variables.get(name);
    let value: Val;
    if (this.module.twice.has(`variable.${name}`)) {
      value = unknown(
        `var.${name} (declared twice in ${this.module.dir})`,
        o,
        true,
      );
    } else if (!declared) {
      value = unknown(`var.${name} (not declared in ${this.module.dir})`, o);
    } else {
      const { node } = declared;
      const fallback = attribute(node.body, "default");
      const byDefault = fallback
        ? evaluate(fallback.expr, {
            file: fileOf(declared, "default"),
            scope: NO_REFERENCES,
            setting: `variable.${name}.default`,
            depth: 0,
          })
        : undefined;
      const isNull =
        byDefault?.k === "prim" &&
        byDefault.v === null &&
        this.inputs.nullIsMissing;
      const given =
        this.inputs.value(name) ??
        (byDefault && !isNull
          ? byDefault
          : this.inputs.missing(name, declared));
      const type = attribute(node.body, "type");
      value = type
        ? applyTypeDefaults(
            given,
            type.expr,
            fileOf(declared, "type"),
            `variable.${name}`,
          )
        : given;
    }
    this.vars.set(name, value);
    return value;
  }

  local(name: string, o: Origin): Val {
    const known = this.localValues.get(name);
    if (known === "busy") return unknown(`local.${name} (refers to itself)`, o);
    if (known) return known;
    if (this.module.twice.has(`locals.${name}`))
      return unknown(
        `local.${name} (defined twice in ${this.module.dir})`,
        o,
        true,
      );
    const declared = this.module.locals.get(name);
    if (!declared)
      return unknown(`local.${name} (not declared in ${this.module.dir})`, o);
    this.localValues.set(name, "busy");
    const value = evaluate(declared.node.expr, {
      file: declared.file,
      scope: this,
      setting: `locals.${name}`,
      depth: 0,
    });
    this.localValues.set(name, value);
    return value;
  }

  /** The instance a local module call creates, or why there is none. */
  child(name: string): Instance | string {
    const known = this.children.get(name);
    if (known) return known;
    const call = this.module.calls.get(name);
    const source = call
      ? localSource(this.module.dir, call.node)
      : { why: "no such module call" };
    let made: Instance | string;
    if ("why" in source) made = source.why;
    else if (this.stack.includes(source.dir))
      made = `module ${source.dir} calls itself`;
    else {
      const target = this.modules.get(source.dir);
      made =
        target && call
          ? new Instance(target, this.callInputs(name, call), this.modules, [
              ...this.stack,
              source.dir,
            ])
          : `${source.dir} holds no Terraform files that could be read`;
    }
    this.children.set(name, made);
    return made;
  }

  /** An expression of this module's file, evaluated here. */
  evaluate(expr: Expr, file: TfFile, setting: string): Val {
    return evaluate(expr, { file, scope: this, setting, depth: 0 });
  }

  /** One argument of a module call, evaluated here once. */
  private argument(
    name: string,
    call: Declared<Block>,
    variable: string,
  ): Val | undefined {
    if (ARGUMENTS_NOT_INPUTS.has(variable)) return undefined;
    const key = `${name}\u0000${variable}`;
    const known = this.args.get(key);
    if (known) return known;
    const argument = attribute(call.node.body, variable);
    if (!argument) return undefined;
    const value = evaluate(argument.expr, {
      file: call.file,
      scope: this,
      setting: `module.${name}.${variable}`,
      depth: 0,
    });
    this.args.set(key, value);
    return value;
  }

  private callInputs(name: string, call: Declared<Block>): Inputs {
    return {
      value: (variable) => this.argument(name, call, variable),
      missing: (variable) =>
        unknown(
          `module.${name} does not set var.${variable}, which has no default`,
          {
            file: call.file,
            at: call.node.at,
            setting: `module.${name}`,
          },
        ),
    };
  }

  moduleOutput(call: string, output: string, o: Origin): Val {
    const child = this.child(call);
    if (typeof child === "string")
      return unknown(`module.${call}.${output} (${child})`, o);
    const declared = child.module.outputs.get(output);
    const value = declared && attribute(declared.node.body, "value");
    if (!declared || !value)
      return unknown(`module.${call}.${output} (no such output)`, o);
    return evaluate(value.expr, {
      file: declared.file,
      scope: child,
      setting: `output.${output}`,
      depth: 0,
    });
  }

  /** The arguments of a module call that are inputs, evaluated here. */
  callArguments(name: string, call: Declared<Block>): [Attribute, Val][] {
    return call.node.body.attributes.flatMap((a): [Attribute, Val][] => {
      const value = this.argument(name, call, a.name);
      return value ? [[a, value]] : [];
    });
  }
}

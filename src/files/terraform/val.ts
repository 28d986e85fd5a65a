/**
 * The values the Terraform scan computes, each with the place it is written
 * (its origin), and what references mean where an expression is evaluated.
 */
import type { TfFile } from "./syntax.js";

export interface Origin {
  readonly file: TfFile;
  readonly at: number;
  /** Where in that file, e.g. `locals.settings.email_security_contact`. */
  readonly setting: string;
}

export type Val =
  | { readonly k: "str"; readonly v: string; readonly o: Origin }
  | {
      readonly k: "prim";
      readonly v: number | boolean | null;
      readonly o: Origin;
    }
  | {
      readonly k: "obj";
      readonly m: ReadonlyMap<string, Val>;
      /** Where each key is written. */
      readonly keys: ReadonlyMap<string, Origin>;
      readonly o: Origin;
    }
  | { readonly k: "tuple"; readonly items: readonly Val[]; readonly o: Origin }
  /** `jsonencode(x)`: a string whose content is x (kept as a tree to read inside). */
  | { readonly k: "json"; readonly inner: Val; readonly o: Origin }
  | {
      readonly k: "unknown";
      readonly why: string;
      readonly o: Origin;
      /** It may hold a setting the scan cannot see: always an error finding. */
      readonly hidden?: true;
    }
  | { readonly k: "unset"; readonly why: string; readonly o: Origin };

/** What `var.`, `local.` and `module.` mean where an expression is evaluated. */
export interface Scope {
  variable(name: string, o: Origin): Val;
  local(name: string, o: Origin): Val;
  moduleOutput(call: string, output: string, o: Origin): Val;
}

/** A scope where nothing can be referred to: `.tfvars` files and variable defaults. */
export const NO_REFERENCES: Scope = {
  variable: (name, o) =>
    unknown(`var.${name} (references are not allowed here)`, o),
  local: (name, o) =>
    unknown(`local.${name} (references are not allowed here)`, o),
  moduleOutput: (call, output, o) =>
    unknown(`module.${call}.${output} (references are not allowed here)`, o),
};

export const unknown = (why: string, o: Origin, hidden = false): Val => ({
  k: "unknown",
  why,
  o,
  ...(hidden ? { hidden: true as const } : {}),
});

export interface Context {
  readonly file: TfFile;
  readonly scope: Scope;
  readonly setting: string;
  readonly depth: number;
}

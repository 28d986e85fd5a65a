/** The syntax tree of the Bicep subset the scan reads (see bicep-parse.ts). */

export type Expr =
  | {
      readonly type: "string";
      readonly pieces: readonly string[];
      readonly holes: readonly Expr[];
      readonly offset: number;
      readonly end: number;
    }
  | { readonly type: "literal"; readonly offset: number; readonly end: number }
  | {
      readonly type: "name";
      readonly name: string;
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "object";
      readonly properties: readonly Property[];
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "array";
      readonly items: readonly Expr[];
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "member";
      readonly object: Expr;
      readonly name: string;
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "index";
      readonly object: Expr;
      readonly index: Expr;
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: "call";
      readonly callee: Expr;
      readonly args: readonly Expr[];
      readonly offset: number;
      readonly end: number;
    }
  /** Anything judged only as "not a literal": operators, ternaries, loops, lambdas, conditions. */
  | {
      readonly type: "computed";
      readonly offset: number;
      readonly end: number;
    };

export interface Property {
  /** Undefined for a spread (`...expr`); an expression for an interpolated name. */
  readonly key: string | Expr | undefined;
  readonly value: Expr;
  readonly offset: number;
}

export type Declaration =
  | {
      readonly kind: "param" | "var" | "output";
      readonly name: string;
      readonly value: Expr | undefined;
      readonly offset: number;
    }
  | {
      readonly kind: "resource";
      readonly name: string;
      readonly resourceType: string;
      readonly existing: boolean;
      readonly body: Expr;
      readonly offset: number;
    }
  | {
      readonly kind: "module";
      readonly name: string;
      readonly target: string;
      readonly body: Expr;
      readonly offset: number;
    }
  | {
      readonly kind: "using";
      readonly target: string;
      readonly offset: number;
    };

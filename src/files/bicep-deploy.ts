/** Judges one Bicep deployment: contact resources and parameters, and each module call followed with the values it passes. */
import type { Declaration } from "./bicep-ast.js";
import {
  BicepEvaluation,
  isExternalModule,
  type BicepUnit,
  type Reach,
} from "./bicep-eval.js";
import type { FileFinding } from "./findings.js";
import {
  isContactParameter,
  isSinkType,
  namedFindings,
  resourceFindings,
} from "./sinks.js";
import { judge, property, type Value } from "./values.js";

export class BicepDeployment extends BicepEvaluation {
  constructor(
    unit: BicepUnit,
    bindings: ReadonlyMap<string, Value>,
    deployedBy: string,
    reach: Reach,
    /** How many module calls led to this deployment. */
    private readonly depth: number,
  ) {
    super(unit, bindings, deployedBy, reach);
  }

  /** Judges every resource, module call and contact parameter of this deployment. */
  judgeAll(out: FileFinding[]): void {
    for (const d of this.unit.declarations) {
      if (d.kind === "resource" && !d.existing && isSinkType(d.resourceType)) {
        const sink = this.origin(d.offset, d.name);
        const body = this.value(d.body, d.name);
        out.push(
          ...resourceFindings(
            d.resourceType,
            property(body, "properties"),
            sink,
          ),
        );
      } else if (d.kind === "module") {
        this.module(d, out);
      }
    }
    // Last, so a value also followed to where it is deployed keeps that use site.
    for (const d of this.unit.declarations) {
      if (d.kind === "param" && isContactParameter(d.name)) {
        const sink = this.origin(d.offset, `param ${d.name}`);
        out.push(judge(this.param(d.name, sink), sink));
      }
    }
  }

  private module(
    d: Declaration & { kind: "module" },
    out: FileFinding[],
  ): void {
    const call = this.origin(d.offset, `module ${d.name}`);
    const params = property(this.value(d.body, d.name), "params");
    const bindings = new Map<string, Value>();
    if (params?.kind === "object")
      for (const [k, v] of params.entries) bindings.set(k, v);
    const followed =
      !isExternalModule(d.target) &&
      params?.kind !== "error" &&
      this.reach.deploy(
        this.unit.path,
        d.target,
        bindings,
        call,
        this.depth + 1,
      );
    if (followed) return;
    // The module's code is elsewhere: judge what the call passes under the contact's names.
    for (const [key, value] of bindings)
      out.push(
        ...namedFindings(key, value, {
          ...call,
          setting: `${call.setting}.params.${key}`,
        }),
      );
  }
}

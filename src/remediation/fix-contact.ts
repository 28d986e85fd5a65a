/**
 * Fixes one subscription's security contact: read it whole, let the remedy
 * change what the failing controls need, then either stop at the plan or
 * write the merged body and read it back. The read-back decides: a write
 * Azure accepted but that did not stick is a failure, said so.
 */
import type { ContactWriter } from "../azure/contact-writer.js";
import type { FieldChange } from "../check/model.js";
import { diffContacts } from "./contact-diff.js";
import type { ContactProperties } from "../check/contact-merge.js";

/** The contact after the failing controls' remedies; undefined before: none exists yet. */
export type Remedy = (
  before: ContactProperties | undefined,
) => ContactProperties;

export type FixOutcome =
  /** `plan`: what `apply` would write. */
  | { action: "plan"; changes: FieldChange[] }
  /** Nothing to change: the contact already holds what the remedies add. */
  | { action: "unchanged"; changes: [] }
  /** Written, and the read-back holds every change. */
  | { action: "applied"; changes: FieldChange[]; readBack: ContactProperties }
  | {
      action: "failed";
      changes: FieldChange[];
      /** One plain sentence. */
      reason: string;
      /** The contact as read back, when it could be (null: none); for the final verdict. */
      readBack?: ContactProperties | null;
    };

export async function fixContact(
  writer: ContactWriter,
  subscriptionId: string,
  mode: "plan" | "apply",
  remedy: Remedy,
): Promise<FixOutcome> {
  const current = await writer.read(subscriptionId);
  if (current.kind === "error") {
    return {
      action: "failed",
      changes: [],
      reason: `The security contact could not be read before the fix (${current.code}): ${current.message}`,
    };
  }
  const before = current.kind === "found" ? current.properties : undefined;
  const after = remedy(before);
  const changes = diffContacts(before, after);
  if (changes.length === 0) return { action: "unchanged", changes: [] };
  if (mode === "plan") return { action: "plan", changes };

  const write = await writer.write(subscriptionId, after, current);
  if (write.kind === "stale") {
    return { action: "failed", changes, reason: write.message };
  }
  if (write.kind === "refused") {
    return {
      action: "failed",
      changes,
      reason: `Azure refused the write (${write.code}): ${write.message}`,
    };
  }
  const uncertain =
    write.kind === "unknown"
      ? ` The write itself ended without an answer (${write.code}): ${write.message}`
      : "";
  const back = await writer.read(subscriptionId);
  if (back.kind === "error") {
    return {
      action: "failed",
      changes,
      reason: `The security contact could not be read back after the write (${back.code}): ${back.message}${uncertain}`,
    };
  }
  const readBack = back.kind === "found" ? back.properties : null;
  const missing = diffContacts(readBack ?? undefined, after);
  if (missing.length === 0 && readBack !== null) {
    return { action: "applied", changes, readBack };
  }
  const fields = missing.map((change) => change.field).join(", ");
  return {
    action: "failed",
    changes,
    reason:
      write.kind === "accepted"
        ? `Azure accepted the write, but reading the contact back shows it did not stick (${fields} unchanged).`
        : `The write may not have been applied: reading the contact back shows ${fields} unchanged.${uncertain}`,
    readBack,
  };
}

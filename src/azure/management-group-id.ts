/** Azure's rule for a management group ID, apart from the reader so checking an input loads no SDK. */

/** Up to 90 of these characters, no trailing period. */
export function isManagementGroupId(id: string): boolean {
  return /^[\w\-.()]{0,89}[\w\-()]$/.test(id);
}

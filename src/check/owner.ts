/**
 * Who to chase for a subscription: the value of its first tag named in
 * `owner-tags`. Pure.
 */
/**
 * The first tag in `ownerTags` order that the subscription carries with a
 * non-blank value, trimmed; undefined when none. Tag names match
 * case-insensitively, as Azure compares them.
 */
export function ownerOf(
  tags: Readonly<Record<string, string>> | undefined,
  ownerTags: readonly string[],
): string | undefined {
  if (!tags) return undefined;
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(tags)) {
    const key = name.trim().toLowerCase();
    if (!byName.has(key) && value.trim()) byName.set(key, value.trim());
  }
  for (const name of ownerTags) {
    const value = byName.get(name.toLowerCase());
    if (value) return value;
  }
  return undefined;
}

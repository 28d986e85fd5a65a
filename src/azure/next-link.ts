/**
 * Whether to follow an ARM `nextLink`: one rule for every list the action
 * pages by hand. The bearer token goes only to the configured Resource
 * Manager origin, a link seen before would loop, and a page bound stops an
 * answer that never ends.
 */

/** The list being paged, as the messages name it, and its page bound. */
export interface PagedList {
  name: string;
  maxPages: number;
}

/** Why `nextLink` must not be followed, or null when it may. */
export function nextLinkProblem(
  nextLink: string,
  resourceManagerEndpoint: string,
  seen: ReadonlySet<string>,
  pages: number,
  list: PagedList,
): string | null {
  let origin: string;
  try {
    origin = new URL(nextLink).origin;
  } catch {
    return `The ${list.name} answer has a 'nextLink' that is not a URL.`;
  }
  if (origin !== new URL(resourceManagerEndpoint).origin) {
    return `The ${list.name} answer has a 'nextLink' to another origin (${origin}), which is not followed.`;
  }
  if (seen.has(nextLink)) {
    return `The ${list.name} answer repeats a 'nextLink', so the list never ends.`;
  }
  if (pages >= list.maxPages) {
    return `The ${list.name} list has more than ${list.maxPages} pages.`;
  }
  return null;
}

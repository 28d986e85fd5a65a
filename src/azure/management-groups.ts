/**
 * Reads which subscriptions sit below a management group, with the
 * Management Groups descendants API (api-version 2020-05-01), through the
 * authenticated ARM pipeline the action already has. The paging decisions
 * and the reading of a page are pure and exported for their tests.
 */
import {
  createPipelineRequest,
  type PipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
import { errorMessage, isGuid } from "../text.js";
import { armError, parseJson, type ArmError } from "./arm-answer.js";
import { isManagementGroupId } from "./management-group-id.js";
import { nextLinkProblem, type PagedList } from "./next-link.js";

export const DESCENDANTS_API_VERSION = "2020-05-01";

/**
 * Far above any real hierarchy (at most 10,000 groups, each a page or more); it only
 * stops a server that never ends its paging.
 */
const MAX_DESCENDANT_PAGES = 10_000;

const DESCENDANT_LIST: PagedList = {
  name: "management group descendants",
  maxPages: MAX_DESCENDANT_PAGES,
};

/** A subscription somewhere below the group that was walked. */
export interface GroupMember {
  subscriptionId: string;
  /** ID (name) of its direct parent group, from the hierarchy answer. */
  parentGroup: string;
}

export type GroupWalk =
  | { kind: "found"; members: GroupMember[] }
  | { kind: "error"; code: string; message: string };

/** The one question the scope asks about a management group. */
export interface GroupReader {
  descendants(groupId: string): Promise<GroupWalk>;
}

/** What the reader needs of an SDK client: its authenticated pipeline. */
export interface ArmRequestSender {
  sendRequest(request: PipelineRequest): Promise<PipelineResponse>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Last segment of `/providers/Microsoft.Management/managementGroups/<id>`, when it is a valid ID. */
function groupIdOf(resourceId: unknown): string | undefined {
  if (typeof resourceId !== "string") return undefined;
  const id = /\/managementGroups\/([^/]+)$/i.exec(resourceId)?.[1];
  return id && isManagementGroupId(id) ? id : undefined;
}

/** One page of the descendants answer: its subscriptions and its nextLink. */
export function readDescendantsPage(
  status: number,
  body: string | undefined,
): { members: GroupMember[]; nextLink: string | undefined } | ArmError {
  if (status !== 200) return armError(status, body);
  const parsed = parseJson(status, body);
  if (!parsed.ok) return parsed.error;
  const page = parsed.value;
  if (!isObject(page) || !Array.isArray(page.value)) {
    return {
      code: "MalformedResponse",
      message: "The descendants answer has no 'value' list.",
    };
  }
  const members: GroupMember[] = [];
  for (const [index, item] of page.value.entries()) {
    // Groups are listed too; only subscriptions matter to the scope.
    if (!isObject(item) || typeof item.type !== "string") {
      return {
        code: "MalformedResponse",
        message: `Descendant #${index + 1} has no type.`,
      };
    }
    if (!/(^|\/)subscriptions$/i.test(item.type)) continue;
    const parent = isObject(item.properties) ? item.properties.parent : null;
    const parentGroup = groupIdOf(isObject(parent) ? parent.id : undefined);
    if (typeof item.name !== "string" || !isGuid(item.name) || !parentGroup) {
      return {
        code: "MalformedResponse",
        message: `Descendant #${index + 1} is a subscription without a GUID name or a parent group.`,
      };
    }
    members.push({ subscriptionId: item.name, parentGroup });
  }
  const next = page.nextLink;
  return {
    members,
    nextLink: typeof next === "string" && next !== "" ? next : undefined,
  };
}

export class ManagementGroupReader implements GroupReader {
  constructor(
    private readonly client: ArmRequestSender,
    private readonly resourceManagerEndpoint: string,
  ) {}

  async descendants(groupId: string): Promise<GroupWalk> {
    let url =
      `${this.resourceManagerEndpoint}/providers/Microsoft.Management/managementGroups/` +
      `${encodeURIComponent(groupId)}/descendants?api-version=${DESCENDANTS_API_VERSION}`;
    const seen = new Set<string>([url]);
    const members: GroupMember[] = [];
    for (;;) {
      let response: PipelineResponse;
      try {
        response = await this.client.sendRequest(
          createPipelineRequest({ url, method: "GET" }),
        );
      } catch (error) {
        // Retries are spent: the walk fails, named by its group.
        return {
          kind: "error",
          code: "RequestFailed",
          message: errorMessage(error),
        };
      }
      const page = readDescendantsPage(
        response.status,
        response.bodyAsText ?? undefined,
      );
      if ("code" in page) return { kind: "error", ...page };
      members.push(...page.members);
      if (!page.nextLink) return { kind: "found", members };
      const problem = nextLinkProblem(
        page.nextLink,
        this.resourceManagerEndpoint,
        seen,
        seen.size,
        DESCENDANT_LIST,
      );
      if (problem) {
        return { kind: "error", code: "MalformedResponse", message: problem };
      }
      url = page.nextLink;
      seen.add(url);
    }
  }
}

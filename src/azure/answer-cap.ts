/**
 * A pipeline policy that bounds every answer of a Resource Manager or Entra
 * ID pipeline (see answer-size.ts): the HTTP client hands the decoded body
 * over as a stream, and this policy reads at most the bound of it, so a
 * gzip bomb never reaches memory. Placed next to the transport, so the
 * resilience policy's attempt timeout still covers the whole body.
 */
import { RestError, type PipelinePolicy } from "@azure/core-rest-pipeline";
import {
  AnswerTooLargeError,
  checkDeclaredLength,
  MAX_ANSWER_BYTES,
  readBounded,
} from "../answer-size.js";

export const answerCapPolicyName = "answerSizeCap";

/**
 * `onRefused` hears each refusal: MSAL replaces the cause of a failed
 * sign-in with its own code, so the sign-in explains it from there.
 */
export function answerCapPolicy(
  service: string,
  onRefused?: (message: string) => void,
  maxBytes = MAX_ANSWER_BYTES,
): PipelinePolicy {
  return {
    name: answerCapPolicyName,
    async sendRequest(request, next) {
      const callerSignal = request.abortSignal;
      const controller = new AbortController();
      const onAbort = (): void => controller.abort();
      if (callerSignal?.aborted) onAbort();
      callerSignal?.addEventListener("abort", onAbort, { once: true });
      const streamed = request.streamResponseStatusCodes;
      request.streamResponseStatusCodes = new Set([Number.POSITIVE_INFINITY]);
      request.abortSignal = controller.signal;
      const what = `${service}'s answer to ${request.method} ${new URL(request.url).pathname}`;
      try {
        const response = await next(request);
        const body = response.readableStreamBody;
        if (!body) return response;
        try {
          checkDeclaredLength(
            response.headers.get("content-length"),
            what,
            maxBytes,
          );
          const bytes = await readBounded(
            body,
            what,
            () => controller.abort(),
            maxBytes,
          );
          response.bodyAsText = bytes.toString("utf8");
          delete response.readableStreamBody;
          return response;
        } catch (error) {
          controller.abort();
          if (!(error instanceof AnswerTooLargeError)) throw error;
          onRefused?.(error.message);
          // A status code marks it as an answer, which no retry policy resends.
          throw new RestError(error.message, {
            code: error.code,
            statusCode: response.status,
          });
        }
      } finally {
        callerSignal?.removeEventListener("abort", onAbort);
        request.abortSignal = callerSignal;
        request.streamResponseStatusCodes = streamed;
      }
    },
  };
}

/**
 * One HTTP request through an undici Dispatcher, never throwing: the answer's status and headers, or the
 * kind of failure. Redirects are not followed here (the prober records each hop).
 */
import type { Dispatcher } from "undici";
import type { HeaderMap } from "./retry-policy.js";

export type FailureKind = "timeout" | "dns" | "dns-temporary" | "refused" | "reset" | "tls" | "other";

export type Attempt =
  | { kind: "response"; status: number; headers: HeaderMap }
  | { kind: "failure"; failure: FailureKind; code: string; message: string };

export interface RequestSpec {
  url: URL;
  method: "GET" | "HEAD";
  userAgent: string;
  /**
   * The whole request: connection wait, headers and the part of the body we read, all together. A server that
   * drips one byte a second never resets it (undici's bodyTimeout alone restarts on every chunk).
   */
  timeoutMs: number;
  bodyLimitBytes: number;
}

const TLS_CODE = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/;

/** Maps an error from undici, net, dns or tls to a failure kind. */
export function classifyError(error: unknown): Attempt & { kind: "failure" } {
  const err = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code ?? "UNKNOWN";
  const message = err.message ?? String(error);
  const failure = (kind: FailureKind) => ({ kind: "failure" as const, failure: kind, code, message });
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
    case "ETIMEDOUT":
    case "PAPERSHELF_REQUEST_DEADLINE":
      return failure("timeout");
    case "ENOTFOUND":
      return failure("dns");
    case "EAI_AGAIN":
      return failure("dns-temporary");
    case "ECONNREFUSED":
      return failure("refused");
    case "ECONNRESET":
    case "EPIPE":
    case "UND_ERR_SOCKET":
    case "UND_ERR_CLOSED":
      return failure("reset");
    default:
      return failure(TLS_CODE.test(code) ? "tls" : "other");
  }
}

/** Thrown into undici to stop reading a body we have seen enough of; never reaches the caller. */
class BodyLimitReached extends Error {}

/** Thrown into undici when the whole request ran past its deadline. */
class DeadlineReached extends Error {
  readonly code = "PAPERSHELF_REQUEST_DEADLINE";
}

/**
 * Sends one request through undici's low-level `dispatch`: no body stream is built, the body is counted and
 * dropped as it arrives (up to `bodyLimitBytes`, so small pages end cleanly and the keep-alive connection is
 * reused; past that the request is aborted, which closes that one connection). undici's own timers bound the
 * wait for headers and each gap in the body; one more timer bounds the whole request, because the body timer
 * restarts on every chunk. A deadline that passes after the headers keeps their status as the answer (the link
 * answered; only its body was slow), one that passes before them is a timeout. At 5,000 links a stream and an
 * AbortController per request are measurable, so the one timer is plain and unref'd.
 */
export function sendRequest(dispatcher: Dispatcher, spec: RequestSpec): Promise<Attempt> {
  return new Promise<Attempt>((resolve) => {
    let answer: Attempt | undefined;
    let bytes = 0;
    const settle = (attempt: Attempt) => {
      if (!settled) {
        settled = true;
        resolve(attempt);
      }
    };
    let settled = false;
    let controller: Dispatcher.DispatchController | undefined;
    let deadlinePassed = false;
    const deadline = setTimeout(() => {
      deadlinePassed = true;
      const error = new DeadlineReached(`no complete answer within ${spec.timeoutMs} ms`);
      // Settle first: abort() may call onResponseError synchronously, which must not win with a vaguer error.
      settle(answer ?? classifyError(error));
      controller?.abort(error);
    }, spec.timeoutMs);
    deadline.unref();
    const finish = (attempt: Attempt) => {
      clearTimeout(deadline);
      settle(attempt);
    };
    const handler: Dispatcher.DispatchHandler = {
      // Its presence tells undici this handler speaks the v7 controller API.
      onRequestStart(requestController) {
        controller = requestController;
        if (deadlinePassed) requestController.abort(new DeadlineReached("deadline passed in the queue"));
      },
      onResponseStart(_controller, statusCode, headers) {
        // 1xx informational answers come before the real one.
        if (statusCode >= 200 || statusCode === 101)
          answer = { kind: "response", status: statusCode, headers };
      },
      onResponseData(controller, chunk) {
        bytes += chunk.length;
        if (bytes > spec.bodyLimitBytes) controller.abort(new BodyLimitReached());
      },
      onResponseEnd() {
        finish(answer ?? { kind: "failure", failure: "other", code: "NO_RESPONSE", message: "no response" });
      },
      onResponseError(_controller, error) {
        // Headers arrived and the body was cut (by us or by a reset): the status is still the answer.
        finish(answer ?? classifyError(error));
      },
    };
    try {
      dispatcher.dispatch(
        {
          origin: spec.url.origin,
          path: `${spec.url.pathname}${spec.url.search}`,
          method: spec.method,
          headers: { "user-agent": spec.userAgent, accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
          headersTimeout: spec.timeoutMs,
          bodyTimeout: spec.timeoutMs,
        },
        handler,
      );
    } catch (error) {
      finish(classifyError(error));
    }
  });
}

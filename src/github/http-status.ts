import { RequestError } from "octokit";

/** True when the error is GitHub answering with one of these HTTP statuses (not a network failure or a bug). */
export function isHttpStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof RequestError && statuses.includes(error.status);
}

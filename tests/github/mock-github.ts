/**
 * A loopback stand-in for the parts of GitHub's REST and GraphQL API papershelf uses, with state: issues, comments,
 * labels, git trees/commits/refs and pull requests behave like GitHub's (ids count up, equal trees have equal shas,
 * a non-forced ref update must fast-forward). Every request is recorded for assertions. The server is unref'd and
 * closes its connections on `close()`, so a forgotten mock never keeps the test process alive.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  /** Decoded path without the query string, e.g. /repos/o/r/git/ref/heads/papershelf/issue-7. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

interface User {
  login: string;
  type: "User" | "Bot";
}
interface Issue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason?: string | null;
  labels: string[];
  user: User;
  isPull: boolean;
}
interface Comment {
  id: number;
  issue: number;
  body: string;
  user: User;
}
interface Pull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: "open" | "closed";
}
interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}
export type Reply = {
  status: number;
  body?: unknown;
  raw?: string | Buffer;
  headers?: Record<string, string>;
};
export type GraphqlHandler = (query: string, variables: Record<string, unknown>) => Reply;

export const BOT: User = { login: "github-actions[bot]", type: "Bot" };

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** GitHub refuses issue, comment and pull request bodies longer than this with 422. */
export const GITHUB_BODY_LIMIT = 65_536;

function bodyTooLong(body: Record<string, unknown>): Reply | undefined {
  if (typeof body.body !== "string" || body.body.length <= GITHUB_BODY_LIMIT) return undefined;
  return {
    status: 422,
    body: {
      message: "Validation Failed",
      errors: [
        {
          code: "custom",
          field: "body",
          message: `body is too long (maximum is ${GITHUB_BODY_LIMIT} characters)`,
        },
      ],
    },
  };
}

export class MockGitHub {
  readonly calls: RecordedCall[] = [];
  readonly issues = new Map<number, Issue>();
  readonly comments = new Map<number, Comment>();
  readonly labels = new Map<string, { name: string; color: string; description: string }>();
  /** Reviews by pull request number, oldest first, as GET /pulls/{n}/reviews lists them. */
  readonly reviews = new Map<number, { login: string; state: string; association: string }[]>();
  readonly pulls = new Map<number, Pull>();
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, Commit>();
  readonly refs = new Map<string, string>();
  graphql: GraphqlHandler = () => ({ status: 200, body: { data: {} } });
  /**
   * Asked first on every request: a reply here wins over the mock's own routes (undefined: route as usual).
   * Tests use it for what GitHub does on its own schedule: a refusal, or main moving mid-run.
   */
  intercept: ((call: RecordedCall) => Reply | undefined) | undefined;
  /** Who the token belongs to: the author of everything created through the API. */
  actor: User = BOT;
  private nextNumber = 1;
  private nextCommentId = 1000;
  private server: http.Server | undefined;
  url = "";

  constructor(
    readonly owner = "octo-org",
    readonly repo = "papers",
  ) {}

  /** Starts the server on an ephemeral loopback port. */
  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.server.unref();
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // --- seeding and reading state -------------------------------------------------------------------------

  /** Creates a commit holding exactly these files on `branch` (default main) and returns its sha. */
  seedBranch(files: Record<string, string>, branch = "main", message = "seed"): string {
    const tree = this.storeTree(new Map(Object.entries(files)));
    const sha = this.storeCommit({ tree, parents: [], message });
    this.refs.set(`heads/${branch}`, sha);
    return sha;
  }

  addIssue(fields: Partial<Issue> & { title: string; body: string }): Issue {
    const issue: Issue = {
      number: this.nextNumber++,
      state: "open",
      labels: [],
      isPull: false,
      user: { login: "alice", type: "User" },
      ...fields,
    };
    this.issues.set(issue.number, issue);
    return issue;
  }

  addComment(issue: number, body: string, user: User): Comment {
    const comment = { id: this.nextCommentId++, issue, body, user };
    this.comments.set(comment.id, comment);
    return comment;
  }

  /** A file's content at a branch or commit, or undefined. */
  fileAt(refOrSha: string, path: string): string | undefined {
    const sha = this.refs.get(`heads/${refOrSha}`) ?? refOrSha;
    const commit = this.commits.get(sha);
    return commit ? this.trees.get(commit.tree)?.get(path) : undefined;
  }

  commentsOn(issue: number): Comment[] {
    return [...this.comments.values()].filter((c) => c.issue === issue);
  }

  /** Calls matching a method and a path pattern (writes are what tests usually assert). */
  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  writes(): string[] {
    return this.calls.filter((c) => c.method !== "GET").map((c) => `${c.method} ${c.path}`);
  }

  // --- internals ----------------------------------------------------------------------------------------

  private storeTree(files: Map<string, string>): string {
    const sorted = [...files.entries()].sort(([a], [b]) => a.localeCompare(b));
    const sha = sha1(`tree\0${JSON.stringify(sorted)}`);
    this.trees.set(sha, new Map(sorted));
    return sha;
  }

  private storeCommit(fields: Omit<Commit, "sha">): string {
    const sha = sha1(`commit\0${JSON.stringify(fields)}\0${this.commits.size}`);
    this.commits.set(sha, { sha, ...fields });
    return sha;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    const call: RecordedCall = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body: raw ? (JSON.parse(raw) as unknown) : undefined,
    };
    this.calls.push(call);
    let reply: Reply;
    try {
      reply = this.intercept?.(call) ?? this.route(call);
    } catch (error) {
      reply = { status: 500, body: { message: String(error) } };
    }
    if (reply.raw !== undefined) {
      res.writeHead(reply.status, { "content-type": "text/plain; charset=utf-8", ...reply.headers });
      res.end(reply.raw);
      return;
    }
    res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...reply.headers });
    res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
  }

  private issueJson(issue: Issue) {
    return {
      id: issue.number * 10,
      node_id: `I_${issue.number}`,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.state_reason ?? null,
      labels: issue.labels.map((name) => ({ name })),
      user: issue.user,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issue.number}`,
      ...(issue.isPull ? { pull_request: { url: "" } } : {}),
    };
  }

  private commentJson(c: Comment) {
    return {
      id: c.id,
      body: c.body,
      user: c.user,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${c.issue}#issuecomment-${c.id}`,
    };
  }

  private pullJson(p: Pull) {
    const full = `${this.owner}/${this.repo}`;
    return {
      number: p.number,
      title: p.title,
      body: p.body,
      state: p.state,
      html_url: `https://github.com/${full}/pull/${p.number}`,
      head: { ref: p.head, sha: this.refs.get(`heads/${p.head}`) ?? "", repo: { full_name: full } },
      base: { ref: p.base },
    };
  }

  private page<T>(call: RecordedCall, items: T[]): Reply {
    const perPage = Number(call.query.get("per_page") ?? 30);
    const page = Number(call.query.get("page") ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(call.path, this.url);
      call.query.forEach((v, k) => next.searchParams.set(k, v));
      next.searchParams.set("page", String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    return { status: 200, body: slice, headers };
  }

  private route(call: RecordedCall): Reply {
    const { method, path } = call;
    const body = (call.body ?? {}) as Record<string, unknown>;
    if (path === "/graphql" && method === "POST")
      return this.graphql(String(body.query), (body.variables ?? {}) as Record<string, unknown>);
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(`${prefix}/`)) return notFound();
    if (method === "POST" || method === "PATCH") {
      const refused = bodyTooLong(body);
      if (refused) return refused;
    }
    const rest = path.slice(prefix.length);
    let m: RegExpExecArray | null;

    // Issue comments
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const n = Number(m[1]);
      if (!this.issues.has(n)) return notFound();
      if (method === "GET")
        return this.page(
          call,
          this.commentsOn(n).map((c) => this.commentJson(c)),
        );
      if (method === "POST")
        return { status: 201, body: this.commentJson(this.addComment(n, String(body.body), this.actor)) };
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === "PATCH") {
      const c = this.comments.get(Number(m[1]));
      if (!c) return notFound();
      c.body = String(body.body);
      return { status: 200, body: this.commentJson(c) };
    }

    // Labels
    if ((m = /^\/labels\/(.+)$/.exec(rest)) && method === "GET") {
      const label = this.labels.get(m[1] as string);
      return label ? { status: 200, body: label } : notFound();
    }
    if (rest === "/labels" && method === "POST") {
      const name = String(body.name);
      if (this.labels.has(name))
        return { status: 422, body: { message: "Validation Failed", errors: [{ code: "already_exists" }] } };
      const label = {
        name,
        color: String(body.color ?? "ededed"),
        description: String(body.description ?? ""),
      };
      this.labels.set(name, label);
      return { status: 201, body: label };
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(rest)) && method === "POST") {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return notFound();
      for (const name of body.labels as string[]) {
        if (!this.labels.has(name)) this.labels.set(name, { name, color: "ededed", description: "" });
        if (!issue.labels.includes(name)) issue.labels.push(name);
      }
      return { status: 200, body: issue.labels.map((name) => ({ name })) };
    }
    if ((m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(rest)) && method === "DELETE") {
      const issue = this.issues.get(Number(m[1]));
      if (!issue || !issue.labels.includes(m[2] as string)) return notFound();
      issue.labels = issue.labels.filter((l) => l !== m?.[2]);
      return { status: 200, body: issue.labels.map((name) => ({ name })) };
    }

    // Issues
    if (rest === "/issues" && method === "GET") {
      const state = call.query.get("state") ?? "open";
      const wanted = call.query.get("labels")?.split(",").filter(Boolean) ?? [];
      const list = [...this.issues.values()]
        .filter((i) => state === "all" || i.state === state)
        .filter((i) => wanted.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number);
      return this.page(
        call,
        list.map((i) => this.issueJson(i)),
      );
    }
    if (rest === "/issues" && method === "POST") {
      const issue = this.addIssue({
        title: String(body.title),
        body: String(body.body ?? ""),
        labels: (body.labels as string[]) ?? [],
        user: this.actor,
      });
      return { status: 201, body: this.issueJson(issue) };
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest))) {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return notFound();
      if (method === "GET") return { status: 200, body: this.issueJson(issue) };
      if (method === "PATCH") {
        if (typeof body.title === "string") issue.title = body.title;
        if (typeof body.body === "string") issue.body = body.body;
        if (body.state === "open" || body.state === "closed") issue.state = body.state;
        if (typeof body.state_reason === "string") issue.state_reason = body.state_reason;
        return { status: 200, body: this.issueJson(issue) };
      }
    }

    // Git data
    if ((m = /^\/git\/ref\/(.+)$/.exec(rest)) && method === "GET") {
      const sha = this.refs.get(m[1] as string);
      return sha
        ? { status: 200, body: { ref: `refs/${m[1]}`, object: { sha, type: "commit" } } }
        : notFound();
    }
    if (rest === "/git/refs" && method === "POST") {
      const ref = String(body.ref).replace(/^refs\//, "");
      if (this.refs.has(ref)) return { status: 422, body: { message: "Reference already exists" } };
      if (!this.commits.has(String(body.sha)))
        return { status: 422, body: { message: "Object does not exist" } };
      this.refs.set(ref, String(body.sha));
      return { status: 201, body: { ref: `refs/${ref}`, object: { sha: body.sha } } };
    }
    if ((m = /^\/git\/refs\/(.+)$/.exec(rest)) && method === "PATCH") {
      const ref = m[1] as string;
      const current = this.refs.get(ref);
      if (!current) return { status: 422, body: { message: "Reference does not exist" } };
      const target = String(body.sha);
      if (body.force !== true && !this.isAncestor(current, target))
        return { status: 422, body: { message: "Update is not a fast forward" } };
      this.refs.set(ref, target);
      return { status: 200, body: { ref: `refs/${ref}`, object: { sha: target } } };
    }
    if ((m = /^\/git\/commits\/([0-9a-f]+)$/.exec(rest)) && method === "GET") {
      const c = this.commits.get(m[1] as string);
      return c
        ? {
            status: 200,
            body: {
              sha: c.sha,
              message: c.message,
              tree: { sha: c.tree },
              parents: c.parents.map((sha) => ({ sha })),
            },
          }
        : notFound();
    }
    if (rest === "/git/commits" && method === "POST") {
      const parents = body.parents as string[];
      if (!this.trees.has(String(body.tree)) || parents.some((p) => !this.commits.has(p)))
        return { status: 422, body: { message: "Invalid tree or parent" } };
      const sha = this.storeCommit({ tree: String(body.tree), parents, message: String(body.message) });
      return {
        status: 201,
        body: { sha, tree: { sha: body.tree }, parents: parents.map((sha) => ({ sha })) },
      };
    }
    if (rest === "/git/trees" && method === "POST") {
      const base = this.trees.get(String(body.base_tree));
      if (!base) return { status: 422, body: { message: "Invalid base_tree" } };
      const files = new Map(base);
      for (const entry of body.tree as { path: string; content: string }[])
        files.set(entry.path, entry.content);
      return { status: 201, body: { sha: this.storeTree(files) } };
    }

    // Contents (raw media type, as readFileAt asks)
    if ((m = /^\/contents\/(.+)$/.exec(rest)) && method === "GET") {
      const text = this.fileAt(call.query.get("ref") ?? "main", m[1] as string);
      return text === undefined ? notFound() : { status: 200, raw: text };
    }

    // Pull requests
    if (rest === "/pulls" && method === "GET") {
      const state = call.query.get("state") ?? "open";
      const head = call.query.get("head");
      const list = [...this.pulls.values()]
        .filter((p) => state === "all" || p.state === state)
        .filter((p) => !head || head === `${this.owner}:${p.head}`);
      return this.page(
        call,
        list.map((p) => this.pullJson(p)),
      );
    }
    if (rest === "/pulls" && method === "POST") {
      const head = String(body.head);
      if (!this.refs.has(`heads/${head}`)) return { status: 422, body: { message: "head does not exist" } };
      if ([...this.pulls.values()].some((p) => p.state === "open" && p.head === head))
        return { status: 422, body: { message: "A pull request already exists" } };
      const issue = this.addIssue({
        title: String(body.title),
        body: String(body.body ?? ""),
        isPull: true,
        user: this.actor,
      });
      const pull: Pull = {
        number: issue.number,
        head,
        base: String(body.base),
        title: issue.title,
        body: issue.body,
        state: "open",
      };
      this.pulls.set(pull.number, pull);
      return { status: 201, body: this.pullJson(pull) };
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest)) && method === "GET") {
      if (!this.pulls.has(Number(m[1]))) return notFound();
      const list = (this.reviews.get(Number(m[1])) ?? []).map((r, i) => ({
        id: 9000 + i,
        user: { login: r.login, type: "User" },
        state: r.state,
        author_association: r.association,
      }));
      return this.page(call, list);
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest))) {
      const pull = this.pulls.get(Number(m[1]));
      if (!pull) return notFound();
      if (method === "GET") return { status: 200, body: this.pullJson(pull) };
      if (method === "PATCH") {
        if (typeof body.title === "string") pull.title = body.title;
        if (typeof body.body === "string") pull.body = body.body;
        if (body.state === "open" || body.state === "closed") pull.state = body.state;
        return { status: 200, body: this.pullJson(pull) };
      }
    }
    return notFound();
  }

  /** A review on a pull request: APPROVED, CHANGES_REQUESTED or COMMENTED, by a MEMBER, COLLABORATOR, NONE… */
  addReview(pull: number, login: string, state: string, association = "MEMBER"): void {
    const list = this.reviews.get(pull) ?? [];
    list.push({ login, state, association });
    this.reviews.set(pull, list);
  }

  private isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commits.get(next)?.parents ?? []));
    }
    return false;
  }
}

function notFound(): Reply {
  return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
}

/** Starts a mock and returns it; pair with `afterEach(() => mock.close())`. */
export async function startMockGitHub(): Promise<MockGitHub> {
  return new MockGitHub().start();
}

/** Links strangers submit must never make the runner request its own network, not even through a redirect. */
import type dns from "node:dns";
import type { Dispatcher } from "undici";
import { describe, expect, it } from "vitest";
import { checkUrls } from "../../src/check/index.js";
import { isPublicAddress, isPublicUrl, publicOnlyLookup } from "../../src/check/links/public-only.js";

describe("addresses and URLs", () => {
  it("tells public addresses from loopback, private, link-local and mapped ones", () => {
    expect(["93.184.216.34", "2606:2800:220:1::1"].every(isPublicAddress)).toBe(true);
    const local = [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
    ];
    expect(local.filter(isPublicAddress)).toEqual([]);
  });

  it("refuses local names and private IP literals in URLs", () => {
    const refused = [
      "http://localhost:3000/",
      "http://printer.local/",
      "http://[::1]/",
      "http://169.254.169.254/latest",
      "http://10.0.0.8/x",
    ];
    expect(refused.filter((u) => isPublicUrl(new URL(u)))).toEqual([]);
    expect(isPublicUrl(new URL("https://arxiv.org/abs/2306.15195"))).toBe(true);
  });

  it("fails a connection whose name resolves to a private address", async () => {
    type Answer = string | dns.LookupAddress[];
    const fake =
      (answer: Answer) =>
      (
        _h: string,
        _o: dns.LookupOptions,
        cb: (e: NodeJS.ErrnoException | null, a: Answer, f?: number) => void,
      ) =>
        cb(null, answer, 4);
    const lookupVia = (answer: Answer) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: Answer }>((resolve) =>
        publicOnlyLookup(fake(answer))("rebind.example", { all: Array.isArray(answer) }, (error, address) =>
          resolve({ error, address }),
        ),
      );
    expect((await lookupVia("10.0.0.5")).error?.code).toBe("EPRIVATEADDR");
    expect(
      (
        await lookupVia([
          { address: "93.184.216.34", family: 4 },
          { address: "127.0.0.1", family: 4 },
        ])
      ).error?.code,
    ).toBe("EPRIVATEADDR");
    expect(await lookupVia([{ address: "93.184.216.34", family: 4 }])).toEqual({
      error: null,
      address: [{ address: "93.184.216.34", family: 4 }],
    });
  });
});

describe("checkUrls with publicOnly", () => {
  it("does not follow a public page's redirect into the metadata service", async () => {
    const asked: string[] = [];
    const dispatcher = {
      dispatch(opts: { origin: string; path: string }, handler: Dispatcher.DispatchHandler) {
        asked.push(`${opts.origin}${opts.path}`);
        queueMicrotask(() => {
          handler.onResponseStart?.(
            {} as never,
            302,
            { location: "http://169.254.169.254/latest/meta-data/" },
            "Found",
          );
          handler.onResponseEnd?.({} as never, {});
        });
        return true;
      },
    } as unknown as Dispatcher;
    const run = await checkUrls(["https://public.example/innocent"], { dispatcher }, { publicOnly: true });
    expect(asked).toEqual(["https://public.example/innocent"]);
    expect(run.results[0]).toMatchObject({ verdict: "error", attempts: 1 });
    expect(run.results[0]?.message).toContain("redirects to a local or private address (169.254.169.254)");
  });

  it("does not request a private address at all", async () => {
    const dispatcher = {
      dispatch: () => {
        throw new Error("must not be called");
      },
    } as unknown as Dispatcher;
    const run = await checkUrls(["http://127.0.0.1:8080/admin"], { dispatcher }, { publicOnly: true });
    expect(run.results[0]).toMatchObject({ verdict: "error", attempts: 0 });
  });
});

describe("createLinkDispatcher with publicOnly", () => {
  it("refuses, at connect time, a host name that resolves to a private address", async () => {
    // "localhost" resolves to 127.0.0.1 through the system resolver (no network involved); URL-level checks
    // are off here, so only the connection's lookup stands between the checker and the address.
    const { createLinkDispatcher } = await import("../../src/check/index.js");
    const dispatcher = createLinkDispatcher({ publicOnly: true });
    const run = await checkUrls(["http://localhost:9/"], { dispatcher }, { retries: 0 });
    await dispatcher.close();
    expect(run.results[0]?.verdict).toBe("error");
    expect(run.results[0]?.message).toContain("EPRIVATEADDR");
  });
});

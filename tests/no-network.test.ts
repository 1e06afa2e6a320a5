import net from "node:net";
import { describe, expect, it } from "vitest";

describe("test network guard", () => {
  it("refuses a connection outside loopback", () => {
    expect(() => net.connect({ host: "192.0.2.1", port: 80 })).toThrow(/only talk to loopback/);
  });

  it("allows loopback", async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    const socket = net.connect({ host: "127.0.0.1", port });
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", resolve).on("error", reject);
    });
    socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

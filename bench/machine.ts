/**
 * What the machine charges that the code does not decide, printed beside the figures it skews: the first
 * touch of fresh memory (on the project's Firecracker VMs ~4 ms per MB, against well under 1 ms on most
 * hardware, and V8 hands freed pages back, so every run pays it again) and CA certificates node loads at
 * every start when NODE_EXTRA_CA_CERTS is set (this sandbox sets it; GitHub's runners do not).
 */

/** Milliseconds per MB for the first write to fresh memory, and for a second write to the same pages. */
export function freshMemoryCost(megabytes = 32): { firstMsPerMb: number; againMsPerMb: number } {
  const bytes = megabytes << 20;
  const buffer = Buffer.allocUnsafeSlow(bytes);
  const touch = (value: number) => {
    const start = performance.now();
    for (let i = 0; i < bytes; i += 4096) buffer[i] = value;
    return (performance.now() - start) / megabytes;
  };
  const firstMsPerMb = touch(1);
  return { firstMsPerMb, againMsPerMb: touch(2) };
}

/** One line for a bench header. */
export function machineLine(): string {
  const { firstMsPerMb, againMsPerMb } = freshMemoryCost();
  const ca = process.env.NODE_EXTRA_CA_CERTS
    ? "; NODE_EXTRA_CA_CERTS is set, so every node start also loads those certificates"
    : "";
  return `fresh memory costs ${firstMsPerMb.toFixed(2)} ms/MB at first touch (${againMsPerMb.toFixed(2)} after)${ca}`;
}

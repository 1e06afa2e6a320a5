/** The browser tests' helper, when the machine has no Chromium: what to install, not playwright's bare error. */
import { describe, expect, it } from "vitest";
import { CHROMIUM_MISSING_HINT, launchChromium } from "./helpers/browser.js";

describe("launchChromium without a Chromium", () => {
  it("says how to get one: PAPERSHELF_CHROMIUM, or the Debian packages .ci/run installs", async () => {
    const missing = "/nonexistent/papershelf-test/chromium";
    await expect(launchChromium(missing)).rejects.toThrow(
      `no Chromium at ${missing}: ${CHROMIUM_MISSING_HINT}`,
    );
    expect(CHROMIUM_MISSING_HINT).toContain("PAPERSHELF_CHROMIUM");
    expect(CHROMIUM_MISSING_HINT).toContain("apt-get install chromium fonts-noto-cjk");
  });
});

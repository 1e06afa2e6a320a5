/** Debian's chromium, driven by playwright-core (which downloads no browser of its own). */
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.PAPERSHELF_CHROMIUM ?? "/usr/bin/chromium";

/** How to get the browser the tests drive, said where playwright would say only "executable doesn't exist". */
export const CHROMIUM_MISSING_HINT =
  "set PAPERSHELF_CHROMIUM to a Chromium binary, or `apt-get install chromium fonts-noto-cjk` (Debian): " +
  ".ci/run installs them";

/** `executablePath` is a parameter for the test of the message; the browser tests take the default. */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    });
  } catch (cause) {
    if (!/executable doesn't exist/i.test((cause as Error).message)) throw cause;
    throw new Error(`no Chromium at ${executablePath}: ${CHROMIUM_MISSING_HINT}`, { cause });
  }
}

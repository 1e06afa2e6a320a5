/** Debian's chromium, driven by playwright-core (which downloads no browser of its own). */
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.PAPERSHELF_CHROMIUM ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
}

import { describe, expect, it } from "vitest";
import { doiUrl } from "../../src/urls/index.js";

describe("doiUrl", () => {
  it("leaves a plain DOI as it is, its slashes included", () => {
    expect(doiUrl("10.1145/3490519")).toBe("https://doi.org/10.1145/3490519");
  });

  it("percent-encodes what would end the path or be decoded by doi.org", () => {
    // A real SICI-style DOI: "#" would start a fragment, and the link went to the DOI cut before it.
    const sici = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-#";
    const url = new URL(doiUrl(sici));
    expect(url.hash).toBe("");
    expect(url.search).toBe("");
    expect(decodeURIComponent(url.pathname.slice(1))).toBe(sici);
    // "%25" is a DOI's own text: doi.org decodes the link once, so it must arrive as "%2525".
    const percent = "10.1000/100%25-pure?v=2";
    const second = new URL(doiUrl(percent));
    expect(second.search).toBe("");
    expect(decodeURIComponent(second.pathname.slice(1))).toBe(percent);
  });
});

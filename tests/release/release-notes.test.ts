import { describe, expect, it } from "vitest";
import { releaseNotes } from "../../scripts/release-notes.js";

const CHANGELOG = `# papershelf

## 0.2.0

### Minor Changes

- 1a2b3c4: \`papershelf init\` scaffolds a working list.

## 0.1.0

### Patch Changes

- First release.
`;

describe("releaseNotes", () => {
  it("returns exactly the version's section, up to the next version", () => {
    expect(releaseNotes(CHANGELOG, "0.2.0")).toBe(
      "### Minor Changes\n\n- 1a2b3c4: `papershelf init` scaffolds a working list.\n",
    );
    expect(releaseNotes(CHANGELOG, "0.1.0")).toBe("### Patch Changes\n\n- First release.\n");
  });

  it("has none for a version the changelog does not name, or a prefix of one", () => {
    expect(releaseNotes(CHANGELOG, "0.3.0")).toBeUndefined();
    expect(releaseNotes(CHANGELOG, "0.2")).toBeUndefined();
  });
});

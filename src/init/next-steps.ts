/** What init prints after writing: the settings no file can carry, in the order an adopter does them. */
export function nextSteps(dirShown: string): string {
  const cd = dirShown === "." ? "" : `cd ${dirShown} && `;
  return `Next steps:
  1. Check it locally:   ${cd}npx papershelf validate && npx papershelf lint && npx papershelf build --check
  2. Commit and push:    git add -A && git commit -m "papershelf list" && git push
  3. On GitHub, Settings → Actions → General → Workflow permissions:
     tick "Allow GitHub Actions to create and approve pull requests" (or the intake cannot open its PRs).
  4. Issues → Labels: create the labels "submission" (the submission form adds it; the intake reads only
     issues with it) and "entry-report" (the report form's; GitHub drops a label that does not exist).
  5. GitHub Pages must be enabled with "GitHub Actions" as the source (Settings → Pages → Build and
     deployment → Source) for .github/workflows/pages.yml to publish the list as a site; until then its runs
     fail (delete that file if you want no site).
  6. Open an issue with the "Submit a paper" form: the bot answers within minutes.
Replace the example record in data/papers.yaml with your own, then "npx papershelf build". docs/adopt.md in
papershelf's repository explains each step and what to do when one fails.
`;
}

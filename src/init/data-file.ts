/** The first data/papers.yaml: the schema comment editors read, the categories, and one example record. */
import { stringify } from "yaml";
import type { PapersFile } from "../records/index.js";
import type { InitAnswers } from "./answers.js";
import { say } from "./phrases.js";

/** Where the generated JSON Schema lands, relative to data/ (the editors' `$schema` comment). */
const SCHEMA_COMMENT = "# yaml-language-server: $schema=../schemas/papers.schema.json";

/** A record every rule accepts, so `lint` is green from the start; the maintainer replaces it. */
export function renderDataFile(answers: InitAnswers): string {
  const first = answers.categories[0];
  if (first === undefined) throw new Error("init needs at least one category");
  const data: PapersFile = {
    list: { title: answers.name },
    // A category with no entry yet says so (lint's empty-category rule asks for an entry or an intro).
    categories: answers.categories.map(({ id, title }) =>
      id === first.id ? { id, title } : { id, title, intro: say("emptyCategory", answers.languages, "\n\n") },
    ),
    entries: [
      {
        id: "attention-is-all-you-need",
        title: "Attention Is All You Need",
        url: "https://arxiv.org/abs/1706.03762",
        kind: "paper",
        category: first.id,
        date: "2017-06-12",
        venue: "NeurIPS 2017",
        arxiv: "1706.03762",
        summary: say("exampleSummary", answers.languages, "\n\n"),
      },
    ],
  };
  return `${SCHEMA_COMMENT}\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

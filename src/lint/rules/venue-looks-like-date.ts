import { quote } from "../walk.js";
import type { Finding, LintRule } from "../types.js";

const MONTHS =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

/** Venue texts that are only a date: "2023年5月", "2023-06-27", "June 2023", "27 Jun 2023", "2023". */
const DATE_ONLY = [
  /^\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日?)?)?$/,
  /^\d{4}(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?$/,
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/,
  new RegExp(`^(?:\\d{1,2}\\s+)?${MONTHS}\\s*(?:\\d{1,2},?\\s*)?\\d{4}$`, "i"),
];

export const venueLooksLikeDate: LintRule = {
  id: "venue-looks-like-date",
  description: "`venue` holds a date (2023年5月, June 2023) instead of where the work appeared.",
  defaultSetting: "warning",
  rationale:
    "The seed wrote dates and venues in one bracket (`[2023年6月27日]`, `[CVPR 2023]`). A venue that is only " +
    "a date belongs in `date` as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, where it can be checked and sorted.",
  examples: {
    pass: `- id: arcface
  title: "ArcFace: Additive Angular Margin Loss for Deep Face Recognition"
  url: https://arxiv.org/abs/1801.07698
  kind: paper
  category: llm
  venue: CVPR 2019`,
    fail: `- id: luotuo-qa
  title: Luotuo-QA
  url: https://huggingface.co/datasets/silk-road/Luotuo-QA-A-CoQA-Chinese
  kind: paper
  category: llm
  venue: 2023年5月`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    data.entries.forEach((entry, i) => {
      const venue = entry.venue?.trim();
      if (venue === undefined || !DATE_ONLY.some((re) => re.test(venue))) return;
      findings.push({
        path: ["entries", i, "venue"],
        message: `venue ${quote(venue)} looks like a date; expected where the work appeared ("CVPR 2023"), with the date in date: YYYY-MM-DD`,
      });
    });
    return findings;
  },
};

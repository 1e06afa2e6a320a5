/**
 * The words init writes, per language, beside the ones the record anatomy owns (the submission form's fields
 * are generated from the anatomy, src/records/anatomy). A list in several languages shows each label in all of
 * them, joined with " / " in the order the maintainer gave ("標題 / Title"), as papershelf's own list does. Only
 * labels and descriptions are translated: field ids stay the same, because the intake reads answers by id.
 */
import type { Language } from "./answers.js";

export type Phrase = Record<Language, string>;

export const PHRASES = {
  formName: { en: "Submit a paper", "zh-TW": "投稿論文" },
  formDescription: {
    en: "Suggest a paper, dataset or model for the list",
    "zh-TW": "推薦一篇論文、資料集或模型加入清單",
  },
  formTitle: { en: "Submit", "zh-TW": "投稿" },
  formIntro: {
    en: "Thanks for contributing! After you submit, a bot checks the answers and comments: either what to fix, or a preview of the entry and a pull request that adds it. Edit this issue to fix anything; the bot checks again.",
    "zh-TW":
      "感謝投稿！送出後，機器人會檢查內容並留言：有問題時說明如何修改；沒問題時附上預覽並開一個 pull request。修改這個 issue 的內容後，機器人會重新檢查。",
  },
  confirm: { en: "Confirmation", "zh-TW": "確認" },
  confirmOption: {
    en: "I searched the list and this is not a duplicate.",
    "zh-TW": "我搜尋過清單，這不是重複的項目",
  },
  reportName: { en: "Report a broken or outdated entry", "zh-TW": "回報項目問題" },
  reportDescription: {
    en: "A dead link, a renamed repository, wrong data or a duplicate",
    "zh-TW": "失效連結、改名的 repo、錯誤資料或重複項目",
  },
  reportTitle: { en: "Report", "zh-TW": "回報" },
  entry: { en: "Entry", "zh-TW": "項目" },
  entryHelp: { en: "The entry's id (as in data/papers.yaml) or its title.", "zh-TW": "項目的 id 或標題" },
  problem: { en: "What is wrong", "zh-TW": "問題" },
  problemDead: { en: "Dead link", "zh-TW": "連結失效" },
  problemMoved: { en: "Renamed or moved repository", "zh-TW": "Repo 改名或搬移" },
  problemWrong: { en: "Wrong data", "zh-TW": "資料錯誤" },
  problemDuplicate: { en: "Duplicate entry", "zh-TW": "重複項目" },
  problemOther: { en: "Other", "zh-TW": "其他" },
  details: { en: "Details", "zh-TW": "說明" },
  detailsHelp: { en: "Which link, and what the right data is.", "zh-TW": "哪個連結、正確的資料是什麼" },
  readmeIntro: {
    en: "A curated list of research papers. Every entry is a validated record in `data/papers.yaml`; the list below is generated from those records.",
    "zh-TW": "精選的研究論文清單。每一筆都是 `data/papers.yaml` 裡經過檢查的資料，下面的清單由資料自動產生。",
  },
  readmeSubmitHeading: { en: "Submit a paper", "zh-TW": "投稿" },
  readmeSubmit: {
    en: 'To suggest a paper, dataset or model, [open a "Submit a paper" issue](../../issues/new/choose) and fill in the form. A bot answers with one comment: what to fix, or a preview and a pull request for the maintainers to merge.',
    "zh-TW":
      "想推薦論文、資料集或模型，請[開一個「投稿論文」issue](../../issues/new/choose)並填好表單。機器人會留言：需要修改的地方，或是預覽和一個給維護者合併的 pull request。",
  },
  readmeContents: { en: "Contents", "zh-TW": "目錄" },
  // Words inside papershelf's own templates (toc.md.hbs, site.md.hbs), said in the list's languages.
  readmeSubcategories: { en: "Subcategories", "zh-TW": "子分類" },
  readmeSiteLink: { en: "Search, filter and cite on the site", "zh-TW": "網站：搜尋、篩選、引用" },
  // True with or without entries (it outlives the first one), and no relative link: `../../issues/…` works
  // in the README on GitHub but is a dead link on the site.
  emptyCategory: {
    en: "Suggestions welcome through the submission form under Issues.",
    "zh-TW": "歡迎用 Issues 裡的投稿表單推薦。",
  },
  exampleSummary: {
    en: "The Transformer: sequence transduction with attention alone, no recurrence or convolution. This entry is an example: replace it with your first paper.",
    "zh-TW":
      "Transformer：只用注意力機制、不用遞迴或卷積的序列轉換模型。這是範例項目，請換成你的第一篇論文。",
  },
} satisfies Record<string, Phrase>;

export type PhraseKey = keyof typeof PHRASES;

/** The phrase in every language of the list, joined: "標題 / Title". Identical words are said once. */
export function say(key: PhraseKey, languages: readonly Language[], separator = " / "): string {
  const words = languages.map((l) => PHRASES[key][l]);
  return [...new Set(words)].join(separator);
}

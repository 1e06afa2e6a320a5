/**
 * What the list's lint rules mean to a submitter, in Chinese, and how to fix each: the rules' own messages
 * are English (the CLI's and the reports'), so the comment pairs each with the sentence here. A rule not
 * listed gets the general sentence. Rule ids never reach the comment's text.
 */
import { say, type Bilingual } from "./problems.js";

interface RuleWords {
  zh: string;
  hint: Bilingual;
}

const RULES: Readonly<Record<string, RuleWords>> = {
  "date-arxiv-mismatch": {
    zh: "日期和 arXiv 編號裡的年月不一致。",
    hint: say(
      "請寫第一版在 arXiv 發表的日期，或把日期留空讓它自動填入。",
      "Write the date of the first arXiv version, or leave the date empty so it is filled in.",
    ),
  },
  date: {
    zh: "日期不是真實存在的日子，或在未來。",
    hint: say(
      "請寫論文發表的日期，例如 2023-06-27。",
      "Write the day the paper was published, e.g. 2023-06-27.",
    ),
  },
  "image-url": {
    zh: "圖片網址看起來不是一張圖片。",
    hint: say(
      "請貼圖片本身的網址（以 .png、.jpg 等結尾，或 raw.githubusercontent.com 的連結）。",
      "Paste the address of the image itself (ending in .png, .jpg…, or a raw.githubusercontent.com link).",
    ),
  },
  "markdown-structure": {
    zh: "這段 Markdown 的結構在清單裡顯示不出來。",
    hint: say("請改成一般的段落、清單或表格。", "Use plain paragraphs, lists or tables."),
  },
  "markdown-syntax": {
    zh: "Markdown 的連結或圖片語法有誤。",
    hint: say(
      "請寫成 [文字](https://…) 或 ![說明](https://…)。",
      "Write links as [text](https://…) and images as ![alt](https://…).",
    ),
  },
  "repeated-sentence": {
    zh: "同一句話重複了好幾次。",
    hint: say("請只保留一次。", "Keep it once."),
  },
  "repo-label-mismatch": {
    zh: "程式碼連結的標籤和網址指的是不同的儲存庫。",
    hint: say("請讓標籤和網址一致，或拿掉標籤。", "Make the label match the URL, or drop the label."),
  },
  "repo-malformed": {
    zh: "這不是有效的 GitHub 儲存庫網址。",
    hint: say("請寫成 https://github.com/擁有者/名稱。", "Write it as https://github.com/owner/name."),
  },
  "required-fields": {
    zh: "這個類型的項目少了必要的欄位。",
    hint: say("論文需要日期或會議／期刊：請填其中一個。", "A paper needs a date or a venue: fill one in."),
  },
  "text-hygiene": {
    zh: "文字裡有看不見的字元或多餘的空白。",
    hint: say("請重新打字，不要貼上。", "Retype the text instead of pasting it."),
  },
  "text-length": {
    zh: "這段文字比清單能好好顯示的長。",
    hint: say("請縮短。", "Shorten it."),
  },
  "title-is-slug-or-url": {
    zh: "標題是儲存庫名稱或網址，而不是論文的標題。",
    hint: say(
      "請寫論文的完整標題，或留空讓 arXiv 填入。",
      "Write the paper's full title, or leave it empty for arXiv to fill in.",
    ),
  },
  "url-https": {
    zh: "連結用的是 http:，但這個網站有 https。",
    hint: say("請把開頭改成 https://。", "Change the start to https://."),
  },
  "url-local-host": {
    zh: "連結指向本機或內部網路，或帶有密碼。",
    hint: say("請改用所有人都打得開的公開網址。", "Use a public address everyone can open."),
  },
  "url-trailing-punctuation": {
    zh: "網址最後多了句子的標點（例如「).」），那不是網址的一部分。",
    hint: say("請刪掉網址最後的標點。", "Delete the punctuation at the end of the address."),
  },
  "url-scheme": {
    zh: "這不是 http(s) 網址。",
    hint: say(
      "請寫完整的網址，例如 https://arxiv.org/abs/2306.15195",
      "Write the full address, e.g. https://arxiv.org/abs/2306.15195",
    ),
  },
  "venue-looks-like-date": {
    zh: "「會議或期刊」欄寫的是日期。",
    hint: say(
      "日期請寫在「日期」欄；這裡寫會議或期刊，例如 CVPR 2023，預印本可留空。",
      "Put the date in the date field; here write where it appeared, e.g. CVPR 2023, or leave it empty for a preprint.",
    ),
  },
};

const GENERAL: RuleWords = {
  zh: "這個欄位不符合清單的規則（英文說明如下）。",
  hint: say(
    "請照說明修改這個欄位，再編輯 issue。",
    "Change the field as the message says, then edit the issue.",
  ),
};

/** The Chinese sentence and the fix for a finding of `ruleId`. */
export function ruleWords(ruleId: string): RuleWords {
  return Object.hasOwn(RULES, ruleId) ? (RULES[ruleId] ?? GENERAL) : GENERAL;
}

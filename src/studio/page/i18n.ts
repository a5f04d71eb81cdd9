/// <reference lib="dom" />
/** The page's words: Chinese first, English when the browser prefers it or the user switches. */
const zh = {
  title: 'briefdeck 工作室',
  briefs: '会议简报',
  meeting: '会议',
  date: '日期',
  file: '文件',
  status: '状态',
  valid: '可以生成',
  problems: (n: number) => `${n} 个问题`,
  none: 'briefs/ 里还没有简报。',
  create: '新建',
  createHint: '粘贴会议报道全文（或把 .txt、.docx、网页文件拖到这里），生成简报草稿。',
  reportDate: '会议日期（可不填）',
  draft: '起草',
  pickFile: '或选择文件（.txt、.docx、网页）',
  back: '返回',
  name: '文件名',
  theme: '主题',
  lang: '幻灯片语言',
  save: '保存',
  saved: '已保存',
  download: '下载 PPT',
  unsaved: '有未保存的修改',
  saveFirst: '请先保存，再下载',
  changed: '这份简报在您打开后已被修改，未覆盖。',
  reload: '重新载入',
  exists: '已有同名文件，请换一个文件名。',
  error: '出错了',
  slides: (n: number, ms: number) => `${n} 张幻灯片 · ${ms} 毫秒`,
  problemsTitle: '需要修改',
  shrunk: (from: number, to: number) => `字号 ${from}→${to} 磅`,
  continued: (n: number) => `续页 ${n} 张`,
  split: (n: number) => `拆分条目 ${n} 条`,
  titleLines: (n: number) => `标题 ${n} 行`,
  checkHint: '标黄的“请核对”“建议”处需要人工确认。',
  switchLang: 'English',
};

type Words = typeof zh;

const en: Words = {
  title: 'briefdeck studio',
  briefs: 'Briefs',
  meeting: 'Meeting',
  date: 'Date',
  file: 'File',
  status: 'Status',
  valid: 'ready to build',
  problems: (n) => `${n} problem${n === 1 ? '' : 's'}`,
  none: 'No briefs in briefs/ yet.',
  create: 'New',
  createHint:
    'Paste the published report of the meeting (or drop a .txt, .docx or web page file here) to draft a brief.',
  reportDate: 'Meeting date (optional)',
  draft: 'Draft',
  pickFile: 'or pick a file (.txt, .docx, web page)',
  back: 'Back',
  name: 'File name',
  theme: 'Theme',
  lang: 'Slide language',
  save: 'Save',
  saved: 'Saved',
  download: 'Download PPT',
  unsaved: 'Unsaved changes',
  saveFirst: 'Save first, then download',
  changed: 'This brief changed on disk since you opened it; it was not overwritten.',
  reload: 'Reload',
  exists: 'A file of that name exists; choose another name.',
  error: 'Something went wrong',
  slides: (n, ms) => `${n} slides · ${ms} ms`,
  problemsTitle: 'To fix',
  shrunk: (from, to) => `body ${from}→${to} pt`,
  continued: (n) => `${n} continuation slide${n === 1 ? '' : 's'}`,
  split: (n) => `${n} item${n === 1 ? '' : 's'} split`,
  titleLines: (n) => `title on ${n} lines`,
  checkHint: 'Spots marked 请核对 / 建议 (highlighted) need a human to confirm.',
  switchLang: '中文',
};

let current: 'zh' | 'en' = /^en\b/i.test(navigator.language) && !/^zh\b/i.test(navigator.language) ? 'en' : 'zh';
const stored = localStorage.getItem('briefdeck-ui-lang');
if (stored === 'zh' || stored === 'en') current = stored;

export const t = (): Words => (current === 'en' ? en : zh);
export function switchUiLang(): void {
  current = current === 'en' ? 'zh' : 'en';
  localStorage.setItem('briefdeck-ui-lang', current);
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
}

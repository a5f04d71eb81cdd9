/**
 * The one message catalogue: every converted message in English and in Chinese. A message is a
 * text with `{name}` placeholders; its parameters are typed from the English text, and a test
 * checks that every entry has both languages with the same placeholders.
 *
 * A parameter may itself be a message (`{ key, params }`), worded in the same language: a noun
 * such as "brief" / "简报" inside "cannot read {what}".
 */
export const CATALOGUE = {
  // Labels the CLI puts before a problem.
  'label.error': { en: 'error: ', 'zh-CN': '错误：' },
  'label.warning': { en: 'warning: ', 'zh-CN': '警告：' },
  'cli.seeHelp': { en: 'Run "briefdeck --help" for usage.', 'zh-CN': '用法见 "briefdeck --help"。' },
  'cli.badLang': {
    en: '--lang must be zh-CN or en, not "{lang}"',
    'zh-CN': '--lang 只能是 zh-CN 或 en，不能是“{lang}”',
  },

  // What a file is, inside file messages.
  'noun.file': { en: 'file', 'zh-CN': '文件' },
  'noun.brief': { en: 'brief', 'zh-CN': '简报' },
  'noun.theme': { en: 'theme', 'zh-CN': '主题' },
  'noun.report': { en: 'report', 'zh-CN': '报道' },

  // Reading files.
  'file.missing': { en: 'cannot read {what}: no such file', 'zh-CN': '无法读取{what}：文件不存在' },
  'file.noSuchInput': { en: 'no such file or folder', 'zh-CN': '文件或文件夹不存在' },
  'file.noBriefs': {
    en: 'this folder has no briefs (*.yaml or *.yml files)',
    'zh-CN': '这个文件夹里没有简报（*.yaml 或 *.yml 文件）',
  },
  'file.isFolder': { en: 'is a folder, expected a {what}', 'zh-CN': '这是一个文件夹，应为{what}文件' },
  'file.tooBig': {
    en: 'is {size}; the limit for a {what} is {limit} MB ({bytes} bytes)',
    'zh-CN': '文件大小为 {size}；{what}文件最大 {limit} MB（{bytes} 字节）',
  },
  'file.utf16': {
    en: 'this file is saved as UTF-16 text; save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)',
    'zh-CN': '此文件是 UTF-16 编码；请另存为 UTF-8（记事本：另存为 → 编码：UTF-8）',
  },
  'file.binary': { en: 'this is binary data, not a text file', 'zh-CN': '这是二进制数据，不是文本文件' },
  'file.notUtf8': {
    en: 'invalid UTF-8: save the file as UTF-8 text',
    'zh-CN': '不是有效的 UTF-8 文本：请将文件另存为 UTF-8 编码',
  },

  // YAML syntax.
  'yaml.syntax': { en: 'YAML syntax: {detail}', 'zh-CN': 'YAML 语法错误：{detail}' },
  'yaml.tag': {
    en: '{detail}; tags are not allowed, write plain text',
    'zh-CN': '{detail}：不允许使用标签，请写普通文字',
  },
  'yaml.duplicateKey': {
    en: 'this key appears twice in the same mapping; keep one',
    'zh-CN': '同一层级中这个键出现了两次；请只保留一个',
  },
  'yaml.unclosedQuote': {
    en: 'this quoted text is never closed: add the closing {quote}',
    'zh-CN': '这段带引号的文字没有结束：请补上后面的 {quote}',
  },
  'yaml.multipleDocuments': {
    en: 'this file holds more than one YAML document (a line of ---); a brief is one document: remove the --- line or split the file',
    'zh-CN': '此文件包含多个 YAML 文档（有一行 ---）；一份简报只能是一个文档：请删除 --- 这一行，或拆分文件',
  },

  // The secretary's typing: found in the text before the YAML parser's cascade.
  'typing.fullWidthColon': {
    en: 'a full-width colon ： after {key}: write a half-width colon : followed by a space',
    'zh-CN': '{key} 后面是全角冒号“：”：请改为半角冒号“:”，后面加一个空格',
  },
  'typing.fullWidthSpace': {
    en: 'a full-width space (U+3000) used for indentation: indent with ordinary half-width spaces',
    'zh-CN': '缩进用了全角空格（U+3000）：请改用半角空格缩进',
  },
  'typing.tab': {
    en: 'a tab used for indentation: YAML needs spaces; replace the tab with two spaces',
    'zh-CN': '缩进用了制表符（Tab）：YAML 只能用空格缩进；请把 Tab 换成两个空格',
  },
  'typing.fullWidthDash': {
    en: 'a full-width dash － starts this list item: write a half-width - followed by a space (- {item})',
    'zh-CN': '列表项用了全角“－”：请改为半角“-”，后面加一个空格（- {item}）',
  },
  'typing.dashNoSpace': {
    en: 'no space after the - of this list item: write - {item}',
    'zh-CN': '列表项的“-”后面没有空格：请写成 - {item}',
  },
  'typing.chineseQuotes': {
    en: 'the value {value} is in Chinese quotes, which will appear on the slide; to show {text}, write it without them ({text}) or with half-width quotes ("{text}")',
    'zh-CN':
      '{value} 带有中文引号，引号会显示在幻灯片上；如果只想显示 {text}，请去掉引号（{text}），或改用半角引号（"{text}"）',
  },
  'typing.hashComment': {
    en: '# starts a comment, so {key} is empty: write the colour in quotes: {key}: "{color}"',
    'zh-CN': '# 在 YAML 中表示注释，所以 {key} 的值为空：请给颜色加上引号：{key}: "{color}"',
  },

  // Brief validation.
  'brief.missingKey': { en: 'missing required key "{key}"', 'zh-CN': '缺少必填项“{key}”' },
  'brief.unknownKeyHint': {
    en: 'unknown key "{key}"; did you mean "{hint}"?',
    'zh-CN': '未知的键“{key}”；是不是想写“{hint}”？',
  },
  'brief.unknownKey': {
    en: 'unknown key "{key}"; expected one of: {known}',
    'zh-CN': '未知的键“{key}”；可用的键：{known}',
  },
  'brief.date': {
    en: 'expected a date as YYYY-MM-DD (2025-01-06) or YYYY-MM (2025-01)',
    'zh-CN': '日期应写成 YYYY-MM-DD（如 2025-01-06）或 YYYY-MM（如 2025-01）',
  },
  'brief.chineseDate': {
    en: 'write the date {written} as {date} (YYYY-MM-DD)',
    'zh-CN': '日期 {written} 请写成 {date}（YYYY-MM-DD 格式）',
  },
  'brief.noSuchDate': { en: 'this date does not exist', 'zh-CN': '这个日期不存在' },
  'brief.empty': {
    en: 'the brief is empty; it needs at least meeting and units',
    'zh-CN': '简报是空的；至少需要 meeting 和 units',
  },

  // Themes.
  'theme.unknown': {
    en: 'unknown theme "{name}" (available: {available})',
    'zh-CN': '没有名为“{name}”的主题（可用：{available}）',
  },
  'theme.unknownHint': {
    en: 'unknown theme "{name}"; did you mean "{hint}"? (available: {available})',
    'zh-CN': '没有名为“{name}”的主题；是不是想写“{hint}”？（可用：{available}）',
  },
  'theme.noFile': { en: 'no theme file at {file}', 'zh-CN': '主题文件不存在：{file}' },
  'theme.color': {
    en: 'expected a colour as #RRGGBB or RRGGBB (six hex digits)',
    'zh-CN': '颜色应写成 #RRGGBB 或 RRGGBB（六位十六进制数字）',
  },
  'template.unclosed': {
    en: 'the {{ at column {column} of the template ({start}) is not closed: add }}',
    'zh-CN': '模板第 {column} 列的 {{（{start}）没有闭合：请补上 }}',
  },
  'template.unknownVariableHint': {
    en: '{{{name}}} is not a template variable and prints nothing: did you mean {hint}?',
    'zh-CN': '{{{name}}} 不是模板变量，不会显示任何内容：是不是想写 {hint}？',
  },
  'template.unknownVariable': {
    en: '{{{name}}} is not a template variable and prints nothing (variables: {known})',
    'zh-CN': '{{{name}}} 不是模板变量，不会显示任何内容（可用变量：{known}）',
  },
} as const;

export type MessageKey = keyof typeof CATALOGUE;
export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

/** What follows the last `{` (braces that stand for themselves come before a placeholder). */
type AfterLastBrace<P extends string> = P extends `${string}{${infer Q}` ? AfterLastBrace<Q> : P;
/** The `{name}` placeholders of a text; `{{`, `}}` and braces around spaces stand for themselves. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (AfterLastBrace<P> extends `${string} ${string}` ? never : AfterLastBrace<P>) | Placeholders<Rest>
  : never;

/** A message not yet worded: its key and parameters, which survive a worker thread. */
export interface Msg {
  key: MessageKey;
  params?: Record<string, Param>;
}
export type Param = string | number | Msg;

export type ParamsOf<K extends MessageKey> = Record<Placeholders<(typeof CATALOGUE)[K]['en']>, Param>;

const PLACEHOLDER = /\{([A-Za-z]\w*)\}/g;

/** The placeholder names of a text, at run time (for the completeness test). */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** A message with its parameters, checked against the catalogue. */
export function msg<K extends MessageKey>(
  key: K,
  ...params: Placeholders<(typeof CATALOGUE)[K]['en']> extends never ? [] : [ParamsOf<K>]
): Msg {
  return params[0] ? { key, params: params[0] as Record<string, Param> } : { key };
}

/** A message worded in a language. */
export function word(m: Msg, lang: Lang): string {
  const text: string = CATALOGUE[m.key][lang];
  return text.replace(PLACEHOLDER, (all, name: string) => {
    const v = m.params?.[name];
    if (v === undefined) return all;
    return typeof v === 'object' ? word(v, lang) : String(v);
  });
}

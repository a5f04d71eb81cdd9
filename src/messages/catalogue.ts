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
  'file.cannotRead': { en: 'cannot read {what}: {detail}', 'zh-CN': '无法读取{what}：{detail}' },
  'file.permissionDenied': { en: 'permission denied', 'zh-CN': '没有访问权限' },
  'file.locked': {
    en: 'the file is locked by another program (close it in PowerPoint or WPS and try again)',
    'zh-CN': '文件被其他程序占用（请在 PowerPoint 或 WPS 中关闭后重试）',
  },
  'file.partIsFile': { en: 'a part of the path is a file, not a folder', 'zh-CN': '路径中有一部分是文件，不是文件夹' },
  'file.notAFile': {
    en: 'is {kind}, not a file; a {what} is read from a file',
    'zh-CN': '这是{kind}，不是文件；{what}只能从文件读取',
  },
  'file.notAFileReport': {
    en: 'is {kind}, not a file; a {what} is read from a file (or from standard input with -)',
    'zh-CN': '这是{kind}，不是文件；{what}只能从文件读取（或用 - 从标准输入读取）',
  },
  'kind.fifo': { en: 'a named pipe (FIFO)', 'zh-CN': '命名管道（FIFO）' },
  'kind.device': { en: 'a device', 'zh-CN': '设备' },
  'kind.socket': { en: 'a socket', 'zh-CN': '套接字' },
  'kind.special': { en: 'a special file', 'zh-CN': '特殊文件' },
  'file.overMb': { en: 'over {limit} MB', 'zh-CN': '{limit} MB 以上' },
  'file.bytes': { en: '{n} bytes', 'zh-CN': '{n} 字节' },

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
  'brief.expectedText': { en: 'expected {what}, got {got}', 'zh-CN': '应为{what}，实际为{got}' },
  'brief.expectedTextQuote': {
    en: 'expected {what}, got {type} {value} (put it in quotes to keep it as written)',
    'zh-CN': '应为{what}，实际为{type} {value}；请给{type}加上引号："{value}"',
  },
  'brief.expectedTextOrMapping': {
    en: 'expected {what} or a mapping { text, by }, got {got}',
    'zh-CN': '应为{what}或键值对 { text, by }，实际为{got}',
  },
  'brief.expectedTextOrMappingQuote': {
    en: 'expected {what} or a mapping { text, by }, got {type} {value} (put it in quotes to keep it as written)',
    'zh-CN': '应为{what}或键值对 { text, by }，实际为{type} {value}；请给{type}加上引号："{value}"',
  },
  'brief.missingText': { en: 'missing: {what} is required', 'zh-CN': '缺少{what}：此项必填' },
  'brief.emptyText': { en: '{what} is empty', 'zh-CN': '{what}为空' },
  'brief.tooLong': {
    en: '{what} is longer than {max} characters; it is set as a title or label, so keep it short',
    'zh-CN': '{what}超过 {max} 个字；它会作为标题或标签显示，请写短一些',
  },
  'brief.tooLongItems': {
    en: '{what} is longer than {max} characters; it is set as a title or label, so keep it short (put details in the items)',
    'zh-CN': '{what}超过 {max} 个字；它会作为标题或标签显示，请写短一些（详细内容写在条目里）',
  },
  'brief.expectedList': { en: 'expected a list of {what}, got {got}', 'zh-CN': '应为{what}列表，实际为{got}' },
  'brief.expectedMapping': {
    en: 'expected a mapping ({keys}), got {got}',
    'zh-CN': '应为键值对（{keys}），实际为{got}',
  },
  'brief.expectedDate': {
    en: 'expected a date as YYYY-MM-DD or YYYY-MM, got {got}',
    'zh-CN': '日期应写成 YYYY-MM-DD 或 YYYY-MM，实际为{got}',
  },
  'brief.expectedBoolean': {
    en: 'expected true or false, got {got} (delete the line to confirm the directive)',
    'zh-CN': '应为 true 或 false，实际为{got}（删除这一行即表示确认该指示）',
  },
  'brief.expectedLang': { en: 'expected zh-CN or en', 'zh-CN': '应为 zh-CN 或 en' },
  'brief.listLimit': {
    en: 'more than {max} {what} in one list; a brief is an outline: keep the main points, put the rest in notes',
    'zh-CN': '一个列表中的{what}超过 {max} 条；简报是提纲：请保留要点，其余写入备注（notes）',
  },
  'brief.leaderNeedsPoint': { en: 'a leader needs at least one point', 'zh-CN': '每位领导至少要有一条要点' },
  'brief.needsUnit': { en: 'a brief needs at least one unit', 'zh-CN': '简报至少要有一个单位' },
  'brief.tooManyUnits': {
    en: 'more than {max} units; split the brief into several',
    'zh-CN': '单位超过 {max} 个；请把简报拆成几份',
  },
  'brief.tooManyLeaders': {
    en: "more than {max} leaders' directives; split the brief into several",
    'zh-CN': '领导指示超过 {max} 组；请把简报拆成几份',
  },
  'brief.tooManyItems': {
    en: 'more than {max} items in all; split the brief into several',
    'zh-CN': '条目总数超过 {max} 条；请把简报拆成几份',
  },
  'brief.emptyUnit': {
    en: '{unit} has no achievements, shortcomings or directives: its slide shows only its name; add what it reported, or leave the unit out',
    'zh-CN': '{unit}没有成绩、不足或指示：幻灯片上只显示单位名称；请补上汇报内容，或删除这个单位',
  },
  'brief.emptyUnitSpeaker': {
    en: '{unit} has no achievements, shortcomings or directives: its slide shows only its name and speaker; add what it reported, or leave the unit out',
    'zh-CN': '{unit}没有成绩、不足或指示：幻灯片上只显示单位名称和发言人；请补上汇报内容，或删除这个单位',
  },
  'brief.unconfirmedOne': {
    en: '{unit}: {n} suggested directive not yet confirmed (delete `suggested: true` to confirm, or the directive to leave it out):{items}',
    'zh-CN': '{unit}：有 {n} 条建议的指示尚未确认（删除 `suggested: true` 即确认，不采用则删除该指示）：{items}',
  },
  'brief.unconfirmedMany': {
    en: '{unit}: {n} suggested directives not yet confirmed (delete `suggested: true` to confirm, or the directive to leave it out):{items}',
    'zh-CN': '{unit}：有 {n} 条建议的指示尚未确认（删除 `suggested: true` 即确认，不采用则删除该指示）：{items}',
  },
  'brief.unconfirmedItem': { en: '\n  - line {line}: {text}{more}', 'zh-CN': '\n  - 第 {line} 行：{text}{more}' },
  'yaml.controlChar': {
    en: 'removed {n} control character that a deck cannot hold',
    'zh-CN': '已删除 {n} 个演示文稿无法容纳的控制字符',
  },
  'yaml.controlChars': {
    en: 'removed {n} control characters that a deck cannot hold',
    'zh-CN': '已删除 {n} 个演示文稿无法容纳的控制字符',
  },

  // build and validate output.
  'validate.ok': {
    en: '{file}: ok ({units} units, {leaders} leaders)',
    'zh-CN': '{file}: 检查通过（{units} 个单位，{leaders} 位领导）',
  },
  'build.summaryOne': { en: '{built} deck built in {time}', 'zh-CN': '已生成 {built} 份演示文稿，用时 {time}' },
  'build.summaryMany': { en: '{built} decks built in {time}', 'zh-CN': '已生成 {built} 份演示文稿，用时 {time}' },
  'build.summaryOneFailed': {
    en: '{built} deck built, {failed} failed in {time}',
    'zh-CN': '已生成 {built} 份演示文稿，{failed} 份失败，用时 {time}',
  },
  'build.summaryManyFailed': {
    en: '{built} decks built, {failed} failed in {time}',
    'zh-CN': '已生成 {built} 份演示文稿，{failed} 份失败，用时 {time}',
  },
  'build.deck': { en: '{deck}  {slides} slides  {time}{fit}', 'zh-CN': '{deck}  {slides} 页  {time}{fit}' },
  'fit.summary': { en: '  fit: {parts}', 'zh-CN': '  排版：{parts}' },
  'fit.sep': { en: ', ', 'zh-CN': '，' },
  'fit.nameSep': { en: ', ', 'zh-CN': '、' },
  'fit.shrunk': { en: '{n} shrunk', 'zh-CN': '{n} 页缩小字号' },
  'fit.continuation': { en: '{n} continuation slide', 'zh-CN': '{n} 页续页' },
  'fit.continuations': { en: '{n} continuation slides', 'zh-CN': '{n} 页续页' },
  'fit.unitSlides': { en: 'unit slides', 'zh-CN': '单位页' },
  'fit.leaderSlides': { en: "leaders' slides", 'zh-CN': '领导指示页' },
  'fit.group': {
    en: '{name}: body {from}→{to} pt, one size for all{need}',
    'zh-CN': '{name}：正文 {from}→{to} pt，统一字号{need}',
  },
  'fit.needs': { en: ' ({who} needs {pt} pt)', 'zh-CN': '（{who}需要 {pt} pt）' },
  'fit.need': { en: ' ({who} need {pt} pt)', 'zh-CN': '（{who}需要 {pt} pt）' },
  'fit.whoMany': { en: '{n} of {total}, {first}…,', 'zh-CN': '{total} 个中的 {n} 个，如{first}等，' },
  'fit.body': { en: 'body {from}→{to} pt', 'zh-CN': '正文 {from}→{to} pt' },
  'fit.text': { en: 'text {from}→{to} pt', 'zh-CN': '文字 {from}→{to} pt' },
  'fit.split': { en: '{n} long item split', 'zh-CN': '{n} 条长条目已拆分' },
  'fit.splits': { en: '{n} long items split', 'zh-CN': '{n} 条长条目已拆分' },
  'fit.titleLines': { en: 'title on {n} lines', 'zh-CN': '标题占 {n} 行' },
  'fit.subject': { en: '{subject}: {parts}', 'zh-CN': '{subject}：{parts}' },

  // draft.
  'label.note': { en: 'note: ', 'zh-CN': '提示：' },
  'label.check': { en: 'check: ', 'zh-CN': '请核对：' },
  'draft.noTitle': {
    en: 'found no meeting title (such as 市委季度工作会议) in the report: write it in meeting.title; every paragraph of the report is kept in the draft, as data or as a comment',
    'zh-CN':
      '报道中没有找到会议名称（如“市委季度工作会议”）：请填写 meeting.title；报道的每一段都已保留在草稿中（作为数据或注释）',
  },
  'draft.noDate': {
    en: 'the report gives no meeting date: pass --date 2025-01-06 (or --date 2025-01), or write it in meeting.date',
    'zh-CN': '报道中没有会议日期：请加上 --date 2025-01-06（或 --date 2025-01），或填写 meeting.date',
  },
  'draft.noUnits': {
    en: 'found no reporting units (such as “会上，A、B先后发言”) in the report: write them in units; every paragraph of the report is kept in the draft, as data or as a comment',
    'zh-CN':
      '报道中没有找到发言单位（如“会上，A、B先后发言”）：请填写 units；报道的每一段都已保留在草稿中（作为数据或注释）',
  },
  'draft.written': {
    en: '{file}  drafted; {places} to check (# 请核对), {units} with suggested directives (# 建议), {paragraphs} kept as comments',
    'zh-CN': '{file}  草稿已生成；{places}待核对（# 请核对），{units}有建议的指示（# 建议），{paragraphs}保留为注释',
  },
  'draft.place': { en: '{n} place', 'zh-CN': '{n} 处' },
  'draft.places': { en: '{n} places', 'zh-CN': '{n} 处' },
  'draft.unit': { en: '{n} unit', 'zh-CN': '{n} 个单位' },
  'draft.units': { en: '{n} units', 'zh-CN': '{n} 个单位' },
  'draft.paragraph': { en: '{n} paragraph', 'zh-CN': '{n} 段' },
  'draft.paragraphs': { en: '{n} paragraphs', 'zh-CN': '{n} 段' },
  'draft.readAs': {
    en: 'read as {encoding}, not UTF-8',
    'zh-CN': '已按 {encoding} 编码读取（不是 UTF-8）',
  },
  'draft.readAsUtf16': { en: 'read as UTF-16 (Unicode) text', 'zh-CN': '已按 UTF-16（Unicode）编码读取' },

  // What a value is, inside "got …".
  'got.null': { en: 'nothing (null)', 'zh-CN': '空值（null）' },
  'got.list': { en: 'a list', 'zh-CN': '列表' },
  'got.binary': { en: 'binary data', 'zh-CN': '二进制数据' },
  'got.date': { en: 'a date', 'zh-CN': '日期' },
  'got.mapping': { en: 'a mapping', 'zh-CN': '键值对' },
  'got.text': { en: 'text "{text}"', 'zh-CN': '文字“{text}”' },
  'got.other': { en: '{type} {value}', 'zh-CN': '{type} {value}' },
  'type.number': { en: 'number', 'zh-CN': '数字' },
  'type.boolean': { en: 'boolean', 'zh-CN': '逻辑值' },

  // What a brief's field holds, inside "expected …".
  'what.text': { en: 'text', 'zh-CN': '文字' },
  'what.name': { en: 'a name', 'zh-CN': '姓名' },
  'what.role': { en: 'a role', 'zh-CN': '职务' },
  'what.title': { en: 'a title', 'zh-CN': '标题' },
  'what.subtitle': { en: 'a subtitle', 'zh-CN': '副标题' },
  'what.organizer': { en: 'an organizer', 'zh-CN': '主办单位' },
  'what.location': { en: 'a location', 'zh-CN': '地点' },
  'what.summary': { en: 'a summary', 'zh-CN': '会议主旨' },
  'what.directive': { en: 'a directive', 'zh-CN': '指示' },
  'what.unitName': { en: 'a unit name', 'zh-CN': '单位名称' },
  'what.achievement': { en: 'an achievement', 'zh-CN': '成绩' },
  'what.shortcoming': { en: 'a shortcoming', 'zh-CN': '不足' },
  'what.notes': { en: 'notes', 'zh-CN': '备注' },
  'what.topic': { en: 'a topic', 'zh-CN': '讲话主题' },
  'what.point': { en: 'a point', 'zh-CN': '要点' },
  'what.themeName': { en: 'a theme name or path', 'zh-CN': '主题名称或路径' },
  'whats.names': { en: 'names', 'zh-CN': '姓名' },
  'whats.achievements': { en: 'achievements', 'zh-CN': '成绩' },
  'whats.shortcomings': { en: 'shortcomings', 'zh-CN': '不足' },
  'whats.directives': { en: 'directives', 'zh-CN': '指示' },
  'whats.points': { en: 'points', 'zh-CN': '要点' },
  'whats.units': { en: 'units', 'zh-CN': '单位' },
  'whats.leaders': { en: "leaders' directives", 'zh-CN': '领导指示' },

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
  'theme.outsideName': { en: '{name} is outside', 'zh-CN': '{name} 不在' },
  'theme.outsideLink': { en: '{name} is a link to {real}, outside', 'zh-CN': '{name} 是指向 {real} 的链接，不在' },
  'theme.outsideBrief': {
    en: "theme {out} the brief's folder; move it next to the brief, or pass --allow-outside-files",
    'zh-CN': '主题 {out}简报所在的文件夹内；请把它移到简报旁边，或加上 --allow-outside-files',
  },
  'theme.extendsOutside': {
    en: "{out} this theme's folder; themes may only extend files beside them (or pass --allow-outside-files)",
    'zh-CN': '{out}本主题所在的文件夹内；主题只能继承同一文件夹里的文件（或加上 --allow-outside-files）',
  },
  'theme.imageOutside': {
    en: "{out} this theme's folder; keep images beside the theme (or pass --allow-outside-files)",
    'zh-CN': '{out}本主题所在的文件夹内；请把图片放在主题文件旁边（或加上 --allow-outside-files）',
  },
  'theme.templateOutside': {
    en: "{out} this theme's folder; keep the template beside the theme (or pass --allow-outside-files)",
    'zh-CN': '{out}本主题所在的文件夹内；请把模板文件放在主题文件旁边（或加上 --allow-outside-files）',
  },
  'theme.cycle': {
    en: 'extends makes a cycle: {chain}',
    'zh-CN': 'extends 形成了循环：{chain}；请去掉其中一处 extends',
  },
  'theme.unknownBuiltin': {
    en: 'unknown built-in theme "{ref}"; to extend a file, write its path (./base.yaml)',
    'zh-CN': '没有名为“{ref}”的内置主题；要继承一个文件，请写出它的路径（./base.yaml）',
  },
  'theme.unknownBuiltinHint': {
    en: 'unknown built-in theme "{ref}"; did you mean "{hint}"?; to extend a file, write its path (./base.yaml)',
    'zh-CN': '没有名为“{ref}”的内置主题；是不是想写“{hint}”？要继承一个文件，请写出它的路径（./base.yaml）',
  },
  'theme.notMapping': {
    en: 'a theme is a mapping of settings (colors, fonts, sizes…), not a list or a single value',
    'zh-CN': '主题应是一组设置（colors、fonts、sizes 等），不能是列表或单个值',
  },
  'theme.image': { en: 'image {rel}: {why}', 'zh-CN': '图片 {rel}：{why}' },
  'theme.imageMissing': { en: 'image {rel}: no such file', 'zh-CN': '图片 {rel}：文件不存在' },
  'theme.templateKind': {
    en: 'template {rel}: expected a PowerPoint template, .potx or .pptx',
    'zh-CN': '模板 {rel}：应为 PowerPoint 模板（.potx 或 .pptx）',
  },
  'theme.templateMissing': { en: 'template {rel}: no such file', 'zh-CN': '模板 {rel}：文件不存在' },
  'theme.templateRecolored': {
    en: 'the {what} on the template\'s layout "{layout}" is #{color} on #{ground}, a contrast of {ratio}:1 where it needs {need}:1 to be read: decks use #{now} instead',
    'zh-CN':
      '模板版式“{layout}”的{what}是 #{color}，在 #{ground} 上对比度只有 {ratio}:1（至少需要 {need}:1 才看得清）：幻灯片改用 #{now}',
  },
  'what.templateTitle': { en: 'title', 'zh-CN': '标题' },
  'what.templateBody': { en: 'text', 'zh-CN': '文字' },
  'what.templateFooter': { en: 'footer and slide number', 'zh-CN': '页脚和页码' },
  'theme.minimumAboveBody': {
    en: 'the minimum size ({min} pt) is above the body size ({body} pt)',
    'zh-CN': '最小字号（{min} 磅）大于正文字号（{body} 磅）；请调小最小字号或调大正文字号',
  },
  'theme.roomOwn': {
    en: 'with the longest names and titles a brief may have ({title} characters), this {what} leaves no room on the slides for a line of text at {min} pt; make it shorter',
    'zh-CN':
      '简报中的名称和标题最长可达 {title} 个字，按此长度，这个{what}会让幻灯片在 {min} 磅下连一行正文都放不下；请把它改短',
  },
  'theme.roomFooter': { en: 'footer ({lines} lines)', 'zh-CN': '页脚（{lines} 行）' },
  'theme.roomSlideNumber': { en: 'slide number', 'zh-CN': '页码' },
  'theme.roomUnitTitle': { en: 'unit title', 'zh-CN': '单位标题' },
  'theme.roomLeaderTitle': { en: 'leader title', 'zh-CN': '领导标题' },
  'theme.roomLabel': { en: 'label', 'zh-CN': '标签' },
  'theme.roomMinimum': {
    en: 'at {min} pt a slide has no room for a line of text between the longest title and footer a brief may have (a {title}-character unit name and meeting title); the largest minimum size that leaves room is {pt} pt',
    'zh-CN':
      '在 {min} 磅下，标题和页脚最长时（单位名称和会议标题各 {title} 个字），幻灯片上放不下一行正文；请把最小字号改为 {pt} 磅或更小',
  },
  'theme.roomNone': {
    en: 'at {min} pt a slide has no room for a line of text between the longest title and footer a brief may have (a {title}-character unit name and meeting title); no minimum size leaves room with these templates',
    'zh-CN':
      '在 {min} 磅下，标题和页脚最长时（单位名称和会议标题各 {title} 个字），幻灯片上放不下一行正文；用这些模板，任何最小字号都放不下，请缩短模板',
  },
  'theme.colorType': { en: 'expected a colour as #RRGGBB, got {got}', 'zh-CN': '颜色应写成 #RRGGBB，实际为{got}' },
  'theme.sizeType': { en: 'expected a size in points, got {got}', 'zh-CN': '字号应为磅数，实际为{got}' },
  'theme.sizeMin': { en: '{what} must be at least 6 pt', 'zh-CN': '{what}至少为 6 磅' },
  'theme.sizeMax': { en: '{what} must be at most 96 pt', 'zh-CN': '{what}最多为 96 磅' },
  'theme.minimumMin': {
    en: 'the minimum size cannot be below 10 pt: text under that cannot be read in a meeting room',
    'zh-CN': '最小字号不能小于 10 磅：再小在会议室里就看不清了',
  },
  'theme.minimumMax': { en: 'the minimum size must be at most 96 pt', 'zh-CN': '最小字号最多为 96 磅' },
  'theme.labelLength': {
    en: 'a label is at most {max} characters: it is set as a heading',
    'zh-CN': '标签最多 {max} 个字：它会作为小标题显示',
  },
  'theme.templateLength': {
    en: 'a template is at most {max} characters: it makes a title or the footer',
    'zh-CN': '模板最多 {max} 个字：它用来生成标题或页脚',
  },
  'size.title': { en: 'the title size', 'zh-CN': '标题字号' },
  'size.heading': { en: 'the heading size', 'zh-CN': '小标题字号' },
  'size.body': { en: 'the body size', 'zh-CN': '正文字号' },
  'what.fontName': { en: 'a font name', 'zh-CN': '字体名称' },
  'what.description': { en: 'a description', 'zh-CN': '说明' },
  'what.filePath': { en: 'a file path', 'zh-CN': '文件路径' },
  'what.template': { en: 'a template', 'zh-CN': '模板' },
  'template.refusedAt': {
    en: '{refusal} (line {line}, column {column} of the template)',
    'zh-CN': '{refusal}（模板第 {line} 行第 {column} 列）',
  },
  'template.refusedAtColumn': {
    en: '{refusal} (column {column} of the template)',
    'zh-CN': '{refusal}（模板第 {column} 列）',
  },
  'template.log': {
    en: '{{{helper}}} writes to the terminal, not to the slide: remove it',
    'zh-CN': '{{{helper}}} 只会输出到终端，不会显示在幻灯片上：请删除它',
  },
  'template.blockOnly': {
    en: '{{{name}}} works only as a block: {{#{name} value}}…{{/{name}}}',
    'zh-CN': '{{{name}}} 只能用作块：{{#{name} 值}}…{{/{name}}}',
  },
  'template.blockOneValue': {
    en: '{{#{name}}} needs exactly one value, e.g. {{#{name} meeting.subtitle}}…{{/{name}}}',
    'zh-CN': '{{#{name}}} 需要且只需要一个值，例如 {{#{name} meeting.subtitle}}…{{/{name}}}',
  },
  'template.lookupBlock': {
    en: '{{{helper}}} is not a block: write {{lookup object key}}',
    'zh-CN': '{{{helper}}} 不能用作块：请写成 {{lookup 对象 键}}',
  },
  'template.lookupArgs': {
    en: '{{{helper}}} needs an object and a key, e.g. {{lookup labels "chair"}}',
    'zh-CN': '{{{helper}}} 需要一个对象和一个键，例如 {{lookup labels "chair"}}',
  },
  'template.partial': {
    en: 'a theme template cannot include another template ({{> …}}): write its text out',
    'zh-CN': '主题模板不能引用其他模板（{{> …}}）：请直接写出其中的文字',
  },
  'template.decorator': {
    en: 'a theme template cannot use decorators ({{* …}})',
    'zh-CN': '主题模板不能使用装饰器（{{* …}}）：请删除它',
  },
  'report.saveAsWord': {
    en: 'open it in Word or WPS and save it as .docx or as plain text: 文件 → 另存为 → “Word 文档 (*.docx)” or “纯文本 (*.txt)”',
    'zh-CN': '请用 Word 或 WPS 打开，另存为 .docx 或纯文本：文件 → 另存为 → “Word 文档 (*.docx)”或“纯文本 (*.txt)”',
  },
  'report.saveAsWps': {
    en: 'open it in WPS and save it as .docx or as plain text: 文件 → 另存为 → “Word 文件 (*.docx)” or “纯文本文件 (*.txt)”',
    'zh-CN': '请用 WPS 打开，另存为 .docx 或纯文本：文件 → 另存为 → “Word 文件 (*.docx)”或“纯文本文件 (*.txt)”',
  },
  'report.saveAgain': {
    en: 'open it in Word or WPS and save it again as .docx, or as plain text (文件 → 另存为 → “纯文本 (*.txt)”)',
    'zh-CN': '请用 Word 或 WPS 打开，重新另存为 .docx 或纯文本（文件 → 另存为 → “纯文本 (*.txt)”）',
  },
  'report.copyPage': {
    en: 'open the page in the browser, select the text of the report, copy it into a .txt file and draft from that',
    'zh-CN': '请在浏览器中打开网页，选中报道正文，复制到 .txt 文件中，再用它生成草稿',
  },
  'report.empty': {
    en: 'the file is empty (0 bytes): there is no report in it',
    'zh-CN': '文件是空的（0 字节）：里面没有报道',
  },
  'report.noText': { en: 'has no text: there is no report in it', 'zh-CN': '没有文字：里面没有报道' },
  'report.pdf': {
    en: 'this is a PDF, which briefdeck cannot read; open it in Word (it converts the PDF) or WPS and save it as .docx: 文件 → 另存为 → “Word 文档 (*.docx)”, or copy its text (Ctrl+A, Ctrl+C) into a .txt file',
    'zh-CN':
      '这是 PDF 文件，briefdeck 无法读取；请用 Word（会自动转换 PDF）或 WPS 打开，另存为 .docx：文件 → 另存为 → “Word 文档 (*.docx)”，或把文字（Ctrl+A、Ctrl+C）复制到 .txt 文件中',
  },
  'report.pdfNamed': {
    en: 'this is a PDF with a {ext} name, which briefdeck cannot read; open it in Word (it converts the PDF) or WPS and save it as .docx: 文件 → 另存为 → “Word 文档 (*.docx)”, or copy its text (Ctrl+A, Ctrl+C) into a .txt file',
    'zh-CN':
      '这是扩展名为 {ext} 的 PDF 文件，briefdeck 无法读取；请用 Word（会自动转换 PDF）或 WPS 打开，另存为 .docx：文件 → 另存为 → “Word 文档 (*.docx)”，或把文字（Ctrl+A、Ctrl+C）复制到 .txt 文件中',
  },
  'report.rtf': {
    en: 'this is an RTF document, which briefdeck cannot read; {fix}',
    'zh-CN': '这是 RTF 文档，briefdeck 无法读取；{fix}',
  },
  'report.mht': {
    en: 'this is a web archive (.mht/.mhtml), which briefdeck cannot read; open it in the browser and save it as a web page, HTML only (网页，仅 HTML, .html), or copy the article into a .txt file',
    'zh-CN':
      '这是网页归档文件（.mht/.mhtml），briefdeck 无法读取；请在浏览器中打开，另存为“网页，仅 HTML”（.html），或把文章复制到 .txt 文件中',
  },
  'report.wps': {
    en: 'this is a WPS document (.wps), which briefdeck cannot read; {fix}',
    'zh-CN': '这是 WPS 文档（.wps），briefdeck 无法读取；{fix}',
  },
  'report.docxProtected': {
    en: 'this Word file is password-protected or in the old .doc format, which briefdeck cannot read; open it in Word or WPS, remove any password and save it as .docx (文件 → 另存为 → “Word 文档 (*.docx)”) or as plain text (“纯文本 (*.txt)”)',
    'zh-CN':
      '这个 Word 文件设有密码，或是旧的 .doc 格式，briefdeck 无法读取；请用 Word 或 WPS 打开，去掉密码，另存为 .docx（文件 → 另存为 → “Word 文档 (*.docx)”）或纯文本（“纯文本 (*.txt)”）',
  },
  'report.doc': {
    en: 'this is a Word 97-2003 document (.doc), which briefdeck cannot read; {fix}',
    'zh-CN': '这是 Word 97-2003 文档（.doc），briefdeck 无法读取；{fix}',
  },
  'report.docNamed': {
    en: 'this is a Word 97-2003 document (.doc) with a {ext} name, which briefdeck cannot read; {fix}',
    'zh-CN': '这是扩展名为 {ext} 的 Word 97-2003 文档（.doc），briefdeck 无法读取；{fix}',
  },
  'report.pageTooMany': {
    en: 'this web page has over {max} elements, far more than a news page; {fix}',
    'zh-CN': '这个网页有超过 {max} 个元素，远多于一般新闻页面；{fix}',
  },
  'report.pageTooDeep': {
    en: 'this web page nests over {max} levels deep, far more than a news page; {fix}',
    'zh-CN': '这个网页嵌套超过 {max} 层，远多于一般新闻页面；{fix}',
  },
  'report.pageFailed': {
    en: 'cannot read this web page ({detail}); {fix}',
    'zh-CN': '无法读取这个网页（{detail}）；{fix}',
  },
  'report.pageNoArticle': {
    en: 'found no article in this web page, only menus and links; {fix}',
    'zh-CN': '这个网页里没有找到文章，只有菜单和链接；{fix}',
  },
  'report.zipEncrypted': {
    en: 'this zip file is password-protected; {fix}',
    'zh-CN': '这个 zip 文件设有密码；{fix}',
  },
  'report.zipTooBig': {
    en: "this file would unpack to more than {max} MB (at {entry}); a report's Word file unpacks to a few MB, so it is damaged or built to exhaust memory, and is not read",
    'zh-CN':
      '这个文件解压后超过 {max} MB（在 {entry} 处）；报道的 Word 文件解压后只有几 MB，所以它已损坏或是故意耗尽内存的文件，不予读取；请重新另存为 .docx 或纯文本',
  },
  'report.docxDamaged': {
    en: 'this Word file is damaged ({detail}); {fix}',
    'zh-CN': '这个 Word 文件已损坏（{detail}）；{fix}',
  },
  'report.notWord': {
    en: 'this is a zip file but not a Word document (it has no word/document.xml); give the report as .docx, .txt or .html',
    'zh-CN': '这是 zip 文件，不是 Word 文档（其中没有 word/document.xml）；请提供 .docx、.txt 或 .html 格式的报道',
  },
  'report.docxCannotRead': {
    en: 'cannot read this Word file ({detail}); {fix}',
    'zh-CN': '无法读取这个 Word 文件（{detail}）；{fix}',
  },
  'report.docxNoText': {
    en: 'this Word document has no text: there is no report in it',
    'zh-CN': '这个 Word 文档没有文字：里面没有报道',
  },
  'report.docxTooBig': {
    en: 'the text of this Word document is over {limit} MB; the limit for a report is {limit} MB ({bytes} bytes)',
    'zh-CN': '这个 Word 文档的文字超过 {limit} MB；报道最大 {limit} MB（{bytes} 字节）；请只保留报道正文',
  },
  'draft.badDate': {
    en: '--date {date}: expected a date that exists, as YYYY-MM-DD or YYYY-MM',
    'zh-CN': '--date {date}：应为真实存在的日期，格式为 YYYY-MM-DD 或 YYYY-MM',
  },
  'draft.exists': {
    en: 'already exists; a draft never overwrites a brief someone may have edited (pass --force to replace it)',
    'zh-CN': '文件已存在；草稿不会覆盖可能已被人修改过的简报（如要替换，请加上 --force）',
  },
  'draft.cannotMakeFolder': {
    en: 'cannot create the folder {folder}: {detail}',
    'zh-CN': '无法创建文件夹 {folder}：{detail}',
  },
  'draft.blocked': {
    en: 'cannot write the draft: {path} is a file, not a folder',
    'zh-CN': '无法写入草稿：{path} 是文件，不是文件夹；请换一个输出位置',
  },
  'draft.cannotWrite': { en: 'cannot write the draft: {detail}', 'zh-CN': '无法写入草稿：{detail}' },
  'draft.cannotWriteAt': {
    en: 'cannot write the draft: {path}: {detail}',
    'zh-CN': '无法写入草稿：{path}：{detail}',
  },
  'draft.stdinHint': {
    en: 'draft -: paste the report and end with Ctrl-D, or give a file: briefdeck draft report.txt',
    'zh-CN': 'draft -：请粘贴报道，以 Ctrl-D 结束；或者给出文件：briefdeck draft report.txt',
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

/** Messages a schema gives zod as English text, by that text: validation words them back in the
 * user's language. Fixed ones are made with the schema; others carry the input (capped). */
const FIXED = new Map<string, Msg>();
const SEEN = new Map<string, Msg>();

/** The English text of a message a schema gives zod, remembered for `catalogued`. */
export function zodText(m: Msg, fixed = false): string {
  const text = word(m, 'en');
  if (fixed) FIXED.set(text, m);
  else {
    if (SEEN.size >= 10_000) SEEN.clear();
    SEEN.set(text, m);
  }
  return text;
}

/** The message a schema gave as this English text, when it came from the catalogue. */
export const catalogued = (text: string): Msg | undefined => FIXED.get(text) ?? SEEN.get(text);

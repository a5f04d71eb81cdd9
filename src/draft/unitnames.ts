/**
 * Names of reporting units: the short forms a report uses for a listed unit (浦东新区区委 →
 * 浦东新区, 金山区委 → 金山区), a body's name at the start of a sentence when there is no list
 * (市应急管理局有力推进… → 市应急管理局), and a list entry's name and speaker
 * (浦东新区区委书记朱芝松 → 浦东新区区委 + 朱芝松).
 */

/** The names a listed unit goes by in its own text, longest first. */
export function shortForms(name: string): string[] {
  const forms = new Set<string>([name]);
  const add = (f: string) => {
    if (f.length >= 2) forms.add(f);
  };
  // 青石镇党委 → 青石镇, 江湾街道党工委 → 江湾街道
  const party = /(?:党工委|党委|党组|工委)$/.exec(name);
  if (party) add(name.slice(0, -party[0].length));
  // 浦东新区区委 → 浦东新区, 金山区委 → 金山区
  if (/[区县市]委$/.test(name)) {
    const base = name.slice(0, -2);
    add(/[区县市]$/.test(base) ? base : name.slice(0, -1));
  }
  // 市公安局 → 公安局 (a report may drop the level)
  if (/^[市区县]/.test(name) && name.length >= 4) add(name.slice(1));
  // 石景山 → 石景山区 (a list may give the bare place name, its text the district)
  if (!/[区县市镇乡村委局办厅署园心司团站所队会联社]$/.test(name) && name.length >= 2)
    for (const level of ['新区', '区', '县', '市', '镇', '乡', '街道', '村', '社区']) forms.add(name + level);
  // 文山市平坝镇党委 → 平坝镇, 麻栗坡县铁厂乡铁厂村 → 铁厂乡铁厂村, 铁厂村: the place below the county
  const base = party ? name.slice(0, -party[0].length) : name;
  if (/(?:镇|乡|街道|村|社区|党支部)$/.test(base))
    for (let i = 1; i < base.length - 2; i++) if ('省市县区乡镇'.includes(base[i]!)) add(base.slice(i + 1));
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Endings that make a body's name; the weak ones (区, 市) only in a short name like 金山区. */
const STRONG = [
  '新区',
  '街道',
  '委员会',
  '办公室',
  '管委会',
  '集团',
  '公司',
  '中心',
  '园区',
  '社区',
  '镇',
  '乡',
  '村',
  '县',
  '局',
  '委',
  '办',
  '厅',
  '署',
];
const WEAK = ['区', '市'];

/**
 * The body named at the start of a sentence, or null: the earliest strong ending within the
 * first twelve characters, else a short name ending in 区 or 市.
 */
export function orgPrefix(sentence: string): string | null {
  const run = /^[\u4e00-\u9fa5]{2,12}/.exec(sentence)?.[0];
  if (!run || /^(?:但|要|在|对|从|为|把|以|与|和|同时|其中|此外|另外|下一步|今后)/.test(run)) return null;
  // "杨远志充分肯定了建立党委…": a person doing something, not a body.
  const cut = run.search(/了|的|是|肯定|指出|强调|要求|表示|充分|认真/);
  if (cut === 0) return null;
  const end = cut < 0 ? run.length : cut;
  for (let p = 2; p <= end; p++) {
    const head = run.slice(0, p);
    if (STRONG.some((s) => head.endsWith(s) && head.length >= Math.max(3, s.length + 1))) return head;
  }
  for (let p = 3; p <= Math.min(run.length, 5); p++) {
    const head = run.slice(0, p);
    if (WEAK.some((s) => head.endsWith(s))) return head;
  }
  return null;
}

const SPEAKER_TITLE =
  '(?:副)?(?:书记|区长|县长|镇长|乡长|市长|局长|主任|部长|厅长|处长|主席|院长|检察长|总经理|董事长)(?:、(?:副)?(?:区长|县长|镇长|乡长|局长|主任|书记|总经理))?';
const WITH_SPEAKER = new RegExp(`^(.+?)${SPEAKER_TITLE}([\\u4e00-\\u9fa5]{2,3})$`, 'd');
const RESPONSIBLE = /(?:的)?(?:主要)?负责(?:同志|人)$|同志$/;
/** A title shared by the whole list and left on its last name: "市文物局党组书记". */
const BARE_TITLE = /(?:党组|党委|党工委|工委|党支部|党总支)(?:副)?书记$|(?:主要)?负责同志$/;

/** A list entry → [start, end) of the unit's name and of the speaker, if named. */
export function unitItem(item: string): { name: [number, number]; speaker?: [number, number] } | null {
  const bare = item.replace(RESPONSIBLE, '');
  if (bare.length < 2) return null;
  const m = WITH_SPEAKER.exec(bare);
  if (m) return { name: m.indices![1]!, speaker: m.indices![2]! };
  const title = BARE_TITLE.exec(bare);
  if (title && title.index >= 2) return { name: [0, title.index] };
  return { name: [0, bare.length] };
}

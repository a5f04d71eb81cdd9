/**
 * People in the report: "上海市委书记陈吉宁主持…", "市委副书记、市长龚正部署…". A role is
 * text ending in a title (书记, 市长, 局长…), a name is two or three characters right after
 * it, followed by what the person does. Used for the chair, the leaders' roles and topics,
 * and to tell names from other words.
 */
import type { Doc } from './paragraphs.js';
import type { Span } from './text.js';

const TITLE =
  '(?:书记|市长|区长|县长|镇长|乡长|省长|州长|主任|部长|局长|厅长|处长|主席|院长|检察长|秘书长|组长|总经理|董事长|常委|委员|司令员|政委|署长|行长|校长|社长|总编辑|负责人)';
export const ROLE = `[\\u4e00-\\u9fa5]{0,12}?${TITLE}(?:、[\\u4e00-\\u9fa5]{0,12}?${TITLE})*`;
export const NAME = '[\\u4e00-\\u9fa5]{2,3}?';
/** What may follow a name before the action: "会议由镇党委书记杨增新同志主持". */
export const COMRADE = '(?:同志)?';
/** What follows a name: an action, or the next item of a list. */
const AFTER =
  '(?:主持|出席|部署|指出|强调|要求|讲话|参加|列席|表示|作|在|就|通报|传达|介绍|总结|点评|提出|宣读|对|结合|逐一|代表|等|和|、|，|。|；)';
const BOUNDARY = '(?<=^|[，。、；：\\n“（]|由|会上)';

/** A role, a name and where they are (norm offsets). */
export interface Mention {
  name: string;
  role: Span;
  nameSpan: Span;
  /** What comes right after the name, for the caller to read the action. */
  after: number;
  /** "上海市委书记" → 上海 (the place) and 上海市委 (the body), when the role starts with them. */
  place?: Span;
  body?: Span;
}

export function mentions(doc: Doc): Mention[] {
  const re = new RegExp(`${BOUNDARY}(${ROLE})(${NAME})${COMRADE}(?=${AFTER})`, 'gd');
  const out: Mention[] = [];
  for (const m of doc.t.norm.matchAll(re)) {
    const [rs, re_] = m.indices![1]!;
    const [ns, ne] = m.indices![2]!;
    const lead = roleLead(doc.t.norm.slice(rs, re_));
    const role = stripPlace(doc.t.norm, { s: rs + lead, e: re_ });
    const mention: Mention = { name: m[2]!, role, nameSpan: { s: ns, e: ne }, after: m.index + m[0].length };
    if (role.s > rs + lead) {
      mention.place = { s: rs + lead, e: role.s };
      mention.body = { s: rs + lead, e: role.s + 2 }; // 上海 + 市委
    }
    out.push(mention);
  }
  return out;
}

/**
 * How many characters of a matched role only lead to it: "会议由镇党委书记" → 会议由, "接受北京市委
 * 书记" → 接受, "镇班子成员的评议和镇党委书记" → 镇班子成员的评议和.
 */
export function roleLead(role: string): number {
  return /^.*(?:接受|并|由|经|请|对(?!外))|^.*的(?:[^的]{0,6}和)?/.exec(role)?.[0].length ?? 0;
}

/**
 * "上海市委书记" → "市委书记", "闵行区区委书记" → "区委书记": the place is the meeting's own and
 * the sample briefs leave it out. Only when the role goes on with 市委/区委/县委/省委…
 */
function stripPlace(norm: string, r: Span): Span {
  const text = norm.slice(r.s, r.e);
  const m = /^[\u4e00-\u9fa5]{2,4}?(?=[省市区县]委|[省市区县]政府|[省市区县]人大|[省市区县]政协)/.exec(text);
  return m && text.length - m[0].length >= 4 ? { s: r.s + m[0].length, e: r.e } : r;
}

/** Role + name in a short item ("市委常委、秘书长李政"), or null. */
export function roleAndName(item: string): { role: string; name: string } | null {
  const m = new RegExp(`^(${ROLE})([\\u4e00-\\u9fa5]{2,3})$`).exec(item);
  return m ? { role: m[1]!, name: m[2]! } : null;
}

/** True when a text ends in a title: a role, not a name ("市委常委"). */
export const isRole = (item: string) => new RegExp(`${TITLE}$`).test(item);

/**
 * Surnames common among officials: a directive cue ("王伟指出，") is trusted without a role
 * elsewhere in the report only when the name starts with one of these.
 */
const SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范' +
    '金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪' +
    '庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房' +
    '滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣' +
    '巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻厉伊仝郜阚权强帅屠豆朴盖练' +
    '廉禹井祖漆巴丰支卿狄计索宣晋初容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危银亢嵇湛宾戎勾茅' +
    '揭尉冶束檀衣信展阴昝智幸奉植衡富尧闭欧阳'
  ).split(''),
);

export const looksLikeName = (s: string) =>
  s.length >= 2 && s.length <= 3 && SURNAMES.has(s[0]!) && !/[各全市区县镇委局部办]/.test(s.slice(1));

import { describe, it, expect } from 'vitest';
import { breakLines, keepWhole, textWidth, wrapStarts, type Line } from '../../src/layout/linebreak.js';

const withoutJoiners = (s: string) => s.replace(/\u2060/g, '');
import { textWidthEm, charWidthEm, graphemes, EMOJI_WIDTH_EM } from '../../src/layout/metrics.js';

const texts = (lines: Line[]): string[] => lines.map((l) => l.text);

/**
 * Lines, read in order, must reproduce the text exactly except for whitespace
 * dropped at break points (spaces at a wrap, the "\n" itself).
 */
function expectReconstructs(text: string, lines: Line[]): void {
  let pos = 0;
  for (const line of lines) {
    while (pos < text.length && !text.startsWith(line.text, pos) && /\s/.test(text[pos] ?? '')) pos++;
    expect(text.startsWith(line.text, pos), `line ${JSON.stringify(line.text)} at ${pos}`).toBe(true);
    pos += line.text.length;
  }
  expect(text.slice(pos).trim()).toBe('');
  expect(
    lines
      .map((l) => l.text)
      .join('')
      .replace(/\s/g, ''),
  ).toBe(text.replace(/\s/g, ''));
}

function expectFits(lines: Line[], max: number): void {
  for (const l of lines) {
    const single = graphemes(l.text.trim()).length <= 1;
    if (!single) expect(l.widthEm, l.text).toBeLessThanOrEqual(max + 1e-9);
    expect(l.widthEm).toBeCloseTo(textWidth(l.text.trimEnd()), 9);
  }
}

describe('breakLines: basics', () => {
  it('returns one empty line for an empty string', () => {
    expect(breakLines('', 10)).toEqual([{ text: '', widthEm: 0 }]);
  });

  it('keeps a single character on one line, even if wider than the box', () => {
    expect(breakLines('中', 10)).toEqual([{ text: '中', widthEm: 1 }]);
    expect(breakLines('中', 0.5)).toEqual([{ text: '中', widthEm: 1 }]);
  });

  it('forces a break at "\\n" and keeps empty paragraphs', () => {
    expect(texts(breakLines('第一行\n第二行', 10))).toEqual(['第一行', '第二行']);
    expect(texts(breakLines('a\n', 10))).toEqual(['a', '']);
    expect(texts(breakLines('\n', 10))).toEqual(['', '']);
    expect(texts(breakLines('a\r\n\nb', 10))).toEqual(['a', '', 'b']);
  });

  it('breaks between any two CJK characters', () => {
    expect(texts(breakLines('一二三四五六七八九十', 4))).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('rejects NaN widths', () => {
    expect(() => breakLines('x', Number.NaN)).toThrow(RangeError);
  });
});

describe('breakLines: kinsoku', () => {
  it('carries the last CJK character down with a comma that would start a line', () => {
    // 8 ideographs fill an 8-em line exactly; the 9th character is '，'.
    const lines = breakLines('一二三四五六七八，九十', 8);
    expect(texts(lines)).toEqual(['一二三四五六七', '八，九十']);
    expect(lines[0]?.widthEm).toBe(7);
  });

  it('applies to every closing mark, including ASCII ones', () => {
    for (const close of ['。', '、', '）', '》', '”', '！', '…', ')', ',', '%']) {
      const lines = breakLines(`一二三四${close}五`, 4);
      expect(lines[1]?.text.startsWith(close), close).toBe(false);
      expect(lines[0]?.text, close).toBe('一二三');
    }
  });

  it('never ends a line with an opening bracket', () => {
    // 七 ends at 7 em, （ at 8 em fits, 八 overflows: the bracket moves down.
    expect(texts(breakLines('一二三四五六七（八）九', 8))).toEqual(['一二三四五六七', '（八）九']);
    expect(texts(breakLines('一二三四“双”', 5))).toEqual(['一二三四', '“双”']);
    expect(texts(breakLines('abc (def)', 4.5))).toEqual(['abc', '(def)']);
  });

  it('does not break beside a quote around Latin text, as LibreOffice does not', () => {
    // The first line has room for 一二把“1+3+N”, and not for the character after it.
    const widthEm = textWidth('一二把“1+3+N”') + 0.01;
    expect(texts(breakLines('一二把“1+3+N”体系', widthEm))).toEqual(['一二', '把“1+3+N”体', '系']);
    expect(texts(breakLines('一二把“双”体系', 6))).toEqual(['一二把“双”', '体系']);
  });

  it('keeps —— and …… together', () => {
    expect(texts(breakLines('一二三——四', 4))).toEqual(['一二三', '——四']);
    expect(texts(breakLines('一二三……', 4))).toEqual(['一二', '三……']);
  });

  it('breaks anyway when no legal break exists', () => {
    const lines = breakLines('，，，，，，', 4);
    expect(texts(lines)).toEqual(['，，，，', '，，']);
  });
});

describe('breakLines: Latin, digits and mixed text', () => {
  it('breaks Latin at spaces; trailing spaces hang and are dropped at the wrap', () => {
    const lines = breakLines('hello world again', textWidthEm('hello world') + 0.01);
    expect(texts(lines)).toEqual(['hello world', 'again']);
    // 'world ' would not fit if the space counted; it hangs instead.
    expect(texts(breakLines('world hello', textWidthEm('world')))).toEqual(['world', 'hello']);
  });

  it("keeps a paragraph's leading spaces but drops them at wrapped line starts", () => {
    const lines = breakLines('  ab cd', textWidthEm('  ab') + 0.01);
    expect(texts(lines)).toEqual(['  ab', 'cd']);
    expect(texts(breakLines('一二   三四', 2))).toEqual(['一二', '三四']);
  });

  it('breaks after hyphens in words but not inside numbers', () => {
    const lines = breakLines('state-of-the-art', textWidthEm('state-of-') + 0.01);
    expect(texts(lines)).toEqual(['state-of-', 'the-art']);
    // "1-11" is 2.503 em: in 3 em it stays whole, in 2.5 em it is too long alone and splits.
    expect(texts(breakLines('一二1-11月', 3))).toEqual(['一二', '1-11', '月']);
    expect(texts(breakLines('一二1-11月', 2.5))).toEqual(['一二', '1-1', '1月']);
  });

  it('breaks between CJK and digits but never inside a number', () => {
    // Hand-worked: 11 ideographs = 11 em; "202" = 3 × 0.696 = 2.088 em.
    const lines = breakLines('浦东新区新建街区党组织202个', 13);
    expect(texts(lines)).toEqual(['浦东新区新建街区党组织', '202个']);
    expect(lines[0]?.widthEm).toBe(11);
    // "202" then autospace (¼ em, as LibreOffice and WPS draw it) then 个; none at the line start.
    expect(lines[1]?.widthEm).toBeCloseTo(3 * 0.696 + 0.25 + 1, 9);
    // PowerPoint breaks between "2.3" and "万" (digit | CJK), never inside "2.3".
    expect(texts(breakLines('增长2.3万家', 4.5))).toEqual(['增长2.3', '万家']);
    expect(texts(breakLines('增长2.3万家', 3.2))).toEqual(['增长', '2.3万', '家']);
    // 14.088 em of glyphs plus two autospaces = 14.588 em.
    expect(breakLines('浦东新区新建街区党组织202个', 14.6)).toHaveLength(1);
  });

  it('splits a 60-character URL in an 8-em line anywhere, never exceeding the width', () => {
    const url = 'https://www.pudong.gov.cn/zwgk/2024/report-2304-xiaoqu-a.htm';
    expect(url).toHaveLength(60);
    const lines = breakLines(`见 ${url}`, 8);
    expect(lines[0]?.text).toBe('见');
    expect(
      lines
        .slice(1)
        .map((l) => l.text)
        .join(''),
    ).toBe(url);
    expect(lines.length).toBeGreaterThan(5);
    expectFits(lines, 8);
    for (const l of lines.slice(1)) expect(/^[.:/]/.test(l.text), l.text).toBe(false);
  });
});

describe('breakLines: graphemes', () => {
  it('never splits an emoji, ZWJ family or flag; a sequence counts each picture (a renderer without the ligature draws them side by side)', () => {
    const family = '👨‍👩‍👧';
    const flag = '🇨🇳';
    const lines = breakLines(`${family}${flag}😀`, EMOJI_WIDTH_EM + 0.1);
    expect(texts(lines)).toEqual([family, flag, '😀']);
    expect(lines.map((l) => l.widthEm)).toEqual([3 * EMOJI_WIDTH_EM, 2 * EMOJI_WIDTH_EM, EMOJI_WIDTH_EM]);
    expect(texts(breakLines(`${family}${family}`, 0.5))).toEqual([family, family]);
  });

  it('keeps combining marks with their base and counts them as zero', () => {
    const word = 'e\u0301e\u0301e\u0301e\u0301';
    const lines = breakLines(word, 2 * charWidthEm(0x65) + 0.01);
    expect(texts(lines)).toEqual(['e\u0301e\u0301', 'e\u0301e\u0301']);
    expect(lines[0]?.widthEm).toBeCloseTo(2 * charWidthEm(0x65), 9);
    expect(texts(breakLines('中\u{e0100}中中', 1))).toEqual(['中\u{e0100}', '中', '中']);
  });
});

describe('breakLines: invariants', () => {
  const samples = [
    '浦东新区新建街区党组织202个，推动全区2304个小区组建业委会',
    '城中村改造新启动项目占全市三分之一，保障性租赁住房供应量、培训中级以上护理员等6个为老服务实事项目完成量居全市第一',
    '公众安全感和公安工作满意度连续12年“双提升”（全市第一）。\n对全市2.3万家生产经营单位开展“信用+风险”监管',
    'Pudong ranked first in the city for 12 years, with 2,304 residential compounds — a state-of-the-art result 👨‍👩‍👧 🇨🇳.',
    '  indented line with   several   spaces and https://example.com/a/very/long/url/that/keeps/going?q=1',
    '“1份报告替代41个执法领域证明”等入选国务院办公厅优化营商环境典型经验案例……',
  ];
  for (const max of [1, 3, 5.5, 8, 12, 20, 100]) {
    it(`reconstructs the text and fits ${max} em`, () => {
      for (const s of samples) {
        const lines = breakLines(s, max);
        expectReconstructs(s, lines);
        if (!s.startsWith('  ')) expectFits(lines, max);
      }
    });
  }
});

describe('wrapStarts', () => {
  const samples = [
    '浦东新区新建街区党组织202个，推动全区2304个小区组建业委会',
    `1-11月签约落地重点项目600个，引入${keepWhole('全国首家')}外商独资证券公司、首批中外合资银行理财公司`,
    'Pudong ranked first in the city for 12 years, with 2,304 residential compounds — a state-of-the-art result.',
    // Graphemes longer than a code unit after many that are not: a family, a flag, 𠀀 (two units).
    '新建街区党组织202个，推动全区2304个小区组建业委会👨‍👩‍👧，🇨🇳居全市第一𠀀𠀀，e\u0301e\u0301 café',
    '新建街区𠀀党组织202个，推动全区2304个小区组建业委会𠀀，居全市第一',
  ];
  for (const max of [3, 5.5, 8, 12, 100]) {
    it(`finds the lines breakLines makes, at ${max} em`, () => {
      for (const s of samples) {
        const lines = breakLines(s, max);
        const { starts, lines: count } = wrapStarts(s, max);
        expect(count).toBe(lines.length);
        expect(starts).toHaveLength(lines.length - 1);
        // Each wrapped line begins where breakLines' line does, after the spaces it drops.
        starts.forEach((at, i) => expect(s.slice(at).startsWith(lines[i + 1]!.text)).toBe(true));
        expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      }
    });
  }

  it('counts a line begun by a paragraph break, and lists only the lines a wrap begins', () => {
    const text = '第一段很长很长很长很长很长\n\n第二段很长很长很长很长很长';
    const lines = breakLines(text, 5);
    const { starts, lines: count } = wrapStarts(text, 5);
    expect(count).toBe(lines.length);
    expect(lines.map((l) => l.text)).toEqual([
      '第一段很长',
      '很长很长很',
      '长很长',
      '',
      '第二段很长',
      '很长很长很',
      '长很长',
    ]);
    expect(starts.map((at) => text.slice(at, at + 2))).toEqual(['很长', '长很', '很长', '长很']);
    expect(starts.every((at) => text[at - 1] !== '\n')).toBe(true);
  });
});

describe('textWidth', () => {
  it('is the width of the widest line, autospace included', () => {
    expect(textWidth('一二三，九十')).toBe(6);
    expect(textWidth('')).toBe(0);
    expect(textWidth('约 7')).toBeCloseTo(1 + charWidthEm(0x20) + 0.25 + charWidthEm(0x37), 9);
    expect(textWidth('一二\n三')).toBe(2);
  });
});

describe('breakLines: text held whole by word joiners', () => {
  it('never breaks inside a figure joined by U+2060, and moves it whole to the next line', () => {
    const plain = '累计新增1.8万户';
    // Unjoined, the width leaves "户" alone at the start of a line.
    expect(texts(breakLines(plain, 7.5))).toEqual(['累计新增1.8万', '户']);
    const joined = `累计新增${keepWhole('1.8万户')}`;
    const lines = breakLines(joined, 7.5);
    expect(lines.map((l) => withoutJoiners(l.text))).toEqual(['累计新增', '1.8万户']);
    expectReconstructs(joined, lines);
  });

  it('joins a Chinese fraction and keeps the rules around it (no comma at a line start)', () => {
    const joined = `城中村改造占全市${keepWhole('三分之一')}，居全市第一`;
    for (let w = 6; w <= 20; w += 0.5) {
      const lines = breakLines(joined, w).map((l) => withoutJoiners(l.text));
      expect(
        lines.some((l) => l.includes('三分之一')),
        `${w}: ${lines.join('|')}`,
      ).toBe(true);
      for (const l of lines) expect(l.startsWith('，')).toBe(false);
    }
  });

  it('still breaks a joined run wider than the whole line, rather than overflow', () => {
    const lines = breakLines(keepWhole('一二三四五六七八'), 3);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.widthEm).toBeLessThanOrEqual(3);
  });

  it('measures a word joiner as nothing', () => {
    expect(textWidth(keepWhole('1.8万户'))).toBeCloseTo(textWidth('1.8万户'), 9);
  });
});

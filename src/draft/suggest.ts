/**
 * Suggested unit directives: for each unit, the leaders' points that share a
 * key term with its shortcomings. Terms are grouped into themes so that "改革开放" meets
 * "深化改革、扩大开放" and "全面从严治党" meets "力戒官僚主义、形式主义". Written to the draft as
 * the unit's directives with `by:` and a "建议, 请核对" comment; `suggest: false` turns it off.
 */

/** A theme and the words that signal it (simplified; matched on the normalised text). */
const THEMES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['安全生产', ['安全生产', '安全监管', '应急', '风险隐患', '防汛', '消防', '隐患']],
  ['社会稳定', ['社会稳定', '矛盾纠纷', '治安', '交通管理', '执法', '信访']],
  ['产业转型', ['产业转型', '产业升级', '转型升级', '产业', '新质生产力', '新动能', '赛道', '制造业']],
  ['科技创新', ['科技', '创新策源', '研发']],
  ['民生', ['民生', '民心', '群众', '急难愁盼', '公共服务', '接诉即办', '为老', '养老', '帮困', '生活品质']],
  ['改革开放', ['改革', '开放', '涉外', '外资', '外贸', '制度创新']],
  ['营商环境', ['营商环境', '服务企业', '经营主体', '企业困难']],
  ['作风建设', ['从严治党', '党风廉政', '廉政', '作风', '形式主义', '官僚主义', '队伍', '干部', '执法规范']],
  ['生态环境', ['生态', '污染防治', '绿色', '耕地', '林地', '环境保护']],
  ['城乡发展', ['农村', '乡村', '城乡', '集体经济', '城市更新', '两旧一村', '城中村', '新城']],
  ['协同联动', ['协同', '联动', '合作协作', '一体化', '优势互补', '集成效应', '重点区域']],
  ['扩大内需', ['消费', '投资', '内需']],
  ['法治', ['法治', '普法', '法律服务']],
];

/** The themes a text touches, each with how many of its words occur (a tie-breaker). */
function themesOf(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [theme, words] of THEMES) {
    const hits = words.filter((w) => text.includes(w)).length;
    if (hits > 0) out.set(theme, hits);
  }
  return out;
}

export interface Candidate<P> {
  point: P;
  /** Normalised text of the point. */
  text: string;
}

export interface Suggestion<P> {
  point: P;
  /** Themes and words the point shares with the shortcoming. */
  shared: string[];
}

/**
 * For each shortcoming in turn, the leaders' point sharing most with it — themes, or the same
 * words ("老旧住房更新") — ties to more of the themes' words, then the order the leaders spoke;
 * each point once, at most `max` in all.
 */
export function suggestFor<P>(
  shortcomings: readonly string[],
  candidates: ReadonlyArray<Candidate<P>>,
  max = 3,
): Suggestion<P>[] {
  return suggester(candidates)(shortcomings, max);
}

/** `suggestFor` with the leaders' points read once, for all the units of a report. */
export function suggester<P>(
  candidates: ReadonlyArray<Candidate<P>>,
): (shortcomings: readonly string[], max?: number) => Suggestion<P>[] {
  const themes = candidates.map((c) => themesOf(c.text));
  const pieces = candidates.map((c) => new Set(ngrams(c.text)));
  const wordThemes = new Map<string, string[]>();
  const themesOfWord = (w: string) => wordThemes.get(w) ?? wordThemes.set(w, [...themesOf(w).keys()]).get(w)!;

  /** What shortcoming `item` shares with point `k`, and how strongly. */
  const score = (wanted: string[], grams: string[], k: number) => {
    const th = themes[k]!;
    const shared = wanted.filter((w) => th.has(w));
    let hits = shared.reduce((n, w) => n + th.get(w)!, 0);
    if (grams.some((g) => pieces[k]!.has(g))) {
      for (const w of commonWords(grams, candidates[k]!.text)) {
        const wt = themesOfWord(w);
        if (wt.length > 0 && wt.every((x) => shared.includes(x))) continue; // counted as a theme
        shared.push(`“${w}”`);
        hits++;
      }
    }
    return { shared, hits };
  };

  return (shortcomings, max = 3) => {
    const taken = new Set<number>();
    const out: Suggestion<P>[] = [];
    for (const item of shortcomings) {
      if (out.length >= max) break;
      const wanted = [...themesOf(item).keys()];
      const grams = ngrams(item);
      let best = { k: -1, shared: [] as string[], hits: 0 };
      for (let k = 0; k < candidates.length; k++) {
        if (taken.has(k)) continue;
        const { shared, hits } = score(wanted, grams, k);
        if (
          shared.length > best.shared.length ||
          (shared.length > 0 && shared.length === best.shared.length && hits > best.hits)
        )
          best = { k, shared, hits };
      }
      if (best.k < 0) continue;
      taken.add(best.k);
      out.push({ point: candidates[best.k]!.point, shared: best.shared });
    }
    return out;
  };
}

const GRAM = 4;
/** The item's runs of CJK characters as overlapping 4-character pieces; '' between runs. */
function ngrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fa5]{4,}/g) ?? []) {
    for (let i = 0; i + GRAM <= run.length; i++) out.push(run.slice(i, i + GRAM));
    out.push('');
  }
  return out;
}

/** The longest stretches of the item (its pieces joined) that the point also contains. */
function commonWords(grams: readonly string[], point: string): string[] {
  const out = new Set<string>();
  let word = '';
  for (const g of grams) {
    if (g && point.includes(g)) {
      if (word && point.includes(word + g.slice(-1))) word += g.slice(-1);
      else {
        if (word) out.add(word);
        word = g;
      }
    } else {
      if (word) out.add(word);
      word = '';
    }
  }
  if (word) out.add(word);
  return [...out];
}

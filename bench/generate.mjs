// A generated brief of N units in the genre of the sample, for benchmarks.
export function generatedBrief(units, seedText) {
  const ach = [
    '新建街区党组织202个，推动全区2304个小区组建业委会',
    '1-11月签约落地重点项目600个，引入全国首家外商独资证券公司、首批中外合资银行理财公司',
    '城中村改造新启动项目占全市三分之一，6个为老服务实事项目完成量居全市第一',
    '对全市2.3万家生产经营单位开展“信用+风险”监管，完成市级及16个区首轮城市安全风险评估',
    '公众安全感和公安工作满意度连续12年“双提升”，推出15项优化营商环境举措',
  ];
  const sc = ['全面从严治党', '加快产业转型升级', '公共服务优质均衡供给'];
  const dir = [{ text: '着力抓牢安全生产、维护社会稳定，全面排查整治风险隐患，积极化解各类矛盾纠纷', by: '龚正' }];
  return {
    lang: 'zh-CN',
    meeting: {
      title: '市委季度工作会议',
      date: '2025-01',
      attendees: Array.from({ length: 20 }, (_, i) => `领导${i + 1}`),
    },
    units: Array.from({ length: units }, (_, i) => ({
      name: `第${i + 1}区区委`,
      achievements: ach.slice(0, 3 + (i % 3)).map((a) => `${a}（${i}）`),
      shortcomings: sc,
      directives: dir,
      ...(seedText ? { notes: seedText } : {}),
    })),
    directives: [{ speaker: '陈吉宁', role: '市委书记', points: ach }],
  };
}

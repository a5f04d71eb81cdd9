/** Sample content for `briefdeck themes preview`: every slide type, in either language. */
import { normaliseBrief } from '../brief/load.js';
import type { BriefInput } from '../brief/schema.js';
import type { Brief, Lang } from '../brief/types.js';

const ZH: BriefInput = {
  lang: 'zh-CN',
  meeting: {
    title: '市委季度工作会议',
    subtitle: '主题预览',
    date: '2025-01',
    organizer: '中共上海市委',
    chair: { name: '陈吉宁', role: '市委书记' },
    summary: '动员全市上下鼓足干劲、抓紧行动，全力推动全年工作开好局、起好步',
    attendees: ['龚正', '朱忠明', '李仰哲', '吴伟', '陈通', '张为', '陈金山', '李政', '华源', '郑钢淼'],
  },
  units: [
    {
      name: '浦东新区区委',
      achievements: [
        '新建街区党组织202个',
        '推动全区2304个小区组建业委会',
        '1-11月签约落地重点项目600个',
        '引入全国首家外商独资证券公司、首批中外合资银行理财公司',
        '城中村改造新启动项目占全市三分之一',
      ],
      shortcomings: ['全面从严治党', '加快产业转型升级', '公共服务优质均衡供给'],
      directives: [
        {
          text: '着力培育新动能、更新旧动能，抓好高水平科技供给、产业转型升级、资源要素保障，加快发展新质生产力',
          by: '龚正',
        },
      ],
    },
    {
      name: '市应急管理局',
      achievements: [
        '有力推进电动自行车、厂房仓库、城镇燃气、“九小场所”等重点领域专项整治',
        '对全市2.3万家生产经营单位开展“信用+风险”监管',
        '编制发布全国首个防汛防台人员转移和场所运行地方标准',
      ],
      shortcomings: ['完善应急协同联动体系', '增强安全生产监管精准性有效性', '深化党风廉政建设'],
      directives: [{ text: '着力抓牢安全生产、维护社会稳定，全面排查整治风险隐患，积极化解各类矛盾纠纷', by: '龚正' }],
    },
  ],
  directives: [
    {
      speaker: '龚正',
      role: '市委副书记、市长',
      topic: '一季度经济社会发展重点工作',
      points: [
        '着力扩大内需、稳定外需，千方百计提振消费、扩大有效投资、稳外贸稳外资，精准高效服务经营主体',
        '着力深化改革、扩大开放，加快实施一批标志性改革举措',
        '着力抓牢安全生产、维护社会稳定，全面排查整治风险隐患，积极化解各类矛盾纠纷',
      ],
    },
  ],
};

const EN: BriefInput = {
  lang: 'en',
  meeting: {
    title: 'Quarterly Work Meeting',
    subtitle: 'Theme preview',
    date: '2025-01-06',
    organizer: 'Riverton City Council',
    chair: { name: 'Margaret Ellison', role: 'Mayor' },
    summary: 'Review the first quarter and set the priorities for the second',
    attendees: ['David Okafor', 'Sarah Lindqvist', 'Wei Zhang', 'Tom Becker', 'Ana Costa', 'Ravi Menon'],
  },
  units: [
    {
      name: 'Riverside District Council',
      achievements: [
        'Set up residents’ committees in 2,304 residential compounds',
        'Signed 60 major investment projects worth $4.2 billion',
        'Retail sales growth ranked first in the city',
      ],
      shortcomings: ['Oversight of grassroots officials', 'Speed of industrial upgrading'],
      directives: [{ text: 'Strengthen the leadership of neighbourhood committees', by: 'Margaret Ellison' }],
    },
  ],
  directives: [
    {
      speaker: 'David Okafor',
      role: 'Deputy Mayor',
      topic: 'Economy and investment',
      points: ['Boost household spending', 'Keep unemployment below 4.8%'],
    },
  ],
};

export function previewBrief(lang: Lang): Brief {
  return normaliseBrief(lang === 'en' ? EN : ZH);
}

import { RESULT_GROUPS, RESULT_ROW_KEYS, REQUEST_ROWS, computeTotals, type ReportContent } from '@ccgov/report';
import { rngFor, type Rng } from './random';
import { selfName, subjectName, type DemoUnit } from './units';
import type { Figures } from './figures';

/**
 * Report text written from the figures, so every count in the narrative matches the tables and
 * every section names its own year (the checker flags both).
 */
export type Narrative = Pick<ReportContent, 'overview' | 'problems' | 'other'>;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '罗', '郑'];
const GIVEN = ['晓燕', '建军', '丽娜', '文博', '海涛', '静', '军', '婷婷', '小龙', '亚楠', '振华', '瑞', '宁', '佳怡', '卫东', '彦', '鹏', '雪梅', '国庆', '一凡'];

/** The contact a body puts in its report; stable across years. */
export function demoContact(unit: DemoUnit): ReportContent['contact'] {
  const rng = rngFor(`${unit.code}:contact`);
  return {
    unit: unit.name,
    person: rng.pick(SURNAMES) + rng.pick(GIVEN),
    phone: `0917-62${String(rng.int(10000, 99999))}`,
    email: `cc${unit.code}@chencang.gov.cn`,
  };
}

const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

/** Pick a variant that differs from the one used the year before. */
function variant<T>(items: readonly T[], unit: DemoUnit, year: number): T {
  const offset = rngFor(`${unit.code}:variant`).int(0, items.length - 1);
  return items[(year + offset) % items.length]!;
}

function requestParagraph(unit: DemoUnit, year: number, f: Figures): string {
  const subject = subjectName(unit);
  const totals = computeTotals({ ...f } as ReportContent);
  const received = totals.requests.rowTotal.newReceived;
  const carriedIn = totals.requests.rowTotal.carriedIn;
  const carriedOver = totals.requests.rowTotal.carriedOver;
  const handled = totals.requests.resultTotal[6]!;

  const parts: string[] = [];
  if (received === 0 && carriedIn === 0) {
    parts.push(`${year}年，${subject}未收到政府信息公开申请。`);
  } else {
    const head =
      received === 0
        ? `${year}年，${subject}未收到新的政府信息公开申请，上年结转申请${carriedIn}件`
        : `${year}年，${subject}共收到政府信息公开申请${received}件${carriedIn > 0 ? `，另有上年结转申请${carriedIn}件` : ''}`;
    const byOutcome = outcomeSummary(f);
    parts.push(`${head}。本年度办结${handled}件${byOutcome ? `，其中${byOutcome}` : ''}。`);
    if (carriedOver > 0) parts.push(`另有${carriedOver}件申请尚在法定答复期限内，结转至${year + 1}年继续处理。`);
    parts.push('所有申请均在法定期限内依法依规作出答复。');
  }
  parts.push(reviewSentence(f));
  return parts.join('');
}

function outcomeSummary(f: Figures): string {
  const rowSum = (key: (typeof RESULT_ROW_KEYS)[number]) => sum(f.requests[key]);
  const groups: [string, number][] = [
    ['予以公开', rowSum('granted')],
    ['部分公开', rowSum('partial')],
    ...RESULT_GROUPS.map((g): [string, number] => [
      g.label.replace(/^（.）/, ''),
      REQUEST_ROWS.filter((r) => 'group' in r && r.group === g.key).reduce(
        (a, r) => a + sum(f.requests[r.key as (typeof RESULT_ROW_KEYS)[number]]),
        0,
      ),
    ]),
  ];
  return groups
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${n}件`)
    .join('，');
}

function reviewSentence(f: Figures): string {
  const review = sum(Object.values(f.reviews.review));
  const suits = sum(Object.values(f.reviews.suitDirect)) + sum(Object.values(f.reviews.suitAfterReview));
  if (review === 0 && suits === 0) return '全年未发生因政府信息公开引起的行政复议和行政诉讼。';
  if (suits === 0) return `全年因政府信息公开引起行政复议${review}件，未发生行政诉讼。`;
  if (review === 0) return `全年未发生因政府信息公开引起的行政复议，发生行政诉讼${suits}件。`;
  return `全年因政府信息公开引起行政复议${review}件、行政诉讼${suits}件。`;
}

function activeParagraph(unit: DemoUnit, year: number, f: Figures, rng: Rng): string {
  const subject = subjectName(unit);
  const news = rng.int(unit.kind === 'town' ? 20 : 15, unit.scale === 'large' ? 160 : 80);
  const notices = rng.int(3, unit.scale === 'large' ? 40 : 20);
  const policies = rng.int(1, unit.scale === 'small' || unit.kind === 'town' ? 6 : 15);
  const parts = [
    `${year}年，${subject}围绕${unit.focus}等重点领域，通过区政府门户网站、政务新媒体等平台主动公开政府信息${news + notices + policies}条，其中工作动态${news}条、通知公告${notices}条、政策文件及解读${policies}条。`,
  ];
  const p = f.proactive;
  if ((p.normativeDocs.issued ?? 0) > 0)
    parts.push(`本年制发行政规范性文件${p.normativeDocs.issued}件，均经合法性审核后全文公开，并同步发布政策解读。`);
  const licensing = p.licensing.decisions ?? 0;
  const punishment = p.punishment.decisions ?? 0;
  if (licensing > 0 || punishment > 0) {
    const listed = [licensing > 0 ? `行政许可决定${licensing}件` : '', punishment > 0 ? `行政处罚决定${punishment}件` : '']
      .filter(Boolean)
      .join('、');
    parts.push(`严格落实“双公示”要求，按时公开${listed}。`);
  }
  return parts.join('');
}

const LEAD_ACTIONS = [
  '扎实推进决策、执行、管理、服务、结果公开',
  '持续深化重点领域信息公开和政策解读',
  '不断规范依申请公开办理和政府信息管理',
];

const DEPT_MANAGEMENT = [
  (y: number, self: string) =>
    `${y}年，${self}严格落实政府信息公开属性源头认定和保密审查制度，对拟公开信息坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密和不当公开事件。`,
  (y: number, self: string) =>
    `${y}年，${self}持续做好行政规范性文件动态清理，及时更新政府信息公开指南和目录，规范信息发布审核流程，确保公开信息准确、规范。`,
  (y: number, self: string) =>
    `${y}年，${self}健全政府信息发布“三审三校”机制，明确专人负责信息的收集、审核和发布，对历史公开信息进行了全面排查整改，进一步提高了信息管理水平。`,
];

const TOWN_MANAGEMENT = [
  (y: number, self: string, area: string) =>
    `${y}年，${self}加强政府信息源头管理，做好政务公开与${area}务公开的衔接，督促各${area}按季度公开${area}级财务和惠民资金发放情况。`,
  (y: number, self: string, area: string) =>
    `${y}年，${self}落实信息发布“三审三校”制度，明确党政办专人负责信息收集和审核，指导各${area}规范设置公开栏，做到应公开尽公开。`,
  (y: number, self: string) =>
    `${y}年，${self}对照基层政务公开标准目录梳理公开事项，及时更新政府信息公开指南，严格落实保密审查，全年未发生泄密和不当公开事件。`,
];

const PLATFORM = [
  (y: number, self: string, n: number) =>
    `${y}年，${self}以区政府门户网站为第一平台，及时维护本单位政务公开专栏，同步利用政务微信公众号发布信息${n}条，拓宽了公开渠道。`,
  (y: number, self: string) =>
    `${y}年，${self}按照政府网站集约化平台要求规范栏目设置，在办公场所设置政府信息公开查阅点，方便群众就近查阅。`,
  (y: number, self: string, n: number) =>
    `${y}年，${self}加强政务新媒体规范管理，做好区政府门户网站栏目内容保障，全年更新栏目信息${n}条，确保无空白栏目、无长期不更新栏目。`,
];

const SUPERVISION = [
  (y: number, self: string, n: number) =>
    `${y}年，${self}将政务公开工作纳入年度目标责任考核，成立由主要负责同志任组长的政务公开工作领导小组，组织开展政务公开业务培训${n}次。`,
  (y: number, self: string, n: number) =>
    `${y}年，${self}坚持主要领导亲自抓、分管领导具体抓，明确专人负责政务公开日常工作，开展业务培训${n}次，及时整改区数据局通报的问题。`,
  (y: number, self: string, n: number) =>
    `${y}年，${self}通过门户网站公布监督电话，主动接受群众监督，组织政务公开业务培训${n}次，全年未发生因政务公开工作不到位被问责的情况。`,
];

const PROBLEMS = [
  '政策解读形式较为单一，图文、音视频等解读方式运用不够',
  '公开内容的及时性和完整性有待提高，部分栏目更新不够及时',
  '工作人员业务能力与新形势要求还有差距',
  '主动公开与群众关切的结合还不够紧密',
  '依申请公开答复的规范化水平仍需提升',
];
const IMPROVEMENTS = [
  '丰富政策解读形式，提高解读的针对性和可读性',
  '加强栏目日常巡查维护，确保信息发布及时准确',
  '加强业务培训，提升工作人员政务公开业务能力',
  '围绕群众关切拓展公开内容，主动回应社会关注',
  '规范依申请公开办理流程，严格落实答复文书格式要求',
];

export function demoNarrative(unit: DemoUnit, year: number, f: Figures): Narrative {
  const rng = rngFor(`${unit.code}:${year}:text`);
  const subject = subjectName(unit);
  const self = selfName(unit);
  const area = unit.name.endsWith('街道') ? '社区' : '村';
  const management =
    unit.kind === 'town' ? variant(TOWN_MANAGEMENT, unit, year)(year, self, area) : variant(DEPT_MANAGEMENT, unit, year)(year, self);
  // Problems move on every year (a section copied from last year is what the checker flags, rule 10):
  // {k, k+2} one year, {k+1, k+3} the next. The two draws stay, so the figures drawn after them do not change.
  rng.int(0, 4);
  rng.int(0, 3);
  const first = (year + rngFor(`${unit.code}:problems`).int(0, PROBLEMS.length - 1)) % PROBLEMS.length;
  const second = (first + 2) % PROBLEMS.length;

  const otherParts = [`${year}年，${self}未收取政府信息公开信息处理费。`];
  otherParts.push(`${self}对照${year}年政务公开工作要点，逐项细化任务分工，各项工作均按期完成。`);
  if (unit.kind === 'department' && unit.scale !== 'small') {
    const motions = rng.int(2, 12);
    const proposals = rng.int(1, 10);
    otherParts.push(`全年承办区人大代表建议${motions}件、政协提案${proposals}件，均已按期办结，办理结果按要求公开。`);
  }

  return {
    overview: {
      lead: `${year}年，${subject}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，${variant(LEAD_ACTIONS, unit, year)}，政府信息公开工作质效稳步提升。`,
      active: activeParagraph(unit, year, f, rng),
      request: requestParagraph(unit, year, f),
      management,
      platform: variant(PLATFORM, unit, year)(year, self, rng.int(20, 120)),
      supervision: variant(SUPERVISION, unit, year)(year, self, rng.int(1, 4)),
    },
    problems:
      `${year}年，${self}政府信息公开工作取得了一定成效，但仍存在一些不足：一是${PROBLEMS[first]}；二是${PROBLEMS[second]}。` +
      `${year + 1}年，${self}将重点做好以下工作：一是${IMPROVEMENTS[first]}；二是${IMPROVEMENTS[second]}。`,
    other: otherParts.join(''),
  };
}

import { RESULT_GROUPS, RESULT_ROW_KEYS, REQUEST_ROWS, computeTotals, type ReportContent } from '@ccgov/report';
import { rngFor, type Rng } from './random';
import { DEMO_UNITS, selfName, subjectName, type DemoUnit } from './units';
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

/**
 * Each prose section is a few sentence parts, each drawn from its own pool for this body: two
 * bodies share a whole section about as rarely as two real offices copy each other (R14), and every
 * part moves on to the next phrasing each year, so no body repeats last year's text (R10).
 */
type Part = (c: Ctx) => string;
type Ctx = { y: number; self: string; subject: string; focus: string; area: string; levels: string; units: string; n: number; k: number };

function compose(unit: DemoUnit, year: number, section: string, parts: readonly (readonly Part[])[], c: Ctx): string {
  const choice = demoChoice(unit, section, parts.map((pool) => pool.length));
  return parts
    .map((pool, i) => pool[((choice?.[i] ?? rngFor(`${unit.code}:${section}:${i}`).int(0, pool.length - 1)) + year) % pool.length]!(c))
    .join('');
}

/**
 * The phrasing of each part a demo body uses in a section: every body its own combination, and any
 * two bodies' combinations differ in at least two parts (the last part is a check digit: the sum of
 * the others), so no two bodies' sections come out ≥ 90 % alike by chance — random picks made about
 * three such pairs a year among 47 bodies. The bodies are ranked in a section's own shuffled order,
 * so a body's phrasing in one section says nothing of the next. Bodies outside the demo list (the
 * scale seed) keep their random picks.
 */
function demoChoice(unit: DemoUnit, section: string, sizes: readonly number[]): number[] | null {
  const ranked = DEMO_UNITS.map((u) => ({ code: u.code, key: rngFor(`${u.code}:${section}:rank`).int(0, 1_000_000_000) }))
    .sort((a, b) => a.key - b.key || (a.code < b.code ? -1 : 1))
    .map((u) => u.code);
  let rank = ranked.indexOf(unit.code);
  if (rank < 0) return null;
  const free = sizes.slice(0, -1);
  const last = sizes.at(-1)!;
  // A check digit is only a safe guard when no free part has more phrasings than the last one.
  if (free.some((n) => n > last) || free.reduce((a, n) => a * n, 1) < DEMO_UNITS.length) throw new Error(`seed: section ${section} cannot give every demo body its own phrasing`);
  const digits = free.map((n) => {
    const d = rank % n;
    rank = Math.floor(rank / n);
    return d;
  });
  return [...digits, digits.reduce((a, d) => a + d, 0) % last];
}

const LEAD: readonly (readonly Part[])[] = [
  [
    (c) => `${c.y}年，${c.subject}坚持以习近平新时代中国特色社会主义思想为指导，`,
    (c) => `${c.y}年，${c.subject}深入学习贯彻党的二十大精神，`,
    (c) => `${c.y}年，在区委、区政府的正确领导下，${c.subject}`,
    (c) => `${c.y}年，${c.subject}紧扣区委、区政府中心工作，`,
    (c) => `${c.y}年，${c.subject}以服务群众、优化营商环境为导向，`,
    (c) => `${c.y}年，${c.subject}按照区政务公开工作的统一部署，`,
  ],
  [
    () => '认真贯彻落实《中华人民共和国政府信息公开条例》，',
    () => '严格执行《中华人民共和国政府信息公开条例》和省、市政务公开工作要求，',
    () => '对标对表上级政务公开工作要点，',
    () => '把政务公开作为建设法治政府的重要抓手，',
    (c) => `将政府信息公开与${c.focus}等业务工作同谋划、同推进，`,
    () => '坚持“以公开为常态、不公开为例外”，',
  ],
  [
    () => '扎实推进决策、执行、管理、服务、结果公开',
    () => '持续深化重点领域信息公开和政策解读',
    () => '不断规范依申请公开办理和政府信息管理',
    () => '着力提升政务公开标准化、规范化水平',
    () => '聚焦群众关切加大主动公开力度',
    () => '推动公开平台和公开制度建设协同发力',
  ],
  [
    () => '，政府信息公开工作质效稳步提升。',
    () => '，各项工作任务均按期完成。',
    () => '，公开工作的透明度和公信力进一步增强。',
    () => '，群众的知情权、参与权和监督权得到有效保障。',
    () => '，为全区经济社会发展营造了良好环境。',
    () => '，政务公开工作取得新成效。',
  ],
];

const DEPT_MANAGEMENT: readonly (readonly Part[])[] = [
  [
    (c) => `${c.y}年，${c.self}严格落实政府信息公开属性源头认定制度，`,
    (c) => `${c.y}年，${c.self}健全政府信息发布“三审三校”机制，`,
    (c) => `${c.y}年，${c.self}修订完善本单位政府信息公开工作制度，`,
    (c) => `${c.y}年，${c.self}落实政府信息公开保密审查制度，`,
    (c) => `${c.y}年，${c.self}明确办公室为政府信息公开工作机构，`,
    (c) => `${c.y}年，${c.self}建立公文公开属性“随文确定、随文审查”机制，`,
  ],
  [
    () => '对拟公开信息坚持“先审查、后公开”和“一事一审”原则，',
    () => '明确专人负责信息的收集、审核和发布，',
    (c) => `将${c.focus}等信息纳入公开目录动态管理，`,
    (c) => `对涉及${c.focus}的信息逐条开展合法性、保密性审查，`,
    () => '持续做好行政规范性文件动态清理，',
    () => '及时更新政府信息公开指南和目录，',
  ],
  [
    () => '对历史公开信息进行全面排查整改，',
    () => '按季度开展公开内容自查，',
    () => '规范信息发布审核流程，',
    () => '做好过期、失效信息的标注和归档，',
    () => '统一规范公开文件的格式和要素，',
    () => '推进政府信息公开与档案管理有效衔接，',
  ],
  [
    () => '全年未发生泄密和不当公开事件。',
    () => '确保公开信息准确、规范。',
    () => '进一步提高了信息管理水平。',
    () => '信息公开的规范化程度明显提高。',
    () => '做到应公开尽公开。',
    () => '公开质量得到有效保障。',
  ],
];

const TOWN_MANAGEMENT: readonly (readonly Part[])[] = [
  [
    (c) => `${c.y}年，${c.self}加强政府信息源头管理，`,
    (c) => `${c.y}年，${c.self}落实信息发布“三审三校”制度，`,
    (c) => `${c.y}年，${c.self}对照基层政务公开标准目录梳理公开事项，`,
    (c) => `${c.y}年，${c.self}明确党政办专人负责政务公开日常工作，`,
    (c) => `${c.y}年，${c.self}健全${c.levels}公开工作机制，`,
    (c) => `${c.y}年，${c.self}把政务公开纳入年度重点工作，`,
  ],
  [
    (c) => `做好政务公开与${c.area}务公开的衔接，`,
    (c) => `督促各${c.area}按季度公开${c.area}级财务和惠民资金发放情况，`,
    (c) => `指导各${c.area}规范设置公开栏，`,
    () => '及时更新政府信息公开指南，',
    (c) => `对${c.focus}等事项实行清单化管理，`,
    () => '对涉及群众切身利益的补贴发放信息逐项公示，',
  ],
  [
    () => '严格落实保密审查，',
    () => '按月开展公开栏内容巡查，',
    () => '建立公开事项台账，',
    () => '对公示期满的信息及时归档，',
    () => '规范公示内容的格式和要素，',
    () => '定期听取群众对公开内容的意见，',
  ],
  [
    () => '全年未发生泄密和不当公开事件。',
    () => '确保公开信息准确、规范。',
    () => '基层公开的规范化水平进一步提高。',
    () => '做到应公开尽公开。',
    () => '群众对公开工作的满意度不断提升。',
    () => '公开质量得到有效保障。',
  ],
];

const PLATFORM: readonly (readonly Part[])[] = [
  [
    (c) => `${c.y}年，${c.self}以区政府门户网站为第一平台，`,
    (c) => `${c.y}年，${c.self}按照政府网站集约化平台要求规范栏目设置，`,
    (c) => `${c.y}年，${c.self}加强政务新媒体规范管理，`,
    (c) => `${c.y}年，${c.self}优化区政府门户网站本单位专栏，`,
    (c) => `${c.y}年，${c.self}统筹门户网站、政务微信公众号和公开栏等渠道，`,
    (c) => `${c.y}年，${c.self}完善政府信息公开平台功能，`,
  ],
  [
    (c) => `及时维护政务公开专栏，全年更新信息${c.n}条，`,
    (c) => `同步利用政务微信公众号发布信息${c.n}条，`,
    (c) => `做好栏目内容保障，全年更新栏目信息${c.n}条，`,
    (c) => `围绕${c.focus}发布图解、问答等解读材料${c.k}篇，`,
    (c) => `新增“政策解读”“热点回应”栏目，发布信息${c.n}条，`,
    (c) => `通过政务新媒体推送${c.focus}相关信息${c.n}条，`,
  ],
  [
    () => '在办公场所设置政府信息公开查阅点，',
    () => '在服务大厅放置政策宣传资料，',
    () => '确保无空白栏目、无长期不更新栏目，',
    () => '做到网站与新媒体信息同步发布，',
    () => '定期开展栏目巡查和错链检查，',
    () => '畅通网上信息公开渠道，',
  ],
  [
    () => '拓宽了公开渠道。',
    () => '方便群众就近查阅。',
    () => '平台的权威性和影响力进一步提升。',
    () => '公开内容更加便于群众获取。',
    () => '平台运行安全平稳。',
    () => '群众获取政府信息更加便捷。',
  ],
];

const SUPERVISION: readonly (readonly Part[])[] = [
  [
    (c) => `${c.y}年，${c.self}将政务公开工作纳入年度目标责任考核，`,
    (c) => `${c.y}年，${c.self}坚持主要领导亲自抓、分管领导具体抓，`,
    (c) => `${c.y}年，${c.self}调整充实政务公开工作领导小组，`,
    (c) => `${c.y}年，${c.self}把政务公开工作列入班子会议重要议题，`,
    (c) => `${c.y}年，${c.self}压实政务公开工作责任，`,
    (c) => `${c.y}年，${c.self}通过门户网站公布监督电话，`,
  ],
  [
    (c) => `组织开展政务公开业务培训${c.k}次，`,
    (c) => `开展业务培训${c.k}次，`,
    (c) => `选派业务骨干参加上级政务公开培训${c.k}次，`,
    (c) => `召开政务公开专题会议${c.k}次，`,
    (c) => `举办政务公开知识讲座${c.k}次，`,
    (c) => `开展政务公开专项自查${c.k}次，`,
  ],
  [
    () => '及时整改区数据局通报的问题，',
    () => '主动接受群众和社会监督，',
    () => '对发现的问题建立台账、限期整改，',
    () => '配合做好政务公开第三方评估工作，',
    () => '将公开工作情况纳入干部考核内容，',
    () => '认真落实政务公开工作通报制度，',
  ],
  [
    () => '全年未发生因政务公开工作不到位被问责的情况。',
    () => '工作责任得到有效落实。',
    () => '推动政务公开各项任务落地见效。',
    () => '监督保障机制不断健全。',
    () => '确保政务公开工作有序开展。',
    () => '形成了一级抓一级、层层抓落实的工作格局。',
  ],
];

/** 存在的主要问题 and the matching 改进情况, by index. */
const PROBLEMS: readonly [Part, Part][] = [
  [() => '政策解读形式较为单一，图文、音视频等解读方式运用不够', () => '丰富政策解读形式，提高解读的针对性和可读性'],
  [() => '公开内容的及时性和完整性有待提高，部分栏目更新不够及时', () => '加强栏目日常巡查维护，确保信息发布及时准确'],
  [() => '工作人员业务能力与新形势要求还有差距', () => '加强业务培训，提升工作人员政务公开业务能力'],
  [() => '主动公开与群众关切的结合还不够紧密', () => '围绕群众关切拓展公开内容，主动回应社会关注'],
  [() => '依申请公开答复的规范化水平仍需提升', () => '规范依申请公开办理流程，严格落实答复文书格式要求'],
  [(c) => `${c.focus}等重点领域信息公开的深度不够`, (c) => `细化${c.focus}等重点领域公开事项，推动公开向纵深拓展`],
  [() => '政策发布与解读的同步性有待加强', () => '落实政策文件与解读材料同步组织、同步审签、同步发布'],
  [() => '政务公开工作人员调整较频繁，工作衔接不够顺畅', () => '保持政务公开工作队伍相对稳定，做好工作交接和传帮带'],
];
const PROBLEM_OPENINGS: readonly Part[] = [
  (c) => `${c.y}年，${c.self}政府信息公开工作取得了一定成效，但仍存在一些不足：`,
  (c) => `${c.y}年，${c.self}政务公开工作虽有进步，但对照上级要求和群众期盼，仍有以下差距：`,
  (c) => `回顾${c.y}年，${c.self}政府信息公开工作还存在以下问题：`,
  (c) => `${c.y}年，${c.self}在政府信息公开工作中发现的主要问题有：`,
  (c) => `对照${c.y}年政务公开工作要点，${c.self}仍存在以下薄弱环节：`,
  (c) => `${c.y}年，${c.self}政府信息公开工作虽然稳步推进，但还存在一些短板：`,
];
const PLAN_OPENINGS: readonly Part[] = [
  (c) => `${c.y + 1}年，${c.self}将重点做好以下工作：`,
  (c) => `下一步，${c.self}将采取以下措施加以改进：`,
  (c) => `${c.y + 1}年，${c.self}将针对上述问题抓好整改：`,
  (c) => `针对以上问题，${c.self}将在${c.y + 1}年：`,
  (c) => `${c.y + 1}年，${c.self}将从以下方面持续改进：`,
  (c) => `为此，${c.self}${c.y + 1}年将着力做好：`,
];

const OTHER: readonly (readonly Part[])[] = [
  [
    (c) => `${c.y}年，${c.self}未收取政府信息公开信息处理费。`,
    (c) => `${c.y}年，${c.self}未收取信息处理费。`,
    (c) => `本年度，${c.self}政府信息公开工作未产生信息处理费。`,
    (c) => `${c.y}年，${c.self}按规定未收取政府信息公开信息处理费。`,
    (c) => `${c.y}年度${c.self}未发出信息处理费收费通知。`,
    (c) => `${c.self}${c.y}年未收取任何信息处理费用。`,
  ],
  [
    (c) => `${c.self}对照${c.y}年政务公开工作要点，逐项细化任务分工，各项工作均按期完成。`,
    (c) => `${c.self}认真落实${c.y}年全区政务公开工作要点，建立任务清单，逐项推进落实。`,
    (c) => `${c.self}按照区政务公开工作要点，制定本单位年度工作方案，按月跟踪任务进度。`,
    (c) => `${c.self}将政务公开工作要点任务分解到${c.units}，年底逐项对账销号。`,
    (c) => `${c.self}围绕${c.focus}，做好政务公开工作要点各项任务的落实。`,
    (c) => `${c.y}年政务公开工作要点中涉及${c.self}的任务均已完成。`,
    (c) => `${c.self}建立政务公开工作要点落实台账，实行月调度、季通报。`,
    (c) => `对${c.y}年政务公开工作要点确定的任务，${c.self}明确责任人和完成时限，均已按时完成。`,
  ],
  [
    (c) => `全年接待群众现场查阅政府信息${c.n}人次。`,
    (c) => `${c.self}政务公开专栏全年访问量约${c.k}万人次。`,
    (c) => `${c.self}按要求做好政府信息公开工作年度报告的编制和发布。`,
    (c) => `${c.self}积极配合区数据局做好政府网站和政务新媒体检查工作。`,
    (c) => `${c.self}持续做好政务公开专区的建设和运行维护。`,
    (c) => `${c.self}已将本年度政府信息公开工作资料整理归档。`,
    (c) => `${c.self}设置意见箱，全年收到群众对公开工作的意见建议${c.k}条，均已回复。`,
    (c) => `${c.self}组织干部职工参加政务公开线上学习${c.n}人次。`,
  ],
];

/**
 * The one 雷同 the demo plants, as districts have them: 交通运输局 took 住房和城乡建设局's 平台建设
 * paragraph over, its wording and its focus, only the numbers its own (R14 in the review screen).
 */
const COPIED_PLATFORM: Readonly<Record<string, string>> = { jtysj: 'zjj' };

export function demoNarrative(unit: DemoUnit, year: number, f: Figures): Narrative {
  const rng = rngFor(`${unit.code}:${year}:text`);
  const subject = subjectName(unit);
  const self = selfName(unit);
  const street = unit.name.endsWith('街道');
  const area = street ? '社区' : '村';
  const c = (n: number, k: number): Ctx => ({
    y: year,
    self,
    subject,
    focus: unit.focus.split('、')[0]!,
    area,
    levels: street ? '街道、社区两级' : '镇、村两级',
    units: unit.kind === 'town' ? '各办站所' : '各股室',
    n,
    k,
  });
  const management = compose(unit, year, 'management', unit.kind === 'town' ? TOWN_MANAGEMENT : DEPT_MANAGEMENT, c(0, 0));
  // Two problems that move on every year (rule 10): the first by one, the second a body's own step further.
  const first = (year + rngFor(`${unit.code}:problems`).int(0, PROBLEMS.length - 1)) % PROBLEMS.length;
  const second = (first + 1 + rngFor(`${unit.code}:problems:second`).int(0, PROBLEMS.length - 2)) % PROBLEMS.length;
  const pick = <T,>(items: readonly T[], key: string) => items[(rngFor(`${unit.code}:${key}`).int(0, items.length - 1) + year) % items.length]!;
  const ctx = c(rng.int(20, 120), rng.int(1, 4));

  const otherParts = [compose(unit, year, 'other', OTHER, c(rng.int(5, 60), rng.int(1, 9)))];
  if (unit.kind === 'department' && unit.scale !== 'small') {
    const motions = rng.int(2, 12);
    const proposals = rng.int(1, 10);
    otherParts.push(`全年承办区人大代表建议${motions}件、政协提案${proposals}件，均已按期办结，办理结果按要求公开。`);
  }

  return {
    overview: {
      lead: compose(unit, year, 'lead', LEAD, ctx),
      active: activeParagraph(unit, year, f, rng),
      request: requestParagraph(unit, year, f),
      management,
      platform: platformOf(unit, year, c(rng.int(20, 120), rng.int(3, 30))),
      supervision: compose(unit, year, 'supervision', SUPERVISION, c(0, rng.int(1, 4))),
    },
    problems:
      `${pick(PROBLEM_OPENINGS, 'problems:open')(ctx)}一是${PROBLEMS[first]![0](ctx)}；二是${PROBLEMS[second]![0](ctx)}。` +
      `${pick(PLAN_OPENINGS, 'problems:plan')(ctx)}一是${PROBLEMS[first]![1](ctx)}；二是${PROBLEMS[second]![1](ctx)}。`,
    other: otherParts.join(''),
  };
}

function platformOf(unit: DemoUnit, year: number, c: Ctx): string {
  const source = DEMO_UNITS.find((u) => u.code === COPIED_PLATFORM[unit.code]);
  if (!source) return compose(unit, year, 'platform', PLATFORM, c);
  return compose(source, year, 'platform', PLATFORM, { ...c, self: selfName(source), focus: source.focus.split('、')[0]! });
}

/**
 * Report contents for seeding and tests: the real 2024 report of 陈仓区数据局, and a realistic
 * busy report whose numbers are invented but consistent (it passes the checker without errors
 * or warnings).
 */
import { REQUEST_COLUMN_COUNT, REQUEST_INPUT_ROWS, REVIEW_BLOCKS, REVIEW_RESULTS, standardOpening, type RequestInputRowKey } from './format';
import { PROACTIVE_PATHS, emptyContent, setProactive, type ReportContent } from './content';

/** Table cells of a report with nothing to declare: every number 0 (the fixture prints 0 throughout). */
function zeroNumbers(content: ReportContent): ReportContent {
  for (const path of PROACTIVE_PATHS) setProactive(content, path, 0);
  for (const row of REQUEST_INPUT_ROWS) content.requests[row.key] = Array(REQUEST_COLUMN_COUNT).fill(0);
  for (const block of REVIEW_BLOCKS) for (const r of REVIEW_RESULTS) content.reviews[block.key][r.key] = 0;
  return content;
}

/**
 * 陈仓区数据局2024年政府信息公开工作年度报告, as published (shared/fixtures/chencang-data-bureau-2024.txt).
 * Body text is verbatim, half-width punctuation included: it is what was published. Only the
 * headings, which the portal renders from format.ts, use the official full-width parentheses.
 */
export function seedReport2024(): ReportContent {
  const content = zeroNumbers(emptyContent());
  content.contact = { unit: '陈仓区数据局', person: '张博丽', phone: '0917-6215992', email: 'ccqzhk@163.com' };
  content.opening =
    '本报告根据《中华人民共和国政府信息公开条例》和《国办公开办关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)要求及政府信息公开工作相关文件要求编制本报告。报告中所列数据的统计期限从 2024年1月1日起至 2024年12月31日止,如对本年度报告有疑问,请与陈仓区数据局联系(联系人:张博丽,办公电话:0917-6215992,电子邮箱:ccqzhk@163.com)。';
  content.overview = {
    lead: '2024年,陈仓区数据局坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实上级关于政务公开工作的统一部署和要求,将政府信息公开作为密切联系群众的重要桥梁,坚持稳中求进,坚持高质量发展,不断提升政府信息公开的质效。',
    active: '2024年,区数据局紧紧围绕全市政务公开工作部署,结合区委、区政府数据工作相关职责,充分运用政府门户网站作为“第一平台”的优势,积极做好政策公开和信息公开工作。助力政务公开工作全面推进。2024年以来,通过区政府门户网站上传发布工作动态等信息12条。',
    request: '2024年,区数据局未收到政府信息公开申请。',
    management: '加强区政府门户网站日常管理和维护,建立信息发布、审核、更新及考核机制,安排专人负责对区政府门户网站涉及栏目进行更新和维护,严格落实“三审三签”制度,保障信息发布的准确性、时效性、安全性及规范性,全面提升网站安全管理水平。',
    platform: '2024年,按照市政府网站集约化平台国产化替代部署统一安排,区数据局完成区政府门户网站集约化平台接轨上线运行。对互动类栏目内容进行集中迁移,对全区47个部门单位账号进行了统一权限设置,并下发了网站集约化平台操作流程,实现了网站集约化平台各项功能升级建设。',
    supervision: '按照省、市对政府信息公开、网站管理和政务新媒体管理相关制度要求,严格执行“三审三校”工作要求、建立有领导分管,有专人负责的工作体系。安排人员进行定时“读网巡网”,对发布信息内容严格审核,避免出现错字词、病句和政治性表述等错误,注重发挥平台的便民、利民功能。本年内,共印发区政府门户网站通报4次;开展错敏词反馈活动4次、反馈资料180份。',
  };
  content.problems =
    '2024年我局在政府信息公开工作中取得一定成绩,但仍存在一些问题和不足:一是政府信息公开的深度、广度还不够;二是公开信息发布和管理还需进一步完善。今后将在以下方面进行改进:一是强化对政府信息公开工作的培训,加强对专业人才的吸收和引进;二是正确把握和处理公开与例外、公开与保密之间的关系,不断提升政府信息公开工作的质量和水平。';
  content.other = '2024年,我局未收取政府信息公开处理费。';
  return content;
}

/**
 * Table 三 of the realistic report, by row, in the six columns 自然人, 商业企业, 科研机构,
 * 社会公益组织, 法律服务机构, 其他. 859 new + 18 carried in = 805 concluded + 72 carried over.
 */
const REALISTIC_REQUESTS: Record<RequestInputRowKey, number[]> = {
  newReceived: [702, 98, 6, 9, 31, 13],
  carriedIn: [14, 3, 0, 0, 1, 0],
  granted: [402, 55, 4, 5, 14, 7],
  partial: [61, 9, 1, 1, 4, 1],
  withheld1: [2, 0, 0, 0, 0, 0],
  withheld2: [3, 0, 0, 0, 0, 0],
  withheld3: [1, 0, 0, 0, 0, 0],
  withheld4: [12, 3, 0, 0, 2, 0],
  withheld5: [6, 1, 0, 0, 0, 0],
  withheld6: [9, 2, 0, 0, 0, 1],
  withheld7: [4, 0, 0, 0, 2, 0],
  withheld8: [15, 1, 0, 0, 0, 0],
  unable1: [88, 12, 1, 1, 4, 2],
  unable2: [11, 2, 0, 0, 1, 0],
  unable3: [5, 1, 0, 0, 0, 0],
  notProcessed1: [9, 0, 0, 1, 0, 0],
  notProcessed2: [14, 2, 0, 0, 1, 1],
  notProcessed3: [2, 1, 0, 0, 0, 0],
  notProcessed4: [3, 0, 0, 0, 0, 0],
  notProcessed5: [1, 0, 0, 0, 0, 0],
  otherHandling1: [7, 2, 0, 0, 1, 0],
  otherHandling2: [0, 0, 0, 0, 0, 0],
  otherHandling3: [3, 1, 0, 0, 0, 0],
  carriedOver: [58, 9, 0, 1, 3, 1],
};

export type RealisticReportOptions = { year?: number; body?: string };

/**
 * A busy body's report. The body name and all figures are invented for demos and tests; the
 * text is written so that its counts (859 received, 877 handled, 6 复议, 4 诉讼) match the tables.
 */
export function realisticReport(opts: RealisticReportOptions = {}): ReportContent {
  const year = opts.year ?? 2024;
  const body = opts.body ?? '陈仓区市场监督管理局';
  const content = emptyContent();
  content.contact = { unit: body, person: '李敏', phone: '0917-6210000', email: 'gongkai@example.com' };
  content.opening = standardOpening({ year, body, contact: content.contact });
  content.overview = {
    lead: `${year}年，${body}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻《中华人民共和国政府信息公开条例》，围绕中心工作以公开促落实、促规范、促服务，政府信息公开工作质量稳步提升。`,
    active: `全年通过区政府门户网站“政府信息公开”专栏主动公开政府信息326条，其中机构职能、政策文件、行政许可和行政处罚结果等重点领域信息214条。本年制发行政规范性文件3件、废止1件，现行有效12件，均按要求及时公开；公开行政许可决定1256件、行政处罚决定87件、行政强制决定5件。`,
    request: `${year}年，共收到政府信息公开申请859件，其中自然人申请702件、法人或其他组织申请157件；上年结转申请18件。本年度共办理政府信息公开申请877件，已办结805件，其中予以公开487件、部分公开77件，其余依法作出不予公开、无法提供、不予处理等答复；结转下年度继续办理72件。全年因政府信息公开引发行政复议6件、行政诉讼4件，均依法妥善应对。`,
    management: `修订完善政府信息公开属性源头认定、发布审核和保密审查制度，严格执行“三审三校”，全年对12件现行有效规范性文件开展清理评估，及时更新政府信息公开指南和目录。`,
    platform: `持续优化区政府门户网站部门专栏，按照网站集约化要求完成栏目规范调整，新开设“政策解读”栏目，发布图解、问答等解读材料23篇；依托政务新媒体同步推送政策信息156条。`,
    supervision: `将政府信息公开工作纳入年度目标责任考核，组织全局业务培训2次，开展政府信息公开专项自查4次，对发现的问题及时整改。全年未发生因政府信息公开不到位引起的责任追究。`,
  };
  content.proactive = {
    rules: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocs: { issued: 3, repealed: 1, inForce: 12 },
    licensing: { decisions: 1256 },
    punishment: { decisions: 87 },
    enforcement: { decisions: 5 },
    fees: { amount: 18.871 },
  };
  content.requests = Object.fromEntries(
    Object.entries(REALISTIC_REQUESTS).map(([k, row]) => [k, [...row]]),
  ) as ReportContent['requests'];
  content.reviews = {
    review: { upheld: 3, corrected: 1, otherResult: 1, pending: 1 },
    suitDirect: { upheld: 2, corrected: 0, otherResult: 0, pending: 1 },
    suitAfterReview: { upheld: 1, corrected: 0, otherResult: 0, pending: 0 },
  };
  content.problems = `${year}年，我局政府信息公开工作虽取得一定成效，但仍存在政策解读形式较为单一、依申请公开答复规范性有待提高等问题。${year + 1}年，我局将加强业务培训，规范依申请公开办理流程，丰富政策解读形式，持续提升政府信息公开工作质量。`;
  // The 信息处理费 here is not table 二's 行政事业性收费 (18.8710 万元); the two are unrelated.
  content.other = `${year}年，我局依据《政府信息公开信息处理费管理办法》向申请人发出收费通知1件，收取信息处理费200元。认真落实${year}年政务公开工作要点，各项任务均已完成；办理人大代表建议5件、政协提案8件，办理复文均已按要求公开。`;
  return content;
}

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
export type ReportOverrides = DeepPartial<ReportContent>;

/**
 * The realistic report (or `base`) with some fields replaced, for tests:
 * makeReport({ requests: { newReceived: [1, 0, 0, 0, 0, 0] }, overview: { request: '' } }).
 * Objects merge; arrays and values replace.
 */
export function makeReport(overrides: ReportOverrides = {}, base: ReportContent = realisticReport()): ReportContent {
  return merge(structuredClone(base), overrides) as ReportContent;
}

function merge(target: unknown, patch: unknown): unknown {
  if (patch === undefined) return target;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return structuredClone(patch);
  const out = (target && typeof target === 'object' && !Array.isArray(target) ? target : {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) out[k] = merge(out[k], v);
  return out;
}

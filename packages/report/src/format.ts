/**
 * The 2021 national format (国办公开办函〔2021〕30号) as data.
 * Every label here is the official wording, character for character; the form, the public page,
 * the exports, the importer and the checker all read these definitions instead of retyping labels.
 */

export const REPORT_TITLE_SUFFIX = '政府信息公开工作年度报告';

export const SECTION_HEADINGS = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  reviews: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;
export type SectionKey = keyof typeof SECTION_HEADINGS;

/** 一、总体情况: an optional lead paragraph, then the five customary sub-headings. */
export const OVERVIEW_PARTS = [
  { key: 'active', label: '（一）主动公开' },
  { key: 'request', label: '（二）依申请公开' },
  { key: 'management', label: '（三）政府信息管理' },
  { key: 'platform', label: '（四）政府信息公开平台建设' },
  { key: 'supervision', label: '（五）监督保障' },
] as const;
export type OverviewPartKey = (typeof OVERVIEW_PARTS)[number]['key'];

export const CONTACT_FIELDS = [
  { key: 'unit', label: '联系单位' },
  { key: 'person', label: '联系人' },
  { key: 'phone', label: '电话' },
  { key: 'email', label: '邮箱' },
] as const;
export type ContactKey = (typeof CONTACT_FIELDS)[number]['key'];

// ---------------------------------------------------------------------------------------------
// 二、主动公开政府信息情况: four small tables
// ---------------------------------------------------------------------------------------------
export const PROACTIVE_INFO_HEADER = '信息内容';

export const PROACTIVE_TABLES = [
  {
    key: 'art20_1',
    clause: '第二十条第（一）项',
    columns: [
      { key: 'issued', label: '本年制发件数' },
      { key: 'repealed', label: '本年废止件数' },
      { key: 'inForce', label: '现行有效件数' },
    ],
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normativeDocs', label: '行政规范性文件' },
    ],
    kind: 'count',
  },
  {
    key: 'art20_5',
    clause: '第二十条第（五）项',
    columns: [{ key: 'decisions', label: '本年处理决定数量' }],
    rows: [{ key: 'licensing', label: '行政许可' }],
    kind: 'count',
  },
  {
    key: 'art20_6',
    clause: '第二十条第（六）项',
    columns: [{ key: 'decisions', label: '本年处理决定数量' }],
    rows: [
      { key: 'punishment', label: '行政处罚' },
      { key: 'enforcement', label: '行政强制' },
    ],
    kind: 'count',
  },
  {
    key: 'art20_8',
    clause: '第二十条第（八）项',
    columns: [{ key: 'amount', label: '本年收费金额（单位：万元）' }],
    rows: [{ key: 'fees', label: '行政事业性收费' }],
    kind: 'amount',
  },
] as const;

/** Flat list of every proactive-disclosure cell, in reading order. */
export const PROACTIVE_CELLS = PROACTIVE_TABLES.flatMap((table) =>
  table.rows.flatMap((row) =>
    table.columns.map((col) => ({
      /** Stable field name, e.g. "rules.issued", "fees.amount". */
      path: `${row.key}.${col.key}`,
      tableKey: table.key,
      clause: table.clause,
      rowKey: row.key,
      rowLabel: row.label,
      colKey: col.key,
      colLabel: col.label,
      kind: table.kind as 'count' | 'amount',
    })),
  ),
);
export type ProactiveCellPath = (typeof PROACTIVE_CELLS)[number]['path'];

/** Maximum decimals of the fee amount in 万元 (4 places = to the yuan). */
export const FEE_DECIMALS = 4;

// ---------------------------------------------------------------------------------------------
// 三、收到和处理政府信息公开申请情况: 25 rows × 7 columns (6 typed, 总计 computed)
// ---------------------------------------------------------------------------------------------
export const REQUEST_TABLE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const REQUEST_APPLICANT_HEADER = '申请人情况';
export const REQUEST_ORG_GROUP = '法人或其他组织';
export const REQUEST_TOTAL_LABEL = '总计';

export const REQUEST_COLUMNS = [
  { key: 'natural', label: '自然人', index: 1 },
  { key: 'commercial', label: '商业企业', index: 2 },
  { key: 'research', label: '科研机构', index: 3 },
  { key: 'publicInterest', label: '社会公益组织', index: 4 },
  { key: 'legal', label: '法律服务机构', index: 5 },
  { key: 'other', label: '其他', index: 6 },
] as const;
export type RequestColumnKey = (typeof REQUEST_COLUMNS)[number]['key'];
export const REQUEST_COLUMN_COUNT = REQUEST_COLUMNS.length; // 6 typed columns; 总计 is the 7th

export const RESULT_GROUP_LABEL = '三、本年度办理结果';

/** Groups of numbered sub-rows inside 三、本年度办理结果. */
export const RESULT_GROUPS = [
  { key: 'withheld', label: '（三）不予公开' },
  { key: 'unable', label: '（四）无法提供' },
  { key: 'notProcessed', label: '（五）不予处理' },
  { key: 'otherHandling', label: '（六）其他处理' },
] as const;
export type ResultGroupKey = (typeof RESULT_GROUPS)[number]['key'];

type RequestRowDef = {
  key: string;
  /** The label as it stands in its own cell of the official table. */
  label: string;
  /** 'top' rows are 一/二/四; 'result' rows sit under 三、本年度办理结果. */
  section: 'top' | 'result';
  group?: ResultGroupKey;
  /** Computed rows cannot be typed. */
  computed?: boolean;
};

export const REQUEST_ROWS = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', section: 'top' },
  { key: 'carriedIn', label: '二、上年结转政府信息公开申请数量', section: 'top' },
  { key: 'granted', label: '（一）予以公开', section: 'result' },
  { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', section: 'result' },
  { key: 'withheld1', label: '1.属于国家秘密', section: 'result', group: 'withheld' },
  { key: 'withheld2', label: '2.其他法律行政法规禁止公开', section: 'result', group: 'withheld' },
  { key: 'withheld3', label: '3.危及“三安全一稳定”', section: 'result', group: 'withheld' },
  { key: 'withheld4', label: '4.保护第三方合法权益', section: 'result', group: 'withheld' },
  { key: 'withheld5', label: '5.属于三类内部事务信息', section: 'result', group: 'withheld' },
  { key: 'withheld6', label: '6.属于四类过程性信息', section: 'result', group: 'withheld' },
  { key: 'withheld7', label: '7.属于行政执法案卷', section: 'result', group: 'withheld' },
  { key: 'withheld8', label: '8.属于行政查询事项', section: 'result', group: 'withheld' },
  { key: 'unable1', label: '1.本机关不掌握相关政府信息', section: 'result', group: 'unable' },
  { key: 'unable2', label: '2.没有现成信息需要另行制作', section: 'result', group: 'unable' },
  { key: 'unable3', label: '3.补正后申请内容仍不明确', section: 'result', group: 'unable' },
  { key: 'notProcessed1', label: '1.信访举报投诉类申请', section: 'result', group: 'notProcessed' },
  { key: 'notProcessed2', label: '2.重复申请', section: 'result', group: 'notProcessed' },
  { key: 'notProcessed3', label: '3.要求提供公开出版物', section: 'result', group: 'notProcessed' },
  { key: 'notProcessed4', label: '4.无正当理由大量反复申请', section: 'result', group: 'notProcessed' },
  { key: 'notProcessed5', label: '5.要求行政机关确认或重新出具已获取信息', section: 'result', group: 'notProcessed' },
  {
    key: 'otherHandling1',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    section: 'result',
    group: 'otherHandling',
  },
  {
    key: 'otherHandling2',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    section: 'result',
    group: 'otherHandling',
  },
  { key: 'otherHandling3', label: '3.其他', section: 'result', group: 'otherHandling' },
  { key: 'resultTotal', label: '（七）总计', section: 'result', computed: true },
  { key: 'carriedOver', label: '四、结转下年度继续办理', section: 'top' },
] as const satisfies readonly RequestRowDef[];

export type RequestRowKey = (typeof REQUEST_ROWS)[number]['key'];
/** The 24 rows a clerk types (every row but （七）总计). */
export type RequestInputRowKey = Exclude<RequestRowKey, 'resultTotal'>;
export const REQUEST_INPUT_ROWS = REQUEST_ROWS.filter(
  (r): r is Extract<(typeof REQUEST_ROWS)[number], { key: RequestInputRowKey }> => r.key !== 'resultTotal',
);
/** Rows summed into （七）总计: （一）（二） and every numbered sub-row of （三）–（六）. */
export const RESULT_ROW_KEYS = REQUEST_ROWS.filter((r) => r.section === 'result' && r.key !== 'resultTotal').map(
  (r) => r.key,
) as Exclude<RequestInputRowKey, 'newReceived' | 'carriedIn' | 'carriedOver'>[];

/** A row label that stands alone, e.g. "（三）不予公开 1.属于国家秘密" or "一、本年新收政府信息公开申请数量". */
export function requestRowFullLabel(rowKey: RequestRowKey): string {
  const row = REQUEST_ROWS.find((r) => r.key === rowKey)!;
  const group = 'group' in row ? RESULT_GROUPS.find((g) => g.key === row.group) : undefined;
  return group ? `${group.label}${row.label}` : row.label;
}

/** "三、第2列（商业企业）" style column reference used in checker messages. */
export function requestColumnRef(colIndex: number): string {
  if (colIndex === 7) return `第7列（${REQUEST_TOTAL_LABEL}）`;
  const col = REQUEST_COLUMNS[colIndex - 1]!;
  return `第${col.index}列（${col.label}）`;
}

// ---------------------------------------------------------------------------------------------
// 四、政府信息公开行政复议、行政诉讼情况: 15 numbers (three blocks of 4 typed + 总计 computed)
// ---------------------------------------------------------------------------------------------
export const REVIEW_GROUP_LABEL = '行政复议';
export const LAWSUIT_GROUP_LABEL = '行政诉讼';

export const REVIEW_BLOCKS = [
  { key: 'review', label: '行政复议', parent: null },
  { key: 'suitDirect', label: '未经复议直接起诉', parent: '行政诉讼' },
  { key: 'suitAfterReview', label: '复议后起诉', parent: '行政诉讼' },
] as const;
export type ReviewBlockKey = (typeof REVIEW_BLOCKS)[number]['key'];

export const REVIEW_RESULTS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'otherResult', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
] as const;
export type ReviewResultKey = (typeof REVIEW_RESULTS)[number]['key'];
export const REVIEW_TOTAL_LABEL = '总计';

export function reviewBlockFullLabel(block: ReviewBlockKey): string {
  const b = REVIEW_BLOCKS.find((x) => x.key === block)!;
  return b.parent ? `${b.parent}（${b.label}）` : b.label;
}

// ---------------------------------------------------------------------------------------------
// Workflow statuses, as users read them
// ---------------------------------------------------------------------------------------------
export const STATUS_LABELS = {
  draft: '草稿',
  submitted: '待审核',
  in_review: '审核中',
  returned: '已退回',
  approved: '已通过',
  published: '已发布',
  withdrawn: '已撤销发布',
} as const;
export type ReportStatus = keyof typeof STATUS_LABELS;
export const NOT_STARTED_LABEL = '未提交';

export const ROLE_LABELS = {
  department: '部门填报人',
  reviewer: '数据局审核人',
  publisher: '数据局发布人',
  admin: '数据局管理员',
} as const;
export type Role = keyof typeof ROLE_LABELS;

/** The standard opening paragraph, generated from front matter so the year and body are always right. */
export function standardOpening(input: {
  year: number;
  body: string;
  contact: { unit: string; person: string; phone: string; email: string };
}): string {
  const { year, contact } = input;
  return (
    `本报告根据《中华人民共和国政府信息公开条例》和《国办公开办关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求及政府信息公开工作相关文件要求编制本报告。` +
    `报告中所列数据的统计期限从${year}年1月1日起至${year}年12月31日止，如对本年度报告有疑问，请与${contact.unit}联系（联系人：${contact.person}，办公电话：${contact.phone}，电子邮箱：${contact.email}）。`
  );
}

export function reportTitle(body: string, year: number): string {
  return `${body}${year}年${REPORT_TITLE_SUFFIX}`;
}

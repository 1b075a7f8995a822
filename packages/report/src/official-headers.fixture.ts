/**
 * The header rows of tables 三 and 四 transcribed by hand from REPORT_FORMAT.md ("The official
 * table layouts"), text and spans. Tests of every renderer compare what they read back from their
 * output with this, so a layout drifting from the format fails a test. Not used to draw anything.
 */
export type OfficialHeader = { text: string; colSpan: number; rowSpan: number }[][];

const h = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan });
const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export const OFFICIAL_HEADERS: { requests: OfficialHeader; reviews: OfficialHeader } = {
  requests: [
    [h('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), h('申请人情况', 7)],
    [h('自然人', 1, 2), h('法人或其他组织', 5), h('总计', 1, 2)],
    [h('商业企业'), h('科研机构'), h('社会公益组织'), h('法律服务机构'), h('其他')],
  ],
  reviews: [
    [h('行政复议', 5), h('行政诉讼', 10)],
    [...results.map((r) => h(r, 1, 2)), h('未经复议直接起诉', 5), h('复议后起诉', 5)],
    [...results.map((r) => h(r)), ...results.map((r) => h(r))],
  ],
};

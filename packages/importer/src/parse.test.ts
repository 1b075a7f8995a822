import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkReport, seedReport2024 } from '@ccgov/report';
import { importReport, parseHtml, parseText, type ImportResult, type ParsedReport } from './parse';
import { sourceView } from './source-view';

// A copy of shared/fixtures/chencang-data-bureau-2024.txt kept in the repository, so a clone alone runs the tests.
const FIXTURE = new URL('../fixtures/chencang-data-bureau-2024.txt', import.meta.url);
const fixtureText = () => readFileSync(FIXTURE, 'utf8');

function ok(r: ImportResult): ParsedReport {
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** Table 三 as a published page writes it: merged group cells, the 2021 rows, 7 figure columns. */
const ZERO_ROW = '<td>0</td>'.repeat(7);
function requestRowsHtml(fill: (key: string) => string = () => ZERO_ROW): string {
  const row = (label: string, key: string, lead = '') => `<tr>${lead}<td>${label}</td>${fill(key)}</tr>`;
  return [
    row('一、本年新收政府信息公开申请数量', 'newReceived'),
    row('二、上年结转政府信息公开申请数量', 'carriedIn'),
    row('（一）予以公开', 'granted', '<td rowspan="22">三、本年度<br>办理结果</td>'),
    row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial'),
    row('1.属于国家秘密', 'withheld1', '<td rowspan="8">（三）不予公开</td>'),
    row('2.其他法律行政法规禁止公开', 'withheld2'),
    row('3.危及"三安全一稳定"', 'withheld3'),
    row('4.保护第三方合法权益', 'withheld4'),
    row('5.属于三类内部事务信息', 'withheld5'),
    row('6.属于四类过程性信息', 'withheld6'),
    row('7.属于行政执法案卷', 'withheld7'),
    row('8.属于行政查询事项', 'withheld8'),
    row('1.本机关不掌握相关政府信息', 'unable1', '<td rowspan="3">（四）无法提供</td>'),
    row('2.没有现成信息需要<br/>另行制作', 'unable2'),
    row('3.补正后申请内容仍不明确', 'unable3'),
    row('1.信访举报投诉类申请', 'notProcessed1', '<td rowspan="5">（五）不予处理</td>'),
    row('2.重复申请', 'notProcessed2'),
    row('3.要求提供公开出版物', 'notProcessed3'),
    row('4.无正当理由大量反复申请', 'notProcessed4'),
    row('5.要求行政机关确认或重新出具已获取信息', 'notProcessed5'),
    row('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'otherHandling1', '<td rowspan="3">（六）其他处理</td>'),
    row('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'otherHandling2'),
    row('3.其他', 'otherHandling3'),
    row('（七）总计', 'resultTotal'),
    row('四、结转下年度继续办理', 'carriedOver'),
  ].join('\n');
}

function pageHtml(requestRows: string, reviewRow = '<tr>' + '<td>0</td>'.repeat(15) + '</tr>'): string {
  return `<html><body><div class="wrap"><div id="content" style="font-size:16px">
<h1 style="text-align:center">陈仓区文化和旅游局2023年政府信息公开工作年度报告</h1>
<p style="text-indent:2em"><span style="font-family:仿宋">本报告中所列数据的统计期限从2023年1月1日起至2023年12月31日止，如对本年度报告有疑问，请与陈仓区文化和旅游局联系（联系人：王芳，办公电话：0917－6212345，电子邮箱：wlj@example.cn）。</span></p>
<p><strong>一、总体情况</strong></p><p>（一）主动公开</p><p>主动公开信息35条。</p>
<p><strong>二、主动公开政府信息情况</strong></p>
<table border="1"><tbody>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>２</td><td>—</td><td>1,204</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">1,256</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">/</td></tr>
<tr><td>行政强制</td><td colspan="3"></td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">18.8710</td></tr>
</tbody></table>
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
<table><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${requestRows}</table>
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>
<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果<br>维持</td><td rowspan="2">结果<br>纠正</td><td rowspan="2">其他<br>结果</td><td rowspan="2">尚未<br>审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${'<td>结果<br>维持</td><td>结果<br>纠正</td><td>其他<br>结果</td><td>尚未<br>审结</td><td>总计</td>'.repeat(2)}</tr>
${reviewRow}</table>
<p><strong>五、存在的主要问题及改进情况</strong></p><p>一是公开深度不够。</p><p>二是解读形式单一。</p>
<p><strong>六、其他需要报告的事项</strong></p><p>本年度未收取信息处理费。</p>
</div></div><div class="footer">主办单位：陈仓区人民政府办公室</div></body></html>`;
}

describe('the published fixture of 陈仓区数据局', () => {
  it('imports exactly: figures, texts, contact, body and year', () => {
    const r = ok(parseText(fixtureText()));
    expect(r.content).toEqual(seedReport2024());
    expect(r.unplaced).toEqual([]);
    expect(r.body).toBe('陈仓区数据局');
    expect(r.year).toBe(2024);
  });

  it('keeps the totals as published, so the checker finds nothing to say about them', () => {
    const r = ok(parseText(fixtureText()));
    expect(r.declaredTotals.resultTotal).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.declaredTotals.reviewTotals).toEqual({ review: 0, suitDirect: 0, suitAfterReview: 0 });
    expect(checkReport({ year: 2024, body: '陈仓区数据局', content: r.content, declaredTotals: r.declaredTotals }).errors).toEqual([]);
  });

  it('points every figure at the line it was read from', () => {
    const r = ok(parseText(fixtureText()));
    const lines = fixtureText().split('\n');
    expect(lines[r.sources['requests.unable2.natural']!.line! - 1]).toContain('2.没有现成信息需要另行制作');
    expect(r.sources['reviews.suitAfterReview.total']!.line).toBeGreaterThan(r.sources['reviews.review.upheld']!.line!);
  });

  it('is read the same from a file path and from pasted text', async () => {
    const fromFile = ok(await importReport('chencang.txt', new Uint8Array(readFileSync(FIXTURE))));
    expect(fromFile.content).toEqual(ok(parseText(fixtureText())).content);
  });
});

describe('an HTML page with merged cells, wrapper markup and inline styles', () => {
  it('reads every figure by its label: full-width digits, thousands separators, dashes and blanks as 0', () => {
    const r = ok(parseHtml(pageHtml(requestRowsHtml())));
    expect(r.unplaced).toEqual([]);
    expect(r.content.proactive.normativeDocs).toEqual({ issued: 2, repealed: 0, inForce: 1204 });
    expect(r.content.proactive.licensing.decisions).toBe(1256);
    expect(r.content.proactive.punishment.decisions).toBe(0);
    expect(r.content.proactive.enforcement.decisions).toBe(0);
    expect(r.content.proactive.fees.amount).toBe(18.871);
    expect(r.body).toBe('陈仓区文化和旅游局');
    expect(r.year).toBe(2023);
    expect(r.content.contact).toEqual({ unit: '陈仓区文化和旅游局', person: '王芳', phone: '0917－6212345', email: 'wlj@example.cn' });
    expect(r.content.overview.active).toBe('主动公开信息35条。');
    expect(r.content.problems).toBe('一是公开深度不够。\n二是解读形式单一。');
    expect(r.content.other).toBe('本年度未收取信息处理费。');
  });

  it('places a figure by its row label, and a published arithmetic error reaches the checker', () => {
    const html = pageHtml(
      requestRowsHtml((key) =>
        key === 'newReceived' ? '<td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>7</td>' : key === 'granted' ? '<td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td>' : key === 'resultTotal' ? '<td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td>' : ZERO_ROW,
      ),
    );
    const r = ok(parseHtml(html));
    expect(r.content.requests.newReceived).toEqual([5, 1, 0, 0, 0, 0]);
    expect(r.declaredTotals.requestRowTotals?.newReceived).toBe(7);
    const { errors } = checkReport({ year: 2023, body: '陈仓区文化和旅游局', content: r.content, declaredTotals: r.declaredTotals });
    // 5 + 1 is not the 7 the page printed: the error is the published one, not recomputed away.
    expect(errors.some((e) => e.message.includes('7'))).toBe(true);
  });

  it('leaves a row with a figure too many blank and says which row, with the source', () => {
    const html = pageHtml(requestRowsHtml((key) => (key === 'unable2' ? '<td>1</td>' + ZERO_ROW : ZERO_ROW)));
    const r = ok(parseHtml(html));
    expect(r.content.requests.unable2).toEqual([null, null, null, null, null, null]);
    const u = r.unplaced.find((x) => x.keys.includes('requests.unable2.natural'))!;
    expect(u.message).toBe('表三‘（四）无法提供 2.没有现成信息需要另行制作’ 未能识别（应有7个数字，读到8个）');
    expect(u.snippet).toContain('2.没有现成信息需要另行制作 | 1 | 0');
    expect(r.unplaced).toHaveLength(1);
  });

  it('lists a row that is not in the format instead of placing its figures anywhere', () => {
    const html = pageHtml(requestRowsHtml().replace('<td>2.重复申请</td>', '<td>2.多次申请</td>'));
    const r = ok(parseHtml(html));
    expect(r.content.requests.notProcessed2).toEqual([null, null, null, null, null, null]);
    expect(r.unplaced.map((u) => u.label)).toEqual(['2.多次申请', '（五）不予处理 2.重复申请']);
    expect(r.unplaced[0]!.message).toContain('不是格式中的行，其数字未导入');
    expect(r.unplaced[1]!.message).toBe('表三‘（五）不予处理 2.重复申请’ 未能识别（未找到该行）');
  });

  it('reads table 三 by its heads when one head row names the columns in another order, and lists it when the five under 法人或其他组织 are moved', () => {
    const flatHead = '<tr><td colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>自然人</td><td>总计</td></tr>';
    const rows = requestRowsHtml((key) => (key === 'newReceived' ? '<td>1</td><td>2</td><td>0</td><td>0</td><td>0</td><td>5</td><td>8</td>' : ZERO_ROW));
    const html = pageHtml(rows).replace(/<table><tr><td colspan="3" rowspan="3">[\s\S]*?<td>其他<\/td><\/tr>/, `<table>${flatHead}`);
    const r = ok(parseHtml(html));
    expect(r.content.requests.newReceived).toEqual([5, 1, 2, 0, 0, 0]);
    expect(r.declaredTotals.requestRowTotals?.newReceived).toBe(8);
    const moved = ok(parseHtml(pageHtml(rows).replace('<td>商业<br>企业</td><td>科研<br>机构</td>', '<td>科研<br>机构</td><td>商业<br>企业</td>')));
    expect(moved.content.requests.newReceived).toEqual([null, null, null, null, null, null]);
    expect(moved.unplaced.find((u) => u.keys.includes('requests.newReceived.natural'))!.message).toContain('表头的列与格式的列次序不同');
  });

  it('reads tables 二 and 四 by their heads when these name the columns in another order', () => {
    const html = pageHtml(requestRowsHtml(), '<tr>' + [3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0].map((v) => `<td>${v}</td>`).join('') + '</tr>')
      .replace('<td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td>', '<td>本年制发件数</td><td>现行有效件数</td><td>本年废止件数</td>')
      .replace('<td rowspan="2">结果<br>维持</td><td rowspan="2">结果<br>纠正</td><td rowspan="2">其他<br>结果</td><td rowspan="2">尚未<br>审结</td><td rowspan="2">总计</td>', '<td rowspan="2">总计</td><td rowspan="2">结果<br>维持</td><td rowspan="2">结果<br>纠正</td><td rowspan="2">其他<br>结果</td><td rowspan="2">尚未<br>审结</td>')
      .replace(/(<tr>)(?:<td>结果<br>维持<\/td><td>结果<br>纠正<\/td><td>其他<br>结果<\/td><td>尚未<br>审结<\/td><td>总计<\/td>){2}(<\/tr>)/, `$1${'<td>总计</td><td>结果<br>维持</td><td>结果<br>纠正</td><td>其他<br>结果</td><td>尚未<br>审结</td>'.repeat(2)}$2`);
    const r = ok(parseHtml(html));
    // 行政规范性文件 ２ — 1,204 under 制发 / 现行有效 / 废止.
    expect(r.content.proactive.normativeDocs).toEqual({ issued: 2, repealed: 1204, inForce: 0 });
    expect(r.content.reviews.review).toEqual({ upheld: 2, corrected: 1, otherResult: 0, pending: 0 });
    expect(r.declaredTotals.reviewTotals).toEqual({ review: 3, suitDirect: 0, suitAfterReview: 1 });
  });

  it('reads table 四 whose 结果 纠正 heads are split over two lines', () => {
    const r = ok(parseHtml(pageHtml(requestRowsHtml(), '<tr>' + [1, 2, 0, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0].map((v) => `<td>${v}</td>`).join('') + '</tr>')));
    expect(r.content.reviews.review).toEqual({ upheld: 1, corrected: 2, otherResult: 0, pending: 0 });
    expect(r.content.reviews.suitDirect).toEqual({ upheld: 0, corrected: 1, otherResult: 0, pending: 0 });
    expect(r.declaredTotals.reviewTotals).toEqual({ review: 3, suitDirect: 1, suitAfterReview: 0 });
  });
});

describe('a Word file as an office writes it', () => {
  async function officeDocx(): Promise<Uint8Array> {
    const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
    const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) =>
      new TableCell({ ...opts, children: text.split('\n').map((line, i) => new Paragraph({ children: [new TextRun({ text: line, break: i > 0 ? 0 : undefined })] })) });
    const nums = (vals: string[]) => vals.map((v) => cell(v));
    const zeros = (n: number) => nums(Array(n).fill('０'));
    const requests = new Table({
      rows: [
        new TableRow({ children: [cell('（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）', { columnSpan: 3, rowSpan: 3 }), cell('申请人情况', { columnSpan: 7 })] }),
        new TableRow({ children: [cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { columnSpan: 5 }), cell('总计', { rowSpan: 2 })] }),
        new TableRow({ children: ['商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他'].map((t) => cell(t)) }),
        new TableRow({ children: [cell('一、本年新收政府信息公开申请数量', { columnSpan: 3 }), ...nums(['1,024', '３', '0', '0', '0', '0', '1,027'])] }),
        new TableRow({ children: [cell('二、上年结转政府信息公开申请数量', { columnSpan: 3 }), ...zeros(7)] }),
        new TableRow({ children: [cell('三、本年度办理结果', { rowSpan: 3 }), cell('（一）予以公开', { columnSpan: 2 }), ...nums(['1,000', '3', '0', '0', '0', '0', '1,003'])] }),
        new TableRow({ children: [cell('（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）', { columnSpan: 2 }), ...zeros(7)] }),
        new TableRow({ children: [cell('（七）总计', { columnSpan: 2 }), ...nums(['1,000', '3', '0', '0', '0', '0', '1,003'])] }),
        new TableRow({ children: [cell('四、结转下年度继续办理', { columnSpan: 3 }), ...nums(['24', '0', '0', '0', '0', '0', '24'])] }),
      ],
    });
    const doc = new Document({
      sections: [
        {
          children: [
            p('陈仓区住房和城乡建设局2024年政府信息公开工作年度报告'),
            p('本报告中所列数据的统计期限从2024年1月1日起至2024年12月31日止，请与陈仓区住房和城乡建设局联系（联系人：赵强，办公电话：0917-6219999，电子邮箱：zjj@example.cn）。'),
            p('一、总体情况'),
            p('（二）依申请公开'),
            p('全年收到申请1027件。'),
            p('三、收到和处理政府信息公开申请情况'),
            requests,
            p('五、存在的主要问题及改进情况'),
            p('答复规范性有待提高。'),
          ],
        },
      ],
    });
    return new Uint8Array(await Packer.toBuffer(doc));
  }

  it('reads merged cells, labels broken over lines, thousands separators and full-width digits', async () => {
    const r = ok(await importReport('住建局年报.docx', await officeDocx()));
    expect(r.format).toBe('docx');
    expect(r.body).toBe('陈仓区住房和城乡建设局');
    expect(r.year).toBe(2024);
    expect(r.content.requests.newReceived).toEqual([1024, 3, 0, 0, 0, 0]);
    expect(r.content.requests.granted).toEqual([1000, 3, 0, 0, 0, 0]);
    expect(r.content.requests.partial).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.content.requests.carriedOver).toEqual([24, 0, 0, 0, 0, 0]);
    expect(r.declaredTotals.resultTotal).toEqual([1000, 3, 0, 0, 0, 0, 1003]);
    expect(r.content.overview.request).toBe('全年收到申请1027件。');
    // Rows the draft does not have yet are blank and listed, never 0.
    expect(r.content.requests.withheld1).toEqual([null, null, null, null, null, null]);
    expect(r.unplaced.map((u) => u.table)).toContain('表二');
  });
});

describe('bad input gets a clear Chinese message', () => {
  it('a .doc or .wps file is asked to be saved as .docx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    for (const name of ['年报.doc', '年报.wps', '年报.docx']) {
      const r = await importReport(name, ole);
      expect(r).toEqual({ ok: false, error: expect.stringContaining('另存为” .docx') });
    }
  });

  it('a broken .docx is reported as unreadable', async () => {
    const r = await importReport('年报.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    expect(r).toEqual({ ok: false, error: '无法读取该 Word 文件（文件已损坏或不是 .docx 格式）。' });
  });

  it('a text that is not a report is refused', async () => {
    const r = await importReport('通知.txt', '关于开展2024年度安全生产检查的通知\n各单位：请于3月底前完成自查。');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('未能识别为政府信息公开工作年度报告') });
  });

  it('a report on 2020 (the trial format years) is refused', () => {
    const old = fixtureText().replace(/2024年/g, '2020年');
    const r = parseText(`陈仓区数据局2020年政府信息公开工作年度报告\n${old}`);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('2021年度及以后') });
  });

  it('a 2019 trial format table 三 (（六）其他处理 without sub-rows) is refused', () => {
    const trial = fixtureText()
      .replace(/\(六\)其他处理 \| 1\.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 \|/, '(六)其他处理 |')
      .replace(/^2\.申请人逾期未按收费通知.*\n/m, '')
      .replace(/^3\.其他 \|.*\n/m, '');
    const r = parseText(trial);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('2019年试行') });
  });
});

describe('对照原文: the figures beside the source lines they came from', () => {
  it('a text input keeps its own lines, and each figure stands beside the line it was read from', () => {
    const text = fixtureText();
    const r = ok(parseText(text));
    expect(r.sourceLines).toEqual(text.split('\n'));
    const view = sourceView(r);
    const line = view.lines.find((l) => l.figures.some((f) => f.key === 'requests.unable2.natural'))!;
    expect(line.text).toContain('2.没有现成信息需要另行制作');
    expect(view.counts.unplaced).toBe(0);
    expect(view.lines.flatMap((l) => l.figures)).toHaveLength(Object.keys(r.sources).length);
  });

  it('an HTML table row is one line; a blank cell read as 0 and a row left blank are marked on their line', () => {
    const html = pageHtml(requestRowsHtml((key) => (key === 'unable2' ? '<td>1</td>' + ZERO_ROW : ZERO_ROW)));
    const r = ok(parseHtml(html));
    const view = sourceView(r);
    const enforcement = view.lines.find((l) => l.figures.some((f) => f.key === 'proactive.enforcement.decisions'))!;
    expect(enforcement.text).toBe('行政强制 | ');
    expect(enforcement.figures[0]).toMatchObject({ state: 'blank', value: 0, label: '表二 行政强制 本年处理决定数量' });
    const licensing = view.lines.find((l) => l.figures.some((f) => f.key === 'proactive.licensing.decisions'))!;
    expect(licensing.text).toBe('行政许可 | 1,256');
    expect(licensing.figures[0]).toMatchObject({ state: 'placed', value: 1256, raw: '1,256' });
    const unable = view.lines.find((l) => l.text.startsWith('2.没有现成信息需要另行制作'))!;
    expect(unable.figures).toHaveLength(7);
    expect(unable.figures.every((f) => f.state === 'unplaced' && f.value === null)).toBe(true);
    expect(unable.figures[0]!.message).toContain('应有7个数字，读到8个');
    expect(view.counts).toMatchObject({ unplaced: 7, blank: 1 });
  });

  it('a row the source does not have at all is listed apart, with its message', () => {
    const r = ok(parseHtml(pageHtml(requestRowsHtml().replace('<td>2.重复申请</td>', '<td>2.多次申请</td>'))));
    const view = sourceView(r);
    expect(view.unlocated.map((f) => f.key)).toContain('requests.notProcessed2.natural');
    const foreign = view.lines.find((l) => l.text.startsWith('2.多次申请'))!;
    expect(foreign.figures[0]).toMatchObject({ key: '', state: 'unplaced', message: expect.stringContaining('不是格式中的行') });
  });
});

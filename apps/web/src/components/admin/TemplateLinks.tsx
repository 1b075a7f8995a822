import { REPORT_TITLE_SUFFIX } from '@ccgov/report';

/**
 * 管理 → the blank Excel template of each reporting year (/api/excel/template/{year}), the file
 * the departments download under 本部门年报, so the admin can check it or send it on.
 */
export function TemplateLinks({ years, empty = '尚未开放任何报告年度。' }: { years: { year: number; open: boolean }[]; empty?: string }) {
  const shown = [...years].sort((a, b) => Number(b.open) - Number(a.open) || b.year - a.year);
  return (
    <section className="card" aria-labelledby="templates">
      <h2 id="templates">Excel 填报模板</h2>
      {shown.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {shown.map((y) => (
            <li key={y.year}>
              <a href={`/api/excel/template/${y.year}`} download>
                下载{y.year}年{REPORT_TITLE_SUFFIX}数据模板（Excel）
              </a>
              {y.open && <span className="muted small">（填报中）</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">与各部门在“本部门年报”中下载的模板相同：表二至表四，黄色单元格填写数字，合计为公式。</p>
    </section>
  );
}

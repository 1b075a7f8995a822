import { daysLeftText, extensionText, formatDate, legalDeadlineText } from '@ccgov/report';

type Notice = {
  year: number;
  status: string;
  statusLabel: string;
  /** The year's deadline (区内报送截止, else the legal one). */
  deadline: string;
  /** This body's date: its extension, else `deadline`. */
  due: string;
  legalDeadline: string;
  internalDeadline: string | null;
  extension: { until: string; reason: string } | null;
  daysLeft: number;
  locked: boolean;
  reminders: { id: number; message: string; createdAt: Date; unread: boolean }[];
};

/**
 * The department's landing-page notice while an open year's report is not submitted: the days
 * left (the same count the bureau sees, packages/report deadlines.ts) with the legal date beside
 * it, an extension when granted, the lock once the date has passed, and the bureau's reminders
 * (each text once; opening this page marks them read).
 */
export function DeadlineNotices({ notices }: { notices: Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((n) => {
        // A returned report is not locked or late (it was handed in): after the date it is simply due again.
        const overdue = n.daysLeft < 0 && n.status !== 'returned';
        const which = n.extension ? '延期截止' : '截止';
        const when = n.daysLeft < 0 ? (overdue ? daysLeftText(n.daysLeft) : '请按审核意见修改后重新提交') : n.daysLeft === 0 ? `今天${which}` : `距${which}${daysLeftText(n.daysLeft)}`;
        return (
          <section key={n.year} className={`alert ${overdue ? 'error' : 'warn'}`} role="status" aria-label={`${n.year}年度报告截止提醒`}>
            <p style={{ margin: 0 }}>
              <strong>
                {n.year}年度报告{n.status === 'returned' ? '已退回，尚未重新提交' : '尚未提交'}，{when}
              </strong>
              （{n.internalDeadline ? '区内报送截止' : '截止日期'} {n.deadline}；{legalDeadlineText(n.legalDeadline)}）。
            </p>
            {n.extension && (
              <p style={{ margin: '4px 0 0' }} data-testid="extension-notice">
                <strong>{extensionText(n.extension.until)}</strong>（原因：{n.extension.reason}）。
              </p>
            )}
            {n.locked && (
              <p style={{ margin: '4px 0 0' }} data-testid="lock-notice">
                已过{n.extension ? '延期截止日期' : n.internalDeadline ? '区内报送截止日期' : '报送截止日期'}（{n.due}），本单位年报已锁定，如需继续填报请联系数据局申请延期。
              </p>
            )}
            {n.reminders.length > 0 && (
              <ul style={{ margin: '6px 0 0', paddingLeft: 20 }} aria-label="数据局的提醒">
                {n.reminders.map((r) => (
                  <li key={r.id}>
                    数据局提醒（{formatDate(r.createdAt)}）{r.unread ? <strong>［新］</strong> : null}：{r.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

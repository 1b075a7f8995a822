import { formatDate } from '@ccgov/report';

type Notice = {
  year: number;
  status: string;
  statusLabel: string;
  deadline: string;
  legalDeadline: string;
  internalDeadline: string | null;
  daysLeft: number;
  reminders: { id: number; message: string; createdAt: Date }[];
};

/**
 * The department's landing-page notice while an open year's report is not submitted:
 * "距截止还有 N 天" or "已逾期 N 天", and the bureau's reminders with their dates.
 */
export function DeadlineNotices({ notices }: { notices: Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((n) => {
        const overdue = n.daysLeft < 0;
        const when = overdue ? `已逾期 ${-n.daysLeft} 天` : n.daysLeft === 0 ? '今天截止' : `距截止还有 ${n.daysLeft} 天`;
        return (
          <section key={n.year} className={`alert ${overdue ? 'error' : 'warn'}`} role="status" aria-label={`${n.year}年度报告截止提醒`}>
            <p style={{ margin: 0 }}>
              <strong>
                {n.year}年度报告{n.status === 'returned' ? '已退回，尚未重新提交' : '尚未提交'}，{when}
              </strong>
              （截止日期 {n.deadline}
              {n.internalDeadline ? `为区内报送截止；法定截止日期 ${n.legalDeadline}` : ''}）。
            </p>
            {n.reminders.length > 0 && (
              <ul style={{ margin: '6px 0 0', paddingLeft: 20 }} aria-label="数据局的提醒">
                {n.reminders.map((r) => (
                  <li key={r.id}>
                    数据局提醒（{formatDate(r.createdAt)}）：{r.message}
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

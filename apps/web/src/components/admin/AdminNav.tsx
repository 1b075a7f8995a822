'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './admin.module.css';

const LINKS = [
  { href: '/admin', label: '部门和账号' },
  { href: '/admin/import', label: '批量导入' },
  { href: '/admin/years', label: '报告年度' },
  { href: '/admin/progress', label: '进度' },
  { href: '/admin/words', label: '错敏词' },
  { href: '/admin/audit', label: '审计日志' },
  { href: '/admin/sessions', label: '在线会话' },
] as const;

export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="管理栏目">
      <ul className={styles.subnav}>
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={path === l.href ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './admin.module.css';

const LINKS = [
  { href: '/admin', label: '部门和账号' },
  { href: '/admin/import', label: '批量导入' },
  { href: '/admin/history', label: '导入历史报告', bureau: true },
  { href: '/admin/years', label: '报告年度' },
  { href: '/admin/progress', label: '进度' },
  { href: '/admin/words', label: '错敏词' },
  { href: '/admin/rules', label: '校验规则' },
  { href: '/admin/audit', label: '审计日志' },
  { href: '/admin/sessions', label: '在线会话' },
] as const;

/** `bureauOnly`: the viewer is a reviewer or publisher, who sees only the pages open to the whole bureau. */
export function AdminNav({ bureauOnly = false }: { bureauOnly?: boolean }) {
  const path = usePathname();
  const links = LINKS.filter((l) => !bureauOnly || ('bureau' in l && l.bureau));
  return (
    <nav aria-label="管理栏目">
      <ul className={styles.subnav}>
        {links.map((l) => (
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

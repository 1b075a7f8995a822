import type { Metadata, Viewport } from 'next';
import './globals.css';
import { DemoBanner } from './DemoBanner';

export const metadata: Metadata = {
  title: { default: '陈仓区政府信息公开工作年度报告', template: '%s · 陈仓区政府信息公开工作年度报告' },
  description: '陈仓区各部门、镇街政府信息公开工作年度报告的填报、审核与公开平台',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a href="#main" className="skip">跳到正文</a>
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}

import { realisticReport } from '@ccgov/report';
import type { PublishedReport } from './outline';

/** The demo report as published, with a 更正说明: the documents' tests render it. */
export const published: PublishedReport = {
  id: 7,
  departmentName: '陈仓区市场监督管理局',
  departmentKind: 'department',
  year: 2024,
  publishedAt: new Date('2025-01-20T02:00:00Z'),
  content: realisticReport(),
  correctionNote: '表三第二行数据录入有误，已更正。',
  supersedesId: 3,
  current: true,
};

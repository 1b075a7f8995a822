import type { Metadata } from 'next';
import { WordsPanel } from '@/components/admin/WordsPanel';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '错敏词' };
export const dynamic = 'force-dynamic';

export default async function WordsPage() {
  const user = await requireRole(['admin'], '/admin/words');
  const words = await (await serverCaller(user)).words.list();
  return <WordsPanel words={words} />;
}

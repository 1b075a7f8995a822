import { redirect } from 'next/navigation';
import { landingPath } from '@ccgov/auth';
import { currentUser } from '@/server/session';

/** After sign-in: each role lands on its own page. */
export default async function Home() {
  const user = await currentUser();
  redirect(user ? landingPath(user.role) : '/login');
}

import type { Metadata } from 'next';
import { LoginForm } from './LoginForm';

export const metadata: Metadata = { title: '登录' };

export default function LoginPage() {
  return (
    <div className="card" style={{ maxWidth: 420, margin: '32px auto' }}>
      <h1>工作人员登录</h1>
      <LoginForm />
    </div>
  );
}

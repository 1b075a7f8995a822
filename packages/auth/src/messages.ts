/** Sign-in messages shared by the server and the login form (pure: safe in the browser). */
export const SIGNIN_FAILED_MESSAGE = '用户名或密码错误，或账号已停用';

/**
 * What the login form shows for the `error` next-auth returns: our own Chinese messages (the lock
 * and throttle messages say until when), otherwise the generic one.
 */
export function signInErrorMessage(error: string | null | undefined): string {
  if (!error || error === 'CredentialsSignin') return SIGNIN_FAILED_MESSAGE;
  return /[\u4e00-\u9fff]/.test(error) && error.length <= 200 ? error : '登录失败，请稍后重试';
}

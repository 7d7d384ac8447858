/** Signing in to a running jixiao server over real HTTP, as a browser does (for the crash test and the API benchmark). */
import { replacementPassword } from './testing.ts';

const cookiesOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(';')[0]);

/**
 * Fetches a CSRF token, signs in, and returns the headers of the signed-in session: its cookies
 * (CSRF and session) and the CSRF token a write must carry. A one-time password is replaced as a
 * person would at first sign-in (by `replacementPassword`), and a later sign-in given the one-time
 * password uses the replacement. Throws when the sign-in is refused.
 */
export async function signInOverHttp(url: string, username: string, password: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const csrfCookie = cookiesOf(csrf).join('; ');
  const { token } = (await csrf.json()) as { token: string };
  const post = (path: string, body: unknown, cookie = csrfCookie) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
      body: JSON.stringify(body),
    });
  let login = await post('/api/auth/login', { username, password });
  if (login.status === 401) login = await post('/api/auth/login', { username, password: replacementPassword(password) });
  if (login.status !== 200) throw new Error(`sign-in as ${username}: ${login.status}`);
  let cookie = [csrfCookie, ...cookiesOf(login)].join('; ');
  if (((await login.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword) {
    const changed = await post('/api/auth/password', { currentPassword: password, newPassword: replacementPassword(password) }, cookie);
    if (changed.status !== 200) throw new Error(`password change for ${username}: ${changed.status}`);
    cookie = [csrfCookie, ...cookiesOf(changed)].join('; ');
  }
  return { cookie, 'x-csrf-token': token };
}

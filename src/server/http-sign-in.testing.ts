/** Signing in to a running jixiao server over real HTTP, as a browser does (for the crash test and the API benchmark). */

/**
 * Fetches a CSRF token, signs in, and returns the headers of the signed-in session: its cookies
 * (CSRF and session) and the CSRF token a write must carry. Throws when the sign-in is refused.
 */
export async function signInOverHttp(url: string, username: string, password: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { token } = (await csrf.json()) as { token: string };
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in as ${username}: ${login.status}`);
  const cookie = [csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  return { cookie, 'x-csrf-token': token };
}

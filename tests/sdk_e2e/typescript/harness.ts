// What the TypeScript e2e tests share: the AUTH_CENTER_E2E_* settings of scripts/sdk-e2e.sh,
// and the person's browser for the authorization code flow (the server's login and consent
// pages, driven over HTTP with a cookie jar).

/** A setting of scripts/sdk-e2e.sh; a missing one is an error, never a skip. */
export function env(name: string): string {
  const value = process.env[`AUTH_CENTER_E2E_${name}`];
  if (!value) throw new Error(`AUTH_CENTER_E2E_${name} is not set (run scripts/sdk-e2e.sh)`);
  return value;
}

/** The hidden fields of the page's form (in `<main>`) and where it posts, as a browser submits it. */
function pageForm(page: string): { action: string; fields: Record<string, string> } {
  const html = page.slice(page.indexOf('<main'));
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the page:\n${html.slice(0, 2000)}`);
  const unescape = (s: string) =>
    s.replace(/&#x2f;/g, '/').replace(/&quot;/g, '"').replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[m[1]] = unescape(m[2]);
  }
  return { action: unescape(action), fields };
}

/**
 * The person's browser: opens `url`, follows the server's redirects, signs in on the login
 * page and allows on the consent page, and returns the URL the server sends the browser back
 * to at `redirectUri` (the app's callback, not fetched).
 */
export async function authorizeInBrowser(
  url: URL,
  redirectUri: string,
  username: string,
  password: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let request: { url: URL; form?: Record<string, string> } = { url };
  for (let step = 0; step < 8; step++) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      headers: { cookie: cookie() },
      body: request.form ? new URLSearchParams(request.form) : undefined,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (next.href.startsWith(redirectUri)) return next;
      request = { url: next };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${response.status} at ${request.url}:\n${html.slice(0, 2000)}`);
    const { action, fields } = pageForm(html);
    const extra: Record<string, string> =
      action === '/accounts/login/' ? { username, password } : { decision: 'allow' };
    request = { url: new URL(action, request.url), form: { ...fields, ...extra } };
  }
  throw new Error(`the browser was not sent back to ${redirectUri} within 8 requests`);
}

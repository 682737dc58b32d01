const SECRET_PARAMS = /^(token|access_token|api_key|apikey|key|password|secret)$/i;

/**
 * A URL (absolute, or a request path with a query) safe for logs: the password of
 * postgres://user:pass@host and the values of token-like query parameters become ***.
 */
export function redactUrl(url: string): string {
  const relative = url.startsWith('/');
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://relative.invalid');
  } catch {
    return url.replace(/(\/\/[^:/@\s]*):[^@/\s]*@/, '$1:***@');
  }
  if (parsed.password) parsed.password = '***';
  for (const name of [...parsed.searchParams.keys()]) if (SECRET_PARAMS.test(name)) parsed.searchParams.set(name, '***');
  const text = parsed.toString();
  return relative ? text.slice('http://relative.invalid'.length) : text;
}

/**
 * The URL as logged: parameter names kept (they say what was asked), values replaced (a filter can be an
 * email, a misplaced `api_key=` a secret). The path is kept: it holds only route words and ids.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? pair : `${pair.slice(0, eq)}=${eq === pair.length - 1 ? '' : '*'}`;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

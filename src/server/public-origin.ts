/**
 * @module The address readers reach the server at, when it is behind a reverse proxy (TLS ended
 * there, another host name): `serve --public-url https://news.example.org`. Each request is taken
 * as made to that address, so the cross-site check on forms accepts the browser's Origin, and the
 * addresses the server writes out (the Atom feed of followed stories, reader apps' links, the
 * bookmarklet) are ones readers can open.
 */

/**
 * The origin of a public URL given by the operator ("https://news.example.org", a port allowed), or
 * an error saying what is wrong with it. Storyline answers at the root of its address: a path is
 * refused, since its pages link from "/".
 */
export function publicOrigin(value: string): { origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: `${value} is not a web address (say https://news.example.org)` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `${value} is not an http or https address` };
  if (url.username || url.password) return { error: `${value} carries a user name or password: give the address alone` };
  if (url.pathname !== '/' || url.search || url.hash) {
    return { error: `${value} has a path: Storyline answers at the root of its address, so give it a host (or subdomain) of its own, such as ${url.origin}` };
  }
  return { origin: url.origin };
}

/** The request as made to `origin`: the same method, path, query, headers and body. */
export function atOrigin(request: Request, origin: string): Request {
  const url = new URL(request.url);
  if (url.origin === origin) return request;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  return new Request(`${origin}${url.pathname}${url.search}`, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
  } as RequestInit);
}

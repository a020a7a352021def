// Cross-site WebSocket hijacking: a WebSocket handshake is not subject to CORS, and a browser sends the session
// cookie with it from any site. A handshake authenticated by the cookie must therefore come from this site or a
// configured origin, the rule cookie-authenticated HTTP writes follow (server/middlewares/originCheck.ts). A token
// in `auth` is never sent by a browser on its own, so token handshakes need no check.
import type { IncomingHttpHeaders } from 'node:http';

export interface HandshakeFacts {
  headers: IncomingHttpHeaders;
  /** Whether the connection to this process is TLS. */
  secure: boolean;
}

/** Whether a cookie-authenticated handshake comes from an origin allowed to use the cookie. */
export function handshakeOriginAllowed(handshake: HandshakeFacts, options: { allowedOrigins: string[]; trustProxy: number }): boolean {
  const origin = single(handshake.headers.origin);
  if (origin === undefined) {
    // Browsers send Origin with every WebSocket handshake and every cross-origin request, but leave it out of
    // same-origin GETs (Socket.IO's first polling request). Fetch Metadata then says where the request came from.
    const site = single(handshake.headers['sec-fetch-site']);
    return site === undefined || site === 'same-origin' || site === 'none';
  }
  return origin === ownOrigin(handshake, options.trustProxy) || options.allowedOrigins.includes(origin);
}

/** This server's origin as the browser sees it: behind trusted proxies, the scheme they were reached by (as Express's req.protocol). */
function ownOrigin(handshake: HandshakeFacts, trustProxy: number): string {
  const forwarded = trustProxy > 0 ? single(handshake.headers['x-forwarded-proto'])?.split(',')[0]?.trim() : undefined;
  const scheme = forwarded || (handshake.secure ? 'https' : 'http');
  return `${scheme}://${single(handshake.headers.host) ?? ''}`;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Bounds on a client's slowness, so a half-sent request cannot hold a connection (and a file
 * descriptor) forever. Node checks the request deadline every `connectionsCheckingInterval`, 30 s by
 * default: far coarser than the deadline itself, so check at a quarter of it (at most once a second).
 */
export function httpTimeouts(requestTimeoutMs: number) {
  return {
    requestTimeout: requestTimeoutMs,
    // An idle socket (no bytes either way) is closed; longer than any answer takes (database waits are bounded).
    connectionTimeout: Math.max(60_000, requestTimeoutMs * 2),
    keepAliveTimeout: 72_000,
    http: {
      headersTimeout: Math.min(requestTimeoutMs, 60_000),
      connectionsCheckingInterval: Math.min(1_000, Math.max(50, Math.floor(requestTimeoutMs / 4))),
    },
  };
}

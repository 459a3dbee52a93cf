// A typed client for the OpenOrders API: openapi-fetch over the generated types (src/generated/openapi.ts, made by
// clients/generate), with a client-credentials token handler and If-Match from the last read ETag.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./generated/openapi.js";

export type { components, paths };
export type Schemas = components["schemas"];

/** How long before its expiry a token is renewed, so that none expires on the way. */
const renewBeforeMs = 60_000;

/**
 * Adds a bearer token from POST /oauth/token (client credentials) to every request: kept until a minute before it
 * expires, and fetched again then. A 401 (a token revoked or a key rotated) fetches a new one and sends the same
 * request again, once, with its body; a second 401 is the caller's. As the C# ClientCredentialsHandler does.
 * Use it as the client's last middleware, so that the request it resends is the one the others made.
 */
export function clientCredentials(baseUrl: string, clientId: string, clientSecret: string,
  fetcher: typeof fetch = fetch): Middleware & { tokensFetched(): number } {
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let fetched = 0;
  // each request's body, read before it is sent (a body can be read once), until its answer comes
  const bodies = new Map<string, ArrayBuffer | undefined>();
  async function fetchToken(): Promise<string> {
    const answer = await fetcher(`${baseUrl}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
    });
    if (!answer.ok) throw new Error(`POST /oauth/token answered ${answer.status}: ${await answer.text()}`);
    const body = (await answer.json()) as Schemas["TokenResponse"];
    current = { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    fetched++;
    return body.access_token;
  }
  /** The token to send; `refused` is one the service answered 401 to, so not that one again. */
  async function token(refused?: string): Promise<string> {
    if (current && current.token !== refused && Date.now() < current.expiresAt - renewBeforeMs) return current.token;
    // requests refused together wait for one new token
    pending ??= fetchToken().finally(() => { pending = undefined; });
    return pending;
  }
  return {
    async onRequest({ request, id }) {
      bodies.set(id, request.body ? await request.clone().arrayBuffer() : undefined);
      request.headers.set("authorization", `Bearer ${await token()}`);
      return request;
    },
    async onResponse({ request, response, options, id }) {
      const body = bodies.get(id);
      bodies.delete(id);
      if (response.status !== 401) return response;
      const refused = request.headers.get("authorization")?.replace(/^Bearer /, "");
      const again = new Request(request, { body });
      again.headers.set("authorization", `Bearer ${await token(refused)}`);
      await response.body?.cancel();
      return options.fetch(again);
    },
    async onError({ id }) {
      bodies.delete(id);
    },
    tokensFetched: () => fetched,
  };
}

const orderPath = /\/api\/v1\/orders\/([0-9a-fA-F-]{36})(\/|$)/;

/**
 * Remembers each order's ETag as last read and sends it as If-Match with a change of that order that names none, so
 * that a change made meanwhile by someone else answers 412 instead of being overwritten.
 */
export function lastReadETags(): Middleware & { for(orderId: string): string | undefined } {
  const tags = new Map<string, string>();
  return {
    async onRequest({ request }) {
      const order = orderPath.exec(new URL(request.url).pathname)?.[1];
      const tag = order ? tags.get(order) : undefined;
      if (tag && request.method !== "GET" && !request.headers.has("if-match")) request.headers.set("if-match", tag);
      return request;
    },
    async onResponse({ request, response }) {
      const order = orderPath.exec(new URL(request.url).pathname)?.[1];
      const etag = response.headers.get("etag");
      if (order && etag) tags.set(order, etag);
      return response;
    },
    for: (orderId: string) => tags.get(orderId),
  };
}

/** A ready client: `const api = createOpenOrdersClient("http://localhost:5080", id, secret)`. */
export function createOpenOrdersClient(baseUrl: string, clientId: string, clientSecret: string) {
  const root = baseUrl.replace(/\/+$/, "");
  const api = createClient<paths>({ baseUrl: root });
  const tokens = clientCredentials(root, clientId, clientSecret);
  const etags = lastReadETags();
  // the token handler last: it sees the request as sent (with If-Match) and resends it before the ETags are read
  api.use(etags, tokens);
  return Object.assign(api, { etags, tokens });
}

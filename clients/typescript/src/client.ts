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
 * expires, fetched again then, and forgotten after a 401 (a revoked client or a rotated key) so that the next
 * request fetches a new one.
 */
export function clientCredentials(baseUrl: string, clientId: string, clientSecret: string,
  fetcher: typeof fetch = fetch): Middleware & { tokensFetched(): number } {
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let fetched = 0;
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
  async function token(): Promise<string> {
    if (current && Date.now() < current.expiresAt - renewBeforeMs) return current.token;
    pending ??= fetchToken().finally(() => { pending = undefined; });
    return pending;
  }
  return {
    async onRequest({ request }) {
      request.headers.set("authorization", `Bearer ${await token()}`);
      return request;
    },
    async onResponse({ response }) {
      if (response.status === 401) current = undefined;
      return response;
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
  api.use(tokens, etags);
  return Object.assign(api, { etags, tokens });
}

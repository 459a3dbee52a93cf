// The guide's whole flow through the TypeScript client, against a running service with the demo world
// (Development): node dist/flow.js http://127.0.0.1:5080. Prints one line per step; exits 1 at the first failure.
// Then, through a proxy in front of the service, what the service cannot be made to do on demand: refuse a token
// (the request is sent again with a new one) and send a status this client does not know (it is kept).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createOpenOrdersClient, type Schemas } from "./client.js";
import { verifyWebhook, type WebhookNotification } from "./webhooks.js";

const baseUrl = process.argv[2] ?? process.env.OPENORDERS_URL ?? "http://localhost:5080";

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`failed: ${what}`);
  console.log(`ok - ${what}`);
}

/** A real HTTP receiver on a free loopback port that verifies each delivery with the shared secret. */
async function startReceiver() {
  let secret = "";
  const received: WebhookNotification[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === "string") headers[name] = value;
      try {
        received.push(verifyWebhook(Buffer.concat(chunks).toString("utf8"), headers, secret));
        response.writeHead(204).end();
      } catch {
        response.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    useSecret(value: string) { secret = value; },
    async waitFor(match: (n: WebhookNotification) => boolean): Promise<WebhookNotification> {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error("no verified webhook within 30 s");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the proxy was sent: each API request as it arrived. */
type Seen = { method: string; path: string; token: string; ifMatch: string; body: string };

/**
 * A proxy on a free loopback port in front of the service. It forwards every request, except that it answers 401 to
 * the next `refuse(n)` API requests, as the service does to a token it no longer accepts (revoked or signed with a
 * rotated key), and answers the next one with `answerNext(json)`, as a newer service would.
 */
async function startProxy(target: string) {
  let refusals = 0;
  let next: string | undefined;
  const seen: Seen[] = [];
  async function answer(request: IncomingMessage, body: Buffer, response: ServerResponse) {
    const path = request.url ?? "/";
    if (!path.startsWith("/oauth/")) {
      const header = (name: string) => String(request.headers[name] ?? "");
      seen.push({ method: request.method ?? "", path, token: header("authorization"), ifMatch: header("if-match"),
        body: body.toString("utf8") });
      if (refusals > 0) {
        refusals--;
        response.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"' }).end();
        return;
      }
      if (next !== undefined) {
        response.writeHead(200, { "content-type": "application/json" }).end(next);
        next = undefined;
        return;
      }
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers))
      if (typeof value === "string" && !["host", "connection", "content-length"].includes(name))
        headers.set(name, value);
    const sent = await fetch(target + path,
      { method: request.method ?? "GET", headers, body: body.length > 0 ? new Uint8Array(body) : undefined });
    const content = Buffer.from(await sent.arrayBuffer());
    const out: Record<string, string> = { "content-length": String(content.length) };
    // fetch has undone any content encoding and chunking
    sent.headers.forEach((value, name) => {
      if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(name)) out[name] = value;
    });
    response.writeHead(sent.status, out).end(content);
  }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      answer(request, Buffer.concat(chunks), response).catch((error: unknown) => {
        console.error(error);
        response.writeHead(502).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    refuse(times: number) { refusals = times; },
    answerNext(json: string) { next = json; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Code that handles a status: a value this version does not know comes to `default` as its text. */
function describe(status: Schemas["OrderResponse"]["status"]): string {
  switch (status) {
    case "PendingProvider": return "waits for the provider";
    case "AcceptedProvider": return "accepted";
    default: return `status ${status}`;
  }
}

/** After a 401 the token handler fetches a new token and sends the same request again, once. */
async function resendsAfterA401(id: string) {
  const proxy = await startProxy(baseUrl);
  try {
    const provider = createOpenOrdersClient(proxy.url, "demo-provider", "demo-provider-secret");
    const read = await provider.GET("/api/v1/orders/{id}", { params: { path: { id } } });
    check(read.response.status === 200 && provider.tokens.tokensFetched() === 1, "through the proxy: a token, a read");
    check(read.data?.status === "AcceptedProvider" && describe(read.data.status) === "accepted",
      "a known status is handled by its case");

    proxy.refuse(1);
    const before = proxy.seen.length;
    const patched = await provider.PATCH("/api/v1/orders/{id}", {
      params: { path: { id }, header: { "If-Match": provider.etags.for(id) ?? "" } },
      body: { providerPurchaseOrderReference: "PO-after-401" },
    });
    const [refused, resent] = proxy.seen.slice(before);
    check(patched.response.status === 200 && patched.data?.providerPurchaseOrderReference === "PO-after-401",
      "a merge patch refused with 401 is sent again and applied");
    check(proxy.seen.length === before + 2 && refused !== undefined && resent !== undefined
      && resent.method === "PATCH" && resent.body === refused.body && resent.body.includes("PO-after-401")
      && resent.ifMatch === `"${read.data?.version}"` && resent.ifMatch === refused.ifMatch,
      "the same request went again: method, body and If-Match");
    check(resent.token !== refused.token && provider.tokens.tokensFetched() === 2,
      "with a new token, fetched once");

    proxy.refuse(2);
    const twice = await provider.GET("/api/v1/orders/{id}", { params: { path: { id } } });
    check(twice.response.status === 401 && proxy.seen.length === before + 4 && provider.tokens.tokensFetched() === 3,
      "a second 401 is the caller's: sent twice, not three times");

    proxy.refuse(2);
    const together = await Promise.all([1, 2].map(() =>
      provider.GET("/api/v1/orders/{id}", { params: { path: { id } } })));
    check(together.every((r) => r.response.status === 200) && provider.tokens.tokensFetched() === 4,
      "two requests refused together are sent again with one new token");

    // The service sends a status this version of the client does not know.
    proxy.answerNext(JSON.stringify({ ...patched.data, status: "OnHold" }));
    const newer = await provider.GET("/api/v1/orders/{id}", { params: { path: { id } } });
    check(newer.data?.status === "OnHold" && describe(newer.data.status) === "status OnHold",
      "a status this client does not know is kept as sent, and handled by default");
  } finally {
    await proxy.close();
  }
}

async function main() {
  const account = createOpenOrdersClient(baseUrl, "demo-account", "demo-account-secret");
  const provider = createOpenOrdersClient(baseUrl, "demo-provider", "demo-provider-secret");
  const receiver = await startReceiver();
  try {
    const webhooks = (await provider.GET("/api/v1/webhooks")).data ?? [];
    const created = webhooks.find((w) => w.resource === "orders" && w.action === "Created");
    check(created !== undefined, "the webhooks list names orders Created");
    const subscribed = await provider.POST("/api/v1/webhook-subscriptions",
      { body: { webhookId: created.id, callbackUrl: receiver.url } });
    const secret = subscribed.data?.sharedSecret;
    check(subscribed.response.status === 201 && typeof secret === "string", "the provider subscribes");
    receiver.useSecret(secret);

    const courses = (await account.GET("/api/v1/courses")).data?.items ?? [];
    const course = courses.find((c) => (c.learningMethod.planning.startMoments?.length ?? 0) >= 2);
    check(course !== undefined, "the account sees a course with two start moments");
    const [first, second] = course.learningMethod.planning.startMoments ?? [];
    check(first !== undefined && second !== undefined, "its start moments have externalIds");

    const body: Schemas["CreateOrderRequest"] = {
      productReference: course.id,
      orderType: "Course",
      name: course.name,
      customer: {
        firstName: "Test", surname: "User", email: "testuser@example.org", birthDate: "1990-01-01",
        address: { street: "Marathon", houseNumber: 7, postalCode: "1213PD", city: "Hilversum", countryCode: "NL" },
      },
      customAttributes: { firstChoiceStartMomentId: first.externalId, secondChoiceStartMomentId: second.externalId },
    };
    const posted = await account.POST("/api/v1/orders",
      { body, params: { header: { "Idempotency-Key": crypto.randomUUID() } } });
    check(posted.response.status === 201 && posted.data?.status === "PendingValidation",
      "the account creates an order (PendingValidation)");
    const id = posted.data.id;

    let order: Schemas["OrderResponse"] | undefined;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      order = (await provider.GET("/api/v1/orders/{id}", { params: { path: { id } } })).data;
      if (order && order.status !== "PendingValidation") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    check(order?.status === "PendingProvider", "the order is validated and waits for the provider");
    check(order.total > 0, `its total is ${order.total}`);

    const refused = await provider.POST("/api/v1/orders/{id}/status-transitions",
      { params: { path: { id } }, body: { status: "Invoiced" } });
    check(refused.response.status === 409, "a move the table does not allow is refused (409)");
    // openapi-fetch types the error as any of the operation's problems; the 409's is the refused move's
    const allowed = (refused.error as Schemas["RefusedMoveProblem"]).allowedStatuses ?? [];
    check(allowed.includes("AcceptedProvider"), `the refusal lists the allowed statuses: ${allowed.join(", ")}`);

    for (const line of order.orderLines) {
      const patched = await provider.PATCH("/api/v1/orders/{id}/order-lines/{sequenceNumber}", {
        params: { path: { id, sequenceNumber: line.sequenceNumber } },
        body: { invoiceOnBehalfOfName: "Demo Opleidingen BV", invoiceOnBehalfOfVatNumber: "NL123456789B01" },
      });
      check(patched.response.status === 200, `order line ${line.sequenceNumber} is invoiced on behalf of`);
    }
    const accepted = await provider.POST("/api/v1/orders/{id}/status-transitions",
      { params: { path: { id } }, body: { status: "AcceptedProvider", message: "Confirmed for the March group." } });
    check(accepted.data?.status === "AcceptedProvider" && accepted.data.message === "Confirmed for the March group.",
      "the provider accepts, with a message on the transition");

    const read = await provider.GET("/api/v1/orders/{id}", { params: { path: { id } } });
    const staleETag = provider.etags.for(id);
    check(staleETag === `"${read.data?.version}"`, `the client remembers the ETag ${staleETag}`);
    const patch = await provider.PATCH("/api/v1/orders/{id}", {
      params: { path: { id }, header: { "If-Match": staleETag } },
      body: { acceptedStartMomentId: second.externalId },
    });
    check(patch.data?.acceptedStartMomentId === second.id,
      "a merge patch with If-Match names the second start moment by externalId and reads back its id");
    const stale = await provider.PATCH("/api/v1/orders/{id}", {
      params: { path: { id }, header: { "If-Match": staleETag } },
      body: { providerPurchaseOrderReference: "PO-1" },
    });
    const current = stale.response.status === 412
      ? (stale.error as Schemas["StaleOrderProblem"]).currentETag : undefined;
    check(stale.response.status === 412 && current === `"${patch.data.version}"`,
      `the stale ETag is refused (412, current ${current})`);

    const notification = await receiver.waitFor((n) => n.eventData?.id === id);
    check(notification.resource === "orders" && notification.action === "Created",
      "the receiver got orders Created for the order, verified by both signatures");
    check(account.tokens.tokensFetched() === 1, "the account's token was fetched once and reused");

    await resendsAfterA401(id);
  } finally {
    await receiver.close();
  }
}

main().then(() => console.log("TypeScript flow: passed"), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.log("TypeScript flow: failed");
  process.exit(1);
});

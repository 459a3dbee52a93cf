// The guide's whole flow through the TypeScript client, against a running service with the demo world
// (Development): node dist/flow.js http://127.0.0.1:5080. Prints one line per step; exits 1 at the first failure.
import { createServer } from "node:http";
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
  } finally {
    await receiver.close();
  }
}

main().then(() => console.log("TypeScript flow: passed"), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.log("TypeScript flow: failed");
  process.exit(1);
});

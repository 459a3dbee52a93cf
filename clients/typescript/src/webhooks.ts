// Verifies a webhook delivery by both signatures it carries, and reads it typed.
import { createHash, timingSafeEqual } from "node:crypto";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import type { components } from "./generated/openapi.js";

export type WebhookNotification = components["schemas"]["WebhookNotification"];
export { WebhookVerificationError };

const prefix = "whsec_";

/**
 * The notification, when the Standard Webhooks headers (webhook-id, webhook-timestamp within five minutes of now,
 * webhook-signature) and the body's webhookCallbackSecurity.hash both check out; otherwise it throws
 * WebhookVerificationError. Pass the body exactly as received.
 */
export function verifyWebhook(body: string, headers: Record<string, string>,
  sharedSecret: string): WebhookNotification {
  // a secret given by the subscriber (not whsec_…) is used as its UTF-8 bytes, as the service signs with it
  const standard = sharedSecret.startsWith(prefix)
    ? new Webhook(sharedSecret)
    : new Webhook(new TextEncoder().encode(sharedSecret));
  standard.verify(body, headers);
  const notification = JSON.parse(body) as WebhookNotification;
  if (!hashMatches(notification, sharedSecret))
    throw new WebhookVerificationError("webhookCallbackSecurity.hash does not match.");
  return notification;
}

/** Base64(SHA-256(UTF-8(dateNotification + action + urlReference + nonce + sharedSecret))), in constant time. */
export function hashMatches(notification: WebhookNotification, sharedSecret: string): boolean {
  const { nonce, hash } = notification.webhookCallbackSecurity;
  const expected = createHash("sha256")
    .update(notification.dateNotification + notification.action + notification.urlReference + nonce + sharedSecret,
      "utf8")
    .digest("base64");
  const a = Buffer.from(expected), b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}

#!/usr/bin/env python3
"""A webhook receiver for trying OpenOrders out: prints every delivery and whether both signatures verify.

    python3 tools/webhook_receiver.py --secret walkthrough-secret-0123456789 [--port 9000]

Checks the Standard Webhooks header (webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">; a whsec_
secret's key is its base64 part, any other secret's its UTF-8 bytes) and the body's own webhookCallbackSecurity.hash
(Base64(SHA256(dateNotification + action + urlReference + nonce + secret))). Python's standard library only.
"""
import argparse, base64, hashlib, hmac, json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer


def standard_signature_valid(secret, headers, body):
    key = base64.b64decode(secret[6:]) if secret.startswith("whsec_") else secret.encode()
    signed = f"{headers.get('webhook-id')}.{headers.get('webhook-timestamp')}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    offered = [s.split(",", 1)[1] for s in headers.get("webhook-signature", "").split() if s.startswith("v1,")]
    return any(hmac.compare_digest(expected, s) for s in offered)


def body_hash_valid(secret, event):
    security = event.get("webhookCallbackSecurity") or {}
    text = f"{event.get('dateNotification')}{event.get('action')}{event.get('urlReference')}{security.get('nonce')}{secret}"
    expected = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return hmac.compare_digest(expected, security.get("hash", ""))


class Receiver(BaseHTTPRequestHandler):
    secret = ""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        try:
            event = json.loads(body)
        except ValueError:
            self.send_response(400); self.end_headers(); return
        ok = standard_signature_valid(self.secret, self.headers, body) and body_hash_valid(self.secret, event)
        data = event.get("eventData") or {}
        what = f"order {data.get('orderNumber')} {data.get('status')}" if "orderNumber" in data else json.dumps(data)
        print(f"{'verified' if ok else 'NOT VERIFIED'}  {event.get('resource')} {event.get('action')}  {what}"
              f"  modified: {', '.join(event.get('modifiedFields') or []) or '-'}", flush=True)
        self.send_response(200 if ok else 401)
        self.end_headers()

    def log_message(self, *args):
        pass  # one line per delivery is printed above


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--secret", required=True, help="the subscription's shared secret")
    parser.add_argument("--port", type=int, default=9000)
    args = parser.parse_args()
    Receiver.secret = args.secret
    print(f"listening on http://127.0.0.1:{args.port}/hooks", flush=True)
    try:
        HTTPServer(("127.0.0.1", args.port), Receiver).serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)

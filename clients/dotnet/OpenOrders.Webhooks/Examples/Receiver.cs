using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StandardWebhooks.Diagnostics;

namespace OpenOrders.Webhooks.Examples;

/// <summary>
/// A minimal-API receiver: <c>app.MapOpenOrdersWebhooks("/hooks/openorders", secret, handle)</c>. It reads the body
/// as sent, verifies both signatures, answers 401 to a forgery and 204 once the handler has run; a
/// delivery the handler throws on is answered 500 and sent again by the service later, with the same webhook-id.
/// </summary>
public static class Receiver
{
    public static RouteHandlerBuilder MapOpenOrdersWebhooks(this IEndpointRouteBuilder app, string path,
        string sharedSecret, Func<OpenOrders.Client.Generated.Models.WebhookNotification, string, Task> handle)
    {
        var verifier = new WebhookVerifier(sharedSecret);
        return app.MapPost(path, async (HttpRequest request, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(ct);
            try
            {
                var notification = await verifier.VerifyAsync(body, request.Headers, ct);
                // webhook-id is the same on every retry of one delivery: use it to drop duplicates.
                await handle(notification, request.Headers["webhook-id"].ToString());
                return Results.NoContent();
            }
            catch (WebhookVerificationException)
            {
                return Results.Unauthorized();
            }
        });
    }
}

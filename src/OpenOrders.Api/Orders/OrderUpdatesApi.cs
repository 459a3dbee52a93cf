using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Validation;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Orders;

/// <summary>
/// PATCH /api/v1/orders/{id}: a JSON merge patch, guarded by If-Match, applied by the order's update rules.
/// </summary>
public static class OrderUpdatesApi
{
    public static RouteHandlerBuilder MapOrderUpdatesApi(this RouteGroupBuilder orders) =>
        orders.MapPatch("/{id:guid}", UpdateOrder)
            .WithName("updateOrder")
            .WithDescription("Changes an order with a JSON merge patch. If-Match with the order's ETag is required. " +
                "Which properties a role may set depends on the status; a refused property is named in a 422, and " +
                "nothing is changed.")
            .AcceptsMergePatch("OrderPatch")
            .WithSummary("Change an order (JSON merge patch; If-Match with the order's ETag is required)")
            .Produces<OrderResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(422).WithIfMatch(required: true).WithETag();

    public static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> UpdateOrder(
        Guid id, Caller caller, HttpContext http, OrdersDbContext db, OrderActions actions, CancellationToken ct)
    {
        JsonElement patch;
        try
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, ct);
            // The reader checks the JSON's shape, not the UTF-8 inside its strings: check that first.
            if (!System.Text.Unicode.Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length)))
                return Problems.Invalid("body", "The body is not valid UTF-8.");
            using var document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
            patch = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return Problems.Invalid("body",
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}).");
        }
        var (changes, errors, unknown, tooLong) = MergePatch.Read(patch);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        if (tooLong.Any)
            return TypedResults.Problem(statusCode: 422, title: "These values are too long",
                detail: "Nothing was changed. See errors for the longest value each property takes.",
                extensions: new Dictionary<string, object?> { ["errors"] = tooLong.ToDictionary() });

        if (string.IsNullOrEmpty(http.Request.Headers.IfMatch))
        {
            var current = await db.VisibleVersionAsync(id, caller, ct);
            if (current is null) return Problems.NotFound("order", id);
            return TypedResults.Problem(statusCode: 428, title: "Precondition required",
                type: "https://www.rfc-editor.org/rfc/rfc6585#section-3",
                detail: $"Send If-Match with the order's ETag (now \"{current}\"), " +
                    "so that a change made meanwhile by someone else is not overwritten.");
        }
        if (unknown.Count > 0 && await RefuseUnknownAsync(id, changes, unknown, caller, http, db, ct) is { } refusal)
            return refusal;

        var action = await actions.UpdateAsync(id, changes, caller, ExpectedVersion.FromIfMatch(http.Request), ct);
        if (action.Status == OrderActionStatus.NotFound) return Problems.NotFound("order", id);
        var order = action.Order!;
        if (action.Status == OrderActionStatus.Stale) return Problems.Stale(order.Version);
        ETags.Set(http.Response, order.Version);
        return TypedResults.Ok(OrderResponse.From(order, Links.BaseUrl(http.Request)));
    }

    /// <summary>Names every refused property at once: the unknown ones and those this role may not set now.</summary>
    private static async Task<ProblemHttpResult?> RefuseUnknownAsync(
        Guid id, Dictionary<string, object?> changes, List<string> unknown, Caller caller, HttpContext http,
        OrdersDbContext db, CancellationToken ct)
    {
        var order = await db.FindVisibleAsync(id, caller, ct, tracked: false);
        if (order is null) return Problems.NotFound("order", id);
        if (!ETags.MatchesIfPresent(http.Request, order.Version)) return Problems.Stale(order.Version);
        if (!OrderUpdateRules.Updatable.Contains(order.Status)) return null; // the update itself answers 409
        var refused = unknown.ToDictionary(u => u, _ => new[] { "Not a property a client can set." });
        foreach (var (name, reasons) in order.NotSettable(changes.Keys, caller.Role)) refused[name] = reasons;
        return TypedResults.Problem(statusCode: 422, title: "These properties cannot be set",
            detail: $"Refused: {string.Join(", ", refused.Keys)}. Nothing was changed.",
            extensions: new Dictionary<string, object?> { ["errors"] = refused });
    }
}

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

namespace OpenOrders.Api.Orders;

/// <summary>PATCH /api/v1/orders/{id}: a JSON merge patch, guarded by If-Match, applied by the order's update rules.</summary>
public static class OrderUpdatesApi
{
    public static RouteHandlerBuilder MapOrderUpdatesApi(this RouteGroupBuilder orders) =>
        orders.MapPatch("/{id:guid}", UpdateOrder)
            .Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .WithSummary("Change an order (JSON merge patch; If-Match with the order's ETag is required)")
            .Produces<OrderResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);

    public static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> UpdateOrder(
        Guid id, Caller caller, HttpContext http, OrdersDbContext db, TimeProvider time, ValidationSignal signal, CancellationToken ct)
    {
        JsonElement patch;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            patch = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return Problems.Invalid("body", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}).");
        }
        var (changes, errors, unknown) = MergePatch.Read(patch);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var order = await db.FindVisibleAsync(id, caller, ct);
        if (order is null) return Problems.NotFound("order", id);
        if (string.IsNullOrEmpty(http.Request.Headers.IfMatch))
            return TypedResults.Problem(statusCode: 428, title: "Precondition required",
                detail: $"Send If-Match with the order's ETag (now \"{order.Version}\"), so that a change made meanwhile by someone else is not overwritten.");
        if (!ETags.MatchesIfPresent(http.Request, order.Version)) return Problems.Stale(order.Version);
        if (unknown.Count > 0 && OrderUpdateRules.Updatable.Contains(order.Status))
        {
            // Name every refused property at once: the unknown ones and those this role may not set now.
            var settable = OrderUpdateRules.Settable(order.Status, caller.Role);
            var refused = unknown.ToDictionary(u => u, _ => new[] { "Not a property a client can set." });
            foreach (var name in changes.Keys.Where(k => !settable.Contains(k)))
                refused[name] = [$"Not settable by the {caller.Role.ToString().ToLowerInvariant()} in {order.Status}."];
            return TypedResults.Problem(statusCode: 422, title: "These properties cannot be set",
                detail: $"Refused: {string.Join(", ", refused.Keys)}. Nothing was changed.",
                extensions: new Dictionary<string, object?> { ["errors"] = refused });
        }

        var product = changes.ContainsKey("acceptedStartMomentId")
            ? await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == order.ProductId, ct)
            : null;
        var now = time.GetUtcNow();
        var outcome = order.Update(changes, caller.Role, product, now);
        if (outcome.NeedsValidation)
            db.ValidationJobs.Add(new ValidationJob { OrderId = order.Id, DueAt = now, DateCreated = now });
        await db.SaveChangesAsync(ct);
        if (outcome.NeedsValidation) signal.Notify();

        ETags.Set(http.Response, order.Version);
        return TypedResults.Ok(OrderResponse.From(order, Links.BaseUrl(http.Request)));
    }
}

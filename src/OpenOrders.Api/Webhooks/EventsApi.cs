using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Orders;
using OpenOrders.Domain;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// GET /api/v1/events?after=: the same notifications as the webhooks, for receivers that pull or catch up.
/// Positions are handed out in commit order, so a client that keeps <c>next</c> never misses an event.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", ListEvents)
            .WithName("listEvents")
            .WithDescription("The same events the webhooks send, as a feed to pull: keep `next` and ask again for " +
                "what came after.")
            .WithTags("Webhooks")
            .RequireRoles(Role.Admin, Role.Account, Role.Provider)
            .WithSummary("Order events after a position, oldest first")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    public static async Task<Results<Ok<EventPage>, ValidationProblem>> ListEvents(
        Caller caller, OrdersDbContext db, Hosting.PublicUrl publicUrl, string? after, int? limit,
        CancellationToken ct)
    {
        long position = 0;
        if (after is not null && (!long.TryParse(after, out position) || position < 0))
            return Problems.Invalid("after", "Not a position this service gave out.");
        var take = limit ?? 100;
        if (take is < 1 or > 500) return Problems.Invalid("limit", "Between 1 and 500.");

        var visible = db.Orders.Visible(caller).Select(o => o.Id);
        var changes = await db.OrderChanges.AsNoTracking()
            .Where(c => c.FeedPosition > position && visible.Contains(c.OrderId))
            .OrderBy(c => c.FeedPosition).Take(take).ToListAsync(ct);
        var baseUrl = publicUrl.BaseUrl;
        var events = changes.SelectMany(c => Webhook.For(c.Kind).Select(w => new EventResponse(
            c.FeedPosition!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), w.Resource, w.Action,
            c.DateCreated, w == Webhook.StatusTransitionCreated && c.StatusTransitionId is { } t
                ? Links.OrderStatusTransition(baseUrl, t) : Links.Order(baseUrl, c.OrderId),
            c.OrderId, c.Version, c.ModifiedFields))).ToList();
        var next = changes.Count > 0
            ? changes[^1].FeedPosition!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : after ?? "0";
        return TypedResults.Ok(new EventPage(events, next, changes.Count == take));
    }
}

public sealed record EventResponse(
    string Position, string Resource, string Action, DateTimeOffset DateCreated, string UrlReference, Guid OrderId,
    int Version, IReadOnlyList<string> ModifiedFields);

/// <summary>Keep <c>next</c> and ask again with <c>after=next</c>.</summary>
public sealed record EventPage(IReadOnlyList<EventResponse> Items, string Next, bool HasMore);

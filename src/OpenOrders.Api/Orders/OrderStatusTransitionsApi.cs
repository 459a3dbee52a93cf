using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Orders;

public static class OrderStatusTransitionsApi
{
    public static RouteGroupBuilder MapOrderStatusTransitionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/order-status-transitions").WithTags("Orders")
            .RequireRoles(Role.Admin, Role.Account, Role.Provider).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/{id:guid}", GetTransition)
            .WithName("getOrderStatusTransition")
            .WithDescription("One status transition of an order the caller may see.")
            .WithSummary("Get one status transition of an order the caller may see").ProducesProblem(404);
        return group;
    }

    public static async Task<Results<Ok<OrderStatusTransitionResponse>, ProblemHttpResult>> GetTransition(
        Guid id, Caller caller, HttpRequest request, OrdersDbContext db, CancellationToken ct)
    {
        var transition = await db.OrderStatusTransitions.AsNoTracking()
            .Where(t => t.Id == id && db.Orders.Visible(caller).Any(o => o.Id == t.OrderId)).SingleOrDefaultAsync(ct);
        return transition is null
            ? Problems.NotFound("order status transition", id)
            : TypedResults.Ok(OrderStatusTransitionResponse.From(transition, Links.BaseUrl(request)));
    }
}

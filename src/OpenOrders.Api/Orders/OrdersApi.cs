using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Invoicing;
using OpenOrders.Api.OpenApi;
using OpenOrders.Api.Validation;
using OpenOrders.Api.Work;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>Orders: create, read, list, request a status move, and complete the order lines' invoice data.</summary>
public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/orders").WithTags("Orders")
            .RequireRoles(Role.Admin, Role.Account, Role.Provider).ProducesProblem(401).ProducesProblem(403);
        group.MapPost("", CreateOrder)
            .WithName("createOrder")
            .WithDescription("Creates an order as the guide's example writes it (property names in any case: the " +
                "guide's own \"OrderType\" and \"FirstChoiceStartmomentId\" work). It is stored as " +
                "PendingValidation and validated in the background within milliseconds. Send Idempotency-Key to " +
                "make retries safe.")
            .RequireRoles(Role.Admin, Role.Account)
            .WithSummary("Create an order; it is validated in the background (status PendingValidation)")
            .Produces<OrderResponse>(201).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422)
            .WithIdempotencyKey(Idempotency.MaxKeyLength).WithETag()
            .WithExample("request", "create-order").WithExample("201", "order");
        group.MapGet("/{id:guid}", GetOrder)
            .WithName("getOrder")
            .WithDescription("The whole order. The ETag is its version; If-None-Match answers 304 when nothing " +
                "changed.")
            .WithSummary("Get an order (ETag; If-None-Match gives 304)")
            .Produces<OrderResponse>().ProducesProblem(404).WithIfNoneMatch().WithETag().WithExample("200", "order");
        group.MapGet("", OrderList.ListOrders)
            .WithName("listOrders")
            .WithDescription("The caller's orders, oldest change first, with filters and a cursor. To sync, list " +
                "with updatedSince and follow next: no change is ever skipped. With Accept: text/csv (ranked above " +
                "JSON) the answer is the CSV export of the same filters, every matching order at once, as " +
                "GET /api/v1/orders/export gives it; limit and cursor are then refused.")
            .WithSummary("List orders: filters and a cursor ordered by dateModified (or all of them as CSV)")
            .WithCsvAlternative();
        group.MapOrderUpdatesApi();
        group.MapOrderNotesApi();
        group.MapOrderExport();
        group.MapPost("/{id:guid}/status-transitions", RequestTransition)
            .WithName("requestOrderStatusTransition")
            .WithDescription("Moves an order to another status, if the status table allows it for the caller's role; " +
                "a 409 lists the moves that are allowed now.")
            .WithSummary("Move an order to another status " +
                "(AcceptedByProvider, ApprovedProvider and CancelledByAdmin are understood)")
            .ProducesValidationProblem().ProducesProblem(404)
            .ProducesProblem(409, "RefusedMoveProblem", "The status table does not allow this move now: " +
                "allowedStatuses lists where the caller may move the order.")
            .ProducesProblem(422).WithIfMatch(required: false).WithETag()
            .WithExample("request", "status-transition-request").WithExample("201", "status-transition")
            .WithExample("409", "illegal-move");
        group.MapPost("/{id:guid}/validation-retries", RetryValidation)
            .WithName("retryValidation")
            .WithDescription("Admin only. A validation that failed again and again is given up: the order stays " +
                "PendingValidation with a ValidationNotCompleted error. Once the cause is fixed, this puts it back " +
                "in the queue (202); 404 when the order has no given-up validation.")
            .RequireRoles(Role.Admin)
            .WithSummary("Retry a validation that was given up").Produces(202).ProducesProblem(404);
        group.MapPatch("/{id:guid}/order-lines/{sequenceNumber:int}", UpdateOrderLine)
            .WithName("updateOrderLine")
            .WithDescription("The provider names the legal company an order line is invoiced on behalf of (name and " +
                "VAT number).")
            .RequireRoles(OrderUpdateRules.OrderLinesCompletedBy)
            .WithSummary("Set the legal company an order line is invoiced on behalf of")
            .Accepts<OrderLineRequest>("application/merge-patch+json", "application/json")
            .Produces<OrderResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithIfMatch(required: false).WithETag();
        return group;
    }

    public static async
        Task<Results<Created<OrderResponse>, Idempotency.Replayed, ValidationProblem, ProblemHttpResult>> CreateOrder(
        CreateOrderRequest body, Caller caller, HttpContext http, OrdersDbContext db, TimeProvider time,
        OrderWriter writer, CourseOwners owners, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var errors = new RequestErrors();
        body.Validate(caller, errors);
        if (idempotencyKey is { Length: 0 or > Idempotency.MaxKeyLength })
            errors.Add("Idempotency-Key", $"Between 1 and {Idempotency.MaxKeyLength} characters.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var now = time.GetUtcNow();
        var claim = idempotencyKey is null
            ? null
            : new IdempotencyClaim(caller.Id, idempotencyKey, Idempotency.Hash(body, json.Value.SerializerOptions));
        if (claim is not null
                && await Idempotency.ReplayAsync(db, caller, claim.Key, claim.RequestHash, now, ct) is { } replay)
            return replay;

        // The provider is known from the course at once, so the provider can see the order while it is validated.
        // The order number comes from the writer's sequence, at commit.
        var providerId = await owners.ProviderOfAsync(db, body.ProductReference!.Value, ct);
        var order = Order.Create(body.ToNewOrder(caller, Guid.CreateVersion7(now), providerId), now);
        var outcome = await writer.WriteAsync(new NewOrderWrite(order, Links.BaseUrl(http.Request), claim), ct);
        if (outcome.KeyTaken)
        {
            // A concurrent request with the same key committed first: answer as it did (or 422).
            var first = await Idempotency.ReplayAsync(db, caller, claim!.Key, claim.RequestHash, now, ct);
            return first ?? Problems.Conflict(
                "A request with the same Idempotency-Key is still being processed. Retry shortly.");
        }
        ETags.Set(http.Response, order.Version);
        return TypedResults.Created(Links.Order(Links.BaseUrl(http.Request), order.Id), outcome.Response!);
    }

    public static async Task<IResult> GetOrder(
        Guid id, Caller caller, HttpContext http, OrdersDbContext db, OrderReadCache cache, CancellationToken ct)
    {
        var version = await db.VisibleVersionAsync(id, caller, ct);
        if (version is null) return Problems.NotFound("order", id);
        ETags.Set(http.Response, version.Value);
        if (ETags.NotModified(http.Request, version.Value)) return TypedResults.StatusCode(304);

        var baseUrl = Links.BaseUrl(http.Request);
        var body = cache.Find(id, version.Value, baseUrl);
        if (body is null)
        {
            var order = await db.FindVisibleAsync(id, caller, ct, tracked: false);
            if (order is null) return Problems.NotFound("order", id);
            ETags.Set(http.Response, order.Version);
            body = cache.Store(OrderResponse.From(order, baseUrl), baseUrl);
        }
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    public static async Task<Results<Created<OrderStatusTransitionResponse>, ValidationProblem, ProblemHttpResult>> RequestTransition(
        Guid id, StatusTransitionRequest body, Caller caller, HttpContext http, OrderActions actions,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Status)) return Problems.Invalid("status", "Required.");
        if (!OrderStatusMachine.TryParse(body.Status, out var target))
            return Problems.Invalid("status",
                $"Must be one of: {string.Join(", ", Enum.GetNames<OrderStatus>())} " +
                "(or AcceptedByProvider, ApprovedProvider, CancelledByAdmin).");
        var details = new TransitionDetails(body.Message, body.CancellationReason, body.AdminCancellationReason);
        var action = await actions.MoveAsync(id, target, details, caller,
            ExpectedVersion.FromIfMatch(http.Request), ct);
        if (action.Status == OrderActionStatus.NotFound) return Problems.NotFound("order", id);
        if (action.Status == OrderActionStatus.Stale) return Problems.Stale(action.Order!.Version);

        ETags.Set(http.Response, action.Order!.Version);
        var response = OrderStatusTransitionResponse.From(action.Value!, Links.BaseUrl(http.Request));
        return TypedResults.Created(response.Url, response);
    }

    /// <summary>The order records the retry (a change, a new version) in the commit that revives its job.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> RetryValidation(
        Guid id, Caller caller, HttpRequest request, OrdersDbContext db, TimeProvider time, ValidationSignal signal,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var job = await db.ValidationJobs.SingleOrDefaultAsync(j => j.OrderId == id && j.DateDead != null, ct);
        var order = job is null ? null : await db.FindVisibleAsync(id, caller, ct);
        if (job is null || order is null) return Problems.NotFound("given-up validation of order", id);
        order.RetryValidation(now);
        (job.DateDead, job.Attempts, job.DueAt) = (null, 0, now);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return TypedResults.Accepted(Links.Order(Links.BaseUrl(request), id));
    }

    public static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> UpdateOrderLine(
        Guid id, int sequenceNumber, OrderLineRequest body, Caller caller, HttpContext http, OrderActions actions,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(body.InvoiceOnBehalfOfName, "invoiceOnBehalfOfName");
        if (errors.Required(body.InvoiceOnBehalfOfVatNumber, "invoiceOnBehalfOfVatNumber", 20)
                && !VatNumber.IsPlausible(body.InvoiceOnBehalfOfVatNumber))
            errors.Add("invoiceOnBehalfOfVatNumber", "Not an EU VAT number, such as NL123456789B01.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var line = new InvoiceOnBehalfOfLine(sequenceNumber, body.InvoiceOnBehalfOfName!,
            body.InvoiceOnBehalfOfVatNumber!);
        var action = await actions.SetInvoiceOnBehalfOfAsync(id, [line], caller,
            ExpectedVersion.FromIfMatch(http.Request), ct);
        if (action.Status == OrderActionStatus.NotFound)
            return action.Order is null
                ? Problems.NotFound("order", id)
                : Problems.NotFound("order line", $"{id}/{sequenceNumber}");
        if (action.Status == OrderActionStatus.Stale) return Problems.Stale(action.Order!.Version);
        ETags.Set(http.Response, action.Order!.Version);
        return TypedResults.Ok(OrderResponse.From(action.Order, Links.BaseUrl(http.Request)));
    }
}

/// <summary>A requested move. <c>status</c> is a name (aliases included), so it is read as text.</summary>
public sealed record StatusTransitionRequest(
    [Required] string? Status, string? Message, CancellationReason? CancellationReason,
    AdminCancellationReason? AdminCancellationReason);

/// <summary>The legal company an order line is invoiced on behalf of; sent as a merge patch of both.</summary>
public sealed record OrderLineRequest([Required] string? InvoiceOnBehalfOfName,
    [Required] string? InvoiceOnBehalfOfVatNumber);

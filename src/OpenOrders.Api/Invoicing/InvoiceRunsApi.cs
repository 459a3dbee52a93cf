using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrders.Api.Auth;
using OpenOrders.Domain;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Invoicing;

public static class InvoiceRunsApi
{
    public static RouteGroupBuilder MapInvoiceRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/invoice-runs").WithTags("Invoicing").RequireRoles(Role.Admin)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapPost("", RunInvoices)
            .WithName("runInvoicing")
            .WithDescription("Invoices every PendingInvoice order with consecutive invoice numbers, and answers " +
                "which order got which.")
            .WithSummary("Invoice every PendingInvoice order with consecutive invoice numbers");
        return group;
    }

    public static async Task<Ok<InvoiceRunResponse>> RunInvoices(Caller caller, Invoices invoicing,
        CancellationToken ct) =>
        TypedResults.Ok(new InvoiceRunResponse(await invoicing.RunAsync(caller.Role, ct, caller.Actor)));
}

public sealed record InvoiceRunResponse(IReadOnlyList<InvoicedOrder> Invoiced);

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// GET and POST /api/v1/orders/{id}/notes: internal notes, seen by the author's own tenant and by admins only.
/// </summary>
public static class OrderNotesApi
{
    public static void MapOrderNotesApi(this RouteGroupBuilder orders)
    {
        orders.MapGet("/{id:guid}/notes", ListOrderNotes)
            .WithName("listOrderNotes")
            .WithSummary("The order's internal notes that the caller may see: its own tenant's, or all for an admin")
            .WithDescription("Notes oldest first. An account or provider sees the notes written by its own " +
                "clients and people, never the other party's; an admin sees all. 404 when the order is not the " +
                "caller's.")
            .Produces<ItemsResponse<OrderNoteResponse>>().ProducesProblem(404);
        orders.MapPost("/{id:guid}/notes", AddOrderNote)
            .WithName("addOrderNote")
            .WithSummary("Add an internal note to an order")
            .WithDescription($"A note of at most {OrderNote.TextLength} characters, seen by the caller's own " +
                "tenant and admins, never by the order's other party. It is not a change of the order: the ETag " +
                "stays, and no webhook is sent.")
            .Produces<OrderNoteResponse>(201).ProducesValidationProblem().ProducesProblem(404);
    }

    public static async Task<Results<Ok<ItemsResponse<OrderNoteResponse>>, ProblemHttpResult>> ListOrderNotes(
        Guid id, Caller caller, OrderNotes notes, CancellationToken ct) =>
        await notes.ListAsync(id, caller, ct) is { } list
            ? TypedResults.Ok(new ItemsResponse<OrderNoteResponse>([.. list.Select(OrderNoteResponse.From)]))
            : Problems.NotFound("order", id);

    public static async Task<Results<Created<OrderNoteResponse>, ValidationProblem, ProblemHttpResult>> AddOrderNote(
        Guid id, NoteRequest body, Caller caller, HttpRequest request, OrderNotes notes, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var note = await notes.AddAsync(id, body.Text, caller, errors, ct);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        if (note is null) return Problems.NotFound("order", id);
        return TypedResults.Created($"{Links.Order(Links.BaseUrl(request), id)}/notes", OrderNoteResponse.From(note));
    }
}

/// <summary>A new note: its text, at most <see cref="OrderNote.TextLength"/> characters.</summary>
public sealed record NoteRequest([Required] string? Text);

/// <summary>A note as the API shows it: who wrote it (role, client or person), when, and what.</summary>
public sealed record OrderNoteResponse(
    Guid Id, Guid OrderId, DateTimeOffset DateCreated, Role AuthorRole, ActorKind AuthorKind, string AuthorId,
    string Text)
{
    public static OrderNoteResponse From(OrderNote n) =>
        new(n.Id, n.OrderId, n.DateCreated, n.AuthorRole, n.AuthorKind, n.AuthorId, n.Text);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Mail;

/// <summary>The outbox for the admin: what was (or will be) mailed to whom, and a resend.</summary>
public static class MailMessagesApi
{
    public static RouteGroupBuilder MapMailMessagesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/mail-messages").WithTags("Mail").RequireRoles(Role.Admin)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapGet("", ListMailMessages)
            .WithName("listMailMessages")
            .WithDescription("The mail outbox, newest first: what was (or will be) mailed to whom and why, with its " +
                "status, attempts and the SMTP server's last answer. Filter by status, order and recipient; follow " +
                "`next` for more.")
            .WithSummary("Mail in the outbox, newest first; filters status, orderId and to; cursor paging")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetMailMessage)
            .WithName("getMailMessage")
            .WithDescription("One mail with its HTML and plain-text parts, exactly as it is (or was) sent.")
            .WithSummary("One mail, with its HTML and plain-text parts")
            .ProducesProblem(404);
        group.MapPost("/{id:guid}/resend", ResendMailMessage)
            .WithName("resendMailMessage")
            .WithDescription("Puts a mail back in the queue, due at once: the same message with the same Message-ID.")
            .WithSummary("Send a mail again (the same message, the same Message-ID): it waits to be sent at once")
            .ProducesProblem(404);
        return group;
    }

    public static async Task<Results<Ok<MailPage>, ValidationProblem>> ListMailMessages(
        OrdersDbContext db, string? status, Guid? orderId, string? to, string? cursor, int? limit,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        var filter = MailFilter.Parse(status, orderId, to, cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var (items, next) = await filter.ListAsync(db, ct);
        return TypedResults.Ok(new MailPage([.. items.Select(MailMessageResponse.From)],
            next is null ? null : $"/api/v1/mail-messages?{filter.Query(next)}"));
    }

    public static async Task<Results<Ok<MailMessageDetails>, ProblemHttpResult>> GetMailMessage(
        Guid id, OrdersDbContext db, CancellationToken ct) =>
        await db.MailMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is { } mail
            ? TypedResults.Ok(new MailMessageDetails(MailMessageResponse.From(mail), mail.Html, mail.Text))
            : Problems.NotFound("mail message", id);

    public static async Task<Results<Ok<MailMessageResponse>, ProblemHttpResult>> ResendMailMessage(
        Guid id, OrdersDbContext db, TimeProvider time, CancellationToken ct) =>
        await Resend(db, id, time.GetUtcNow(), ct) is { } mail
            ? TypedResults.Ok(MailMessageResponse.From(mail))
            : Problems.NotFound("mail message", id);

    /// <summary>Back in the queue, due now, its attempts counted afresh. Shared with the console.</summary>
    public static async Task<MailMessage?> Resend(OrdersDbContext db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var mail = await db.MailMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null) return null;
        (mail.Status, mail.DueAt, mail.Attempts, mail.LeaseOwner, mail.LeaseExpiresAt) =
            (MailStatus.Waiting, now, 0, null, null);
        db.MailWritten = true;
        await db.SaveChangesAsync(ct);
        return mail;
    }
}

/// <summary>Which mail to list, newest first: the API's and the console's one query.</summary>
public sealed record MailFilter(MailStatus? Status, Guid? OrderId, string? To, long? Before, int Limit)
{
    public const int MaxLimit = 200;

    public static MailFilter Parse(string? status, Guid? orderId, string? to, string? cursor, int? limit,
        RequestErrors errors)
    {
        MailStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<MailStatus>(status, ignoreCase: true, out var s) && !status.Any(char.IsDigit)) parsed = s;
            else errors.Add("status", $"One of: {string.Join(", ", Enum.GetNames<MailStatus>())}.");
        }
        long? before = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (long.TryParse(cursor, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var c)) before = c;
            else errors.Add("cursor", "Not a cursor of this list: use the next link of a page.");
        }
        if (limit is < 1 or > MaxLimit) errors.Add("limit", $"From 1 to {MaxLimit}.");
        errors.MaxLength(to, "to", 320);
        if (to is not null && to.Any(char.IsControl)) errors.Add("to", "An e-mail address has no control characters.");
        return new(parsed, orderId, string.IsNullOrWhiteSpace(to) ? null : to.Trim(), before, limit ?? 50);
    }

    public async Task<(List<MailMessage> Items, string? Next)> ListAsync(OrdersDbContext db, CancellationToken ct)
    {
        var query = db.MailMessages.AsNoTracking();
        if (Status is { } status) query = query.Where(m => m.Status == status);
        if (OrderId is { } orderId) query = query.Where(m => m.OrderId == orderId);
        if (To is { } to) query = query.Where(m => m.To == to);
        if (Before is { } before) query = query.Where(m => m.Position < before);
        var items = await query.OrderByDescending(m => m.Position).Take(Limit + 1).ToListAsync(ct);
        if (items.Count <= Limit) return (items, null);
        items.RemoveAt(Limit);
        return (items, items[^1].Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The query string of the page after <paramref name="cursor"/>, with these filters.</summary>
    public string Query(string cursor) => string.Join("&", new[]
    {
        Status is { } s ? $"status={s}" : null, OrderId is { } o ? $"orderId={o}" : null,
        To is { } t ? $"to={Uri.EscapeDataString(t)}" : null, $"limit={Limit}", $"cursor={cursor}",
    }.Where(p => p is not null));
}

public sealed record MailPage(IReadOnlyList<MailMessageResponse> Items, string? Next);

public sealed record MailMessageResponse(
    Guid Id, MailKind Kind, string To, string Language, string Subject, string Cause, Guid? OrderId, Guid? PersonId,
    Guid? SubscriptionId, MailStatus Status, int Attempts, string? LastError, DateTimeOffset DateCreated,
    DateTimeOffset DueAt, DateTimeOffset? DateSent)
{
    public static MailMessageResponse From(MailMessage m) => new(
        m.Id, m.Kind, m.To, m.Language, m.Subject, m.Cause, m.OrderId, m.PersonId, m.SubscriptionId, m.Status,
        m.Attempts, m.LastError, m.DateCreated, m.DueAt, m.DateSent);
}

public sealed record MailMessageDetails(MailMessageResponse Message, string Html, string Text);

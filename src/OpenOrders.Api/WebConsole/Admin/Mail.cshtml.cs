using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Mail;

namespace OpenOrders.Api.WebConsole;

/// <summary>The outbox: every mail, newest first, filtered as <c>GET /api/v1/mail-messages</c> is.</summary>
public sealed class AdminMailModel(OrdersDbContext db, MailSender sender) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<MailMessage> Items { get; private set; } = [];
    public string? Next { get; private set; }
    public bool HasServer => sender.HasServer;
    public List<string> Problems { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new RequestErrors();
        var filter = MailFilter.Parse(Status, null, To, After, 50, errors);
        if (errors.Any)
        {
            Problems.Add(Text["This filter cannot be used: choose a status from the list, and an address of at most 320 characters."]);
            filter = MailFilter.Parse(null, null, null, null, 50, new RequestErrors());
        }
        var (items, next) = await filter.ListAsync(db, ct);
        (Items, Next) = (items, next);
    }

    public string NextUrl => $"/console/admin/mail?{string.Join("&", new[]
    {
        Status is { Length: > 0 } ? $"status={Uri.EscapeDataString(Status)}" : null,
        To is { Length: > 0 } ? $"to={Uri.EscapeDataString(To)}" : null, $"after={Next}",
    }.Where(p => p is not null))}";
}

using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Domain;

namespace OpenOrders.Api.WebConsole;

/// <summary>API clients: the same <see cref="Clients"/> as <c>/api/v1/clients</c>, the new secret shown once.</summary>
public sealed class AdminClientsModel(OrdersDbContext db, Clients clients) : ConsolePage
{
    public IReadOnlyList<ApiClient> All { get; private set; } = [];
    public TenantChoices Tenants { get; private set; } = null!;
    public FormErrors Errors { get; } = new();

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Role? Role { get; set; }

    [BindProperty]
    public string? TenantId { get; set; }

    /// <summary>
    /// The new client's credentials, for the one page view after the create: TempData is a data-protected cookie that
    /// is gone once read, so the secret is neither in a URL nor shown again. One JSON value, as TempData would turn a
    /// string that looks like a date or a GUID into one.
    /// </summary>
    [TempData]
    public string? NewClient { get; set; }

    public ShownCredentials? Shown =>
        NewClient is null ? null : JsonSerializer.Deserialize<ShownCredentials>(NewClient);

    public TenantFields TenantFields => new("client", Tenants, Role, TenantChoices.Parse(TenantId), Errors);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var refused = new RequestErrors();
        if (await clients.CreateAsync(Name, Role, TenantChoices.Parse(TenantId), refused, ct, Caller.Actor)
            is not { } created)
        {
            // The form again, as it was filled in, with the service's reasons beside the fields.
            Errors.Take(refused);
            await LoadAsync(ct);
            return Page();
        }
        NewClient = JsonSerializer.Serialize(new ShownCredentials(created.Client.ClientId, created.Secret));
        Succeeded(Text["Created the API client {0}. Copy its secret now: it is not shown again.", created.Client.Name]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string clientId, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            await LoadAsync(ct);
            if (All.FirstOrDefault(c => c.ClientId == clientId && c.DateRevoked is null) is not { } named)
                return RedirectToPage();
            ConfirmStep = new Confirmation
            {
                Question = Text["Revoke the API client {0}?", named.Name],
                Consequences =
                [
                    Text["It gets no new tokens, and the tokens it has stop working at once."],
                    Text["This cannot be undone: the system that uses it needs a new client and secret."],
                ],
                Action = Url.Page("/Admin/Clients", "Revoke")!, Fields = new Dictionary<string, string?>
                    { ["clientId"] = clientId },
                ConfirmLabel = Text["Yes, revoke {0}", named.Name], BackUrl = Url.Page("/Admin/Clients")!,
            };
            return Page();
        }
        if (await clients.RevokeAsync(clientId, ct, Caller.Actor) is { } client)
            Succeeded(Text["Revoked {0}: it gets no new tokens, and the ones it has no longer work.",
                client.ClientId]);
        else
            Failed(Text["There is no API client {0}.", clientId]);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = [.. (await clients.ListAsync(ct)).OrderByDescending(c => c.DateCreated)]; // the one just made first
        Tenants = await TenantChoices.ReadAsync(db, ct);
    }
}

/// <summary>What the page shows once after a create.</summary>
public sealed record ShownCredentials(string ClientId, string Secret);

using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.People;
using OpenOrders.Domain;

namespace OpenOrders.Api.WebConsole;

/// <summary>The console's people: invited, given new links, disabled, by the API's <see cref="Invitations"/>.</summary>
public sealed class AdminPeopleModel(OrdersDbContext db, Invitations invitations) : ConsolePage
{
    public IReadOnlyList<Person> All { get; private set; } = [];
    public TenantChoices Tenants { get; private set; } = null!;
    public FormErrors Errors { get; } = new();

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public Role? Role { get; set; }

    [BindProperty]
    public string? TenantId { get; set; }

    /// <summary>
    /// The one-time link, for the one page view after the invitation: TempData is a cookie that is gone once read.
    /// One JSON value, because TempData turns a string that looks like a date into a DateTime.
    /// </summary>
    [TempData]
    public string? NewInvitation { get; set; }

    public ShownInvitation? Shown =>
        NewInvitation is null ? null : JsonSerializer.Deserialize<ShownInvitation>(NewInvitation);

    public TenantFields TenantFields => new("person", Tenants, Role, TenantChoices.Parse(TenantId), Errors);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var refused = new RequestErrors();
        var invitation = await invitations.InviteAsync(
            Email, Role, TenantChoices.Parse(TenantId), Caller, refused, ct);
        if (refused.Any)
        {
            Errors.Take(refused);
            await LoadAsync(ct);
            return Page();
        }
        Show(invitation);
        Succeeded(Text["Invited {0}: a mail with the link is on its way. The link is also below, shown only this once.",
            invitation.Person.Email!]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReinviteAsync(Guid id)
    {
        if (await invitations.ReinviteAsync(id) is { } invitation)
        {
            Show(invitation);
            Succeeded(Text["A new link for {0}, also sent by mail: earlier links no longer work.", invitation.Person.Email!]);
        }
        else Failed(Text["No new link: this person is disabled, or does not exist."]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            await LoadAsync(ct);
            if (All.FirstOrDefault(p => p.Id == id && p.DateDisabled is null && !IsMe(p)) is not { } named)
                return RedirectToPage();
            ConfirmStep = new Confirmation
            {
                Question = Text["Disable {0}?", named.Email!],
                Consequences =
                [
                    Text["They can no longer sign in, and are signed out at their next page."],
                    Text["This cannot be undone: their links stop working, and the address cannot be invited again."],
                ],
                Action = Url.Page("/Admin/People", "Disable")!,
                Fields = new Dictionary<string, string?> { ["id"] = id.ToString() },
                ConfirmLabel = Text["Yes, disable {0}", named.Email!], BackUrl = Url.Page("/Admin/People")!,
            };
            return Page();
        }
        if (await invitations.DisableAsync(id, Caller.Actor) is { } person)
            Succeeded(Text["Disabled {0}: they can no longer sign in, and are signed out at their next page.",
                person.Email!]);
        else Failed(Text["There is no such person."]);
        return RedirectToPage();
    }

    /// <summary>
    /// The admin looking at the page: a new link or disabling would change their own security stamp and sign them
    /// out, so neither is offered on their own row.
    /// </summary>
    public bool IsMe(Person person) => string.Equals(person.Email, Caller.Id, StringComparison.OrdinalIgnoreCase);

    private void Show(Invitation invitation) => NewInvitation =
        JsonSerializer.Serialize(new ShownInvitation(invitation.Person.Email!, invitation.Link, invitation.ExpiresAt));

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await invitations.ListAsync(ct);
        Tenants = await TenantChoices.ReadAsync(db, ct);
    }
}

/// <summary>What the page shows once after an invitation or a new link.</summary>
public sealed record ShownInvitation(string Email, string Link, DateTimeOffset ExpiresAt);

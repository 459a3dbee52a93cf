using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.People;
using OpenOrders.Domain;
using OpenOrders.Domain.Notifications;

namespace OpenOrders.Api.WebConsole;

/// <summary>Which mail a person gets, and in which language (their console language too).</summary>
public sealed class NotificationsModel(OrdersDbContext db, IHostEnvironment env) : ConsolePage
{
    [BindProperty]
    public string? MailLanguageCode { get; set; }

    [BindProperty]
    public MailFrequency? WaitingOrders { get; set; }

    [BindProperty]
    public bool WebhookProblems { get; set; }

    public Person Person { get; private set; } = null!;
    public List<string> Problems { get; } = [];

    public bool HearsOfWaitingOrders => Caller.Role is Role.Provider or Role.Account;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } person) return Missing();
        Person = person;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } person) return Missing();
        Person = person;
        if (!MailLanguage.IsKnown(MailLanguageCode)) Problems.Add(Text["Choose Nederlands or English."]);
        if (HearsOfWaitingOrders && WaitingOrders is not { } w || (WaitingOrders is { } v && !Enum.IsDefined(v)))
            Problems.Add(Text["Choose how often you hear of waiting orders."]);
        if (Problems.Count > 0) return Page();

        person.Language = MailLanguageCode!;
        if (HearsOfWaitingOrders) person.WaitingOrdersMail = WaitingOrders!.Value;
        person.WebhookProblemsMail = WebhookProblems;
        await db.SaveChangesAsync(ct);
        LanguageModel.Remember(Response, person.Language, env);
        // Said in the language just chosen, which the next page is shown in.
        System.Globalization.CultureInfo.CurrentUICulture =
            System.Globalization.CultureInfo.GetCultureInfo(person.Language);
        Succeeded(Text["Your notification settings are saved."]);
        return RedirectToPage();
    }

    private Task<Person?> FindAsync(CancellationToken ct) =>
        db.People.SingleOrDefaultAsync(p => p.Email == Caller.Id, ct);
}

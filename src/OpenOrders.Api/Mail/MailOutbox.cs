using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.WebConsole;

namespace OpenOrders.Api.Mail;

/// <summary>
/// Writes mails into the outbox: rendered now, added to the caller's unit of work, so they are committed with the
/// change that causes them or not at all. The mail worker sends them after the commit. The fan-out renders first and
/// adds later (<see cref="RenderAsync"/>, <see cref="Add"/>), so no lock is held while a mail is rendered.
/// </summary>
public sealed class MailOutbox(MailRenderer renderer, ConsoleTimeZone zone, TimeProvider time, PublicUrl url)
{
    public string BaseUrl => url.BaseUrl;

    public MailText TextIn(string? language) => new(language ?? Domain.Notifications.MailLanguage.Dutch, zone.Zone);

    public async Task<MailMessage> AddAsync(OrdersDbContext db, MailKind kind, string to, string? toName, MailText text,
        MailContent content, string cause, Guid? orderId = null, Guid? personId = null, Guid? subscriptionId = null,
        string? onceKey = null)
    {
        var mail = await RenderAsync(kind, to, toName, text, content, cause, orderId, personId, subscriptionId,
            onceKey);
        Add(db, mail);
        return mail;
    }

    /// <summary>A mail ready for the outbox but not yet in any unit of work (see <see cref="Add"/>).</summary>
    public async Task<MailMessage> RenderAsync(MailKind kind, string to, string? toName, MailText text,
        MailContent content, string cause, Guid? orderId = null, Guid? personId = null, Guid? subscriptionId = null,
        string? onceKey = null)
    {
        var rendered = await renderer.RenderAsync(content, text.Language);
        var now = time.GetUtcNow();
        return new MailMessage
        {
            Id = Guid.CreateVersion7(now), Kind = kind, To = to.Trim(), ToName = MailText.OneLine(toName),
            Language = text.Language, Subject = MailText.OneLine(rendered.Subject), Html = rendered.Html,
            Text = rendered.Text, Cause = cause, OrderId = orderId, PersonId = personId,
            SubscriptionId = subscriptionId, OnceKey = onceKey, Status = MailStatus.Waiting, DueAt = now,
            DateCreated = now,
        };
    }

    /// <summary>Adds a rendered mail to the caller's unit of work; its commit wakes the mail worker.</summary>
    public static void Add(OrdersDbContext db, MailMessage mail)
    {
        db.MailMessages.Add(mail);
        db.MailWritten = true;
    }
}

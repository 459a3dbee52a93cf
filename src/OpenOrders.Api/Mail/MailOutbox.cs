using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.WebConsole;

namespace OpenOrders.Api.Mail;

/// <summary>
/// Writes mails into the outbox: rendered now, added to the caller's unit of work, so they are committed with the
/// change that causes them or not at all. The mail worker sends them after the commit.
/// </summary>
public sealed class MailOutbox(MailRenderer renderer, ConsoleTimeZone zone, TimeProvider time, PublicUrl url)
{
    public string BaseUrl => url.BaseUrl;

    public MailText TextIn(string? language) => new(language ?? Domain.Notifications.MailLanguage.Dutch, zone.Zone);

    public async Task<MailMessage> AddAsync(OrdersDbContext db, MailKind kind, string to, string? toName, MailText text,
        MailContent content, string cause, Guid? orderId = null, Guid? personId = null, Guid? subscriptionId = null,
        string? onceKey = null)
    {
        var rendered = await renderer.RenderAsync(content, text.Language);
        var now = time.GetUtcNow();
        var mail = new MailMessage
        {
            Id = Guid.CreateVersion7(now), Kind = kind, To = to.Trim(), ToName = MailText.OneLine(toName),
            Language = text.Language, Subject = MailText.OneLine(rendered.Subject), Html = rendered.Html,
            Text = rendered.Text, Cause = cause, OrderId = orderId, PersonId = personId,
            SubscriptionId = subscriptionId, OnceKey = onceKey, Status = MailStatus.Waiting, DueAt = now,
            DateCreated = now,
        };
        db.MailMessages.Add(mail);
        db.MailWritten = true;
        return mail;
    }
}

using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Mail;

/// <summary>
/// Every template with made-up data, for the admin's preview and for the tests that look at each mail.
/// </summary>
public static class MailSamples
{
    public static MailContent For(MailKind kind, MailText t, string baseUrl, DateTimeOffset now)
    {
        var order = new MailOrder(Guid.Parse("01938a4e-0000-7000-8000-000000000001"), "48213907",
            "Projectmanagement voor gevorderden", "Opleidingen Noord BV", "Werkgever Zuid", "Sanne", "Sanne de Vries",
            now.Date.AddDays(30).AddHours(9), "Utrecht, Catharijnesingel 10", now.Date.AddDays(44).AddHours(9),
            "Utrecht, Catharijnesingel 10", "Jeroen Bakker");
        var waiting = new Waiting(OrderStatus.PendingProvider, 7, now.AddDays(-3));
        var hook = new WebhookNotice(Guid.Parse("01938a4e-0000-7000-8000-000000000002"), "orders Created",
            "https://hooks.example.com/openorders", now.AddHours(-5), "HTTP 503 Service Unavailable");
        return kind switch
        {
            MailKind.StudentAccepted => MailTemplates.StudentAccepted(t, order),
            MailKind.StudentStartMomentChanged => MailTemplates.StudentStartMomentChanged(t, order),
            MailKind.StudentOrderEnded => MailTemplates.StudentOrderEnded(t, order, new OrderStatusTransition
            {
                Status = OrderStatus.RejectedProvider, CancellationReason = CancellationReason.NoAvailability,
            }),
            MailKind.AccountApprovalWaiting => MailTemplates.AccountApprovalWaiting(t, order, baseUrl, true),
            MailKind.ProviderOrderWaiting => MailTemplates.ProviderOrderWaiting(t, order, waiting, baseUrl),
            MailKind.WaitingOrdersDigest => MailTemplates.WaitingOrdersDigest(t, waiting, baseUrl),
            MailKind.Invitation => MailTemplates.Invitation(t,
                t["a member of the provider {0}", "Opleidingen Noord BV"],
                $"{baseUrl}/console/set-password?person=…&token=…", now.AddDays(7)),
            MailKind.PasswordReset => MailTemplates.PasswordReset(t, "planner@opleidingen-noord.example",
                $"{baseUrl}/console/set-password?person=…&token=…&reset=1", TimeSpan.FromHours(1)),
            MailKind.WebhookFailing => MailTemplates.WebhookFailing(t, hook, TimeSpan.FromDays(5), baseUrl),
            _ => MailTemplates.WebhookDisabled(t, hook, t["Every delivery failed for {0} days.", 5], baseUrl),
        };
    }
}

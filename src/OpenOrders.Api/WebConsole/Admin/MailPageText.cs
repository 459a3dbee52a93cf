using OpenOrders.Api.Mail;

namespace OpenOrders.Api.WebConsole;

/// <summary>The console's names of mail kinds and statuses (English keys of <c>ConsoleText.nl.resx</c>).</summary>
public static class MailPageText
{
    public static string KindOf(MailKind kind) => kind switch
    {
        MailKind.StudentAccepted => "To the student: order accepted",
        MailKind.StudentStartMomentChanged => "To the student: start moment changed",
        MailKind.StudentOrderEnded => "To the student: order rejected or cancelled",
        MailKind.AccountApprovalWaiting => "To the team leader and the account: approval needed",
        MailKind.ProviderOrderWaiting => "To the provider: a new order waits",
        MailKind.WaitingOrdersDigest => "Daily: orders waiting",
        MailKind.Invitation => "Invitation to the console",
        MailKind.PasswordReset => "Forgot password",
        MailKind.WebhookFailing => "Webhook subscription failing",
        _ => "Webhook subscription disabled",
    };

    public static string StatusOf(MailStatus status) => status switch
    {
        MailStatus.Waiting => "Waiting",
        MailStatus.Sent => "Sent",
        _ => "Failed",
    };

    public static string BadgeOf(MailStatus status) => status switch
    {
        MailStatus.Sent => "ok",
        MailStatus.Failed => "attention",
        _ => "open",
    };
}

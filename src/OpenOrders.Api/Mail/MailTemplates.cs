using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Mail;

/// <summary>
/// One template per mail: what each says, in the reader's language (<see cref="MailText"/>). The layout and the
/// plain-text form are the same for all (<see cref="MailContent"/>). Links are built from the configured public
/// base URL, never from a request.
/// </summary>
public static class MailTemplates
{
    public static MailContent StudentAccepted(MailText t, MailOrder o) => new(
        t["Your place on {0} is confirmed", Course(o)],
        t["Dear {0},", FirstName(o)],
        [t["{0} has accepted your enrolment for {1}.", Provider(t, o), Course(o)]],
        [.. AcceptedMoment(t, o), .. OrderFacts(t, o)],
        null,
        [t["The provider will tell you what to bring and where to go."]],
        StudentFooter(t, o));

    public static MailContent StudentStartMomentChanged(MailText t, MailOrder o) => new(
        t["New start date for {0}", Course(o)],
        t["Dear {0},", FirstName(o)],
        [t["The start of {0} has changed. The date below replaces the one you were sent before.", Course(o)]],
        [.. AcceptedMoment(t, o), .. OrderFacts(t, o)],
        null, [], StudentFooter(t, o));

    public static MailContent StudentOrderEnded(MailText t, MailOrder o, OrderStatusTransition ended)
    {
        var rejected = ended.Status is OrderStatus.RejectedProvider or OrderStatus.RejectedAccount;
        var reason = ended.CancellationReason is { } r ? t.Of(r)
            : ended.AdminCancellationReason is { } a ? t.Of(a) : t["No reason given"];
        return new(
            rejected ? t["Your enrolment for {0} was not accepted", Course(o)]
                : t["Your enrolment for {0} was cancelled", Course(o)],
            t["Dear {0},", FirstName(o)],
            [ended.Status switch
            {
                OrderStatus.RejectedProvider =>
                    t["{0} could not accept your enrolment for {1}.", Provider(t, o), Course(o)],
                OrderStatus.RejectedAccount =>
                    t["{0} did not approve your enrolment for {1}.", Account(t, o), Course(o)],
                _ => t["Your enrolment for {0} has been cancelled.", Course(o)],
            }],
            [new(t["Reason"], reason), .. OrderFacts(t, o)],
            null,
            [t["Questions about this? Ask {0}, who ordered the course for you.", Account(t, o)]],
            StudentFooter(t, o));
    }

    /// <summary>To the team leader named on the order, or to a person of the account who asked for it.</summary>
    public static MailContent AccountApprovalWaiting(MailText t, MailOrder o, string baseUrl, bool toTeamLeader) => new(
        t["Approval needed: {0} for {1}", Student(o), Course(o)],
        toTeamLeader && !string.IsNullOrWhiteSpace(o.TeamLeaderName) ? t["Dear {0},", o.TeamLeaderName] : t["Hello,"],
        [t["{0} would like to follow {1} at {2}. The order waits for the approval of {3}.",
            Student(o), Course(o), Provider(t, o), Account(t, o)]],
        [new(t["Student"], Student(o)), .. FirstChoice(t, o), .. OrderFacts(t, o)],
        new(t["Open the order"], $"{baseUrl}/console/orders/{o.Id}"),
        [],
        toTeamLeader ? t["You receive this mail because the order names you as the team leader."]
            : PersonFooter(t));

    public static MailContent ProviderOrderWaiting(MailText t, MailOrder o, Waiting waiting, string baseUrl) => new(
        t["New order: {0} for {1}", Course(o), Student(o)],
        t["Hello,"],
        [t["A new order of {0} waits for your acceptance: {1} would like to start {2}.",
            Account(t, o), Student(o), o.FirstChoiceStart is { } start ? t.Day(start) : t["on a date to agree"]],
            WaitingSentence(t, waiting)],
        [.. OrderFacts(t, o)],
        new(t["Open the inbox"], Inbox(baseUrl, waiting.Status)),
        [], PersonFooter(t));

    public static MailContent WaitingOrdersDigest(MailText t, Waiting waiting, string baseUrl) => new(
        waiting.Count == 1 ? t["1 order waits for you"] : t["{0} orders wait for you", waiting.Count],
        t["Hello,"],
        [WaitingSentence(t, waiting)],
        [], new(t["Open the inbox"], Inbox(baseUrl, waiting.Status)), [], PersonFooter(t));

    public static MailContent Invitation(MailText t, string invitedAs, string link, DateTimeOffset expires) => new(
        t["You are invited to the OpenOrders console"],
        t["Hello,"],
        [t["You are invited to the marketplace's console as {0}. There you see and handle the orders that concern you.",
            invitedAs],
            t["Choose your password with the button below. The link works once, until {0}.", t.Moment(expires)]],
        [], new(t["Choose a password"], link),
        [t["Not expecting this invitation? Then you can ignore this mail."]],
        t["This mail was sent by the marketplace's console at the request of its administrator."]);

    public static MailContent PasswordReset(MailText t, string email, string link, TimeSpan lifetime) => new(
        t["Choose a new password"],
        t["Hello,"],
        [t["Someone asked to reset the password of the console account {0}. Choose a new password with the button below; the link works once, for {1} minutes.",
            email, (int)lifetime.TotalMinutes]],
        [], new(t["Choose a new password"], link),
        [t["Did you not ask for this? Then ignore this mail: your password stays as it is."]],
        t["This mail was sent by the marketplace's console because its \"Forgot password?\" form was used."]);

    public static MailContent WebhookFailing(MailText t, WebhookNotice hook, TimeSpan disableAfter,
        string baseUrl) => new(
        t["Webhook deliveries are failing: {0}", hook.Receiver],
        t["Hello,"],
        [t["Deliveries of {0} to {1} have been failing since {2}. They are retried; the subscription is disabled when they keep failing for {3} days.",
            hook.Event, hook.Receiver, t.Moment(hook.Since), (int)disableAfter.TotalDays]],
        [new(t["Webhook"], hook.Event), new(t["Receiver"], hook.Receiver),
            new(t["Failing since"], t.Moment(hook.Since)), new(t["Last answer"], hook.LastAnswer ?? "—")],
        new(t["Open the delivery log"], $"{baseUrl}/console/webhooks/{hook.SubscriptionId}"),
        [], PersonFooter(t));

    public static MailContent WebhookDisabled(MailText t, WebhookNotice hook, string reason, string baseUrl) => new(
        t["Webhook subscription disabled: {0}", hook.Receiver],
        t["Hello,"],
        [t["The subscription for {0} to {1} was disabled: {2} Its waiting deliveries have failed.",
            hook.Event, hook.Receiver, reason],
            t["When the receiver works again, enable the subscription on its page and recover the failed deliveries."]],
        [new(t["Webhook"], hook.Event), new(t["Receiver"], hook.Receiver),
            new(t["Failing since"], t.Moment(hook.Since)), new(t["Last answer"], hook.LastAnswer ?? "—")],
        new(t["Open the delivery log"], $"{baseUrl}/console/webhooks/{hook.SubscriptionId}"),
        [], PersonFooter(t));

    private static string WaitingSentence(MailText t, Waiting waiting) =>
        (waiting.Status, waiting.Count) switch
        {
            (OrderStatus.PendingProvider, 1) =>
                t["1 order waits for your acceptance; it was placed {0}.", t.Moment(waiting.OldestSince)],
            (OrderStatus.PendingProvider, _) => t["{0} orders wait for your acceptance; the oldest was placed {1}.",
                waiting.Count, t.Moment(waiting.OldestSince)],
            (_, 1) => t["1 order waits for your approval; it was placed {0}.", t.Moment(waiting.OldestSince)],
            _ => t["{0} orders wait for your approval; the oldest was placed {1}.",
                waiting.Count, t.Moment(waiting.OldestSince)],
        };

    private static string Inbox(string baseUrl, OrderStatus status) => $"{baseUrl}/console/orders?status={status}";

    private static IEnumerable<MailFact> AcceptedMoment(MailText t, MailOrder o)
    {
        if (o.AcceptedStart is { } d) yield return new(t["Starts"], t.Moment(d));
        if (!string.IsNullOrWhiteSpace(o.AcceptedLocation)) yield return new(t["Location"], o.AcceptedLocation);
    }

    private static IEnumerable<MailFact> FirstChoice(MailText t, MailOrder o)
    {
        if (o.FirstChoiceStart is { } d) yield return new(t["Starts"], t.Moment(d));
        if (!string.IsNullOrWhiteSpace(o.FirstChoiceLocation)) yield return new(t["Location"], o.FirstChoiceLocation);
    }

    private static IEnumerable<MailFact> OrderFacts(MailText t, MailOrder o) =>
    [
        new(t["Course"], Course(o)), new(t["Provider"], Provider(t, o)),
        new(t["Order number"], o.OrderNumber),
    ];

    private static string StudentFooter(MailText t, MailOrder o) =>
        t["You receive this mail because {0} ordered this course for you through the marketplace.", Account(t, o)];

    private static string PersonFooter(MailText t) =>
        t["You receive this mail because of your notification settings in the console (Notifications)."];

    private static string Course(MailOrder o) => o.Course;
    private static string Provider(MailText t, MailOrder o) => o.Provider ?? t["the provider"];
    private static string Account(MailText t, MailOrder o) => o.Account ?? t["your employer"];
    private static string FirstName(MailOrder o) => o.StudentFirstName;
    private static string Student(MailOrder o) => o.Student;
}

/// <summary>What order mails say about an order, every text made single-line.</summary>
public sealed record MailOrder(
    Guid Id, string OrderNumber, string Course, string? Provider, string? Account, string StudentFirstName,
    string Student, DateTimeOffset? FirstChoiceStart, string? FirstChoiceLocation, DateTimeOffset? AcceptedStart,
    string? AcceptedLocation, string? TeamLeaderName)
{
    public static MailOrder From(Order o) => new(
        o.Id, o.OrderNumber.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), MailText.OneLine(o.Name),
        Optional(o.ProviderName), Optional(o.AccountName), MailText.OneLine(o.Customer.FirstName), StudentName(o),
        o.StartMomentDate, Optional(o.StartMomentLocation), o.AcceptedStartMomentDate ?? o.StartMomentDate,
        Optional(o.AcceptedStartMomentDate is null ? o.StartMomentLocation : o.AcceptedStartMomentLocation),
        Optional(o.TeamLeaderName));

    /// <summary>The student's whole name, with the middle name ("Sanne de Vries").</summary>
    public static string StudentName(Order o) => MailText.OneLine(o.Customer.FullName);

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : MailText.OneLine(text);
}

/// <summary>How many orders wait in a status for a tenant, and when the oldest was placed.</summary>
public sealed record Waiting(OrderStatus Status, int Count, DateTimeOffset OldestSince);

/// <summary>What a webhook mail says about its subscription.</summary>
public sealed record WebhookNotice(Guid SubscriptionId, string Event, string Receiver, DateTimeOffset Since,
    string? LastAnswer);

using System.Diagnostics.Metrics;

namespace OpenOrders.Api.Telemetry;

/// <summary>
/// What an operator watches: orders created, how long validation and webhook delivery take, how far behind the
/// background work is (the age of the oldest waiting validation and event), and delivery outcomes.
/// </summary>
public sealed class OrdersMetrics
{
    public const string MeterName = "OpenOrders";

    private readonly Counter<long> ordersCreated;
    private readonly Histogram<int> ordersPerCommit;
    private readonly Histogram<double> validationLatency;
    private readonly Histogram<double> webhookLatency;
    private readonly Counter<long> deliveryAttempts;
    private readonly Counter<long> validationsGivenUp;

    /// <summary>Seconds; updated by <see cref="BacklogSampler"/>.</summary>
    public double OldestValidationAgeSeconds { get; set; }
    public double OldestEventAgeSeconds { get; set; }
    public long MailWaiting { get; set; }
    public double OldestMailAgeSeconds { get; set; }
    private readonly Counter<long> mailSent;
    private readonly Counter<long> mailFailed;
    private readonly Histogram<double> mailLatency;

    public OrdersMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        ordersCreated = meter.CreateCounter<long>("openorders.orders.created",
            description: "Orders accepted by POST /api/v1/orders.");
        ordersPerCommit = meter.CreateHistogram<int>("openorders.orders.per_commit",
            description: "New orders written by one group commit.");
        validationLatency = meter.CreateHistogram<double>("openorders.validation.latency", "ms",
            "From an order's creation to the end of its first validation.");
        webhookLatency = meter.CreateHistogram<double>("openorders.webhook.latency", "ms",
            "From a change's commit to its first successful delivery.");
        validationsGivenUp = meter.CreateCounter<long>("openorders.validation.given_up",
            description: "Validation jobs given up after repeated failures (dead).");
        deliveryAttempts = meter.CreateCounter<long>("openorders.webhook.attempts",
            description: "Webhook delivery attempts, by outcome.");
        mailSent = meter.CreateCounter<long>("openorders.mail.sent", description: "Mails accepted by the SMTP server.");
        mailFailed = meter.CreateCounter<long>("openorders.mail.failed",
            description: "Mails given up: refused for good, or retried until the schedule ran out.");
        mailLatency = meter.CreateHistogram<double>("openorders.mail.latency", "ms",
            "From a mail's commit to the SMTP server's acceptance.");
        meter.CreateObservableGauge("openorders.mail.waiting", () => MailWaiting,
            description: "Mails in the outbox not sent yet.");
        meter.CreateObservableGauge("openorders.mail.backlog_age", () => OldestMailAgeSeconds, "s",
            "Age of the oldest mail not sent yet.");
        meter.CreateObservableGauge("openorders.validation.backlog_age", () => OldestValidationAgeSeconds, "s",
            "Age of the oldest validation job still waiting.");
        meter.CreateObservableGauge("openorders.webhook.backlog_age", () => OldestEventAgeSeconds, "s",
            "Age of the oldest event not yet delivered (outbox lag).");
    }

    public void OrdersCommitted(int count)
    {
        ordersCreated.Add(count);
        ordersPerCommit.Record(count);
    }

    public void Validated(TimeSpan sinceCreation) => validationLatency.Record(sinceCreation.TotalMilliseconds);
    public void Delivered(TimeSpan sinceCommit) => webhookLatency.Record(sinceCommit.TotalMilliseconds);
    public void MailSent(TimeSpan sinceCommit)
    {
        mailSent.Add(1);
        mailLatency.Record(sinceCommit.TotalMilliseconds);
    }

    public void MailFailed() => mailFailed.Add(1);
    public void ValidationGivenUp() => validationsGivenUp.Add(1);
    public void Attempted(string outcome) =>
        deliveryAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}

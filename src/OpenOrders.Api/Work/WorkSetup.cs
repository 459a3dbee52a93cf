using OpenOrders.Api.Invoicing;
using OpenOrders.Api.Mail;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Telemetry;
using OpenOrders.Api.Validation;
using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.Work;

public static class WorkSetup
{
    /// <summary>The signals commits raise, and the interceptors that raise them (the database registers these).</summary>
    public static IServiceCollection AddWorkSignals(this IServiceCollection services) => services
        .AddSingleton<ValidationSignal>().AddSingleton<DeliverySignal>().AddSingleton<MailSignal>()
        .AddSingleton<BulkMoveSignal>()
        .AddSingleton<CommitSignals>().AddSingleton<TransactionCommitSignals>();

    /// <summary>
    /// Every background worker of the service, each a <see cref="Worker"/>: validation, webhook fan-out and delivery,
    /// invoicing, mail, the console's bulk moves and the backlog gauges. <c>Workers:Enabled=false</c> leaves them out, for tests that drive
    /// the passes by hand.
    /// </summary>
    public static IServiceCollection AddOrdersWorkers(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("Workers");
        services.Configure<WorkerOptions>(section);
        if (!(section.Get<WorkerOptions>() ?? new WorkerOptions()).Enabled) return services;
        return services.AddHostedService<ValidationWorker>().AddHostedService<WebhookWorker>()
            .AddHostedService<InvoicingWorker>().AddHostedService<MailWorker>().AddHostedService<BacklogSampler>()
            .AddHostedService<BulkMoveWorker>();
    }
}

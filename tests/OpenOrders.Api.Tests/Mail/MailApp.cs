using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Data;
using OpenOrders.Api.Mail;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Bench;

namespace OpenOrders.Api.Tests.Mail;

/// <summary>
/// The service with its mail going to a real SMTP server of the test's own (<see cref="MailSink"/>) and links built
/// from a public address that no request names.
/// </summary>
public abstract class MailApp : OrdersApp
{
    public const string PublicBaseUrl = "https://orders.example.test";

    private MailSink? sink;

    public MailSink Sink => sink ??= StartSinkAsync().GetAwaiter().GetResult();

    protected virtual Task<MailSink> StartSinkAsync() => MailSink.StartAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SendTo(builder, Sink);
        builder.UseSetting("PublicBaseUrl", PublicBaseUrl);
    }

    /// <summary>The service's mail goes to this sink.</summary>
    public static void SendTo(IWebHostBuilder builder, MailSink sink)
    {
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", sink.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:Timeout", "00:00:05");
        builder.UseSetting("Mail:From", "Marktplaats <orders@example.test>");
    }

    public async Task<List<MailMessage>> OutboxAsync(Guid? orderId = null) =>
        await WithDbAsync(db => db.MailMessages.AsNoTracking()
            .Where(m => orderId == null || m.OrderId == orderId).OrderBy(m => m.Position).ToListAsync());

    /// <summary>Polls the outbox until the predicate holds, with a deadline (the workers run by themselves).</summary>
    public async Task<List<MailMessage>> WaitForOutboxAsync(Func<List<MailMessage>, bool> done, Guid? orderId = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mails = await OutboxAsync(orderId);
            if (done(mails)) return mails;
            Assert.True(DateTime.UtcNow < deadline, "The outbox never held what was waited for: " +
                string.Join("; ", mails.Select(m => $"{m.Kind} {m.To} {m.Status} {m.LastError}")));
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until every change of the order was fanned out (so its mails, if any, are written).</summary>
    public async Task WaitUntilFannedOutAsync(Guid orderId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await WithDbAsync(db => db.OrderChanges.AnyAsync(c => c.OrderId == orderId && c.FeedPosition == null)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Order {orderId}'s changes were not fanned out in 30 s.");
            await Task.Delay(20);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sink is not null) await sink.DisposeAsync();
    }
}

public sealed class SqliteMailApp : MailApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

public sealed class PostgresMailApp : MailApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => NewPostgresDatabaseAsync();
}

/// <summary>The console on real ports (a real browser) with its mail going to the test's SMTP server.</summary>
public abstract class MailConsoleApp : WebConsole.ConsoleApp
{
    public MailSink Sink { get; } = MailSink.StartAsync().GetAwaiter().GetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        MailApp.SendTo(builder, Sink);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

public sealed class SqliteMailConsoleApp : MailConsoleApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

public sealed class PostgresMailConsoleApp : MailConsoleApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => NewPostgresDatabaseAsync();
}

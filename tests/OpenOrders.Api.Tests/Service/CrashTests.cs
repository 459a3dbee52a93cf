using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Bench;
using Xunit.Abstractions;

namespace OpenOrders.Api.Tests.Service;

/// <summary>
/// The crash proof of bench/crash in a short form: two real service processes on one PostgreSQL database under a
/// mixed load, one of them killed with SIGKILL and restarted; nothing acknowledged may be lost, nothing validated
/// twice, every event delivered and verifiable.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_instances_one_kill_nothing_lost_nothing_done_twice()
    {
        var connection = await (await PostgresServer.Instance).CreateDatabaseAsync();
        var serviceDll = Path.Combine(AppContext.BaseDirectory, "OpenOrders.Api.dll");
        var log = new StringWriter();

        var report = await CrashTest.RunAsync(new CrashOptions(serviceDll, connection, Instances: 2, Kills: 1,
            TimeSpan.FromSeconds(8),
            Path.Combine(Path.GetTempPath(), "openorders-crash-test", Guid.NewGuid().ToString("N"))), log);

        output.WriteLine(log.ToString());
        output.WriteLine(report.Describe());
        Assert.True(report.OrdersAcknowledged > 0 && report.Kills == 1, report.Describe());
        Assert.True(report.Passed, report.Describe());
        Assert.True(report.WebhooksReceived > 0);
        Assert.True(report.MailsReceived > 0, "No student was mailed: " + report.Describe());
        // Each instance validated orders itself: the leases shared the work, the killed one's before its kill too.
        Assert.Equal(2, report.ValidatedByInstance.Count);
        Assert.All(report.ValidatedByInstance, v => Assert.True(v.Value > 0, $"{v.Key} validated nothing.\n"
            + report.Describe()));
    }
}

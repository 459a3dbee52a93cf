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
            TestFiles.NewFolder("crash")), log);

        output.WriteLine(log.ToString());
        output.WriteLine(report.Describe());
        Assert.True(report.OrdersAcknowledged > 0 && report.Kills == 1, report.Describe());
        Assert.True(report.Passed, report.Describe());
        Assert.True(report.WebhooksReceived > 0);
        Assert.True(report.MailsReceived > 0, "No student was mailed: " + report.Describe());
        // Each instance took leased work itself (validations or deliveries): the leases shared the queues. Which
        // queue the killed one reached depends on when the kill fell: killed two seconds in on a cold start, it had
        // delivered webhooks but committed no validation yet, and the other had validated everything by its restart.
        Assert.Equal(2, report.ValidatedByInstance.Count);
        Assert.True(report.ValidatedByInstance.Values.Sum() > 0, report.Describe());
        Assert.All(report.ValidatedByInstance, v => Assert.True(
            v.Value + report.DeliveredByInstance.GetValueOrDefault(v.Key) > 0,
            $"{v.Key} took no leased work.\n" + report.Describe()));
    }
}

using System.Globalization;
using OpenOrders.Api.Data;
using OpenOrders.Api.WebConsole.Charts;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>The admin's overview: where the orders are, how many come in, and whether webhooks get through.</summary>
public sealed class AdminOverviewModel(OrdersDbContext db, TimeProvider time) : ConsolePage
{
    /// <summary>The daily charts span the page: drawn about as wide as they are shown, text keeps its size.</summary>
    private const double FullWidth = 1200;

    public AdminFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Figures = await AdminFigures.ReadAsync(db, Caller, time.GetUtcNow(), Format.Zone, ct);

    /// <summary>In the order of the status flow, as the status table is declared.</summary>
    public static IReadOnlyList<OrderStatus> Statuses { get; } = Enum.GetValues<OrderStatus>();

    public IEnumerable<string> Days => Figures.Days.Days.Select(Day);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string StatusChart() => SvgCharts.HorizontalBars(
        new ChartText("status-chart", Text["Orders per status"],
            Text["A bar for each of the {0} statuses, {1} orders in all. The table beside it has the numbers.",
                Figures.OrdersPerStatus.Count, Figures.Orders]),
        [.. Statuses.Select(s => new ChartBar(Format.Of(s), Figures.OrdersPerStatus[s]))]);

    public string CreatedChart() => SvgCharts.DailyColumns(
        new ChartText("created-chart", Text["Orders created per day"],
            Text["A column for each day from {0} to {1}: {2} orders in all, at most {3} on one day.",
                Day(Figures.Days.Days[0]), Day(Figures.Days.Days[^1]), Figures.OrdersCreated.Sum(),
                Figures.OrdersCreated.Max()]),
        [.. Days], [new ChartSeries(Text["Orders"], SvgCharts.Blue, Figures.OrdersCreated)], FullWidth);

    public string AttemptsChart() => SvgCharts.DailyColumns(
        new ChartText("attempts-chart", Text["Webhook delivery attempts per day"],
            Text["A column for each day from {0} to {1}, failures on top: {2} succeeded and {3} failed in all.",
                Day(Figures.Days.Days[0]), Day(Figures.Days.Days[^1]), Figures.AttemptsSucceeded.Sum(),
                Figures.AttemptsFailed.Sum()]),
        [.. Days],
        [
            new ChartSeries(Text["Succeeded"], SvgCharts.Green, Figures.AttemptsSucceeded),
            new ChartSeries(Text["Failed"], SvgCharts.Red, Figures.AttemptsFailed),
        ],
        FullWidth);

    public int PendingInvoice => Figures.OrdersPerStatus[OrderStatus.PendingInvoice];
}

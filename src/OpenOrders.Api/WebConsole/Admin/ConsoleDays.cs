using System.Linq.Expressions;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The last few calendar days in the console's time zone, each with the instant it starts. A day is not always 24
/// hours (summer time), so each start is worked out on its own; <see cref="Starts"/> ends with the start of tomorrow.
/// </summary>
public sealed class ConsoleDays
{
    private ConsoleDays(IReadOnlyList<DateOnly> days, IReadOnlyList<DateTimeOffset> starts) =>
        (Days, Starts) = (days, starts);

    public IReadOnlyList<DateOnly> Days { get; }
    public IReadOnlyList<DateTimeOffset> Starts { get; }
    public int Count => Days.Count;
    public DateTimeOffset From => Starts[0];
    public DateTimeOffset Until => Starts[^1];

    /// <summary><paramref name="count"/> days up to and including today.</summary>
    public static ConsoleDays Last(int count, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = Enumerable.Range(0, count).Select(i => today.AddDays(i - count + 1)).ToList();
        return new(days, [.. days.Append(today.AddDays(1)).Select(d => StartOf(d, zone))]);
    }

    /// <summary>
    /// The index of the day an instant falls on, as an expression the database evaluates: a CASE over the day starts,
    /// so counting per day is one GROUP BY in either database, whatever its date functions, and exact across a change
    /// to or from summer time. Only meaningful for rows already limited to <see cref="From"/> … <see cref="Until"/>.
    /// </summary>
    public Expression<Func<T, int>> IndexOf<T>(Expression<Func<T, DateTimeOffset>> at)
    {
        Expression index = Expression.Constant(Count - 1);
        for (var i = Count - 1; i >= 1; i--)
        {
            var before = Expression.LessThan(at.Body, Parameter(Starts[i]));
            index = Expression.Condition(before, Expression.Constant(i - 1), index);
        }
        return Expression.Lambda<Func<T, int>>(index, at.Parameters);
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>
    /// A field of an object rather than a constant: EF Core sends it as a query parameter, so the SQL text stays the
    /// same from day to day and the database can keep its plan.
    /// </summary>
    private static MemberExpression Parameter(DateTimeOffset value) =>
        Expression.Field(Expression.Constant(new Boundary(value)), nameof(Boundary.At));

    private sealed class Boundary(DateTimeOffset at)
    {
        public readonly DateTimeOffset At = at;
    }
}

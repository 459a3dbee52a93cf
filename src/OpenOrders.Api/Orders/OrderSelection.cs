using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>The columns a list of orders can be sorted by.</summary>
public enum OrderSort
{
    LastChange,
    OrderNumber,
    StartDate,
    Created,
    Total,
}

/// <summary>
/// Which orders a person's list (and its export, and its bulk actions) selects, beside the caller's visibility: one
/// record, so the page, the CSV and "all N matching" can never select differently.
/// </summary>
public sealed record OrderSelection
{
    public IReadOnlyList<OrderStatus> Statuses { get; init; } = [];
    public int? OrderNumber { get; init; }
    /// <summary>Words that must each match the order number, the customer's name or e-mail, or the course.</summary>
    public string? Search { get; init; }
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }
    public DateTimeOffset? StartsFrom { get; init; }
    public DateTimeOffset? StartsBefore { get; init; }
    /// <summary>The employer.</summary>
    public Guid? AccountId { get; init; }
    public Guid? ProviderId { get; init; }
    public DateTimeOffset? UpdatedSince { get; init; }
    /// <summary>The course.</summary>
    public Guid? ProductId { get; init; }
    /// <summary>The first digits of the order number.</summary>
    public string? NumberPrefix { get; init; }
    public OrderSort Sort { get; init; } = OrderSort.LastChange;
    public bool Descending { get; init; } = true;

    /// <summary>The same selection in every status: what the count per status is taken over.</summary>
    public OrderSelection AnyStatus => this with { Statuses = [] };
}

/// <summary>
/// The filters, the sort and the keyset of the console's lists, written once for the inbox, its CSV export (console
/// and API) and its bulk actions. The sort's columns are two stored, computed columns beside the order's own
/// (<see cref="StartDateColumn"/>, <see cref="TotalCentsColumn"/>), so each sort has an index per tenant
/// (docs/decisions/0014).
/// </summary>
public static class OrderSelections
{
    /// <summary>The accepted start moment's date, else the first choice's; self-planned orders sort last.</summary>
    public const string StartDateColumn = "StartDate";

    /// <summary>The total in cents, as an integer: SQLite stores decimals as text, which sorts as text.</summary>
    public const string TotalCentsColumn = "TotalCents";

    /// <summary>Stands for "no start date" in <see cref="StartDateColumn"/>, so the column is never null.</summary>
    public static readonly DateTimeOffset NoStartDate = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public const int NumberDigits = 8;

    public static IQueryable<Order> Apply(this IQueryable<Order> orders, OrderSelection selection)
    {
        var statuses = selection.Statuses;
        // One status as an equality, so the (tenant, status, …) indexes give the order and the page stops early.
        if (statuses.Count == 1)
        {
            var only = statuses[0];
            orders = orders.Where(o => o.Status == only);
        }
        else if (statuses.Count > 1) orders = orders.Where(o => statuses.Contains(o.Status));
        if (selection.CreatedFrom?.ToUniversalTime() is { } from) orders = orders.Where(o => o.DateCreated >= from);
        if (selection.CreatedBefore?.ToUniversalTime() is { } before)
            orders = orders.Where(o => o.DateCreated < before);
        if (selection.StartsFrom?.ToUniversalTime() is { } startsFrom)
            orders = orders.Where(o => EF.Property<DateTimeOffset>(o, StartDateColumn) >= startsFrom
                && EF.Property<DateTimeOffset>(o, StartDateColumn) < NoStartDate);
        if (selection.StartsBefore?.ToUniversalTime() is { } startsBefore)
            orders = orders.Where(o => EF.Property<DateTimeOffset>(o, StartDateColumn) < startsBefore);
        if (selection.OrderNumber is { } number) orders = orders.Where(o => o.OrderNumber == number);
        if (selection.AccountId is { } account) orders = orders.Where(o => o.AccountId == account);
        if (selection.ProviderId is { } provider) orders = orders.Where(o => o.ProviderId == provider);
        if (selection.UpdatedSince?.ToUniversalTime() is { } since) orders = orders.Where(o => o.DateModified >= since);
        if (selection.ProductId is { } product) orders = orders.Where(o => o.ProductId == product);
        if (NumberRange(selection.NumberPrefix) is var (low, high))
            orders = orders.Where(o => o.OrderNumber >= low && o.OrderNumber <= high);
        // Each word must match somewhere, so "test user" finds Test User; at most five words are looked at.
        foreach (var word in (selection.Search ?? "").ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
        {
            var typed = int.TryParse(word, out var n) ? n : -1;
            orders = orders.Where(o => o.OrderNumber == typed
                || (o.Customer.Email != null && o.Customer.Email.ToLower().Contains(word))
                || (o.Customer.FirstName != null && o.Customer.FirstName.ToLower().Contains(word))
                || (o.Customer.MiddleName != null && o.Customer.MiddleName.ToLower().Contains(word))
                || (o.Customer.Surname != null && o.Customer.Surname.ToLower().Contains(word))
                || (o.Name != null && o.Name.ToLower().Contains(word)));
        }
        return orders;
    }

    /// <summary>The columns of a list, for the console's page and every CSV alike: never the whole order.</summary>
    public static IQueryable<OrderRow> Rows(this IQueryable<Order> orders) =>
        orders.Select(o => new OrderRow(o.Id, o.OrderNumber, o.Version, o.Status, o.Name, o.Customer.FirstName,
            o.Customer.MiddleName, o.Customer.Surname, o.Customer.Email, o.AccountName, o.ProviderName,
            o.AcceptedStartMomentDate ?? o.StartMomentDate, o.Total, o.DateCreated, o.DateModified));

    /// <summary>
    /// The order numbers that start with these digits (order numbers have <see cref="NumberDigits"/>), or null when
    /// the text is not digits; a range, so the number's index serves it.
    /// </summary>
    public static (int Low, int High)? NumberRange(string? prefix)
    {
        prefix = prefix?.Trim();
        if (string.IsNullOrEmpty(prefix) || prefix.Length > NumberDigits || !prefix.All(char.IsAsciiDigit))
            return null;
        var scale = (int)Math.Pow(10, NumberDigits - prefix.Length);
        var value = int.Parse(prefix, System.Globalization.CultureInfo.InvariantCulture);
        return (value * scale, (value + 1) * scale - 1);
    }

    /// <summary>Sorted by the selection's column, the order number breaking ties in the same direction.</summary>
    public static IOrderedQueryable<Order> Sorted(this IQueryable<Order> orders, OrderSelection selection) =>
        selection.Sort switch
        {
            OrderSort.LastChange => By(orders, o => o.DateModified, selection.Descending),
            OrderSort.Created => By(orders, o => o.DateCreated, selection.Descending),
            OrderSort.StartDate => By(orders, o => EF.Property<DateTimeOffset>(o, StartDateColumn),
                selection.Descending),
            OrderSort.Total => By(orders, o => EF.Property<long>(o, TotalCentsColumn), selection.Descending),
            _ => selection.Descending
                ? orders.OrderByDescending(o => o.OrderNumber)
                : orders.OrderBy(o => o.OrderNumber),
        };

    private static IOrderedQueryable<Order> By<TKey>(IQueryable<Order> orders, Expression<Func<Order, TKey>> key,
        bool descending) => descending
        ? orders.OrderByDescending(key).ThenByDescending(o => o.OrderNumber)
        : orders.OrderBy(key).ThenBy(o => o.OrderNumber);

    /// <summary>The orders after the cursor's, in the selection's sort.</summary>
    public static IQueryable<Order> After(this IQueryable<Order> orders, OrderSelection selection,
        ListCursor cursor)
    {
        var o = Expression.Parameter(typeof(Order), "o");
        var number = Expression.Property(o, nameof(Order.OrderNumber));
        var box = Expression.Constant(new CursorBox(cursor.Value, cursor.Number));
        var afterNumber = Compare(number, Expression.Property(box, nameof(CursorBox.Number)), selection.Descending);
        Expression condition;
        if (KeyOf(selection.Sort) is { } key)
        {
            var column = new ParameterSwap(key.Parameters[0], o).Visit(key.Body)!;
            var value = ValueExpression(Expression.Property(box, nameof(CursorBox.Value)), column.Type);
            condition = Expression.OrElse(Compare(column, value, selection.Descending),
                Expression.AndAlso(Expression.Equal(column, value), afterNumber));
        }
        else condition = afterNumber;
        return orders.Where(Expression.Lambda<Func<Order, bool>>(condition, o));
    }

    /// <summary>The cursor that continues after this order, in the selection's sort.</summary>
    public static ListCursor CursorOf(OrderSelection selection, int orderNumber, DateTimeOffset lastChange,
        DateTimeOffset created, DateTimeOffset? startDate, decimal total) => new(selection.Sort, selection.Sort switch
        {
            OrderSort.LastChange => lastChange.UtcTicks,
            OrderSort.Created => created.UtcTicks,
            OrderSort.StartDate => (startDate ?? NoStartDate).UtcTicks,
            OrderSort.Total => (long)Math.Round(total * 100, MidpointRounding.AwayFromZero),
            _ => 0,
        }, orderNumber);

    private static LambdaExpression? KeyOf(OrderSort sort) => sort switch
    {
        OrderSort.LastChange => (Expression<Func<Order, DateTimeOffset>>)(o => o.DateModified),
        OrderSort.Created => (Expression<Func<Order, DateTimeOffset>>)(o => o.DateCreated),
        OrderSort.StartDate =>
            (Expression<Func<Order, DateTimeOffset>>)(o => EF.Property<DateTimeOffset>(o, StartDateColumn)),
        OrderSort.Total => (Expression<Func<Order, long>>)(o => EF.Property<long>(o, TotalCentsColumn)),
        _ => null,
    };

    private static Expression Compare(Expression left, Expression right, bool descending) =>
        descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);

    // The cursor's value is kept as a long; the column may be an instant.
    private static Expression ValueExpression(Expression value, Type type) => type == typeof(long)
        ? value
        : Expression.New(typeof(DateTimeOffset).GetConstructor([typeof(long), typeof(TimeSpan)])!, value,
            Expression.Constant(TimeSpan.Zero));

    // Read through a closure, so EF Core sends the values as parameters: one plan for every page.
    private sealed record CursorBox(long Value, int Number);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>One line of a list of orders.</summary>
public sealed record OrderRow(
    Guid Id, int OrderNumber, int Version, OrderStatus Status, string? CourseName, string? FirstName,
    string? MiddleName, string? Surname, string? Email, string? AccountName, string? ProviderName,
    DateTimeOffset? StartDate, decimal Total, DateTimeOffset DateCreated, DateTimeOffset DateModified)
{
    /// <summary>The whole name, middle name (tussenvoegsel) included: "Sanne de Vries".</summary>
    public string CustomerName => string.Join(' ',
        new[] { FirstName, MiddleName, Surname }.Where(n => !string.IsNullOrWhiteSpace(n)));
}

/// <summary>A position in a sorted list: the sort's value of the last order shown and its number. URL-safe.</summary>
public sealed record ListCursor(OrderSort Sort, long Value, int Number)
{
    public override string ToString() => CursorText.Write((int)Sort, Value, Number);

    /// <summary>The cursor, or null when it is not one of ours or belongs to another sort.</summary>
    public static ListCursor? Parse(string? text, OrderSort sort) =>
        CursorText.Read(text, 3) is { } parts && int.TryParse(parts[0], out var s) && s == (int)sort
        && long.TryParse(parts[1], out var value) && int.TryParse(parts[2], out var number)
            ? new ListCursor(sort, value, number) : null;
}

using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Tests.Orders;

/// <summary>
/// Orders for domain tests: a valid order, validated, then walked through the status table to where a test needs it.
/// </summary>
public static class Orders
{
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static Account Account(bool approval = false) => new()
    {
        Id = Guid.NewGuid(), Name = "Werkgever", RequireAccountApproval = approval, AccountFeePercentage = 2
    };

    public static Provider Provider() => new()
    {
        Id = Guid.NewGuid(), Name = "Opleider", CalculateProviderFee = true, ProviderFeePercentage = 5,
        LegalCompanies = [new LegalCompany
            { Id = Guid.NewGuid(), MerchantId = Guid.NewGuid(), Name = "Opleider BV", VatNumber = "NL123456789B01" }],
    };

    public static Product Product(Provider provider, TimeSpan? startsIn = null, bool selfPlanned = false) => new()
    {
        Id = Guid.NewGuid(), ProviderId = provider.Id, Name = "Projectmanagement", OrderType = OrderType.Course,
        LearningMethod = new LearningMethod { Name = "Klassikaal", Format = LearningMethodFormat.Classroom,
            Planning = selfPlanned ? Planning.SelfPlanned : Planning.Scheduled },
        StartMoments = selfPlanned ? [] :
        [
            new StartMoment { Id = Guid.NewGuid(), ExternalId = "SM-1",
                Date = Now + (startsIn ?? TimeSpan.FromDays(30)), Location = "Hilversum" },
            new StartMoment { Id = Guid.NewGuid(), ExternalId = "SM-2", Date = Now.AddDays(60), Location = "Utrecht" },
            new StartMoment { Id = Guid.NewGuid(), ExternalId = "SM-OLD",
                Date = Now.AddDays(-1), Location = "Utrecht" },
        ],
        PriceComponents =
        [
            new PriceComponent { CostType = CostType.CourseFee, AmountWithoutVat = 1000, VatPercentage = 21 },
            new PriceComponent { CostType = CostType.ExamFee, AmountWithoutVat = 250.5m, VatPercentage = 21 }
        ],
    };

    /// <summary>
    /// A new order for the course; <paramref name="change"/> then edits what the account sent (tests only).
    /// </summary>
    public static Order New(Account account, Product product, Action<Order>? change = null)
    {
        var order = Order.Create(new NewOrder
        {
            Id = Guid.NewGuid(), AccountId = account.Id, ProductId = product.Id, OrderType = OrderType.Course,
            FirstChoiceStartMomentId = product.StartMoments.FirstOrDefault()?.ExternalId,
            Customer = new Customer
            {
                FirstName = "Test", Surname = "User", Email = "testuser@example.nl",
                BirthDate = new DateOnly(1990, 1, 1), BirthCountryCode = "NL",
                Address = new Address { Street = "Marathon", HouseNumber = 7, PostalCode = "1213PD",
                    City = "Hilversum", CountryCode = "NL" },
            },
        }, Now);
        order.OrderNumber = 12345678;
        change?.Invoke(order);
        return order;
    }

    public static ValidationContext Context(Account account, Product product, Provider provider,
        PromotionalCode? code = null) =>
        new(account, product, provider, [new Assortment { Id = Guid.NewGuid(), Name = "Assortiment",
            AccountIds = [account.Id], ProductIds = [product.Id] }], code, Now);

    public static Order InStatus(OrderStatus target, bool completeLines = true, TimeSpan? startsIn = null,
        bool selfPlanned = false) =>
        Build(target, completeLines, startsIn, selfPlanned).Order;

    public sealed record Built(Order Order, Product Product, Provider Provider, Account Account);

    public static Built Build(OrderStatus target, bool completeLines = true, TimeSpan? startsIn = null,
        bool selfPlanned = false)
    {
        var provider = Provider();
        var account = Account();
        var product = Product(provider, startsIn, selfPlanned);
        var order = New(account, product);
        if (target == OrderStatus.PendingValidation) return new Built(order, product, provider, account);
        order.CompleteValidation(Context(account, product, provider));

        foreach (var rule in PathTo(order.Status, target))
        {
            if (rule.Requires == TransitionRequirement.InvoiceOnBehalfOf && completeLines)
                foreach (var line in order.OrderLines)
                    order.SetInvoiceOnBehalfOf(line.SequenceNumber, "Opleider BV", "NL123456789B01",
                        provider.LegalCompanies, Now);
            order.MoveTo(rule.To, rule.Role,
                new TransitionDetails(null, CancellationReason.Other, AdminCancellationReason.Other,
                    InvoiceNumber: rule.Requires == TransitionRequirement.InvoiceNumber ? 1 : null), Now);
        }
        Assert.Equal(target, order.Status);
        if (completeLines && target == OrderStatus.PendingProvider)
            foreach (var line in order.OrderLines)
                order.SetInvoiceOnBehalfOf(line.SequenceNumber, "Opleider BV", "NL123456789B01",
                    provider.LegalCompanies, Now);
        return new Built(order, product, provider, account);
    }

    /// <summary>The shortest way through the table, found by the table itself.</summary>
    private static List<StatusTransitionRule> PathTo(OrderStatus from, OrderStatus to)
    {
        var paths = new Dictionary<OrderStatus, List<StatusTransitionRule>> { [from] = [] };
        var queue = new Queue<OrderStatus>([from]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var rule in OrderStatusMachine.Rules.Where(r => r.From == at && !paths.ContainsKey(r.To)))
            {
                paths[rule.To] = [.. paths[at], rule];
                queue.Enqueue(rule.To);
            }
        }
        return paths[to];
    }
}

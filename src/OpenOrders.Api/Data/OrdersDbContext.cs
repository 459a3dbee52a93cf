using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.People;
using OpenOrders.Domain;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Validation;
using OpenOrders.Api.Webhooks;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Data;

/// <summary>
/// The one DbContext. Each database provider has a small subclass that owns its migrations
/// (<see cref="SqliteOrdersDbContext"/>, <see cref="PostgresOrdersDbContext"/>); everything else uses this type.
/// It also holds Identity's stores for the console's people and the data-protection key ring.
/// </summary>
public abstract class OrdersDbContext(DbContextOptions options) : IdentityUserContext<Person, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Assortment> Assortments => Set<Assortment>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<PromotionalCode> PromotionalCodes => Set<PromotionalCode>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderStatusTransition> OrderStatusTransitions => Set<OrderStatusTransition>();
    public DbSet<OrderChange> OrderChanges => Set<OrderChange>();
    public DbSet<ValidationJob> ValidationJobs => Set<ValidationJob>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's model first; our configurations rename its tables.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrdersDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe against reordering.
        foreach (var type in typeof(Role).Assembly.GetTypes().Concat(typeof(OrdersDbContext).Assembly.GetTypes()).Where(t => t.IsEnum))
            configurationBuilder.Properties(type).HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}

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
public abstract class OrdersDbContext(DbContextOptions options) : IdentityUserContext<Person, Guid>(options),
    IDataProtectionKeyContext
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
    public DbSet<Mail.MailMessage> MailMessages => Set<Mail.MailMessage>();
    public DbSet<OrderNote> OrderNotes => Set<OrderNote>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<WebConsole.SavedView> SavedViews => Set<WebConsole.SavedView>();
    public DbSet<BulkMove> BulkMoves => Set<BulkMove>();
    public DbSet<BulkMoveItem> BulkMoveItems => Set<BulkMoveItem>();

    /// <summary>Set when mail was added, so the commit that holds it wakes the mail worker.</summary>
    public bool MailWritten { get; set; }

    /// <summary>The database's name for logs and messages.</summary>
    public abstract string ProviderName { get; }

    /// <summary>What the database needs before it is migrated (nothing, unless the provider says so).</summary>
    public virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Whether the failed write ran into the unique key or index of these properties (in the model's order).
    /// </summary>
    public bool HitUnique<TEntity>(DbUpdateException failure, params string[] properties)
    {
        var entity = Model.FindEntityType(typeof(TEntity))
            ?? throw new ArgumentException($"{typeof(TEntity).Name} is not in the model.");
        var key = entity.GetKeys().Select(k => (k.Properties, Name: k.GetName()!))
            .Concat(entity.GetIndexes().Where(i => i.IsUnique).Select(i => (i.Properties, Name: i.GetDatabaseName()!)))
            .FirstOrDefault(k => k.Properties.Select(p => p.Name).SequenceEqual(properties));
        if (key.Name is null)
            throw new ArgumentException(
                $"{typeof(TEntity).Name} has no unique key on {string.Join(", ", properties)}.");
        var table = entity.GetTableName()!;
        return HitUnique(failure, table, key.Name, [.. key.Properties.Select(p => p.GetColumnName())]);
    }

    /// <summary>
    /// The provider's way of leasing queued work (<see cref="Work.Leases"/>): one statement that skips rows other
    /// instances hold, or a single writer's three steps.
    /// </summary>
    public abstract Work.Leasing Leasing { get; }

    /// <summary>The provider's way of naming a unique violation: by constraint name, or by table and columns.</summary>
    protected abstract bool HitUnique(DbUpdateException failure, string table, string constraint,
        IReadOnlyList<string> columns);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's model first; our configurations rename its tables.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrdersDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe against reordering.
        foreach (var type in typeof(Role).Assembly.GetTypes().Concat(typeof(OrdersDbContext).Assembly.GetTypes())
            .Where(t => t.IsEnum))
            configurationBuilder.Properties(type).HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DataSetup
{
    public const string DefaultSqlite = "Data Source=./data/openorders.db";

    /// <summary>SQLite by default (a file under ./data); PostgreSQL when <c>Database:Provider</c> says so.</summary>
    public static IServiceCollection AddOrdersDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = config.GetConnectionString("Orders");
        services.AddSingleton(new DatabaseSettings(provider));
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<CommitNotifier>();
        services.AddSingleton<TransactionCommitNotifier>();

        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Orders is not set.");
            services.AddDbContextPool<OrdersDbContext, PostgresOrdersDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(Interceptors(sp)));
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString;
            EnsureDirectoryFor(connectionString);
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContextPool<OrdersDbContext, SqliteOrdersDbContext>((sp, o) =>
                o.UseSqlite(connectionString).AddInterceptors([sp.GetRequiredService<SqliteWriteGate>(), .. Interceptors(sp)]));
        }
        return services;
    }

    /// <summary>Every commit wakes the webhook worker.</summary>
    private static IInterceptor[] Interceptors(IServiceProvider services) =>
        [services.GetRequiredService<CommitNotifier>(), services.GetRequiredService<TransactionCommitNotifier>()];

    private static void EnsureDirectoryFor(string sqliteConnectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider);

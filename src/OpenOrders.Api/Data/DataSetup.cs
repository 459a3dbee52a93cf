using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using OpenOrders.Api.Work;

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
    // Both providers read an order and its transitions in one query (the collections are small), said outright so
    // EF Core does not warn about it at every start.
    public static IServiceCollection AddOrdersDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = config.GetConnectionString("Orders");
        services.AddWorkSignals();

        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Orders is not set.");
            var tuned = Tuned(connectionString);
            services.AddDbContextPool<OrdersDbContext, PostgresOrdersDbContext>((sp, o) =>
                o.UseNpgsql(tuned, n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                    .AddInterceptors(Interceptors(sp)));
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString;
            EnsureDirectoryFor(connectionString);
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContextPool<OrdersDbContext, SqliteOrdersDbContext>((sp, o) =>
                o.UseSqlite(connectionString, q => q.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                    .AddInterceptors([sp.GetRequiredService<SqliteWriteGate>(), .. Interceptors(sp)]));
        }
        return services;
    }

    /// <summary>
    /// Npgsql settings the service is built for, unless the connection string sets them: the hot queries are
    /// prepared once per connection (0005), and connections skip DISCARD ALL on return, because
    /// the service keeps no session state (no SET, temporary tables or session locks).
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("maxautoprepare")) tuned.MaxAutoPrepare = 50;
        if (!given.Contains("noresetonclose")) tuned.NoResetOnClose = true;
        return tuned.ConnectionString;
    }

    /// <summary>Every commit wakes the workers it gave work (<see cref="CommitSignals"/>).</summary>
    private static IInterceptor[] Interceptors(IServiceProvider services) =>
        [services.GetRequiredService<CommitSignals>(), services.GetRequiredService<TransactionCommitSignals>()];

    private static void EnsureDirectoryFor(string sqliteConnectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}

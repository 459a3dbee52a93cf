using Microsoft.EntityFrameworkCore;

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

        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Orders is not set.");
            services.AddDbContextPool<OrdersDbContext, PostgresOrdersDbContext>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString;
            EnsureDirectoryFor(connectionString);
            services.AddDbContextPool<OrdersDbContext, SqliteOrdersDbContext>(o => o.UseSqlite(connectionString));
        }
        return services;
    }

    private static void EnsureDirectoryFor(string sqliteConnectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider);

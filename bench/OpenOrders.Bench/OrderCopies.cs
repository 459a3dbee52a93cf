using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Bench;

/// <summary>
/// Fills the database with many orders fast, for the console's figures: copies of a few real, validated orders
/// (made over the API, so every column is as the service writes it), with new ids and numbers, spread over half a
/// year and over the statuses a provider's history holds. Only the Orders table: no changes, so no webhooks.
/// </summary>
public static class OrderCopies
{
    /// <summary>The accounts and providers copies are spread over, in turn.</summary>
    public sealed record Tenants(IReadOnlyList<Guid> AccountIds, IReadOnlyList<Guid> ProviderIds);

    /// <summary>Most of a provider's history is done; a tenth waits for it.</summary>
    private static readonly string[] Statuses =
        ["PendingProvider", "AcceptedProvider", "Paid", "Paid", "Paid", "Invoiced", "Paid", "CancelledAccount",
            "RejectedProvider", "Credited"];

    private static readonly string[] FirstNames = ["Anna", "Bram", "Chantal", "Daan", "Eva", "Fatima", "Gijs", "Hanna"];

    /// <summary>Copies, then answers how many orders the provider has and a random sample of their ids.</summary>
    public static async Task<(long Orders, List<string> Sample)> CopyAsync(
        string provider, string connectionString, Guid providerId, IReadOnlyList<Guid> templates, int total,
        Tenants? spread = null)
    {
        await using var connection = await OpenAsync(provider, connectionString);
        var postgres = connection is NpgsqlConnection;
        await CopyAsync(connection, templates, total, spread);
        return (await CountAsync(connection, postgres, providerId),
            await SampleAsync(connection, postgres, "ProviderId", providerId));
    }

    public static async Task<DbConnection> OpenAsync(string provider, string connectionString)
    {
        DbConnection connection = provider == "Postgres"
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Inserts <paramref name="total"/> copies, their numbers taken from the service's own order-number sequence (so
    /// the orders the service creates afterwards never meet one), spread over the given accounts and providers.
    /// </summary>
    public static async Task CopyAsync(DbConnection connection, IReadOnlyList<Guid> templates, int total,
        Tenants? spread)
    {
        var postgres = connection is NpgsqlConnection;
        var columns = await ColumnsAsync(connection, postgres);
        var perTemplate = total / templates.Count;
        await using var transaction = await connection.BeginTransactionAsync();
        var last = await TakeNumbersAsync(connection, transaction, perTemplate * templates.Count);
        var first = last - perTemplate * templates.Count;
        for (var t = 0; t < templates.Count; t++)
        {
            var numbers = Enumerable.Range(0, perTemplate)
                .Select(i => OrderNumbers.ForSequence(first + (long)t * perTemplate + i)).ToArray();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Insert(columns, postgres, spread);
            Add(command, "template", postgres ? templates[t] : templates[t].ToString().ToUpperInvariant());
            Add(command, "numbers", postgres ? numbers : System.Text.Json.JsonSerializer.Serialize(numbers));
            // Half a year of history; the templates interleave, a few minutes apart.
            Add(command, "step", 180 * 86_400 / perTemplate);
            Add(command, "offset", t * 180 * 86_400 / total);
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        // On SQLite the copy sits in the write-ahead log (2.5 GB for a million orders); the service's next commit
        // would have to move it into the database while every other writer waits: do it here, where it belongs.
        analyze.CommandText = postgres ? "VACUUM ANALYZE \"Orders\"" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        analyze.CommandTimeout = 600;
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<long> TakeNumbersAsync(DbConnection connection, DbTransaction transaction, int count)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "UPDATE \"Counters\" SET \"Value\" = \"Value\" + @count WHERE \"Name\" = 'OrderNumber' RETURNING \"Value\"";
        Add(command, "count", (long)count);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<long> CountAllAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"Orders\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> CountAsync(DbConnection connection, bool postgres, Guid providerId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"Orders\" WHERE \"ProviderId\" = @provider";
        Add(command, "provider", postgres ? providerId : providerId.ToString().ToUpperInvariant());
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>2 000 random ids of one tenant's orders (column "ProviderId" or "AccountId").</summary>
    public static async Task<List<string>> SampleAsync(DbConnection connection, bool postgres, string column,
        Guid tenantId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT \"Id\" FROM \"Orders\" WHERE \"{column}\" = @tenant ORDER BY random() LIMIT 2000";
        Add(command, "tenant", postgres ? tenantId : tenantId.ToString().ToUpperInvariant());
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetValue(0).ToString()!);
        return ids;
    }

    private static string Insert(IReadOnlyList<string> columns, bool postgres, Tenants? spread)
    {
        // SQLite keeps an offset as (ticks / 1000) << 11
        string Seconds(string column) => postgres
            ? $"t.\"{column}\" - make_interval(secs => g * @step + @offset)"
            : $"t.\"{column}\" - (((g * @step + @offset) * 10000) << 11)";
        var status = string.Join(", ", Statuses.Select(s => $"'{s}'"));
        var names = string.Join(", ", FirstNames.Select(n => $"'{n}'"));
        string Tenant(string column, IReadOnlyList<Guid>? ids) => ids is not { Count: > 0 } ? $"t.\"{column}\""
            : postgres ? $"(ARRAY[{string.Join(", ", ids.Select(i => $"'{i}'::uuid"))}])[1 + g % {ids.Count}]"
            : Pick(string.Join(", ", ids.Select(i => $"'{i.ToString().ToUpperInvariant()}'")), ids.Count);
        var values = columns.Select(c => c switch
        {
            "Id" => postgres
                ? "(lpad(to_hex(number), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(number), 12, '0'))::uuid"
                : "printf('%08X-0000-4000-8000-%012X', number, number)",
            "OrderNumber" => "number",
            "AccountId" => Tenant(c, spread?.AccountIds),
            "ProviderId" => Tenant(c, spread?.ProviderIds),
            "DateCreated" or "DateModified" => Seconds(c),
            "Status" => postgres ? $"(ARRAY[{status}])[1 + g % {Statuses.Length}]" : Pick(status, Statuses.Length),
            "Customer_FirstName" => postgres
                ? $"(ARRAY[{names}])[1 + g % {FirstNames.Length}]"
                : Pick(names, FirstNames.Length),
            "Customer_Surname" => "'Student ' || g",
            "Customer_Email" => "'student' || g || '@example.test'",
            _ => $"t.\"{c}\"",
        });
        var series = postgres
            ? "unnest(@numbers) WITH ORDINALITY AS s(number, g)"
            : "(SELECT key + 1 AS g, value AS number FROM json_each(@numbers)) s";
        return $"INSERT INTO \"Orders\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
               $"SELECT {string.Join(", ", values)} FROM \"Orders\" t CROSS JOIN {series} WHERE t.\"Id\" = @template";
    }

    /// <summary>SQLite has no arrays: a CASE over the index.</summary>
    private static string Pick(string list, int count) =>
        "CASE g % " + count + " " + string.Join(" ", list.Split(", ").Select((v, i) => $"WHEN {i} THEN {v}")) + " END";

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            // Computed columns are the database's to fill (SQLite's table_info leaves them out).
            ? "SELECT column_name FROM information_schema.columns "
              + "WHERE table_name = 'Orders' AND is_generated = 'NEVER' ORDER BY ordinal_position"
            : "SELECT name FROM pragma_table_info('Orders')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

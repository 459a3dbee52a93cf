using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.Orders;

/// <summary>
/// Idempotency-Key handling for order creation. The first answer is stored in the same transaction as the order,
/// so a retry gets exactly that answer, even after a crash right after the commit. After <see cref="KeptFor"/> the
/// key is free again: its record is removed when the key comes back, or by the order writer's sweep
/// (<see cref="ForgetExpiredAsync"/>) if it never does.
/// </summary>
public static class Idempotency
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    /// <summary>At most this many expired records go in one sweep, so a sweep holds the writer briefly.</summary>
    public const int SweepBatch = 1000;

    /// <summary>The longest Idempotency-Key taken.</summary>
    public const int MaxKeyLength = 255;

    public static string Hash<T>(T body, JsonSerializerOptions json) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, json))));

    /// <summary>
    /// The stored answer for this key, if any: replayed when the body is the same, 422 when it differs. Typed as
    /// the create handler's answers, the one caller.
    /// </summary>
    public static async
        Task<Results<Created<OrderResponse>, Replayed, ValidationProblem, ProblemHttpResult>?> ReplayAsync(
        OrdersDbContext db, Caller caller, string key, string hash,
        DateTimeOffset now, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ClientId == caller.Id && r.Key == key, ct);
        if (record is null) return null;
        if (record.ExpiresAt <= now)
        {
            // The key is free again, but its old row still holds the (client, key) primary key that the new
            // order's record needs. A request racing this one deletes nothing; whichever commits first is the answer.
            await db.IdempotencyRecords.Where(r => r.ClientId == caller.Id && r.Key == key && r.ExpiresAt <= now)
                .ExecuteDeleteAsync(ct);
            return null;
        }
        if (record.RequestHash != hash)
            return TypedResults.Problem(statusCode: 422, title: "Idempotency-Key reused",
                detail: $"The Idempotency-Key '{key}' was used with a different body. Use a new key for a new order.");
        return new Replayed(record);
    }

    /// <summary>
    /// Removes up to <see cref="SweepBatch"/> expired records, oldest first, and answers how many. Safe on several
    /// instances at once: each deletes only what has expired, and a row already gone is simply not deleted again.
    /// </summary>
    public static Task<int> ForgetExpiredAsync(OrdersDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).Take(SweepBatch)
            .ExecuteDeleteAsync(ct);

    /// <summary>The first request's answer again: its status, Location and body, marked Idempotent-Replayed.</summary>
    public sealed class Replayed(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = record.StatusCode;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            if (record.Location is not null) http.Response.Headers.Location = record.Location;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(record.ResponseBody);
        }
    }
}

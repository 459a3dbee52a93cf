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
/// so a retry gets exactly that answer, even after a crash right after the commit.
/// </summary>
public static class Idempotency
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

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
            .SingleOrDefaultAsync(r => r.ClientId == caller.Id && r.Key == key && r.ExpiresAt > now, ct);
        if (record is null) return null;
        if (record.RequestHash != hash)
            return TypedResults.Problem(statusCode: 422, title: "Idempotency-Key reused",
                detail: $"The Idempotency-Key '{key}' was used with a different body. Use a new key for a new order.");
        return new Replayed(record);
    }

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

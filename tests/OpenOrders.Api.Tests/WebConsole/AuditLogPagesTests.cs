using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Audit;
using OpenOrders.Api.Data;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// The admin's audit log over HTTP on both databases: pages by cursor, newest first, in the database's own order (many
/// lines share an instant, so the id breaks the tie in SQL), older and newer alike; filtered by action and by who.
/// </summary>
public abstract partial class AuditLogPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    [Fact]
    public async Task The_audit_log_pages_by_cursor_both_ways_and_filters_by_action_and_who()
    {
        var admin = await ConsoleHttp.SignInAsync(app,
            await ConsoleSteps.InviteAsync(app, await app.AdminAsync(), "Admin", null));
        // Two and a bit pages; most lines in one instant, as an invoice run or a test's clock writes them.
        var now = app.Time.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            for (var i = 0; i < 2 * AuditLog.PageSize + 7; i++)
                db.Record(new Actor(ActorKind.Person, i % 3 == 0 ? "Anna@Example.test" : "bob@example.test"),
                    i % 2 == 0 ? AuditAction.ClientCreated : AuditAction.PersonDisabled, $"paged-{i:000}",
                    i < 20 ? now.AddMinutes(-i) : now.AddMinutes(-30));
            await db.SaveChangesAsync();
        }

        List<string> expected;
        await using (var scope = app.Services.CreateAsyncScope())
            expected = await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().AuditEntries
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Subject).ToListAsync();

        // Older and older: every line once, in the database's order, each page full but the last.
        var pages = new List<List<string>>();
        var html = await admin.Client.GetStringAsync("/console/admin/audit");
        while (true)
        {
            pages.Add(Subjects(html));
            if (Link(html, "next") is not { } older) break;
            html = await admin.Client.GetStringAsync(older);
            Assert.NotNull(Link(html, "prev"));
        }
        Assert.Equal(expected, pages.SelectMany(p => p));
        Assert.All(pages[..^1], p => Assert.Equal(AuditLog.PageSize, p.Count));
        Assert.Null(Link(await admin.Client.GetStringAsync("/console/admin/audit"), "prev"));
        // And newer again, from the last page: the same pages.
        for (var i = pages.Count - 2; i >= 0; i--)
        {
            html = await admin.Client.GetStringAsync(Link(html, "prev")!);
            Assert.Equal(pages[i], Subjects(html));
        }
        Assert.Null(Link(html, "prev"));

        // By who (any letter case, part of the address) and by action; the cursor keeps both.
        static bool Bob(string s) => s.StartsWith("paged-", StringComparison.Ordinal) && int.Parse(s[6..]) % 3 != 0;
        html = await admin.Client.GetStringAsync("/console/admin/audit?actor=BOB%40");
        var bob = Subjects(html);
        Assert.Contains("value=\"BOB@\"", html);
        html = await admin.Client.GetStringAsync(Link(html, "next")!);
        Assert.Equal(expected.Where(Bob), bob.Concat(Subjects(html)));
        html = await admin.Client.GetStringAsync("/console/admin/audit?actor=anna&action=ClientCreated");
        Assert.Equal(expected.Where(s => s.StartsWith("paged-", StringComparison.Ordinal)
            && int.Parse(s[6..]) % 6 == 0), Subjects(html));
        Assert.Contains("Nothing matches.", await admin.Client.GetStringAsync("/console/admin/audit?actor=nobody"));

        // A cursor that is not one of ours is the newest page; none of these is a server error.
        var first = Subjects(await admin.Client.GetStringAsync("/console/admin/audit"));
        foreach (var cursor in new[] { "x", "not-base64!", Url("-1:" + Guid.NewGuid().ToString("N")),
                     Url("0:" + Guid.NewGuid().ToString("N")), Url($"{DateTimeOffset.MaxValue.UtcTicks}:{Guid.Empty:N}"),
                     Url("99999999999999999999:abc"), new string('a', 5000) })
            foreach (var name in new[] { "older", "newer" })
            {
                var response = await admin.Client.GetAsync($"/console/admin/audit?{name}={cursor}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        Assert.Equal(first, Subjects(await admin.Client.GetStringAsync("/console/admin/audit?older=x")));
    }

    private static string Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static List<string> Subjects(string html) =>
        [.. Subject().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())];

    private static string? Link(string html, string rel) =>
        Regex.Match(html, $"<a href=\"([^\"]+)\" rel=\"{rel}\">") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<td data-label=\"Of\" class=\"url\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Subject();
}

public sealed class SqliteAuditLogPagesTests(SqliteApp app) : AuditLogPagesTests<SqliteApp>(app);

public sealed class PostgresAuditLogPagesTests(PostgresApp app) : AuditLogPagesTests<PostgresApp>(app);

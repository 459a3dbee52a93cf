using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrders.Api.Mail;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Mail;

/// <summary>
/// With no SMTP server configured (the default, as `dotnet run` has it), mail is kept in the outbox, listed for the
/// admin and never attempted: nothing is dropped, and it goes once a server is configured.
/// </summary>
public sealed class MailWithoutServerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Mail_waits_in_the_outbox_unattempted_and_the_admin_sees_it_rendered()
    {
        var admin = await app.AdminAsync();
        var email = $"kept.{Guid.NewGuid():N}"[..15] + "@example.test";
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync("/api/v1/people", new { email, role = "Admin" })).StatusCode);
        app.Time.Advance(TimeSpan.FromHours(1)); // well past every retry that an attempt would have scheduled

        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/mail-messages?to={Uri.EscapeDataString(email)}");
        var listed = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Waiting", listed.GetProperty("status").GetString());
        Assert.Equal(0, listed.GetProperty("attempts").GetInt32());
        Assert.Equal("Invitation", listed.GetProperty("kind").GetString());
        var id = listed.GetProperty("id").GetGuid();
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/mail-messages/{id}");
        Assert.Contains("/console/set-password?person=", details.GetProperty("text").GetString());
        Assert.StartsWith("<!DOCTYPE html>", details.GetProperty("html").GetString());
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.GetAsync($"/api/v1/mail-messages/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(MailStatus.Waiting,
            (await app.WithDbAsync(db => Task.FromResult(db.MailMessages.Single(m => m.Id == id)))).Status);
    }
}

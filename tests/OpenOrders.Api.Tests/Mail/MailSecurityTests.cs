using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using OpenOrders.Api.Data;
using OpenOrders.Api.Mail;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Bench;

namespace OpenOrders.Api.Tests.Mail;

/// <summary>
/// The SMTP settings an operator gives for a relay on the internet: TLS (after STARTTLS, or from the first byte), a
/// login, and the pin of a certificate that no authority signed. The server is real (<see cref="MailSink"/> with
/// <see cref="MailSinkSecurity"/>); what the connection is made of is a matter of the sender, not of the database,
/// so this runs on SQLite only.
/// </summary>
public abstract class MailSecurityTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : SecureMailApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Mail_goes_over_tls_after_a_login_to_a_server_whose_certificate_is_pinned()
    {
        var email = await InviteAsync();
        var mail = (await app.Sink.WaitForAsync(r => r.Any(m => m.To == email))).Single(m => m.To == email);
        Assert.True(mail.Secure);
        Assert.Equal(SecureMailApp.UserName, mail.User);
        Assert.Equal("Je bent uitgenodigd voor de OpenOrders-console", mail.Message.Subject);
    }

    [Fact]
    public async Task A_refused_login_or_an_unknown_certificate_keeps_the_mail_waiting_with_the_reason_until_put_right()
    {
        // The relay's password was changed: the login is refused, and the mail waits (a login is worth retrying).
        await app.Sink.StopAsync(); // its open connections close, as when a relay restarts
        app.Sink.Password = "changed-on-the-relay";
        await app.Sink.ResumeAsync();
        var refused = await InviteAsync();
        var waiting = await app.WaitForOutboxAsync(m => m.Any(x => x.To == refused && x.Attempts > 0));
        var stored = waiting.Single(x => x.To == refused);
        Assert.Equal(MailStatus.Waiting, stored.Status);
        Assert.StartsWith("AuthenticationException", stored.LastError);
        Assert.DoesNotContain(app.Sink.Received, m => m.To == refused);

        // Another server answers on the relay's port with a certificate that is not the pinned one.
        await app.Sink.StopAsync();
        app.Sink.Password = app.Security.Password;
        var impostorMail = "";
        await using (var impostor = await MailSink.StartAsync(app.Sink.Port,
                         app.Security with { Certificate = MailSinkSecurity.SelfSigned() }))
        {
            impostorMail = await InviteAsync();
            waiting = await app.WaitForOutboxAsync(m => m.Any(x => x.To == impostorMail && x.Attempts > 0));
            Assert.StartsWith("SslHandshakeException", waiting.Single(x => x.To == impostorMail).LastError);
            Assert.Empty(impostor.Received);
        }

        // The relay is back as configured: both go, once each.
        await app.Sink.ResumeAsync();
        app.Time.Advance(TimeSpan.FromMinutes(10));
        var got = await app.Sink.WaitForAsync(r => r.Any(m => m.To == refused) && r.Any(m => m.To == impostorMail));
        Assert.Single(got, m => m.To == refused);
        Assert.Single(got, m => m.To == impostorMail);
    }

    private async Task<string> InviteAsync()
    {
        var email = $"relay.{Guid.NewGuid():N}@example.test";
        var response = await world.Admin.PostAsJsonAsync("/api/v1/people",
            new { email, role = "Provider", tenantId = world.ProviderId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }
}

public sealed class StartTlsMailTests(StartTlsMailApp app) : MailSecurityTests<StartTlsMailApp>(app);

public sealed class TlsOnConnectMailTests(TlsOnConnectMailApp app) : MailSecurityTests<TlsOnConnectMailApp>(app);

/// <summary>The service sending to a relay that asks for TLS and a login, with its certificate pinned.</summary>
public abstract class SecureMailApp : MailApp
{
    public const string UserName = "relay-user";

    public MailSinkSecurity Security { get; }

    protected SecureMailApp(bool tlsOnConnect) =>
        Security = new MailSinkSecurity(MailSinkSecurity.SelfSigned(), tlsOnConnect, UserName, "relay-password-7");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();

    protected override Task<MailSink> StartSinkAsync() => MailSink.StartAsync(security: Security);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Smtp:Security", Security.TlsOnConnect ? "SslOnConnect" : "StartTls");
        builder.UseSetting("Mail:Smtp:UserName", UserName);
        builder.UseSetting("Mail:Smtp:Password", Security.Password);
        // As an operator copies it from a certificate viewer: upper case, in pairs.
        builder.UseSetting("Mail:Smtp:CertificateSha256",
            string.Join(':', Security.Sha256.ToUpperInvariant().Chunk(2).Select(pair => new string(pair))));
    }
}

public sealed class StartTlsMailApp() : SecureMailApp(tlsOnConnect: false);

public sealed class TlsOnConnectMailApp() : SecureMailApp(tlsOnConnect: true);

public sealed class CertificatePinTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(Hex, Hex)]
    [InlineData("01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF", Hex)]
    [InlineData("0123456789ABCDEF 0123456789ABCDEF 0123456789ABCDEF 0123456789ABCDEF", Hex)]
    [InlineData("0123456789abcdef", null)] // a SHA-1 or a cut-off copy: not a pin, refused at start-up
    [InlineData("zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", null)]
    [InlineData(null, null)]
    public void A_pin_is_read_as_64_hex_digits_whatever_the_case_or_separators(string? configured, string? pin) =>
        Assert.Equal(pin, new SmtpOptions { CertificateSha256 = configured }.PinnedCertificate);
}

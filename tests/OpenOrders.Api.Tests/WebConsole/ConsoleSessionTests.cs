using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.People;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>A console session ends when the person signs out or changes their password, copies of it included.</summary>
public abstract class ConsoleSessionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    [Fact]
    public async Task After_sign_out_a_cookie_saved_before_it_no_longer_opens_the_console()
    {
        var email = await ConsoleSteps.InviteAsync(app, await app.AdminAsync(), "Admin", null);
        var console = await ConsoleHttp.SignInAsync(app, email);
        var saved = console.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await new ConsoleHttp(app, saved).Client.GetAsync("/console/orders"))
            .StatusCode);

        var signOut = await console.PostFormAsync("/console/sign-out", [], formPage: "/console/orders");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertSignedOutAsync(new ConsoleHttp(app, saved));
    }

    [Fact]
    public async Task A_new_password_ends_every_session_made_with_the_old_one()
    {
        var email = await ConsoleSteps.InviteAsync(app, await app.AdminAsync(), "Admin", null);
        var console = await ConsoleHttp.SignInAsync(app, email);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var people = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var person = (await people.FindByEmailAsync(email))!;
            var token = await people.GenerateUserTokenAsync(person, ResetTokens.Name,
                UserManager<Person>.ResetPasswordTokenPurpose);
            Assert.True((await scope.ServiceProvider.GetRequiredService<Invitations>()
                .SetPasswordAsync(person.Id, token, "Another-password-7", reset: true)).Succeeded);
        }

        await AssertSignedOutAsync(console);
        await ConsoleHttp.SignInAsync(app, email, "Another-password-7");
    }

    private static async Task AssertSignedOutAsync(ConsoleHttp console)
    {
        var response = await console.Client.GetAsync("/console/orders");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/sign-in", response.Headers.Location!.AbsolutePath);
    }
}

public sealed class SqliteConsoleSessionTests(SqliteApp app) : ConsoleSessionTests<SqliteApp>(app);

public sealed class PostgresConsoleSessionTests(PostgresApp app) : ConsoleSessionTests<PostgresApp>(app);

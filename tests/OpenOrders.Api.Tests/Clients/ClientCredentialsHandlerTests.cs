using System.Net;
using Microsoft.Extensions.Time.Testing;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Client;

namespace OpenOrders.Api.Tests.Clients;

/// <summary>
/// The C# client's token handler: one token for many requests, a new one a minute before it expires, and a new one
/// when the service refuses the one it has.
/// </summary>
public sealed class ClientCredentialsHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>A client through the handler to the service, through <paramref name="between"/> when given.</summary>
    private (HttpClient Http, ClientCredentialsHandler Tokens) Client(TimeProvider? clientClock = null,
        DelegatingHandler? between = null)
    {
        var service = app.Server.CreateHandler();
        if (between is not null) between.InnerHandler = service;
        var tokens = new ClientCredentialsHandler(new Uri(app.Server.BaseAddress, "/oauth/token"), OrdersApp.AdminId,
            OrdersApp.AdminSecret, clientClock) { InnerHandler = between ?? service };
        return (new HttpClient(tokens) { BaseAddress = app.Server.BaseAddress }, tokens);
    }

    [Fact]
    public async Task The_token_is_reused_and_renewed_a_minute_before_it_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (http, tokens) = Client(time);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/accounts")).StatusCode);
        Assert.Equal(1, tokens.TokensFetched);
        time.Advance(TimeSpan.FromMinutes(58));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/accounts")).StatusCode);
        Assert.Equal(1, tokens.TokensFetched);
        time.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/accounts")).StatusCode);
        Assert.Equal(2, tokens.TokensFetched);
    }

    [Fact]
    public async Task A_refused_token_is_replaced_and_the_request_sent_again_with_its_body()
    {
        // The service refuses the first request's token once (as after a rotated signing key).
        var refuseOnce = new RefuseFirstToken();
        var (http, tokens) = Client(between: refuseOnce);

        var created = await http.PostAsync("/api/v1/accounts",
            OrderSteps.JsonBody("""{"name":"Werkgever na een 401"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, tokens.TokensFetched);
        Assert.Equal(1, refuseOnce.Refused);
    }

    [Fact]
    public async Task Requests_refused_together_share_one_new_token()
    {
        var revoke = new RefuseFirstTokenSeen(together: 8);
        var (http, tokens) = Client(between: revoke);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => http.GetAsync("/api/v1/accounts")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(8, revoke.Refused);
        Assert.Equal(2, tokens.TokensFetched);
    }

    /// <summary>
    /// Answers 401 to every request with the first token it sees, as a service would to a revoked one, and holds the
    /// answers until <paramref name="together"/> such requests have come: refused together, not one after another
    /// (a request that started late would otherwise already carry the new token).
    /// </summary>
    private sealed class RefuseFirstTokenSeen(int together) : DelegatingHandler
    {
        private readonly TaskCompletionSource allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? revoked;
        private int refused;

        public int Refused => refused;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var token = request.Headers.Authorization?.Parameter;
            if (token is null || (Interlocked.CompareExchange(ref revoked, token, null) ?? token) != token)
                return await base.SendAsync(request, ct);
            if (Interlocked.Increment(ref refused) == together) allArrived.TrySetResult();
            await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }
    }

    /// <summary>Answers 401 to the first API request, as a service would to a token it no longer accepts.</summary>
    private sealed class RefuseFirstToken : DelegatingHandler
    {
        public int Refused { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (Refused > 0 || request.RequestUri!.AbsolutePath == "/oauth/token") return base.SendAsync(request, ct);
            Refused++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized));
        }
    }
}

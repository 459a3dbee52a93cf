using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Auth;

/// <summary>
/// <c>POST /oauth/token</c>: the OAuth 2.0 client credentials grant (RFC 6749 §4.4). Errors keep RFC 6749's
/// <c>error</c>/<c>error_description</c> and also carry the problem-details fields every other error has.
/// </summary>
public static class TokenApi
{
    private static readonly string DummyHash = SecretHasher.Hash("not-a-client");

    /// <summary>A token request has four short fields; anything far beyond that is refused before it is read.</summary>
    private static readonly FormOptions TokenForm = new()
    {
        ValueCountLimit = 16, KeyLengthLimit = 64, ValueLengthLimit = 4096, MultipartBodyLengthLimit = 16_384,
    };

    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/oauth/token", IssueToken)
            .WithName("issueToken")
            .WithDescription("Exchanges a client id and secret (form fields or HTTP Basic) for a bearer token valid " +
                "for one hour. Errors follow RFC 6749 §5.2; after 10 wrong secrets in a minute the client id (or " +
                "address) waits.")
            .AllowAnonymous()
            .DisableAntiforgery()
            // Not .Accepts(): that would answer a JSON body with 415, where RFC 6749 wants invalid_request.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = FormBody();
                return Task.CompletedTask;
            })
            .Produces<TokenResponse>()
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .WithTags("Auth")
            .WithSummary("Get a bearer token (OAuth 2.0 client credentials)");
        return app;
    }

    public static async Task<IResult> IssueToken(
        HttpContext http, OrdersDbContext db, TokenIssuer issuer, TokenFailures failures, ILogger<TokenIssuer> log)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        if (!http.Request.HasFormContentType)
            return Error(http, 400, "invalid_request", "The request must be application/x-www-form-urlencoded.");

        IFormCollection form;
        try
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, TokenForm));
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // Too many fields, too long a key or value, or a broken body: the form reader's own limits.
            return Error(http, 400, "invalid_request", "The form is malformed or larger than a token request can be.");
        }
        var grantType = form["grant_type"].ToString();
        if (string.IsNullOrEmpty(grantType))
            return Error(http, 400, "invalid_request", "grant_type is required.");
        if (grantType != "client_credentials")
            return Error(http, 400, "unsupported_grant_type", "Only the client_credentials grant is supported.");

        var basic = ReadBasic(http.Request.Headers.Authorization.ToString());
        var formId = form["client_id"].ToString();
        var formSecret = form["client_secret"].ToString();
        if (basic is not null && (formId.Length > 0 && formId != basic.Value.Id || formSecret.Length > 0))
            return Error(http, 400, "invalid_request",
                "Use one way of client authentication: HTTP Basic or the form, not both.");

        var (clientId, secret) = basic ?? (formId, formSecret);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret) || clientId.Length > 100
            || clientId.Any(char.IsControl))
            return Error(http, 401, "invalid_client", "Client authentication failed.", basic is not null);

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.WaitFor(clientId, address) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(http, 429, "slow_down", "Too many failed attempts from this address. "
                + $"Retry after {Math.Ceiling(wait.TotalSeconds)} s.");
        }

        var client = await db.ApiClients.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ClientId == clientId, http.RequestAborted);
        // Hash even for an unknown client, so the answer's timing does not tell which clients exist.
        var valid = SecretHasher.Verify(secret, client?.SecretHash ?? DummyHash);
        if (client is null || !valid || client.DateRevoked is not null)
        {
            failures.Failed(clientId, address);
            // Never the secret: the client id and the address are what an operator needs.
            log.LogWarning("Token refused for client {ClientId} from {Address}: {Reason}", clientId, address,
                client is null ? "unknown client" : !valid ? "wrong secret" : "revoked");
            return Error(http, 401, "invalid_client", "Client authentication failed.", basic is not null);
        }

        failures.Succeeded(clientId, address);
        return TypedResults.Ok(new TokenResponse(issuer.Issue(client), "Bearer",
            (int)AuthOptions.TokenLifetime.TotalSeconds));
    }

    private static OpenApiRequestBody FormBody() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/x-www-form-urlencoded"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "grant_type" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["grant_type"] = new OpenApiSchema { Type = JsonSchemaType.String,
                            Description = "client_credentials" },
                        ["client_id"] = new OpenApiSchema { Type = JsonSchemaType.String,
                            Description = "Or use HTTP Basic authentication." },
                        ["client_secret"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
        },
    };

    /// <summary>
    /// RFC 6749 §2.3.1: client id and secret are form-urlencoded before they are put in the Basic header.
    /// </summary>
    private static (string Id, string Secret)? ReadBasic(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            if (colon < 0) return ("", "");
            return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')),
                Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            return ("", "");
        }
    }

    private static IResult Error(HttpContext http, int status, string error, string description, bool basicUsed = false)
    {
        if (status == 401)
            http.Response.Headers.WWWAuthenticate = basicUsed
                ? "Basic realm=\"openorders\"" : "Bearer realm=\"openorders\"";
        return TypedResults.Json(new OAuthError(error, description,
            $"https://datatracker.ietf.org/doc/html/rfc6749#section-5.2", error, status, description,
            System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier), statusCode: status);
    }
}

public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record OAuthError(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription,
    string Type,
    string Title,
    int Status,
    string Detail,
    string TraceId);

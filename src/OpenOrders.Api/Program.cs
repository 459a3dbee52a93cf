using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Catalog;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Limits;
using OpenOrders.Api.Telemetry;
using OpenOrders.Api.Work;
using OpenOrders.Api.Demo;
using OpenOrders.Api.Invoicing;
using OpenOrders.Api.Mail;
using OpenOrders.Api.OpenApi;
using OpenOrders.Api.Orders;
using OpenOrders.Api.People;
using OpenOrders.Api.Validation;
using OpenOrders.Api.Webhooks;
using OpenOrders.Api.WebConsole;

var builder = WebApplication.CreateBuilder(args);
builder.AddRequestLimits();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOrdersEdge(builder.Configuration, builder.Environment);
builder.Services.AddOrdersDatabase(builder.Configuration);
builder.Services.AddOrdersAuth(builder.Configuration, builder.Environment);
builder.Services.AddOrdersPeople(builder.Environment);
builder.Services.AddOrdersConsole(builder.Environment);
builder.Services.AddScoped<DemoWorld>();
builder.Services.AddHostedService<StartupTasks>();
builder.Services.AddScoped<OrderValidator>();
builder.Services.AddScoped<OrderActions>();
builder.Services.AddScoped<OrderNotes>();
builder.Services.AddScoped<BulkMoves>();
builder.Services.AddScoped<Invoices>();
builder.Services.AddSingleton<OrderReadCache>();
builder.Services.AddSingleton<CourseOwners>();
builder.Services.Configure<WriteOptions>(builder.Configuration.GetSection("Writes"));
builder.Services.AddSingleton<OrderNumberBlocks>();
builder.Services.AddSingleton<OrderWriter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderWriter>()); // not a worker: creates need it
builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Webhooks"));
builder.Services.AddSingleton<CallbackUrlPolicy>();
// The second client sends on a new connection each time: for a request whose pooled connection had been closed.
foreach (var (client, pooled) in new[] { (WebhookSender.ClientName, true), (WebhookSender.FreshClientName, false) })
    builder.Services.AddHttpClient(client)
        .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<CallbackUrlPolicy>().CreateHandler(pooled))
        .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan); // each attempt has its own 15 s limit
builder.Services.AddScoped<WebhookSender>();
builder.Services.AddScoped<WebhookFanout>();
builder.Services.AddScoped<WebhookSubscriptions>();
builder.Services.AddScoped<WebhookDeliveryLog>();
builder.Services.AddSingleton<WebhookDispatcher>();
builder.Services.AddOrdersMail(builder.Configuration);
builder.Services.AddOrdersWorkers(builder.Configuration);

builder.Services.ConfigureHttpJsonOptions(o => JsonSetup.Configure(o.SerializerOptions));
// Unreadable bodies throw, so the exception handler can name the property instead of a bare 400.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOrdersOpenApi(builder.Configuration);
builder.Services.AddOrdersTelemetry(builder.Configuration);
builder.Services.AddClientRateLimits(builder.Configuration);
builder.Services.AddHealthChecks().AddDbContextCheck<OrdersDbContext>("database", tags: ["ready"]);

var app = builder.Build();
if (MigrateCommand.Requested(args))
{
    Environment.ExitCode = await MigrateCommand.RunAsync(app.Services);
    return;
}

app.UseExceptionHandler();
app.UseOrdersEdge(app.Environment);
app.UseRequestLimits();
// Empty error answers (401, 403, 404, 405, 415 from the framework) get a problem-details body too.
app.UseStatusCodePages();
app.UseOrdersConsole(app.Environment);
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseClientRateLimits();

app.MapOrdersOpenApi();
app.MapOrdersMetrics(app.Configuration, app.Environment);
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
    .AllowAnonymous();
if (app.Services.GetService<TokenIssuer>() is not null) app.MapTokenApi();
app.MapClientsApi();
app.MapPeopleApi();
app.MapAccountsApi();
app.MapProvidersApi();
app.MapAssortmentsApi();
app.MapCoursesApi();
app.MapEnumerationsApi();
app.MapPromotionalCodesApi();
app.MapOrdersApi();
app.MapOrderStatusTransitionsApi();
app.MapInvoiceRunsApi();
app.MapWebhooksApi();
app.MapEventsApi();
app.MapMailMessagesApi();
app.MapRazorPages();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

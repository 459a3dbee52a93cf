namespace OpenOrders.Api.Mail;

public static class MailSetup
{
    public static IServiceCollection AddOrdersMail(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.AddSingleton<MailRenderer>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<MailDispatcher>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<OrderMails>();
        services.AddScoped<WebhookMails>();
        services.AddScoped<WaitingOrderDigests>();
        return services;
    }
}

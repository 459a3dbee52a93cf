namespace OpenOrders.Api.Mail;

public static class MailSetup
{
    public static IServiceCollection AddOrdersMail(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MailOptions>().Bind(config.GetSection("Mail"))
            .Validate(o => o.Smtp.CertificateSha256 is null || o.Smtp.PinnedCertificate is not null,
                "Mail:Smtp:CertificateSha256 must be the SHA-256 of the SMTP server's certificate: 64 hex digits.")
            .ValidateOnStart();
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

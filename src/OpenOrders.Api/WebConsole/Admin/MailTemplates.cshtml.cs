using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.Mail;
using OpenOrders.Domain.Notifications;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// Every mail template, rendered with sample data in the chosen language, as a recipient would see it.
/// </summary>
public sealed class AdminMailTemplatesModel(MailOutbox outbox, MailRenderer renderer, TimeProvider time)
    : ConsolePage
{
    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? MailLanguageCode { get; set; }

    public string Shown => MailLanguage.IsKnown(MailLanguageCode) ? MailLanguageCode! : MailLanguage.Dutch;

    public IReadOnlyList<(MailKind Kind, string Subject, string Text)> Samples { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var text = outbox.TextIn(Shown);
        List<(MailKind, string, string)> samples = [];
        foreach (var kind in Enum.GetValues<MailKind>())
        {
            var content = MailSamples.For(kind, text, outbox.BaseUrl, time.GetUtcNow());
            samples.Add((kind, content.Subject, content.PlainText()));
        }
        Samples = samples;
        await Task.CompletedTask;
    }

    public async Task<IActionResult> OnGetHtmlAsync(MailKind kind)
    {
        var text = outbox.TextIn(Shown);
        var rendered = await renderer.RenderAsync(MailSamples.For(kind, text, outbox.BaseUrl, time.GetUtcNow()),
            text.Language);
        return MailFrame.Html(Response, rendered.Html);
    }
}

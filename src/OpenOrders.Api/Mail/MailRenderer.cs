using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenOrders.Api.Mail;

/// <summary>A mail's subject, HTML part and plain-text part, as stored in the outbox.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text);

/// <summary>
/// Renders <see cref="MailContent"/> server-side with the framework's <see cref="HtmlRenderer"/>: the HTML part
/// from <see cref="MailLayout"/>, the text part from the same content.
/// </summary>
public sealed class MailRenderer : IAsyncDisposable
{
    /// <summary>Encodes markup characters only: "één" stays readable in the HTML part.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ServiceProvider services = new ServiceCollection().AddSingleton(Encoder).BuildServiceProvider();
    private readonly HtmlRenderer renderer;

    public MailRenderer() => renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);

    public Task<RenderedMail> RenderAsync(MailContent content, string language) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MailLayout.Content)] = content, [nameof(MailLayout.Language)] = language,
            });
            var html = (await renderer.RenderComponentAsync<MailLayout>(parameters)).ToHtmlString();
            return new RenderedMail(content.Subject, html, content.PlainText());
        });

    public async ValueTask DisposeAsync()
    {
        await renderer.DisposeAsync();
        await services.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Mail;

namespace OpenOrders.Api.WebConsole;

/// <summary>One mail as its recipient sees it (HTML in a sandboxed frame, and the plain text), with a resend.</summary>
public sealed class AdminMailMessageModel(OrdersDbContext db, TimeProvider time) : ConsolePage
{
    public MailMessage Mail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var mail = await db.MailMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null) return Missing();
        Mail = mail;
        return Page();
    }

    /// <summary>The HTML part alone, for the frame: its inline styles allowed, nothing else, no scripts.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(Guid id, CancellationToken ct)
    {
        var html = await db.MailMessages.Where(m => m.Id == id).Select(m => m.Html).SingleOrDefaultAsync(ct);
        return html is null ? Missing() : MailFrame.Html(Response, html);
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        if (await MailMessagesApi.Resend(db, id, time.GetUtcNow(), ct) is null) return Missing();
        Succeeded(Text["The mail waits to be sent again, as the same message."]);
        return RedirectToPage(new { id });
    }
}

/// <summary>How a mail's HTML is shown inside the console: framed, sandboxed, with its own narrow policy.</summary>
public static class MailFrame
{
    public static ContentResult Html(HttpResponse response, string html)
    {
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";
        response.Headers.XFrameOptions = "SAMEORIGIN";
        return new ContentResult { Content = html, ContentType = "text/html; charset=utf-8" };
    }
}

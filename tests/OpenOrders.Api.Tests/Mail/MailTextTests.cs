using System.Text.RegularExpressions;
using OpenOrders.Api.Mail;
using OpenOrders.Domain.Notifications;

namespace OpenOrders.Api.Tests.Mail;

/// <summary>Every mail in both languages: each text has its Dutch, with the same placeholders, and every
/// template renders to an HTML and a plain-text part that say the same.</summary>
public sealed partial class MailTextTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public void Every_mail_text_has_its_dutch_with_the_same_placeholders()
    {
        var dutch = MailText.LoadDutch();
        var root = Infrastructure.Repository.Root;
        var used = new[] { "src/OpenOrders.Api/Mail", "src/OpenOrders.Api/People" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs"))
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet();
        Assert.True(used.Count > 40, $"Only {used.Count} texts found: is the pattern still right?");
        var missing = used.Where(t => !dutch.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "No Dutch for: " + string.Join(" | ", missing));
        foreach (var (english, translated) in dutch)
            Assert.Equal(Placeholder().Matches(english).Select(m => m.Value).Order(),
                Placeholder().Matches(translated).Select(m => m.Value).Order());
        Assert.Empty(dutch.Keys.Except(used));
    }

    public static TheoryData<MailKind, string> EveryMail()
    {
        var data = new TheoryData<MailKind, string>();
        foreach (var kind in Enum.GetValues<MailKind>())
            foreach (var language in MailLanguage.All) data.Add(kind, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMail))]
    public async Task Every_template_renders_the_same_words_as_html_and_as_plain_text(MailKind kind, string language)
    {
        var text = new MailText(language, Amsterdam);
        var content = MailSamples.For(kind, text, "https://orders.example.test", new DateTimeOffset(2027, 1, 4, 8, 0, 0,
            TimeSpan.Zero));
        await using var renderer = new MailRenderer();
        var rendered = await renderer.RenderAsync(content, language);

        Assert.Contains($"<html lang=\"{language}\">", rendered.Html);
        Assert.DoesNotContain("<script", rendered.Html);
        Assert.DoesNotMatch(@"(src|href)=""http(?!s://orders\.example\.test)", rendered.Html); // nothing from elsewhere
        foreach (var sentence in content.Paragraphs.Append(content.Greeting).Append(content.Footer))
        {
            Assert.Contains(MailRenderer.Encoder.Encode(sentence), rendered.Html);
            Assert.Contains(sentence, rendered.Text);
        }
        if (content.Action is { } action) Assert.Contains(action.Url, rendered.Text);
        var other = MailSamples.For(kind, new MailText(language == "nl" ? "en" : "nl", Amsterdam),
            "https://orders.example.test", new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero));
        Assert.NotEqual(other.Subject, content.Subject);
    }

    [GeneratedRegex("""(?<![A-Za-z])(?:t|text)\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}

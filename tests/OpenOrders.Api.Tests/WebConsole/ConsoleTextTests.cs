using System.Text.RegularExpressions;
using System.Xml.Linq;
using OpenOrders.Api.WebConsole;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// Every text a console page asks for has its Dutch translation, and the Dutch file holds nothing else.
/// </summary>
public sealed partial class ConsoleTextTests
{
    private static readonly string Source =
        Path.Combine(Infrastructure.Repository.Root, "src", "OpenOrders.Api", "WebConsole");

    [Fact]
    public void Every_text_of_the_console_has_a_dutch_translation()
    {
        var missing = UsedTexts().Except(DutchTexts().Keys).Order().ToList();
        Assert.True(missing.Count == 0, "No Dutch in ConsoleText.nl.resx for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_dutch_file_holds_only_texts_the_console_uses()
    {
        var unused = DutchTexts().Keys.Except(UsedTexts()).Order().ToList();
        Assert.True(unused.Count == 0, "Unused in ConsoleText.nl.resx:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void No_two_texts_differ_in_letter_case_alone()
    {
        // The resource compiler keeps only one of them (a warning, not an error): the other is shown in English.
        var clashes = XDocument.Load(Path.Combine(Source, "ConsoleText.nl.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Texts that differ in letter case alone:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void Placeholders_survive_the_translation()
    {
        foreach (var (english, dutch) in DutchTexts())
            Assert.Equal(Placeholder().Matches(english).Select(m => m.Value).Order(),
                Placeholder().Matches(dutch).Select(m => m.Value).Order());
    }

    /// <summary>
    /// The literal texts in the pages, plus those the pages pick by value (roles, moves, requirements).
    /// </summary>
    private static HashSet<string> UsedTexts()
    {
        var used = Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet();
        used.UnionWith(Enum.GetNames<Role>());
        used.UnionWith(Enum.GetValues<OrderStatus>().Select(OrderPageText.ActionOf));
        used.UnionWith(Enum.GetValues<TransitionRequirement>().Select(StatusFlowModel.NeedsText));
        used.UnionWith(StatusDiagram.OwnWords);
        used.UnionWith(Enum.GetValues<OpenOrders.Api.Mail.MailKind>().Select(MailPageText.KindOf));
        used.UnionWith(Enum.GetValues<OpenOrders.Api.Mail.MailStatus>().Select(MailPageText.StatusOf));
        return used;
    }

    private static Dictionary<string, string> DutchTexts() =>
        XDocument.Load(Path.Combine(Source, "ConsoleText.nl.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [GeneratedRegex("""(?<![A-Za-z])(?:T|Text|text)\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}

using System.Text;

namespace OpenOrders.Api.Mail;

/// <summary>
/// What a mail says, independent of its form: the HTML part (<see cref="MailLayout"/>) and the plain-text part
/// (<see cref="PlainText"/>) are both drawn from it, so the two never say different things.
/// </summary>
public sealed record MailContent(
    string Subject, string Greeting, IReadOnlyList<string> Paragraphs, IReadOnlyList<MailFact> Facts,
    MailAction? Action, IReadOnlyList<string> AfterAction, string Footer)
{
    /// <summary>The plain-text part: the same sentences, facts as "label: value", the link written out.</summary>
    public string PlainText()
    {
        var text = new StringBuilder();
        text.Append(Greeting).Append("\n\n");
        foreach (var paragraph in Paragraphs) text.Append(paragraph).Append("\n\n");
        if (Facts.Count > 0)
        {
            var width = Facts.Max(f => f.Label.Length) + 1;
            foreach (var fact in Facts) text.Append((fact.Label + ":").PadRight(width)).Append(' ').Append(fact.Value)
                .Append('\n');
            text.Append('\n');
        }
        if (Action is { } action) text.Append(action.Label).Append(":\n").Append(action.Url).Append("\n\n");
        foreach (var paragraph in AfterAction) text.Append(paragraph).Append("\n\n");
        text.Append("-- \n").Append(Footer).Append('\n');
        return text.ToString();
    }
}

public sealed record MailFact(string Label, string Value);

public sealed record MailAction(string Label, string Url);

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>How <see cref="StatusDiagram.Svg"/> draws the machine; everything is optional.</summary>
public sealed record SvgOptions
{
    /// <summary>The status to highlight, e.g. the order's current one.</summary>
    public OrderStatus? Current { get; init; }

    /// <summary>The statuses an order went through, in order; the moves between consecutive ones are marked.</summary>
    public IReadOnlyList<OrderStatus>? Path { get; init; }

    /// <summary>Each node's text, e.g. its display name in the person's language; default the status name.</summary>
    public Func<OrderStatus, string>? Name { get; init; }

    /// <summary>Each node's tooltip, e.g. a localized display value; default the status name.</summary>
    public Func<OrderStatus, string>? Describe { get; init; }

    /// <summary>How a role is written in labels and the legend; default its lower-case name.</summary>
    public Func<Role, string>? RoleName { get; init; }

    /// <summary>
    /// The picture's own words in another language: "or", "new order", the requirement short forms ("with reason",
    /// "on behalf of", "deadline") and the legend's: all of <see cref="StatusDiagram.OwnWords"/>. Default: as written.
    /// </summary>
    public Func<string, string>? Words { get; init; }

    /// <summary>The picture's accessible title; default "Order status machine".</summary>
    public string? Title { get; init; }

    /// <summary>Starts every id in the picture, so that two diagrams on one page do not clash.</summary>
    public string IdPrefix { get; init; } = "sd";
}

/// <summary>The status machine drawn from the table itself (docs/status-machine.md, docs/status-machine.svg).</summary>
public static partial class StatusDiagram
{
    public static string Mermaid()
    {
        var lines = new List<string> { "stateDiagram-v2", "    [*] --> PendingValidation: created" };
        foreach (var group in OrderStatusMachine.Rules.GroupBy(r => (r.From, r.To)))
        {
            var roles = string.Join(" or ", group.Select(r => r.Role.ToString().ToLowerInvariant()));
            var requires = group.First().Requires is var q and not TransitionRequirement.None ? $" ({q})" : "";
            lines.Add($"    {group.Key.From} --> {group.Key.To}: {roles}{requires}");
        }
        lines.AddRange(OrderStatusMachine.Final.Order().Select(f => $"    {f} --> [*]"));
        return string.Join('\n', lines) + '\n';
    }

    /// <summary>
    /// A standalone SVG document of <see cref="OrderStatusMachine.Rules"/>: one node per status, one arrow per
    /// (from, to) pair labelled with its roles and requirement. Presentation attributes only (no style, no script),
    /// so it passes a Content-Security-Policy without 'unsafe-inline'.
    /// </summary>
    public static string Svg(SvgOptions? options = null)
    {
        options ??= new SvgOptions();
        if (!IdPattern().IsMatch(options.IdPrefix))
            throw new ArgumentException($"Not usable as an id prefix: '{options.IdPrefix}'.", nameof(options));
        return new SvgDrawing(options).Draw();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex IdPattern();

    /// <summary>The words the picture writes itself, for <see cref="SvgOptions.Words"/> to translate.</summary>
    public static IReadOnlyList<string> OwnWords { get; } =
    [
        "or", "new order", "either role", "final status", "current status", "visited status", "move taken",
        .. Enum.GetValues<TransitionRequirement>().Where(r => r != TransitionRequirement.None).Select(Short).Distinct(),
    ];

    /// <summary>One arrow: the roles that may make the move, in table order, and what it needs.</summary>
    private sealed record Arrow(OrderStatus From, OrderStatus To, IReadOnlyList<Role> Roles, string Requires);

    private static IReadOnlyList<Arrow> Arrows() =>
    [
        .. OrderStatusMachine.Rules.GroupBy(r => (r.From, r.To)).Select(g => new Arrow(
            g.Key.From, g.Key.To, [.. g.Select(r => r.Role).Distinct()],
            string.Join(", ", g.Select(r => r.Requires).Distinct().Where(q => q != TransitionRequirement.None)
                .Select(Short)))),
    ];

    /// <summary>The requirement as it fits on an arrow; a new one is spelled out in words.</summary>
    private static string Short(TransitionRequirement requires) => requires switch
    {
        TransitionRequirement.CancellationReason or TransitionRequirement.AdminCancellationReason => "with reason",
        TransitionRequirement.InvoiceOnBehalfOf => "on behalf of",
        TransitionRequirement.CancellationDeadline => "deadline",
        TransitionRequirement.InvoiceNumber => "with invoice number",
        _ => WordBreak().Replace(requires.ToString(), " $1").ToLowerInvariant(),
    };

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBreak();

    /// <summary>Writes one picture: the layout comes from the rules alone, the marks from the options.</summary>
    private sealed class SvgDrawing(SvgOptions options)
    {
        private const string Font = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
        private const string Ink = "#0F172A", Muted = "#475569", Halo = "#FCD34D";
        private const double LabelFont = 11, NodeFont = 13, LegendFont = 12;

        // Each at least 5:1 against white: enough for lines (3:1) and for label text (4.5:1).
        private static readonly Dictionary<Role, string> Colours = new()
        {
            [Role.Account] = "#1D4ED8",
            [Role.Provider] = "#0F766E",
            [Role.Admin] = "#B8420A",
            [Role.System] = "#5A5F66",
        };

        private readonly IReadOnlyList<Arrow> _arrows = Arrows();
        private readonly Func<Role, string> _roleName = options.RoleName ?? (r => r.ToString().ToLowerInvariant());
        private readonly IReadOnlyList<OrderStatus> _path = options.Path ?? [];
        private readonly Func<string, string> _word = options.Words ?? (w => w);
        private readonly StringBuilder _svg = new();

        public string Draw()
        {
            var layout = StatusDiagramLayout.Compute(
                [.. _arrows.Select(a => new DiagramMove(a.From, a.To, TextWidth(Label(a), LabelFont) + 8))],
                s => Math.Max(96, StatusDiagramText.Width(NodeName(s), NodeFont, bold: true) + 28));
            var legend = StatusDiagramLayout.FlowLegend(
                [.. LegendEntries().Select(e => TextWidth(e.Text, LegendFont))], layout.Width, layout.Height);
            Open(layout.Width, legend.Max(b => b.Bottom) + StatusDiagramLayout.Margin);
            DrawStart(layout);
            foreach (var (route, arrow) in layout.Moves.Zip(_arrows).OrderBy(m => IsTaken(m.Second)))
                DrawArrow(route, arrow);
            foreach (var (status, box) in layout.Nodes.OrderBy(n => n.Key)) DrawNode(status, box);
            foreach (var (route, arrow) in layout.Moves.Zip(_arrows)) DrawLabel(route.Label, arrow);
            DrawLegend(LegendEntries().Zip(legend));
            _svg.Append("</svg>\n");
            return _svg.ToString();
        }

        private string Id(string name) => $"{options.IdPrefix}-{name}";

        private static string Colour(Role role) => Colours.GetValueOrDefault(role, Ink);

        private static string Name(Role role) => role.ToString().ToLowerInvariant();

        private bool IsTaken(Arrow arrow) =>
            _path.Zip(_path.Skip(1)).Any(step => step.First == arrow.From && step.Second == arrow.To);

        private string Label(Arrow arrow) =>
            string.Join($" {_word("or")} ", arrow.Roles.Select(_roleName))
            + (arrow.Requires.Length > 0 ? $" ({_word(arrow.Requires)})" : "");

        private static double TextWidth(string text, double size) => StatusDiagramText.Width(text, size, bold: false);

        private void Open(double width, double height)
        {
            var statuses = Enum.GetValues<OrderStatus>();
            var desc = $"{statuses.Length} statuses ({statuses.Count(OrderStatusMachine.Final.Contains)} final) and "
                       + $"{_arrows.Count} moves; an order starts in {OrderStatus.PendingValidation}. "
                       + "Each arrow is labelled and coloured by the roles that may make the move.";
            if (options.Current is { } current) desc += $" Current status: {current}.";
            if (_path.Count > 0) desc += $" Path: {string.Join(" → ", _path)}.";
            var (w, h) = (N(width), N(height));
            _svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" ")
                .Append($"viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{Id("title")}\" ")
                .Append($"aria-describedby=\"{Id("desc")}\" font-family=\"{Font}\">\n")
                .Append($"<title id=\"{Id("title")}\">{Esc(options.Title ?? "Order status machine")}</title>\n")
                .Append($"<desc id=\"{Id("desc")}\">{Esc(desc)}</desc>\n<defs>\n");
            var heads = Enum.GetValues<Role>().Select(r => (Name(r), Colour(r))).Append(("start", Ink));
            foreach (var (name, colour) in heads)
                _svg.Append($"<marker id=\"{Id("arrow-" + name)}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                    .Append("markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
                    .Append($"<path d=\"M0,1 L10,5 L0,9 z\" fill=\"{colour}\"/></marker>\n");
            _svg.Append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n");
        }

        private void DrawStart(StatusDiagramLayout layout)
        {
            var (start, label) = (layout.Start, layout.StartLabel);
            var top = layout.Nodes[OrderStatus.PendingValidation].Y;
            _svg.Append($"<g class=\"start\"><circle cx=\"{N(start.X)}\" cy=\"{N(start.Y)}\" r=\"6\" fill=\"{Ink}\"/>")
                .Append(Line($"M{N(start.X)},{N(start.Y + 6)} L{N(start.X)},{N(top)}", Ink, 1.5,
                    $"marker-end=\"url(#{Id("arrow-start")})\" "))
                .Append(Text(label.X + 2, label.CenterY, LabelFont, Muted, _word("new order"), anchor: "start"))
                .Append("</g>\n");
        }

        private void DrawArrow(RoutedMove route, Arrow arrow)
        {
            var taken = IsTaken(arrow);
            string[] classes = ["edge", .. arrow.Roles.Select(r => "role-" + Name(r)), route.IsBack ? "back" : "",
                taken ? "taken" : ""];
            _svg.Append($"<g class=\"{Classes(classes)}\" data-from=\"{arrow.From}\" data-to=\"{arrow.To}\">")
                .Append($"<title>{arrow.From} → {arrow.To}: {Esc(Label(arrow))}</title>");
            DrawLine(PathData(route.Segments), arrow.Roles, taken, arrowhead: true);
            _svg.Append("</g>\n");
        }

        /// <summary>Any of the roles may make the move: each further role's colour dashes over the first's.</summary>
        private void DrawLine(string d, IReadOnlyList<Role> roles, bool taken, bool arrowhead)
        {
            var width = taken ? 2.75 : 1.5;
            if (taken) _svg.Append(Line(d, Halo, 9, "stroke-linecap=\"round\" "));
            var head = arrowhead ? $"marker-end=\"url(#{Id("arrow-" + Name(roles[0]))})\" " : "";
            _svg.Append(Line(d, Colour(roles[0]), width, head));
            for (var k = 1; k < roles.Count; k++)
                _svg.Append(Line(d, Colour(roles[k]), width,
                    $"stroke-dasharray=\"6 {N(6 * (roles.Count - 1))}\" stroke-dashoffset=\"{N(-6 * k)}\" "));
        }

        private static string Line(string d, string colour, double width, string extra) =>
            $"<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{N(width)}\" {extra}/>";

        private static string PathData(IReadOnlyList<DiagramSegment> segments) =>
            $"M{P(segments[0].Start)}" + string.Concat(segments.Select(s => $" C{P(s.C1)} {P(s.C2)} {P(s.End)}"));

        private static string Classes(IEnumerable<string> names) => string.Join(" ", names.Where(n => n.Length > 0));

        private void DrawNode(OrderStatus status, DiagramBox box)
        {
            var (final, visited, current) = (OrderStatusMachine.Final.Contains(status), _path.Contains(status),
                options.Current == status);
            string[] classes = ["node", final ? "final" : "", visited ? "visited" : "", current ? "current" : ""];
            var (fill, stroke, text) = NodeColours(final, visited, current);
            _svg.Append($"<g class=\"{Classes(classes)}\" data-status=\"{status}\">")
                .Append($"<title>{Esc(options.Describe?.Invoke(status) ?? status.ToString())}</title>")
                .Append(Rect(box, 8, fill, stroke, current ? 3 : 1.25));
            if (final) _svg.Append(Rect(box.Grow(-3.5), 5, "none", stroke));
            _svg.Append(Text(box.CenterX, box.CenterY, NodeFont, text, NodeName(status), bold: true)).Append("</g>\n");
        }

        private string NodeName(OrderStatus status) => options.Name?.Invoke(status) ?? status.ToString();

        /// <summary>Fill, border and text; the current status's white on dark brown is 6.9:1.</summary>
        private static (string, string, string) NodeColours(bool final, bool visited, bool current) =>
            current ? ("#854D0E", "#451A03", "#FFFFFF")
            : visited ? ("#FEF3C7", "#B45309", Ink)
            : (final ? "#F1F5F9" : "#F8FAFC", "#475569", Ink);

        private static string Rect(DiagramBox b, double radius, string fill, string? stroke, double width = 1) =>
            $"<rect x=\"{N(b.X)}\" y=\"{N(b.Y)}\" width=\"{N(b.Width)}\" height=\"{N(b.Height)}\" rx=\"{N(radius)}\" "
            + $"fill=\"{fill}\"" + (stroke is null ? "" : $" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"") + "/>";

        /// <summary>The roles in their colours; a white backing keeps it legible where it lies over an arrow.</summary>
        private void DrawLabel(DiagramBox box, Arrow arrow)
        {
            // Joining words sit between the spans: renderers drop spaces at a span's edges.
            var roles = arrow.Roles.Select(r => $"<tspan fill=\"{Colour(r)}\">{Esc(_roleName(r))}</tspan>");
            var requires = arrow.Requires.Length > 0 ? $" ({Esc(_word(arrow.Requires))})" : "";
            var text = string.Join($" {Esc(_word("or"))} ", roles) + requires;
            _svg.Append($"<g class=\"edge-label\" data-from=\"{arrow.From}\" data-to=\"{arrow.To}\">")
                .Append(Rect(box, 3, "#FFFFFF", stroke: null).Replace("/>", " fill-opacity=\"0.92\"/>"))
                .Append($"<text x=\"{N(box.CenterX)}\" y=\"{N(box.CenterY + LabelFont * 0.35)}\" ")
                .Append($"font-size=\"{N(LabelFont)}\" text-anchor=\"middle\" fill=\"{Muted}\">{text}</text></g>\n");
        }

        private IEnumerable<(string Kind, string Text, IReadOnlyList<Role> Roles)> LegendEntries()
        {
            foreach (var role in Enum.GetValues<Role>()) yield return ("role", _roleName(role), [role]);
            if (_arrows.FirstOrDefault(a => a.Roles.Count > 1) is { } either)
                yield return ("role", _word("either role"), either.Roles);
            yield return ("final", _word("final status"), []);
            if (options.Current is not null) yield return ("current", _word("current status"), []);
            if (_path.Count > 0) yield return ("visited", _word("visited status"), []);
            if (_path.Count > 1) yield return ("taken", _word("move taken"), [Role.System]);
        }

        /// <summary>Each legend entry: a sample in the first 30 px of its box, then its text.</summary>
        private void DrawLegend(
            IEnumerable<((string Kind, string Text, IReadOnlyList<Role> Roles), DiagramBox)> entries)
        {
            _svg.Append("<g class=\"legend\">");
            foreach (var ((kind, text, roles), box) in entries)
            {
                var y = box.CenterY;
                var sample = new DiagramBox(box.X, y - 9, 30, 18);
                if (kind is "role" or "taken")
                    DrawLine($"M{N(box.X)},{N(y)} L{N(box.X + 30)},{N(y)}", roles, kind == "taken", arrowhead: false);
                else
                {
                    var (fill, stroke, _) = NodeColours(kind == "final", kind == "visited", kind == "current");
                    _svg.Append(Rect(sample, 5, fill, stroke, kind == "current" ? 3 : 1.25));
                    if (kind == "final") _svg.Append(Rect(sample.Grow(-3), 3, "none", stroke));
                }
                _svg.Append(Text(box.X + 38, y, LegendFont, Ink, text, anchor: "start"));
            }
            _svg.Append("</g>\n");
        }

        private static string Text(double x, double y, double size, string fill, string text, bool bold = false,
            string anchor = "middle") =>
            $"<text x=\"{N(x)}\" y=\"{N(y + size * 0.35)}\" font-size=\"{N(size)}\""
            + (bold ? " font-weight=\"600\"" : "") + $" text-anchor=\"{anchor}\" fill=\"{fill}\">{Esc(text)}</text>";

        /// <summary>One decimal, invariant, and never "-0.0".</summary>
        private static string N(double value) =>
            (Math.Round(value, 1) + 0.0).ToString("0.0", CultureInfo.InvariantCulture);

        private static string P(DiagramPoint p) => $"{N(p.X)},{N(p.Y)}";

        /// <summary>XML-escaped, without the characters XML cannot carry at all.</summary>
        private static string Esc(string text) =>
            new string([.. text.Where(c => char.IsSurrogate(c) || XmlConvert.IsXmlChar(c))])
                .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OpenOrders.Api.WebConsole;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Tests.WebConsole;

public sealed class StatusDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly (OrderStatus From, OrderStatus To)[] Moves =
        [.. OrderStatusMachine.Rules.Select(r => (r.From, r.To)).Distinct()];

    private const string Regenerate = "UPDATE_DOCS=1 dotnet test tests/OpenOrders.Api.Tests --filter FullyQualifiedName~StatusDiagram";

    /// <summary>The docs' diagrams are drawn from the table; set UPDATE_DOCS=1 to redraw them after a change.</summary>
    [Fact]
    public void The_documented_diagram_is_the_table()
    {
        var note = "Both the picture above (`StatusDiagram.Svg()`, status-machine.svg) and the Mermaid block "
                   + "below (`StatusDiagram.Mermaid()`, its text alternative) are generated from "
                   + "`OrderStatusMachine.Rules`; `StatusDiagramTests` fails when either drifts from the table. "
                   + $"Redraw both with `{Regenerate}`.";
        var expected = "# Order status machine\n\n"
                       + "Drawn from `OrderStatusMachine.Rules` by `StatusDiagram` (a test keeps this file in step)."
                       + "\n\n![Order status machine](status-machine.svg)\n\n"
                       + note + "\n\n```mermaid\n" + StatusDiagram.Mermaid() + "```\n";
        AssertDoc("status-machine.md", expected);
    }

    [Fact]
    public void The_documented_picture_is_the_table() => AssertDoc("status-machine.svg", StatusDiagram.Svg());

    [Fact]
    public void Every_rule_appears_in_the_diagram()
    {
        var diagram = StatusDiagram.Mermaid();
        foreach (var rule in OrderStatusMachine.Rules)
            Assert.Contains($"{rule.From} --> {rule.To}:", diagram);
    }

    [Fact]
    public void The_picture_is_a_standalone_accessible_svg_document()
    {
        var text = StatusDiagram.Svg();
        var root = XDocument.Parse(text).Root!;

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Matches(@"^0 0 \d+(\.\d)? \d+(\.\d)?$", (string?)root.Attribute("viewBox"));
        Assert.NotNull(root.Attribute("width"));
        Assert.NotNull(root.Attribute("height"));
        Assert.Equal("img", (string?)root.Attribute("role"));
        var title = Assert.Single(root.Elements(Svg + "title"));
        Assert.Equal((string?)title.Attribute("id"), (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("Order status machine", title.Value);
        Assert.Contains($"17 statuses (8 final) and {Moves.Length} moves", root.Element(Svg + "desc")!.Value);
        Assert.EndsWith("</svg>\n", text);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void The_picture_has_one_node_per_status_and_one_arrow_per_move()
    {
        var root = Draw();

        Assert.Equal(Enum.GetValues<OrderStatus>().Order(), Groups(root, "node").Select(Status).Order());
        Assert.Equal(Moves.Order(), Groups(root, "edge").Select(Move).Order());
        Assert.Equal(Moves.Order(), Groups(root, "edge-label").Select(Move).Order());
        Assert.All(Groups(root, "node"), g =>
            Assert.Equal(OrderStatusMachine.Final.Contains(Status(g)), Classes(g).Contains("final")));
    }

    [Fact]
    public void Arrows_are_labelled_with_their_roles_and_requirement()
    {
        var root = Draw(new SvgOptions { RoleName = r => r == Role.Admin ? "Verwaltung" : r.ToString() });
        string Label(OrderStatus from, OrderStatus to) =>
            Groups(root, "edge-label").Single(g => Move(g) == (from, to)).Value;

        Assert.Equal("System or Verwaltung (with invoice number)",
            Label(OrderStatus.PendingInvoice, OrderStatus.Invoiced));
        Assert.Equal("Provider (on behalf of)", Label(OrderStatus.PendingProvider, OrderStatus.AcceptedProvider));
        Assert.Contains(Groups(root, "edge"), g => Classes(g).SetEquals(["edge", "role-system", "role-admin"]));
        Assert.Contains("Verwaltung", root.Descendants(Svg + "g").Single(g => Classes(g).Contains("legend")).Value);
    }

    public static TheoryData<OrderStatus> EveryStatus() => [.. Enum.GetValues<OrderStatus>()];

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Only_the_current_status_is_highlighted(OrderStatus current)
    {
        var root = Draw(new SvgOptions { Current = current });

        var highlighted = Assert.Single(root.Descendants(), e => Classes(e).Contains("current"));
        Assert.Equal(current, Status(highlighted));
    }

    [Theory]
    [InlineData(new[] { OrderStatus.PendingValidation, OrderStatus.PendingProvider, OrderStatus.AcceptedProvider })]
    [InlineData(new[] { OrderStatus.PendingValidation, OrderStatus.PendingAccount, OrderStatus.PendingValidation,
                        OrderStatus.PendingProvider, OrderStatus.CancelledAdmin })]
    [InlineData(new[] { OrderStatus.PendingValidation })]
    public void A_path_marks_exactly_its_moves_and_statuses(OrderStatus[] path)
    {
        var root = Draw(new SvgOptions { Path = path, Current = path[^1] });

        var taken = Groups(root, "edge").Where(g => Classes(g).Contains("taken")).Select(Move);
        Assert.Equal(path.Zip(path.Skip(1)).Distinct().Order(), taken.Order());
        var visited = Groups(root, "node").Where(g => Classes(g).Contains("visited")).Select(Status);
        Assert.Equal(path.Distinct().Order(), visited.Order());
    }

    [Fact]
    public void No_two_boxes_overlap()
    {
        var root = Draw();
        var boxes = Groups(root, "node").Concat(Groups(root, "edge-label"))
            .Select(g => (Name: $"{g.Attribute("class")!.Value} {g.Attribute("data-status")?.Value} {g.Value}",
                Box: Box(g.Element(Svg + "rect")!)))
            .ToList();

        for (var a = 0; a < boxes.Count; a++)
            for (var b = a + 1; b < boxes.Count; b++)
                Assert.False(boxes[a].Box.Overlaps(boxes[b].Box), $"{boxes[a].Name} overlaps {boxes[b].Name}");
    }

    [Fact]
    public void Every_id_starts_with_the_prefix_and_every_reference_resolves()
    {
        var root = Draw(new SvgOptions { IdPrefix = "order-42" });

        var ids = root.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("order-42-", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var references = root.DescendantsAndSelf().Attributes().SelectMany(a =>
            a.Name.LocalName.StartsWith("aria-", StringComparison.Ordinal)
                ? a.Value.Split(' ')
                : Regex.Matches(a.Value, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value)).ToList();
        Assert.Contains("order-42-title", references);
        Assert.Contains("order-42-arrow-provider", references);
        Assert.All(references, r => Assert.Contains(r, ids));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1sd")]
    [InlineData("s d")]
    [InlineData("sd\"")]
    public void An_unusable_id_prefix_is_refused(string prefix) =>
        Assert.Throws<ArgumentException>(() => StatusDiagram.Svg(new SvgOptions { IdPrefix = prefix }));

    /// <summary>The page's Content-Security-Policy has no 'unsafe-inline': presentation attributes only.</summary>
    [Fact]
    public void The_picture_has_no_styles_scripts_or_event_handlers()
    {
        var root = Draw(new SvgOptions { Current = OrderStatus.Paid, Path = [OrderStatus.Invoiced, OrderStatus.Paid] });

        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName is "style" or "script");
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName is "foreignObject" or "image");
        var attributes = root.DescendantsAndSelf().Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.LocalName == "style");
        Assert.DoesNotContain(attributes, a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        // Nothing is fetched: no links, no external fonts or images.
        Assert.DoesNotContain(attributes, a => a.Name.LocalName == "href");
        Assert.DoesNotContain(attributes, a => a.Value.Contains("//", StringComparison.Ordinal));
    }

    [Fact]
    public void Tooltips_and_texts_are_escaped()
    {
        var root = Draw(new SvgOptions
        {
            Describe = s => $"<{s}> & \"mehr\"\u0001", RoleName = r => $"{r} & co", Title = "Bestellung <1>",
        });

        Assert.Equal("Bestellung <1>", root.Element(Svg + "title")!.Value);
        var paid = Groups(root, "node").Single(g => (string?)g.Attribute("data-status") == "Paid");
        Assert.Equal("<Paid> & \"mehr\"", paid.Element(Svg + "title")!.Value);
        Assert.Equal("Paid", paid.Element(Svg + "text")!.Value);
        Assert.Contains(Groups(root, "edge-label"), g => g.Value == "Admin & co");
    }

    [Fact]
    public void The_picture_is_the_same_every_time()
    {
        var first = StatusDiagram.Svg();
        StatusDiagram.Svg(new SvgOptions { RoleName = r => r.ToString().ToUpperInvariant() }); // another layout
        Assert.Equal(first, StatusDiagram.Svg());
    }

    private static XElement Draw(SvgOptions? options = null) => XDocument.Parse(StatusDiagram.Svg(options)).Root!;

    private static HashSet<string> Classes(XElement element) =>
        [.. ((string?)element.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static IEnumerable<XElement> Groups(XElement root, string cls) =>
        root.Descendants(Svg + "g").Where(g => Classes(g).Contains(cls));

    private static OrderStatus Status(XElement group) => Parse(group, "data-status");

    private static (OrderStatus, OrderStatus) Move(XElement group) =>
        (Parse(group, "data-from"), Parse(group, "data-to"));

    private static OrderStatus Parse(XElement element, string attribute) =>
        Enum.Parse<OrderStatus>((string)element.Attribute(attribute)!);

    private static Area Box(XElement rect)
    {
        double Get(string name) => double.Parse((string)rect.Attribute(name)!, CultureInfo.InvariantCulture);
        return new(Get("x"), Get("y"), Get("width"), Get("height"));
    }

    private readonly record struct Area(double X, double Y, double W, double H)
    {
        public bool Overlaps(Area b) => X < b.X + b.W && b.X < X + W && Y < b.Y + b.H && b.Y < Y + H;
    }

    private static void AssertDoc(string name, string expected)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "OpenOrders.slnx"))) root = Path.GetDirectoryName(root)!;
        var doc = Path.Combine(root, "docs", name);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") File.WriteAllText(doc, expected);
        var actual = File.Exists(doc) ? File.ReadAllText(doc) : "";
        if (actual == expected) return;
        var (want, have) = (expected.Split('\n'), actual.Split('\n'));
        var line = Enumerable.Range(0, Math.Max(want.Length, have.Length))
            .First(i => i >= want.Length || i >= have.Length || want[i] != have[i]);
        Assert.Fail($"docs/{name} no longer matches OrderStatusMachine.Rules (first difference on line {line + 1}). "
                    + $"Regenerate it with: {Regenerate}");
    }
}

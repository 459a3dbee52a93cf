using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Tests.Orders;

public sealed class StatusDiagramTests
{
    /// <summary>The docs' diagram is drawn from the table; set UPDATE_DOCS=1 to redraw it after changing the table.</summary>
    [Fact]
    public void The_documented_diagram_is_the_table()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "OpenOrders.slnx"))) root = Path.GetDirectoryName(root)!;
        var doc = Path.Combine(root, "docs", "status-machine.md");
        var expected = "# Order status machine\n\nDrawn from `OrderStatusMachine.Rules` by `StatusDiagram` (a test keeps this file in step).\n\n```mermaid\n"
                       + StatusDiagram.Mermaid() + "```\n";
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") File.WriteAllText(doc, expected);
        Assert.Equal(expected, File.ReadAllText(doc));
    }

    [Fact]
    public void Every_rule_appears_in_the_diagram()
    {
        var diagram = StatusDiagram.Mermaid();
        foreach (var rule in OrderStatusMachine.Rules)
            Assert.Contains($"{rule.From} --> {rule.To}:", diagram);
    }
}

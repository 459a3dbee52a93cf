namespace OpenOrders.Domain.Orders;

/// <summary>The status machine drawn as a Mermaid state diagram, from the table itself (docs/status-machine.md).</summary>
public static class StatusDiagram
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
}

namespace OpenOrders.Bench;

/// <summary>The bench tool: bench/run and bench/crash call it; see bench/README.md.</summary>
public static class BenchProgram
{
    public static Task<int> Main(string[] args) => Cli.RunAsync(args);
}

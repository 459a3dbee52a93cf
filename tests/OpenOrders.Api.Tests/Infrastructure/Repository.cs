namespace OpenOrders.Api.Tests.Infrastructure;

/// <summary>The repository's folder, for tests that read its files (texts, the OpenAPI document, screenshots).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenOrders.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Not inside the repository.");
    }
}

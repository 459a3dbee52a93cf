namespace OpenOrders.Api.Work;

/// <summary>The <c>Workers</c> configuration section.</summary>
public sealed class WorkerOptions
{
    /// <summary>Off in tests that drive the workers by hand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often a worker looks for work it was not told about (another instance's, or an expired lease).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a leased job belongs to the worker that took it; after that another may take it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often accepted orders are checked for being due for invoicing; zero turns the pass off.</summary>
    public TimeSpan InvoicingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Names this instance in leases.</summary>
    public string InstanceName { get; set; } =
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}

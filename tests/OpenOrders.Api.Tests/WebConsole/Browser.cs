using System.Diagnostics;
using Microsoft.Playwright;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// One headless Chromium for the whole run: Debian's, installed with apt when missing (Playwright cannot download its
/// own here), started with the flags that keep it off the network. Each test takes a fresh context: its own cookies.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public static async Task<IBrowserContext> NewContextAsync(string locale = "en-GB") =>
        await (await Shared.Value).NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1360, Height = 900 },
            TimezoneId = "Europe/Amsterdam",
            IgnoreHTTPSErrors = true, // the run's own certificate
        });

    private static async Task<IBrowser> LaunchAsync()
    {
        await EnsureChromiumAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic",
            ],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }

    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(ChromiumPath)) return;
        if (Environment.UserName != "root")
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing and the tests are not root: install the Debian package 'chromium'.");
        // The package lists may be stale on a fresh machine: refresh them when the first try fails.
        if (await AptInstallAsync() != 0)
        {
            await RunAsync("apt-get", "update -q");
            if (await AptInstallAsync() != 0)
                throw new InvalidOperationException("apt-get could not install chromium.");
        }
    }

    private static Task<int> AptInstallAsync() => RunAsync("apt-get", "install -y -q --no-install-recommends chromium");

    private static async Task<int> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(),
            process.WaitForExitAsync());
        return process.ExitCode;
    }
}

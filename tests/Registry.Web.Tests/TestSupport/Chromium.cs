using Microsoft.Playwright;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright cannot download its own browser here).
/// ops/test installs it; REGISTRY_CHROMIUM points elsewhere if needed.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("REGISTRY_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    /// <param name="extraArguments">More command-line switches, such as a fake camera for the scanning tests.</param>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArguments)
    {
        File.Exists(ExecutablePath).ShouldBeTrue($"Chromium is needed for page tests at {ExecutablePath}: run ops/test, which installs Debian's chromium.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", .. extraArguments],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go, so a person can look at what the tests saw.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}

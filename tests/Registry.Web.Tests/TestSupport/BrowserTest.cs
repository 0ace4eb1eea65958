using Microsoft.Playwright;

namespace Registry.Web.Tests.TestSupport;

/// <summary>A test class with one headless Chromium of its own, launched before its tests and closed after them.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is launched in InitializeAsync.");

    public async ValueTask InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        GC.SuppressFinalize(this);
    }
}

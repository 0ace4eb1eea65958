using Microsoft.Playwright;

namespace Registry.Web.Tests.Site;

/// <summary>Moving through the pages with the Tab key alone: every stop is a visible control with a visible focus ring.</summary>
public sealed class KeyboardBrowserTests(RegistryDatabase database) : BrowserTest
{
    [Theory]
    [InlineData("/check")]
    [InlineData("/verify")]
    [InlineData("/receipts")]
    public async Task Every_tab_stop_shows_a_focus_ring(string path)
    {
        var page = await (await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, path).ToString());

        var stops = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<string?>("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return null;
                  const s = getComputedStyle(e);
                  const r = e.getBoundingClientRect();
                  return `${e.tagName}#${e.id}|${s.outlineStyle}|${parseFloat(s.outlineWidth)}|${r.width > 0 && r.height > 0}`;
                }
                """);
            if (stop is null)
            {
                break;
            }

            stops.Add(stop);
        }

        stops.Count.ShouldBeGreaterThan(4, "the language links, the navigation and the page's own controls");
        foreach (var stop in stops)
        {
            var parts = stop.Split('|');
            parts[1].ShouldNotBe("none", stop);
            double.Parse(parts[2], CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2, stop);
            parts[3].ShouldBe("true", stop);
        }
    }
}

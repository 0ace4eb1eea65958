using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Registry.Web.Tests.TestSupport;

/// <summary>axe-core (Deque.AxeCore.Playwright) against WCAG 2.2 A and AA: the serious and critical violations of a page.</summary>
public static class Axe
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{new Uri(page.Url).PathAndQuery}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")];
    }
}

using Microsoft.AspNetCore.Hosting;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// Settings every test site starts with, before a test's own: its rate limits counted under a namespace of its own
/// in the run's Redis (test sites share a database, and would otherwise share their counts), and high enough that
/// only the tests of the limits meet them.
/// </summary>
public static class SiteSettings
{
    public const string Generous = "1000000";

    public static IReadOnlyDictionary<string, string> Defaults() => new Dictionary<string, string>
    {
        ["RateLimits:Namespace"] = "test-" + Guid.NewGuid().ToString("N")[..12],
        ["RateLimits:Pages:PermitLimit"] = Generous,
        ["RateLimits:Search:PermitLimit"] = Generous,
        ["RateLimits:Suggestions:PermitLimit"] = Generous,
        ["RateLimits:Verify:PermitLimit"] = Generous,
        ["RateLimits:Uploads:PermitLimit"] = Generous,
        ["RateLimits:Checks:PermitLimit"] = Generous,
        ["GraphQL:AnonymousRateLimit:PermitLimit"] = Generous,
    };

    public static void Apply(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in Defaults())
        {
            builder.UseSetting(key, value.ToString(CultureInfo.InvariantCulture));
        }
    }
}

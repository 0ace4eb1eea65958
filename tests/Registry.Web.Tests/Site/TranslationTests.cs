using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Registry.Web.Tests.Site;

/// <summary>Every English string the site shows through the localizer has its Chinese translation.</summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void Every_localized_string_in_the_site_has_a_chinese_translation()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Registry.Web");
        var translated = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.zh-Hans.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var used = Directory.EnumerateFiles(Path.Combine(web, "Features"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Distinct()
            .ToList();

        used.Count.ShouldBeGreaterThan(40);
        used.Where(k => !translated.ContainsKey(k)).ShouldBeEmpty();
        translated.Values.ShouldAllBe(v => v.Length > 0);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Registry.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Registry.sln not found above the test folder.");
    }

    [GeneratedRegex(@"\b(?:T|text)\[""(?<key>[^""]+)""")]
    private static partial Regex LocalizedKey();
}

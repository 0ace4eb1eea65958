using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Web.Tests.GraphQL;

/// <summary>
/// The committed schema.graphql is the API's contract: a change to the live schema must come with the file.
/// To accept a change, run this test with REGISTRY_UPDATE_SCHEMA=1, which rewrites the file, and commit it.
/// </summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class SchemaFileTests(GraphQLSite site)
{
    public static string Print(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

    [Fact]
    public void The_committed_schema_file_is_the_live_schema()
    {
        var live = Print(site.Services.GetRequiredService<ISchema>());
        var path = RepositoryFiles.SchemaFile;
        if (Environment.GetEnvironmentVariable("REGISTRY_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, live);
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run this test with REGISTRY_UPDATE_SCHEMA=1 to write it.");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (committed != live)
        {
            var line = FirstDifferentLine(committed, live);
            Assert.Fail($"The live GraphQL schema differs from {path} (first at line {line.Number}: file has “{line.Committed}”, schema has “{line.Live}”). " +
                "If the change is meant, run this test with REGISTRY_UPDATE_SCHEMA=1 and commit schema.graphql; clients read it as the contract.");
        }
    }

    private static (int Number, string Committed, string Live) FirstDifferentLine(string committed, string live)
    {
        var a = committed.Split('\n');
        var b = live.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end of file)";
            var right = i < b.Length ? b[i] : "(end of schema)";
            if (left != right)
            {
                return (i + 1, left, right);
            }
        }

        return (0, string.Empty, string.Empty);
    }
}

namespace Registry.Web.Tests.TestSupport;

/// <summary>Files of the checkout the tests run from (found by walking up to Registry.sln).</summary>
public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Registry.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("Registry.sln not found above the test folder.");
        }
    }

    public static string SchemaFile => Path.Combine(Root, "src", "Registry.Web", "Features", "GraphQL", "schema.graphql");

    /// <summary>
    /// The schema query an off-the-shelf client sends: graphql-js's getIntrospectionQuery (with descriptions), asked of
    /// the npm package that tests/graphql-client installs, rather than a copy that could drift from what clients send.
    /// </summary>
    public static async Task<string> IntrospectionQueryAsync()
    {
        var start = new System.Diagnostics.ProcessStartInfo("node", ["-e", "process.stdout.write(require('graphql').getIntrospectionQuery({ descriptions: true }))"])
        {
            WorkingDirectory = Path.Combine(Root, "tests", "graphql-client"),
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var node = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var query = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        node.ExitCode.ShouldBe(0, "node with tests/graphql-client's packages (ops/test runs npm ci there)");
        return query;
    }
}

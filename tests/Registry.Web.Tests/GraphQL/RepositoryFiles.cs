namespace Registry.Web.Tests.GraphQL;

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
}

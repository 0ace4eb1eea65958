using System.Diagnostics;

namespace Registry.Web.Tests.GraphQL;

/// <summary>
/// An off-the-shelf client against the running site: graphql-js (npm graphql) introspects the API over a real
/// loopback port, builds a client schema, checks it against the committed schema.graphql, validates sample
/// operations and runs one (tests/graphql-client/check-schema.mjs). ops/test installs node and runs npm ci first.
/// </summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class GraphQLJsClientTests(GraphQLSite site)
{
    private static readonly string ClientFolder = Path.Combine(RepositoryFiles.Root, "tests", "graphql-client");

    [Fact]
    public async Task Graphql_js_builds_and_validates_the_schema_from_the_live_endpoint()
    {
        File.Exists(Path.Combine(ClientFolder, "node_modules", "graphql", "package.json"))
            .ShouldBeTrue($"run `npm ci` in {ClientFolder} first (ops/test does, after installing Debian's nodejs and npm)");
        var endpoint = new Uri(site.KestrelAddress, "/graphql");

        var (exitCode, output) = await RunNodeAsync("check-schema.mjs", endpoint.ToString(), RepositoryFiles.SchemaFile);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("\"ok\":true");
        output.ShouldContain("\"queryFields\":[\"certificate\",\"search\",\"organisation\",\"bodies\",\"schemes\",\"provinces\",\"verify\",\"auditLog\",\"check\"]");
        output.ShouldContain("\"mutationFields\":[\"issueCertificate\",\"renewCertificate\",\"changeScope\",\"changeLevel\",\"suspendCertificate\",\"reinstateCertificate\",\"withdrawCertificate\",\"cancelCertificate\",\"rotateSigningKey\",\"revokeSigningKey\",\"issueQr\",\"bulkPublish\"]");
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = ClientFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("node is not installed; ops/test installs Debian's nodejs.");
            throw;
        }

        using (process)
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the graphql-js check did not finish within 60 s");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }
}

using System.Diagnostics;

namespace Registry.Web.Tests.GraphQL.Subscriptions;

/// <summary>
/// The off-the-shelf client: npm graphql-ws (tests/graphql-client/subscribe.mjs) subscribes to instance B on a real
/// loopback port; a change published through instance A reaches it. ops/test runs npm ci in that folder first.
/// </summary>
public sealed class GraphQLWsClientTests(FeedCluster cluster) : IClassFixture<FeedCluster>
{
    private static readonly string ClientFolder = Path.Combine(RepositoryFiles.Root, "tests", "graphql-client");

    [Fact]
    public async Task The_graphql_ws_client_receives_a_change_made_through_the_other_instance()
    {
        File.Exists(Path.Combine(ClientFolder, "node_modules", "graphql-ws", "package.json"))
            .ShouldBeTrue($"run `npm ci` in {ClientFolder} first (ops/test does)");
        var (certificate, body) = await cluster.IssueAsync();
        var feed = FeedCluster.Feed(cluster.B);
        var before = feed.SubscriberCount;
        var start = new ProcessStartInfo("node") { WorkingDirectory = ClientFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("subscribe.mjs");
        start.ArgumentList.Add(new Uri(cluster.B.StartKestrel(), "/graphql").ToString());
        start.ArgumentList.Add(body.Code);
        using var node = Process.Start(start)!;
        try
        {
            var stderr = node.StandardError.ReadToEndAsync();
            (await node.StandardOutput.ReadLineAsync()).ShouldBe("{\"connected\":true}");
            await FeedCluster.Until(() => feed.SubscriberCount > before, "the node client's subscription is in place");

            await FeedCluster.SuspendThroughAsync(cluster.A, certificate, body, "Seen by graphql-ws");
            var line = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

            node.ExitCode.ShouldBe(0, await stderr);
            var change = JsonDocument.Parse(line!).RootElement.GetProperty("event");
            change.GetProperty("certificateNumber").GetString().ShouldBe(certificate.Number);
            change.GetProperty("kind").GetString().ShouldBe("SUSPENDED");
            change.GetProperty("reason").GetString().ShouldBe("Seen by graphql-ws");
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }
}

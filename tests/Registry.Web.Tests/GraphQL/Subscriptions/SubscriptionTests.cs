using System.Net.Http.Json;

namespace Registry.Web.Tests.GraphQL.Subscriptions;

/// <summary>
/// certificateStatusChanged end to end: a WebSocket client on instance B, changes published through instance A,
/// everything between them real (PostgreSQL outbox, the relay, Redis, the feed, GraphQL.NET, Kestrel).
/// </summary>
public sealed class SubscriptionTests(FeedCluster cluster) : IClassFixture<FeedCluster>
{
    private const string Selection = "{ sequence certificateNumber bodyCode organisationCreditCode kind standing status level effectiveOn reason publishedAt certificate { number status } }";

    [Fact]
    public async Task A_subscriber_on_one_instance_receives_a_change_published_through_the_other_and_not_another_bodys()
    {
        var (certificate, body) = await cluster.IssueAsync();
        var (other, otherBody) = await cluster.IssueAsync();
        await using var client = await TransportWsClient.ReadyAsync(cluster.B.StartKestrel());
        await client.SubscribeAsync("1", $"subscription($body: String) {{ certificateStatusChanged(body: $body) {Selection} }}", new { body = body.Code.ToLowerInvariant() });
        await FeedCluster.Until(() => FeedCluster.Feed(cluster.B).SubscriberCount > 0, "the subscription is in place");

        await FeedCluster.SuspendThroughAsync(cluster.A, other, otherBody, "Another body's change");
        var started = DateTime.UtcNow;
        await FeedCluster.SuspendThroughAsync(cluster.A, certificate, body, "Complaint upheld");
        var message = await client.ReceiveAsync();

        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(3));
        message.GetProperty("type").GetString().ShouldBe("next");
        message.GetProperty("id").GetString().ShouldBe("1");
        var change = message.GetProperty("payload").GetProperty("data").GetProperty("certificateStatusChanged");
        change.GetProperty("certificateNumber").GetString().ShouldBe(certificate.Number);
        change.GetProperty("bodyCode").GetString().ShouldBe(body.Code);
        change.GetProperty("kind").GetString().ShouldBe("SUSPENDED");
        change.GetProperty("standing").GetString().ShouldBe("SUSPENDED");
        change.GetProperty("status").GetString().ShouldBe("SUSPENDED");
        change.GetProperty("level").GetString().ShouldBe("four-star");
        change.GetProperty("reason").GetString().ShouldBe("Complaint upheld");
        change.GetProperty("certificate").GetProperty("number").GetString().ShouldBe(certificate.Number);
        change.GetProperty("certificate").GetProperty("status").GetString().ShouldBe("SUSPENDED");
        (await client.QuietForAsync(0.5)).ShouldBeTrue("the other body's change and no repeat arrive");
    }

    [Fact]
    public async Task Certificate_and_organisation_filters_take_any_typing()
    {
        var (certificate, body) = await cluster.IssueAsync();
        var (other, otherBody) = await cluster.IssueAsync();
        string creditCode;
        await using (var db = cluster.Database.CreateContext())
        {
            creditCode = db.Organisations.Single(o => o.Id == certificate.OrganisationId).CreditCode;
        }

        await using var client = await TransportWsClient.ReadyAsync(cluster.B.StartKestrel());
        var typedNumber = " " + certificate.Number.ToLowerInvariant().Replace("-", "－", StringComparison.Ordinal) + " ";
        await client.SubscribeAsync("by-number", $"subscription($n: String) {{ certificateStatusChanged(certificate: $n) {{ certificateNumber }} }}", new { n = typedNumber });
        await client.SubscribeAsync("by-holder", $"subscription($o: String) {{ certificateStatusChanged(organisation: $o) {{ organisationCreditCode }} }}", new { o = creditCode.ToLowerInvariant() });
        await FeedCluster.Until(() => FeedCluster.Feed(cluster.B).SubscriberCount >= 2, "both subscriptions are in place");

        await FeedCluster.SuspendThroughAsync(cluster.A, other, otherBody, "Not this one");
        await FeedCluster.SuspendThroughAsync(cluster.A, certificate, body, "This one");

        var received = new[] { await client.ReceiveAsync(), await client.ReceiveAsync() }.ToDictionary(m => m.GetProperty("id").GetString()!);
        received["by-number"].GetProperty("payload").GetProperty("data").GetProperty("certificateStatusChanged").GetProperty("certificateNumber").GetString()
            .ShouldBe(certificate.Number);
        received["by-holder"].GetProperty("payload").GetProperty("data").GetProperty("certificateStatusChanged").GetProperty("organisationCreditCode").GetString()
            .ShouldBe(creditCode);
        (await client.QuietForAsync(0.5)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_malformed_filter_gets_its_code_then_complete()
    {
        await using var client = await TransportWsClient.ReadyAsync(cluster.B.StartKestrel());
        await client.SubscribeAsync("bad", "subscription { certificateStatusChanged(organisation: \"91330106MA2B3C4D5X\") { sequence } }");

        var next = await client.ReceiveAsync();
        next.GetProperty("type").GetString().ShouldBe("next");
        next.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldStartWith("CREDIT_CODE");
        (await client.ReceiveAsync()).GetProperty("type").GetString().ShouldBe("complete");
    }

    [Fact]
    public async Task Completing_a_subscription_stops_its_deliveries()
    {
        var (certificate, body) = await cluster.IssueAsync();
        var feed = FeedCluster.Feed(cluster.B);
        await using var client = await TransportWsClient.ReadyAsync(cluster.B.StartKestrel());
        var before = feed.SubscriberCount;
        await client.SubscribeAsync("s", $"subscription {{ certificateStatusChanged(body: \"{body.Code}\") {{ sequence }} }}");
        await FeedCluster.Until(() => feed.SubscriberCount == before + 1, "the subscription is in place");

        await client.SendAsync(new { id = "s", type = "complete" });
        await FeedCluster.Until(() => feed.SubscriberCount == before, "the subscription is gone");
        await FeedCluster.SuspendThroughAsync(cluster.A, certificate, body, "Nobody listens");
        (await client.QuietForAsync(1)).ShouldBeTrue();
    }

    [Fact]
    public async Task Queries_run_over_the_socket_and_mutations_and_bad_documents_get_an_error_message()
    {
        await using var client = await TransportWsClient.ReadyAsync(cluster.B.StartKestrel());

        await client.SubscribeAsync("q", "{ bodies { code } }");
        var next = await client.ReceiveAsync();
        next.GetProperty("type").GetString().ShouldBe("next");
        next.GetProperty("payload").GetProperty("data").GetProperty("bodies").ValueKind.ShouldBe(JsonValueKind.Array);
        (await client.ReceiveAsync()).GetProperty("type").GetString().ShouldBe("complete");

        await client.SubscribeAsync("m", "mutation { anything }");
        var refused = await client.ReceiveAsync();
        refused.GetProperty("type").GetString().ShouldBe("error");
        refused.GetProperty("id").GetString().ShouldBe("m");
        refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("OPERATION_NOT_SUPPORTED");

        await client.SubscribeAsync("v", "subscription { noSuchField }");
        var invalid = await client.ReceiveAsync();
        invalid.GetProperty("type").GetString().ShouldBe("error");
        invalid.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("GRAPHQL_VALIDATION_FAILED");

        await client.SubscribeAsync("p", "subscription {");
        (await client.ReceiveAsync()).GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("GRAPHQL_PARSE_FAILED");
    }

    [Fact]
    public async Task Ping_gets_pong_before_and_after_init()
    {
        await using var client = await TransportWsClient.ConnectAsync(cluster.B.StartKestrel());
        client.SubProtocol.ShouldBe("graphql-transport-ws");
        await client.SendAsync(new { type = "ping" });
        (await client.ReceiveAsync()).GetProperty("type").GetString().ShouldBe("pong");
        await client.SendAsync(new { type = "connection_init", payload = new { } });
        (await client.ReceiveAsync()).GetProperty("type").GetString().ShouldBe("connection_ack");
        await client.SendAsync(new { type = "ping", payload = new { at = 1 } });
        (await client.ReceiveAsync()).GetProperty("type").GetString().ShouldBe("pong");
    }

    [Fact]
    public async Task More_subscriptions_than_the_limit_get_an_error_and_the_connection_stays()
    {
        await using var client = await TransportWsClient.ReadyAsync(cluster.B.StartKestrel());
        for (var i = 0; i < 3; i++)
        {
            await client.SubscribeAsync($"s{i}", "subscription { certificateStatusChanged(body: \"NOBODY\") { sequence } }");
        }

        await client.SubscribeAsync("s3", "subscription { certificateStatusChanged(body: \"NOBODY\") { sequence } }");
        var refused = await client.ReceiveAsync();
        refused.GetProperty("type").GetString().ShouldBe("error");
        refused.GetProperty("id").GetString().ShouldBe("s3");
        refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("TOO_MANY_SUBSCRIPTIONS");
        await client.SendAsync(new { type = "ping" });
        (await client.ReceiveAsync()).GetProperty("type").GetString().ShouldBe("pong");
    }

    [Fact]
    public async Task A_subscription_over_HTTP_is_refused_with_a_code()
    {
        using var http = new HttpClient { BaseAddress = cluster.B.StartKestrel() };
        using var response = await http.PostAsJsonAsync("/graphql", new { query = "subscription { certificateStatusChanged { sequence } }" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("OPERATION_NOT_SUPPORTED");
    }
}

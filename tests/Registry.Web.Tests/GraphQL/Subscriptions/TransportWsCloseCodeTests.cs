namespace Registry.Web.Tests.GraphQL.Subscriptions;

/// <summary>Every way to break the graphql-transport-ws protocol ends the connection with the protocol's close code.</summary>
public sealed class TransportWsCloseCodeTests(FeedCluster cluster) : IClassFixture<FeedCluster>
{
    private Uri Site => cluster.B.StartKestrel();

    [Fact]
    public async Task No_connection_init_within_the_timeout_is_4408()
    {
        await using var client = await TransportWsClient.ConnectAsync(Site);
        (await client.ClosedAsync()).Code.ShouldBe(4408);
    }

    [Fact]
    public async Task A_second_connection_init_is_4429()
    {
        await using var client = await TransportWsClient.ReadyAsync(Site);
        await client.SendAsync(new { type = "connection_init" });
        (await client.ClosedAsync()).Code.ShouldBe(4429);
    }

    [Fact]
    public async Task Subscribe_before_the_ack_is_4401()
    {
        await using var client = await TransportWsClient.ConnectAsync(Site);
        await client.SubscribeAsync("1", "subscription { certificateStatusChanged { sequence } }");
        (await client.ClosedAsync()).Code.ShouldBe(4401);
    }

    [Fact]
    public async Task A_second_subscriber_with_the_same_id_is_4409()
    {
        await using var client = await TransportWsClient.ReadyAsync(Site);
        await client.SubscribeAsync("same", "subscription { certificateStatusChanged { sequence } }");
        await client.SubscribeAsync("same", "subscription { certificateStatusChanged { sequence } }");
        var (code, reason) = await client.ClosedAsync();
        code.ShouldBe(4409);
        reason.ShouldBe("Subscriber for same already exists");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":\"no_such_type\"}")]
    [InlineData("{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ bodies { code } }\"}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":42}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\"}")]
    public async Task A_malformed_message_is_4400(string message)
    {
        await using var client = await TransportWsClient.ReadyAsync(Site);
        await client.SendTextAsync(message);
        (await client.ClosedAsync()).Code.ShouldBe(4400);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_1009()
    {
        await using var client = await TransportWsClient.ReadyAsync(Site);
        await client.SubscribeAsync("big", "{ bodies { code } }" + new string(' ', 5000));
        (await client.ClosedAsync()).Code.ShouldBe(1009);
    }

    [Fact]
    public async Task A_client_without_the_subprotocol_is_4406()
    {
        await using var client = await TransportWsClient.ConnectAsync(Site, subProtocol: null);
        (await client.ClosedAsync()).Code.ShouldBe(4406);
    }
}

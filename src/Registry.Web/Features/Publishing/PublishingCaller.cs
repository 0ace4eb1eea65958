namespace Registry.Web.Features.Publishing;

/// <summary>How a change reached the registry, as the public history names it.</summary>
public enum PublishingChannel
{
    /// <summary>One call of the publishing API (REST or a GraphQL mutation).</summary>
    Api,

    /// <summary>A row of a bulk upload (REST /bulk or GraphQL bulkPublish).</summary>
    Bulk,

    /// <summary>The registry's operator, on the server's command line.</summary>
    Operator,
}

/// <summary>
/// Who is asking, as every transport hands it to <see cref="PublishingCommands"/>: the body and the API key
/// that authenticated the call, the address it came from (for the audit log), and the channel.
/// </summary>
public sealed record PublishingCaller(long BodyId, string BodyCode, string ApiKeyId, string? SourceAddress, PublishingChannel Channel = PublishingChannel.Api)
{
    /// <summary>
    /// The name written as the actor of published events, which anyone may read in a certificate's history: the body
    /// and the channel. The key that made the change is the body's own business and stays in its audit log.
    /// </summary>
    public string ActorName => PublicActor.Name(BodyCode, Channel);

    public PublishingActor Actor => new(BodyId, ActorName);
}

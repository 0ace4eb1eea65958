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

    /// <summary>A staff member of the body, in the console.</summary>
    Console,
}

/// <summary>The staff member behind a console change: who the audit log names.</summary>
public sealed record StaffActor(long Id, string Name);

/// <summary>
/// Who is asking, as every transport hands it to <see cref="PublishingCommands"/>: the body and the API key
/// that authenticated the call, the address it came from (for the audit log), and the channel.
/// </summary>
public sealed record PublishingCaller(long BodyId, string BodyCode, string ApiKeyId, string? SourceAddress, PublishingChannel Channel = PublishingChannel.Api,
    StaffActor? Staff = null)
{
    /// <summary>What <see cref="ApiKeyId"/> holds for a console change.</summary>
    public const string ConsoleKeyId = "console";

    public static PublishingCaller ForStaff(long bodyId, string bodyCode, StaffActor staff, string? sourceAddress) =>
        new(bodyId, bodyCode, ConsoleKeyId, sourceAddress, PublishingChannel.Console, staff);

    /// <summary>
    /// The name written as the actor of published events, which anyone may read in a certificate's history: the body
    /// and the channel. The key that made the change is the body's own business and stays in its audit log.
    /// </summary>
    public string ActorName => PublicActor.Name(BodyCode, Channel);

    public PublishingActor Actor => new(BodyId, ActorName);
}

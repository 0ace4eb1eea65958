namespace Registry.Web.Features.Publishing;

/// <summary>
/// Who is asking, as every transport hands it to <see cref="PublishingCommands"/>: the body and the API key
/// that authenticated the call, and the address it came from (for the audit log).
/// </summary>
public sealed record PublishingCaller(long BodyId, string BodyCode, string ApiKeyId, string? SourceAddress)
{
    /// <summary>The name written as the actor of published events: the body's code and the key that made the change.</summary>
    public string ActorName => $"{BodyCode} api-key {ApiKeyId}";

    public PublishingActor Actor => new(BodyId, ActorName);
}

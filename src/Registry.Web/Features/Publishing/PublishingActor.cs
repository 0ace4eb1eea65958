namespace Registry.Web.Features.Publishing;

/// <summary>Who is publishing: a certification body and the person or API client acting for it.</summary>
public sealed record PublishingActor(long BodyId, string Name);

namespace Registry.Web.Features.Publishing;

/// <summary>
/// A request scope's switch for rehearsing changes instead of publishing them (the console's bulk preview). While it
/// is on, every operation runs through the same rules and the same database checks inside the caller's transaction,
/// each behind its own savepoint so later rows see earlier ones, but nothing is audited, remembered for idempotency,
/// sent to the outbox or committed: the caller rolls the whole transaction back. No advisory lock is taken either,
/// so a rehearsal never holds up real publishing (it holds row locks only on the certificates it touches).
/// </summary>
public sealed class PublishingRehearsal
{
    public bool Active { get; private set; }

    public void Begin() => Active = true;
}

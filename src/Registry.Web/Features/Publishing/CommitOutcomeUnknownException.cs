namespace Registry.Web.Features.Publishing;

/// <summary>
/// The database connection failed while a change was committing: PostgreSQL may have committed it or not, and
/// the registry cannot tell which. Every other failure in the pipeline happens before the commit, so the change
/// is certainly not applied; only this one leaves the answer open, and the caller must say so
/// (<see cref="PublishingErrorCodes.OutcomeUnknown"/>): a retry with the same idempotency key settles it.
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The connection to the database failed while the change was committing; it may or may not have been applied.", inner);

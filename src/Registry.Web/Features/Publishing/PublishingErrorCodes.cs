namespace Registry.Web.Features.Publishing;

/// <summary>
/// Stable codes of refusals that are not registry rules (those are in <c>Registry.Domain.DomainErrorCodes</c>).
/// Clients match on them, so never rename one.
/// </summary>
public static class PublishingErrorCodes
{
    /// <summary>The idempotency key was used before by this body for a different request.</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>The idempotency key is empty, too long or has characters outside printable ASCII.</summary>
    public const string IdempotencyKeyInvalid = "IDEMPOTENCY_KEY_INVALID";

    /// <summary>A field is missing, malformed or out of range (the message names it).</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>A field of a bulk row or request body is longer than the transport allows.</summary>
    public const string FieldTooLong = "FIELD_TOO_LONG";

    /// <summary>A field's text breaks the registry's text rule (NUL, control characters, unpaired surrogates, …; see Registry.Domain.Text.InputText).</summary>
    public const string InvalidText = Registry.Domain.Text.InputText.InvalidTextCode;

    /// <summary>A bulk row the registry could not process (a fault, not a rule): that row was not applied, and the rest ran on.</summary>
    public const string RowFailed = "ROW_FAILED";

    /// <summary>
    /// The connection to the database broke while the row's transaction was committing, so the registry cannot tell
    /// whether it was applied: retry it with the same idempotency key, which replays it if it was.
    /// </summary>
    public const string OutcomeUnknown = "OUTCOME_UNKNOWN";

    public const string UnknownSigningKey = "UNKNOWN_SIGNING_KEY";

    /// <summary>The body has no API key with that id (another body's key is not named).</summary>
    public const string UnknownApiKey = "UNKNOWN_API_KEY";
    public const string NotYourSigningKey = "NOT_YOUR_SIGNING_KEY";

    /// <summary>The signing-key change is not allowed in the key's present state (e.g. revoking a revoked key).</summary>
    public const string SigningKeyRefused = "SIGNING_KEY_REFUSED";

    /// <summary>The database refused the change for a reason the rules did not foresee; nothing was changed.</summary>
    public const string Rejected = "REJECTED";
}

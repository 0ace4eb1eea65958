namespace Registry.Web.Features.Receipts;

/// <summary>
/// A row of <c>receipts</c>: a signed receipt exactly as it was handed out. The table is append-only (a trigger
/// refuses UPDATE, DELETE and TRUNCATE), and the page re-checks <see cref="Document"/>'s signature on every view,
/// so that a change made behind the registry's back shows as NOT GENUINE rather than as what it now says.
/// </summary>
public sealed class StoredReceipt
{
    /// <summary>The receipt id (26 characters of lower-case base32, 128 random bits).</summary>
    public required string Id { get; init; }

    public required string Kind { get; init; }

    /// <summary>The receipt key that signed it (as in the JWKS).</summary>
    public required string Kid { get; init; }

    /// <summary>The receipt's instant (<c>asOf</c> in the signed claims).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public int RowCount { get; init; }

    /// <summary>The signed document (JWS compact serialization), the bytes a download gives.</summary>
    public required string Document { get; init; }
}

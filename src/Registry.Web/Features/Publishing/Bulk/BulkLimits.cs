namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>What one bulk request may hold (documented in README.md).</summary>
public static class BulkLimits
{
    public const int MaxRows = 10_000;

    /// <summary>16 MiB: 10,000 rows of about 1.6 KB each; rows with long scopes need smaller requests.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Rows applied side by side, each lane with its own database session. Most of a row's time is spent waiting
    /// for PostgreSQL, so four lanes roughly halve a request's time on two cores without crowding out other callers.
    /// </summary>
    public const int Lanes = 4;

    /// <summary>Deeper than a row object in an array is never needed.</summary>
    public const int MaxJsonDepth = 4;
}

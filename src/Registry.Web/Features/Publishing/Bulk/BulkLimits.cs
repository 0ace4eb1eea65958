namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>What one bulk request may hold (documented in README.md).</summary>
public static class BulkLimits
{
    public const int MaxRows = 10_000;

    /// <summary>16 MiB: 10,000 rows of about 1.6 KB each; rows with long scopes need smaller requests.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Deeper than a row object in an array is never needed.</summary>
    public const int MaxJsonDepth = 4;
}

namespace Registry.Web.Data;

/// <summary>
/// A bulk load recorded in the database, so that the site can say plainly when it shows demo data and
/// an operator can see what was loaded, when, and with which seed.
/// </summary>
public sealed class DataSet
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public bool IsDemo { get; set; }

    public int? Seed { get; set; }

    public int CertificateCount { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    public required string Description { get; set; }
}

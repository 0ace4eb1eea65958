namespace Registry.Web.Features.Certificates.Caching;

/// <summary>Certificate look-ups answered from memory while the cache is in step with the outbox, else from PostgreSQL.</summary>
public sealed class CachedCertificateRecords(CertificateRecordCache cache, CertificateQueries database) : ICertificateRecords
{
    public async Task<CertificateRecord?> FindAsync(string normalizedNumber, CancellationToken cancellationToken)
    {
        if (cache.Find(normalizedNumber, out var ticket) is { } cached)
        {
            return cached;
        }

        var record = await database.FindAsync(normalizedNumber, cancellationToken);
        if (record is not null)
        {
            cache.Store(record, ticket);
        }

        return record;
    }
}

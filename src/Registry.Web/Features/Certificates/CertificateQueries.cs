namespace Registry.Web.Features.Certificates;

/// <summary>A certificate with the body that issued it and the organisation that holds it.</summary>
public sealed record CertificateRecord(Certificate Certificate, CertificationBody Body, Organisation Organisation)
{
    /// <summary>
    /// Null when the record is what the registry holds now. Set when PostgreSQL could not be reached and the record
    /// came from memory instead: it is the registry's record as of this instant, the last time the cache confirmed
    /// it had applied every committed change.
    /// </summary>
    public DateTimeOffset? ConfirmedAt { get; init; }
}

public sealed class CertificateQueries(RegistryDbContext db) : ICertificateRecords
{
    public async Task<CertificateRecord?> FindAsync(string normalizedNumber, CancellationToken cancellationToken)
    {
        var found = await (
            from c in db.Certificates.AsNoTracking().Include(c => c.Events)
            join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
            join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
            where c.NormalizedNumber == normalizedNumber
            select new { c, b, o }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new CertificateRecord(found.c, found.b, found.o);
    }

    /// <summary>The records of these certificates, in one query; ids no longer in the registry are left out.</summary>
    public async Task<IReadOnlyList<CertificateRecord>> FindManyAsync(IReadOnlyCollection<long> certificateIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificateIds);
        if (certificateIds.Count == 0)
        {
            return [];
        }

        var found = await (
            from c in db.Certificates.AsNoTracking().Include(c => c.Events)
            join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
            join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
            where certificateIds.Contains(c.Id)
            select new { c, b, o }).ToListAsync(cancellationToken);
        return [.. found.Select(f => new CertificateRecord(f.c, f.b, f.o))];
    }
}

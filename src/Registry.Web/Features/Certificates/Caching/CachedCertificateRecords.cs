namespace Registry.Web.Features.Certificates.Caching;

/// <summary>
/// Certificate look-ups answered from memory while the cache is in step with the outbox, else from PostgreSQL; and
/// while PostgreSQL cannot be reached, from the last record the cache confirmed, marked with when that was.
/// </summary>
/// <remarks>
/// The database side (<see cref="CertificateQueries"/> and its context) is resolved from the request's scope only on a
/// miss: building a context for every scan was most of a look-up's cost when the answer came from memory.
/// </remarks>
public sealed class CachedCertificateRecords(CertificateRecordCache cache, IServiceProvider services) : ICertificateRecords
{
    public Task<CertificateRecord?> FindAsync(string normalizedNumber, CancellationToken cancellationToken) =>
        FindAsync(normalizedNumber, lastKnownWhenUnreachable: true, cancellationToken);

    /// <summary>
    /// The record from memory while in step, else from PostgreSQL; with <paramref name="lastKnownWhenUnreachable"/> false,
    /// an unreachable database is the caller's to report (an API whose answers do not carry an as-of instant).
    /// </summary>
    public async Task<CertificateRecord?> FindAsync(string normalizedNumber, bool lastKnownWhenUnreachable, CancellationToken cancellationToken)
    {
        if (cache.Find(normalizedNumber, out var ticket) is { } cached)
        {
            return cached;
        }

        CertificateRecord? record;
        try
        {
            record = await services.GetRequiredService<CertificateQueries>().FindAsync(normalizedNumber, cancellationToken);
        }
        catch (Exception e) when (lastKnownWhenUnreachable && DatabaseFaults.IsUnavailable(e) && cache.FindLastKnown(normalizedNumber) is { } known)
        {
            // The database is unreachable: the last record the cache confirmed, saying as of when, beats no answer.
            return known;
        }

        if (record is not null)
        {
            cache.Store(record, ticket);
        }

        return record;
    }

    /// <summary>
    /// The records of these certificates (a page of search hits): from memory while in step, the rest from PostgreSQL
    /// in one read. A certificate no longer in the registry is absent from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, CertificateRecord>> FindManyAsync(IReadOnlyCollection<long> certificateIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificateIds);
        var found = new Dictionary<long, CertificateRecord>(certificateIds.Count);
        var tickets = new Dictionary<long, LookupTicket>();
        foreach (var id in certificateIds)
        {
            if (cache.Find(id, out var ticket) is { } cached)
            {
                found[id] = cached;
            }
            else
            {
                tickets[id] = ticket;
            }
        }

        if (tickets.Count == 0)
        {
            return found;
        }

        foreach (var record in await services.GetRequiredService<CertificateQueries>().FindManyAsync(tickets.Keys, cancellationToken))
        {
            found[record.Certificate.Id] = record;
            cache.Store(record, tickets[record.Certificate.Id]);
        }

        return found;
    }
}

using Registry.Web.Features.Certificates;
using Registry.Web.Features.Certificates.Caching;

namespace Registry.Web.Features.GraphQL.Loaders;

/// <summary>
/// The batch loaders of one request. Each turns any number of asks into one query, so a page of certificates
/// with their bodies, holders and histories costs the same few round trips whatever its size.
/// </summary>
public sealed class RegistryLoaders
{
    private readonly IServiceProvider _services;
    private RegistryDbContext? _db;

    /// <param name="services">The request's scope: its context is resolved only when a loader first reads (a look-up answered from memory needs none).</param>
    public RegistryLoaders(IServiceProvider services)
    {
        _services = services;
        Records = new(async (ids, ct) => await _services.GetRequiredService<CachedCertificateRecords>().FindManyAsync(ids, ct));
        Certificates = new(async (ids, ct) =>
            await Db.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct));
        Bodies = new(async (ids, ct) =>
            await Db.Bodies.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct));
        Organisations = new(async (ids, ct) =>
            await Db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct));
        Events = new(async (ids, ct) =>
        {
            var events = await Db.StatusEvents.AsNoTracking().Where(e => ids.Contains(e.CertificateId)).ToListAsync(ct);
            return events.GroupBy(e => e.CertificateId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<StatusEvent>)[.. g.OrderBy(e => e.Sequence)]);
        });
        CertificatesOfOrganisation = new(async (ids, ct) =>
        {
            var certificates = await Db.Certificates.AsNoTracking().Where(c => ids.Contains(c.OrganisationId)).ToListAsync(ct);
            return certificates.GroupBy(c => c.OrganisationId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Certificate>)[.. g.OrderByDescending(c => c.IssuedOn).ThenBy(c => c.Id)]);
        });
    }

    private RegistryDbContext Db => _db ??= _services.GetRequiredService<RegistryDbContext>();

    /// <summary>
    /// Whole certificate records (with body, holder and events) from the in-memory certificate cache, the rest from
    /// PostgreSQL in one read: for pages of search hits, whose certificates are read again and again.
    /// </summary>
    public BatchLoader<long, CertificateRecord> Records { get; }

    public BatchLoader<long, Certificate> Certificates { get; }

    public BatchLoader<long, CertificationBody> Bodies { get; }

    public BatchLoader<long, Organisation> Organisations { get; }

    /// <summary>Each certificate's events in sequence order: the input of every status fold.</summary>
    public BatchLoader<long, IReadOnlyList<StatusEvent>> Events { get; }

    /// <summary>An organisation's certificates, newest first. A company holds a handful, so all are read and paged in memory.</summary>
    public BatchLoader<long, IReadOnlyList<Certificate>> CertificatesOfOrganisation { get; }

    /// <summary>Everything a certificate look-up already read (it includes the events), so that its fields cost nothing more.</summary>
    public void Prime(CertificateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Certificates.Prime(record.Certificate.Id, record.Certificate);
        Bodies.Prime(record.Body.Id, record.Body);
        Organisations.Prime(record.Organisation.Id, record.Organisation);
        Events.Prime(record.Certificate.Id, record.Certificate.Events);
    }
}

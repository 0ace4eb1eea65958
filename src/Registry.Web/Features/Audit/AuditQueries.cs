using Registry.Domain;
using Registry.Domain.Identifiers;

namespace Registry.Web.Features.Audit;

/// <summary>A body reads its own audit entries, and never another body's: the body id is always in the filter.</summary>
public sealed class AuditQueries(RegistryDbContext db)
{
    public async Task<AuditPage> ListAsync(long bodyId, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            throw new DomainException("INVALID_LIMIT", $"A page holds 1 to {AuditQuery.MaxLimit} entries.");
        }

        if (query.From is { } from && query.To is { } to && to <= from)
        {
            throw new DomainException("INVALID_TIME_RANGE", "The end of the time range must be after its start.");
        }

        var entries = db.AuditEntries.AsNoTracking().Where(e => e.BodyId == bodyId);
        if (query.CertificateNumber is not null)
        {
            var number = CertificateNumber.Parse(query.CertificateNumber).Normalized;
            entries = entries.Where(e => e.CertificateNumber == number);
        }

        if (query.From is { } start)
        {
            var utc = start.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt >= utc);
        }

        if (query.To is { } end)
        {
            var utc = end.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt < utc);
        }

        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.Id < before);
        }

        var page = await entries.OrderByDescending(e => e.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
        var views = page.Take(query.Limit).Select(e => new AuditEntryView(e.Id, e.OccurredAt, e.ApiKeyId, e.Operation, e.CertificateNumber,
            e.SourceAddress, e.IdempotencyKey, AuditOutcomes.Name(e.Outcome), e.ErrorCode, e.Message, e.BulkId, e.BulkRow) { StaffName = e.StaffName }).ToList();
        return new AuditPage(views, page.Count > query.Limit ? views[^1].Id : null);
    }
}

public static class AuditOutcomes
{
    /// <summary>The wire names: applied, refused, replayed.</summary>
    public static string Name(AuditOutcome outcome) => outcome.ToString().ToLowerInvariant();
}

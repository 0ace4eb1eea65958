using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole.Certificates;

/// <summary>One row of the body's certificate list.</summary>
public sealed record BodyCertificate(string Number, string NormalizedNumber, string Holder, CertificateStatus Status, string Level, DateOnly ExpiresOn);

/// <summary>/console/certificates: the body's own certificates, searched by number or holder, filtered by status, 50 a page.</summary>
public sealed class ListModel(RegistryDbContext db, TimeProvider clock) : ConsolePageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<BodyCertificate> Rows { get; private set; } = [];

    public string Query { get; private set; } = string.Empty;

    public CertificateStatus? Status { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(string? q, string? status, int page = 1, CancellationToken cancellationToken = default)
    {
        Query = (q ?? string.Empty).Trim();
        if (Query.Length > 100 || Domain.Text.InputText.Check(Query, "q") is not null)
        {
            Query = string.Empty;
        }

        Status = Enum.TryParse<CertificateStatus>(status, ignoreCase: true, out var parsed) ? parsed : null;
        PageNumber = Math.Clamp(page, 1, 10_000);
        var today = RegistryCalendar.DateOf(clock.GetUtcNow());
        var bodyId = BodyId;
        var certificates = from c in db.Certificates.AsNoTracking()
                           where c.BodyId == bodyId
                           join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                           select new { c, o };
        if (Query.Length > 0)
        {
            var folded = Domain.Identifiers.CertificateNumber.TryNormalize(Query, out var number, out _) ? number : null;
            certificates = certificates.Where(x => (folded != null && x.c.NormalizedNumber.StartsWith(folded)) || x.o.LegalNameZh.Contains(Query)
                || (x.o.NameEn != null && EF.Functions.ILike(x.o.NameEn, "%" + Query + "%")));
        }

        var ordered = certificates.OrderBy(x => x.c.NormalizedNumber)
            .Select(x => new { x.c.Number, x.c.NormalizedNumber, x.o.LegalNameZh, x.c.Standing, x.c.Level, x.c.ExpiresOn });

        // Without a status filter the page is cut in PostgreSQL; a status depends on today's date, so filtering by it
        // reads the body's matching certificates and cuts the page here.
        var found = Status is null
            ? await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken)
            : await ordered.ToListAsync(cancellationToken);
        var rows = found.Select(r => new BodyCertificate(r.Number, r.NormalizedNumber, r.LegalNameZh, r.Standing.StatusOn(r.ExpiresOn, today), r.Level, r.ExpiresOn))
            .Where(r => Status is null || r.Status == Status)
            .Skip(Status is null ? 0 : (PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToList();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}

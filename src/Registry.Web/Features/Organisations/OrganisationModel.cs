using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Domain.Identifiers;

namespace Registry.Web.Features.Organisations;

/// <summary>A holder's certificate as its page lists it: the status is PostgreSQL's, now.</summary>
public sealed record HeldCertificate(string Number, string NormalizedNumber, CertificateStatus Status, string SchemeCode, string Level, DateOnly IssuedOn,
    DateOnly ExpiresOn, string BodyCode, string BodyNameZh, string BodyNameEn);

/// <summary>
/// /organisations/{creditCode}: a certified company by its unified social credit code (typed any way; the check
/// character is verified): legal, former and English names, province, and every certificate it holds or held.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PageCachePolicies.Organisation)]
public sealed class OrganisationModel(RegistryDbContext db, TimeProvider clock) : PageModel
{
    public Organisation? Organisation { get; private set; }

    public IReadOnlyList<HeldCertificate> Certificates { get; private set; } = [];

    /// <summary>Why the code is not one (400), or null.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string creditCode, CancellationToken cancellationToken)
    {
        if (!CreditCode.TryParse(creditCode, out var code, out var failure))
        {
            Problem = failure.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!string.Equals(creditCode, code.Value, StringComparison.Ordinal))
        {
            return RedirectPermanent($"/organisations/{code.Value}{Request.QueryString}");
        }

        PageCache.PageCacheTags.Add(HttpContext, PageCache.PageCacheTags.Organisation(code.Value));

        Organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.CreditCode == code.Value, cancellationToken);
        if (Organisation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var today = RegistryCalendar.Today(clock);
        var rows = await (
            from c in db.Certificates.AsNoTracking()
            join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
            where c.OrganisationId == Organisation.Id
            orderby c.ExpiresOn descending, c.Id
            select new { c.Number, c.NormalizedNumber, c.Standing, c.SchemeCode, c.Level, c.IssuedOn, c.ExpiresOn, b.Code, b.NameZh, b.NameEn })
            .ToListAsync(cancellationToken);
        Certificates = [.. rows.Select(r => new HeldCertificate(r.Number, r.NormalizedNumber, r.Standing.StatusOn(r.ExpiresOn, today), r.SchemeCode, r.Level,
            r.IssuedOn, r.ExpiresOn, r.Code, r.NameZh, r.NameEn))];
        return Page();
    }
}

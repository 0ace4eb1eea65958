using Registry.Domain;
using Registry.Web.Features.Input.Tables;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Features.Checks;

/// <summary>Thrown when names must be looked up and this instance's search index is not ready yet.</summary>
public sealed class CheckUnavailableException() : Exception("The search index of this server is still loading; names cannot be checked yet.");

/// <summary>
/// Answers a whole list at once: every certificate number in one PostgreSQL query, every credit code in another,
/// every name through the index (<see cref="NameLookup"/>) and then one query for what the names found. Statuses
/// are PostgreSQL's at one instant, the report's <c>AsOf</c>, never the index's.
/// </summary>
public sealed class BulkChecker(RegistryDbContext db, NameLookup names, TimeProvider clock)
{
    /// <summary>Closest names shown for a name no holder has exactly.</summary>
    public const int MaxPartialMatches = 3;

    public async Task<CheckReport> CheckAsync(TextTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var asks = CheckRows.Read(table);
        var asOf = clock.GetUtcNow();
        var today = RegistryCalendar.DateOf(asOf);

        var nameAsks = asks.Where(a => a.AskedAs == AskedAs.Name).ToList();
        var nameMatches = nameAsks.Count == 0 ? [] : names.Find([.. nameAsks.Select(a => a.Name!)], MaxPartialMatches, cancellationToken)
            ?? throw new CheckUnavailableException();
        var byName = nameAsks.Zip(nameMatches).ToDictionary(pair => pair.First.Row, pair => pair.Second);

        var numbers = asks.Select(a => a.Number).OfType<string>().Distinct().ToList();
        var codes = asks.Where(a => a.Number is null).Select(a => a.CreditCode).OfType<string>().Distinct().ToList();
        var ids = nameMatches.SelectMany(m => m.CertificateIds).Distinct().ToList();
        var found = await ReadAsync(numbers, codes, ids, today, cancellationToken);

        var rows = asks.Select(ask => Answer(ask, found, byName.GetValueOrDefault(ask.Row))).ToList();
        return new CheckReport(asOf, table.Format, table.Encoding, rows);
    }

    /// <summary>The certificates with these normalized numbers as PostgreSQL holds them now, by normalized number.</summary>
    public async Task<IReadOnlyDictionary<string, CheckedCertificate>> ByNumbersAsync(IReadOnlyCollection<string> normalizedNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedNumbers);
        if (normalizedNumbers.Count == 0)
        {
            return new Dictionary<string, CheckedCertificate>();
        }

        var numbers = normalizedNumbers.Distinct().ToList();
        var found = await ReadAsync(db.Certificates.AsNoTracking().Where(c => numbers.Contains(c.NormalizedNumber)), db.Organisations.AsNoTracking(),
            RegistryCalendar.DateOf(clock.GetUtcNow()), cancellationToken);
        return found.ToDictionary(c => c.Certificate.NormalizedNumber, c => c.Certificate);
    }

    private static CheckRowResult Answer(CheckAsk ask, Found found, NameMatches? byName)
    {
        var concerns = new List<CheckConcern>();
        IReadOnlyList<CheckedCertificate> matches = [];
        var reason = ask.Problem;
        switch (ask.AskedAs)
        {
            case AskedAs.CertificateNumber:
                if (found.ByNumber.TryGetValue(ask.Number!, out var certificate))
                {
                    matches = [certificate];
                    if (ask.CreditCode is { } code && certificate.HolderCreditCode != code)
                    {
                        concerns.Add(CheckConcern.CreditCodeDiffers);
                    }
                }
                else
                {
                    reason = new CheckProblem(DomainErrorCodes.CertificateNotFound, "The registry has never held a certificate with this number.");
                }

                break;
            case AskedAs.CreditCode:
                matches = found.ByCreditCode.GetValueOrDefault(ask.CreditCode!) ?? [];
                if (matches.Count == 0)
                {
                    reason = new CheckProblem("NO_CERTIFICATE_FOR_CREDIT_CODE", "No certificate in the registry is held by this credit code.");
                }

                break;
            case AskedAs.Name:
                matches = [.. byName!.CertificateIds.Select(found.ById.GetValueOrDefault).OfType<CheckedCertificate>()];
                if (matches.Count == 0)
                {
                    reason = new CheckProblem("NO_HOLDER_BY_NAME", "No certificate holder has this name or a name like it.");
                }
                else if (!byName.Exact)
                {
                    concerns.Add(CheckConcern.PartialName);
                }

                break;
        }

        if (matches.Count > 1)
        {
            concerns.Add(CheckConcern.SeveralMatches);
        }

        if (matches.Count == 0)
        {
            concerns.Add(CheckConcern.NotFound);
        }

        return new CheckRowResult(ask.Row, ask.SourceRow, ask.Asked, ask.AskedAs, matches, concerns, matches.Count == 0 ? reason : null);
    }

    private sealed record Found(
        IReadOnlyDictionary<string, CheckedCertificate> ByNumber,
        IReadOnlyDictionary<string, IReadOnlyList<CheckedCertificate>> ByCreditCode,
        IReadOnlyDictionary<long, CheckedCertificate> ById);

    // Three queries rather than one with OR: each condition has its own index, and OR across the joined tables would scan.
    private async Task<Found> ReadAsync(List<string> numbers, List<string> codes, List<long> ids, DateOnly today, CancellationToken cancellationToken)
    {
        var certificates = db.Certificates.AsNoTracking();
        var holders = db.Organisations.AsNoTracking();
        var byNumber = numbers.Count == 0 ? [] : await ReadAsync(certificates.Where(c => numbers.Contains(c.NormalizedNumber)), holders, today, cancellationToken);
        var byCode = codes.Count == 0 ? [] : await ReadAsync(certificates, holders.Where(o => codes.Contains(o.CreditCode)), today, cancellationToken);
        var byId = ids.Count == 0 ? [] : await ReadAsync(certificates.Where(c => ids.Contains(c.Id)), holders, today, cancellationToken);
        return new Found(
            byNumber.ToDictionary(c => c.Certificate.NormalizedNumber, c => c.Certificate),
            byCode.GroupBy(c => c.Certificate.HolderCreditCode).ToDictionary(g => g.Key, g => (IReadOnlyList<CheckedCertificate>)[.. g.Select(c => c.Certificate)]),
            byId.ToDictionary(c => c.Id, c => c.Certificate));
    }

    private async Task<List<(long Id, CheckedCertificate Certificate)>> ReadAsync(
        IQueryable<Certificate> certificates, IQueryable<Organisation> holders, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await (
            from c in certificates
            join o in holders on c.OrganisationId equals o.Id
            join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
            orderby c.ExpiresOn descending, c.Id
            select new
            {
                c.Id, c.Number, c.NormalizedNumber, c.Standing, c.ExpiresOn, c.SchemeCode, c.Level,
                o.LegalNameZh, o.NameEn, o.CreditCode, BodyCode = b.Code, BodyNameZh = b.NameZh, BodyNameEn = b.NameEn,
            }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, new CheckedCertificate(r.Number, r.NormalizedNumber, r.LegalNameZh, r.NameEn, r.CreditCode,
            r.Standing.StatusOn(r.ExpiresOn, today), r.SchemeCode, r.Level, r.ExpiresOn, r.BodyCode, r.BodyNameZh, r.BodyNameEn)))];
    }
}

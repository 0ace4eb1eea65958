using Microsoft.Extensions.Options;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.WatchLists;

/// <summary>A certificate on a list as the page shows it: PostgreSQL's status now, and its newest change since the list's last visit.</summary>
public sealed record WatchedCertificate(
    long Id,
    string Number,
    string NormalizedNumber,
    string HolderZh,
    string? HolderEn,
    CertificateStatus Status,
    string SchemeCode,
    string Level,
    DateOnly ExpiresOn,
    string BodyNameZh,
    string BodyNameEn,
    string Asked,
    WatchedChange? ChangedSinceLastVisit);

/// <summary>One status change of a watched certificate, as the feed and the page show it.</summary>
public sealed record WatchedChange(
    long EventId,
    long CertificateId,
    string Number,
    string NormalizedNumber,
    string HolderZh,
    string? HolderEn,
    StatusEventKind Kind,
    DateOnly EffectiveOn,
    DateTimeOffset PublishedAt,
    string Reason);

/// <summary>Why a list cannot be saved or changed as asked; <see cref="Status"/> is the HTTP status it gets.</summary>
public sealed record WatchListProblem(int Status, string Code, string Message);

/// <summary>What saving or adding did.</summary>
public sealed record WatchListChange(int Added, int AlreadyWatched, int NotFound, WatchListProblem? Problem);

/// <summary>
/// Watch lists in PostgreSQL. Everything is read afresh on every request (statuses and changes straight from
/// <c>certificates</c> and <c>status_events</c>), so a change committed on any instance shows on the next read.
/// </summary>
public sealed class WatchListStore(RegistryDbContext db, BulkChecker checker, IOptions<WatchListOptions> options, TimeProvider clock)
{
    public async Task<(WatchList? List, string? EditToken, WatchListChange Change)> CreateAsync(TextTable table, string? name, CancellationToken cancellationToken)
    {
        var report = await checker.CheckAsync(table, cancellationToken);
        var (found, notFound) = await FoundAsync(report, cancellationToken);
        if (found.Count == 0)
        {
            return (null, null, new WatchListChange(0, 0, notFound, new WatchListProblem(StatusCodes.Status400BadRequest, "NOTHING_TO_WATCH",
                "No row of the list matched a certificate, so there is nothing to watch.")));
        }

        if (found.Count > options.Value.MaxCertificates)
        {
            return (null, null, new WatchListChange(0, 0, notFound, TooMany(found.Count)));
        }

        var (view, edit) = WatchListTokens.New();
        var now = clock.GetUtcNow();
        var list = new WatchList
        {
            ViewHash = WatchListTokens.Hash(view)!,
            EditHash = WatchListTokens.Hash(edit)!,
            Name = CleanName(name, now),
            CreatedAt = now,
            LastVisitAt = now,
            LastReadAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.WatchLists.Add(list);
        await db.SaveChangesAsync(cancellationToken);
        db.WatchListItems.AddRange(found.Select(f => new WatchListItem { WatchListId = list.Id, CertificateId = f.Key, Asked = f.Value, AddedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (list, edit, new WatchListChange(found.Count, 0, notFound, null));
    }

    public async Task<WatchList?> FindByViewAsync(string? token, CancellationToken cancellationToken) =>
        WatchListTokens.Hash(token) is { } hash ? await db.WatchLists.AsNoTracking().SingleOrDefaultAsync(l => l.ViewHash == hash, cancellationToken) : null;

    public async Task<WatchList?> FindByEditAsync(string? token, CancellationToken cancellationToken) =>
        WatchListTokens.Hash(token) is { } hash ? await db.WatchLists.AsNoTracking().SingleOrDefaultAsync(l => l.EditHash == hash, cancellationToken) : null;

    /// <summary>Every certificate on the list with its status now, each marked with its newest of <paramref name="recent"/> (newest first).</summary>
    public async Task<IReadOnlyList<WatchedCertificate>> CertificatesAsync(WatchList list, IReadOnlyList<WatchedChange> recent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var today = RegistryCalendar.DateOf(clock.GetUtcNow());
        var rows = await (
            from item in db.WatchListItems.AsNoTracking()
            where item.WatchListId == list.Id
            join c in db.Certificates.AsNoTracking() on item.CertificateId equals c.Id
            join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
            join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
            orderby c.NormalizedNumber
            select new
            {
                c.Id, c.Number, c.NormalizedNumber, o.LegalNameZh, o.NameEn, c.Standing, c.SchemeCode, c.Level, c.ExpiresOn,
                BodyNameZh = b.NameZh, BodyNameEn = b.NameEn, item.Asked,
            }).ToListAsync(cancellationToken);
        var newest = recent.GroupBy(c => c.CertificateId).ToDictionary(g => g.Key, g => g.First());
        return [.. rows.Select(r => new WatchedCertificate(r.Id, r.Number, r.NormalizedNumber, r.LegalNameZh, r.NameEn, r.Standing.StatusOn(r.ExpiresOn, today),
            r.SchemeCode, r.Level, r.ExpiresOn, r.BodyNameZh, r.BodyNameEn, r.Asked, newest.GetValueOrDefault(r.Id)))];
    }

    /// <summary>The list's certificates' status changes published after <paramref name="since"/>, newest first.</summary>
    public async Task<IReadOnlyList<WatchedChange>> ChangesAsync(WatchList list, DateTimeOffset? since, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var events = from item in db.WatchListItems.AsNoTracking()
                     where item.WatchListId == list.Id
                     join e in db.StatusEvents.AsNoTracking() on item.CertificateId equals e.CertificateId
                     where since == null || e.PublishedAt > since
                     join c in db.Certificates.AsNoTracking() on e.CertificateId equals c.Id
                     join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                     orderby e.PublishedAt descending, e.Id descending
                     select new WatchedChange(e.Id, c.Id, c.Number, c.NormalizedNumber, o.LegalNameZh, o.NameEn, e.Kind, e.EffectiveOn, e.PublishedAt, e.Reason);
        return await events.Take(max).ToListAsync(cancellationToken);
    }

    /// <summary>A visit to the page: what it marks is what changed since the previous one.</summary>
    public Task MarkVisitedAsync(WatchList list, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.WatchLists.Where(l => l.Id == list.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.LastVisitAt, now).SetProperty(l => l.LastReadAt, now), cancellationToken);
    }

    /// <summary>A feed read keeps the list alive (retention) without moving the page's "since the last visit".</summary>
    public Task MarkReadAsync(WatchList list, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.WatchLists.Where(l => l.Id == list.Id && l.LastReadAt < now.AddMinutes(-1))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastReadAt, now), cancellationToken);
    }

    /// <summary>Adds what the rows match; the list row is locked so that two additions cannot pass the limit together.</summary>
    public async Task<WatchListChange> AddAsync(WatchList list, TextTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var report = await checker.CheckAsync(table, cancellationToken);
        var (found, notFound) = await FoundAsync(report, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT id FROM watch_lists WHERE id = {list.Id} FOR UPDATE", cancellationToken);
        var watched = await db.WatchListItems.Where(i => i.WatchListId == list.Id).Select(i => i.CertificateId).ToListAsync(cancellationToken);
        var fresh = found.Where(f => !watched.Contains(f.Key)).ToList();
        if (watched.Count + fresh.Count > options.Value.MaxCertificates)
        {
            return new WatchListChange(0, found.Count - fresh.Count, notFound, TooMany(watched.Count + fresh.Count));
        }

        var now = clock.GetUtcNow();
        db.WatchListItems.AddRange(fresh.Select(f => new WatchListItem { WatchListId = list.Id, CertificateId = f.Key, Asked = f.Value, AddedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WatchListChange(fresh.Count, found.Count - fresh.Count, notFound, null);
    }

    public Task<int> RemoveAsync(WatchList list, IReadOnlyCollection<long> certificateIds, CancellationToken cancellationToken) =>
        db.WatchListItems.Where(i => i.WatchListId == list.Id && certificateIds.Contains(i.CertificateId)).ExecuteDeleteAsync(cancellationToken);

    public Task RenameAsync(WatchList list, string? name, CancellationToken cancellationToken)
    {
        var clean = CleanName(name, list.CreatedAt);
        return db.WatchLists.Where(l => l.Id == list.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Name, clean), cancellationToken);
    }

    /// <summary>The list and its items (cascade); the links stop working at once.</summary>
    public Task DeleteAsync(WatchList list, CancellationToken cancellationToken) =>
        db.WatchLists.Where(l => l.Id == list.Id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Whether a name can be stored: the one text rule, and the length.</summary>
    public static string? NameProblem(string? name) =>
        name is { Length: > WatchList.MaxNameLength } ? $"A list's name has at most {WatchList.MaxNameLength} characters."
        : Domain.Text.InputText.Check(name, "The list's name") is { } refusal ? refusal.Message
        : null;

    private static string CleanName(string? name, DateTimeOffset createdAt) =>
        string.IsNullOrWhiteSpace(name) ? "Watch list " + RegistryCalendar.DateOf(createdAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : name.Trim();

    private WatchListProblem TooMany(int count) => new(StatusCodes.Status413PayloadTooLarge, "TOO_MANY_CERTIFICATES",
        $"A watch list holds at most {options.Value.MaxCertificates:N0} certificates; this one would hold {count:N0}.");

    /// <summary>The certificates the report matched (id → what was asked first for it), and how many rows matched nothing.</summary>
    private async Task<(Dictionary<long, string> Found, int NotFound)> FoundAsync(CheckReport report, CancellationToken cancellationToken)
    {
        var asked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in report.Rows)
        {
            foreach (var match in row.Matches)
            {
                asked.TryAdd(match.NormalizedNumber, row.Asked);
            }
        }

        var numbers = asked.Keys.ToList();
        var ids = await db.Certificates.AsNoTracking().Where(c => numbers.Contains(c.NormalizedNumber))
            .Select(c => new { c.Id, c.NormalizedNumber }).ToListAsync(cancellationToken);
        return (ids.ToDictionary(c => c.Id, c => asked[c.NormalizedNumber]), report.Rows.Count(r => r.Matches.Count == 0));
    }
}

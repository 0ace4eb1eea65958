using Registry.Domain.Levels;
using Registry.Domain.Lifecycle;
using Registry.Domain.Time;

namespace Registry.Domain.Certificates;

/// <summary>
/// A certificate and its history. The events are the record; the snapshot properties below repeat what
/// the fold of all events gives, only so that the database can index and count them, and only
/// <see cref="Issue"/> and <see cref="Apply"/> write them. Whether a certificate has expired depends on the
/// day asked about, so it is never stored.
/// </summary>
public sealed class Certificate
{
    public const int MaxScopeLength = 2000;

    private readonly List<StatusEvent> _events = [];

    private Certificate()
    {
        Number = NormalizedNumber = SchemeCode = Level = ScopeZh = string.Empty;
    }

    public long Id { get; private set; }

    public string Number { get; private set; }

    public string NormalizedNumber { get; private set; }

    public string SchemeCode { get; private set; }

    public long BodyId { get; private set; }

    public long OrganisationId { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public bool IsDemo { get; private set; }

    public IReadOnlyList<StatusEvent> Events => _events;

    // Snapshot of the fold (see the class summary).
    public CertificateStanding Standing { get; private set; }

    public string Level { get; private set; }

    public decimal TotalScore { get; private set; }

    public string ScopeZh { get; private set; }

    public string? ScopeEn { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public DateOnly LastEffectiveOn { get; private set; }

    /// <summary>Changes with every event, so that every change rewrites the row and meets the concurrency check.</summary>
    public int EventCount { get; private set; }

    /// <summary>Concurrency token: a change made from a stale copy is refused.</summary>
    public uint Version { get; private set; }

    public Scheme Scheme => Schemes.Find(SchemeCode);

    public static Certificate Issue(IssueCertificate command, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow().ToUniversalTime();
        if (command.IssuedOn > RegistryCalendar.DateOf(now))
        {
            throw new DomainException(DomainErrorCodes.IssueDateInFuture, "A certificate cannot be issued with a future date.");
        }

        var expiresOn = command.ExpiresOn ?? ValidityPeriod.DefaultExpiry(command.IssuedOn);
        if (expiresOn <= command.IssuedOn)
        {
            throw new DomainException(DomainErrorCodes.ExpiryNotAfterIssue, "The expiry date must be after the issue date.");
        }

        // Only a registered scheme: the certificate finds its scale again by code for every later change.
        var scheme = Schemes.Find(command.Scheme.Code);
        scheme.RequireValidity(command.IssuedOn, expiresOn, renewal: false);
        scheme.RequireConsistent(command.Level, command.Scores);
        var certificate = new Certificate
        {
            Number = command.Number.Display,
            NormalizedNumber = command.Number.Normalized,
            SchemeCode = command.Scheme.Code,
            BodyId = command.BodyId,
            OrganisationId = command.OrganisationId,
            IssuedOn = command.IssuedOn,
            IsDemo = command.IsDemo,
        };
        var terms = new TermsChange(
            command.Level,
            command.Scores,
            Text.Required(command.ScopeZh, "scope", MaxScopeLength, DomainErrorCodes.ScopeRequired),
            Text.Optional(command.ScopeEn, "English scope", MaxScopeLength),
            expiresOn);
        var reason = Text.Optional(command.Reason, "reason", StatusEvent.MaxReasonLength) ?? string.Empty;
        certificate.Append(StatusEventKind.Issued, command.IssuedOn, now, reason, command.Actor, terms);
        return certificate;
    }

    /// <summary>Applies a body's change if the lifecycle allows it, and returns the event it published.</summary>
    public StatusEvent Apply(StatusChange change, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(change);
        var now = clock.GetUtcNow().ToUniversalTime();
        if (change.EffectiveOn > RegistryCalendar.DateOf(now))
        {
            throw new DomainException(DomainErrorCodes.EffectiveDateInFuture, "A change cannot take effect on a future date.");
        }

        if (change.EffectiveOn < IssuedOn)
        {
            throw new DomainException(DomainErrorCodes.EffectiveDateBeforeIssue,
                $"A change cannot take effect before the issue date {IssuedOn:yyyy-MM-dd}.");
        }

        if (change.EffectiveOn < LastEffectiveOn)
        {
            throw new DomainException(DomainErrorCodes.EffectiveDateBeforeLastChange,
                $"A change cannot take effect before the previous change ({LastEffectiveOn:yyyy-MM-dd}).");
        }

        var before = StatusHistory.Fold(_events, change.EffectiveOn, now);
        LifecycleRules.EnsureAllowed(before.Status, change.Kind);
        var terms = CheckTerms(change, before);
        var reason = change.Kind is StatusEventKind.Renewed or StatusEventKind.ScopeChanged or StatusEventKind.LevelChanged
            ? Text.Optional(change.Reason, "reason", StatusEvent.MaxReasonLength) ?? string.Empty
            : Text.Required(change.Reason, "reason", StatusEvent.MaxReasonLength, DomainErrorCodes.ReasonRequired);
        return Append(change.Kind, change.EffectiveOn, now, reason, change.Actor, terms);
    }

    /// <summary>
    /// Refuses a change that was decided on an older copy of the certificate. The version a client sees is
    /// <see cref="EventCount"/>: it moves with every published event and with nothing else, so it means
    /// "the history I looked at", which is what a body's decision is based on.
    /// </summary>
    public void EnsureVersion(int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != EventCount)
        {
            throw new DomainException(DomainErrorCodes.OutdatedVersion,
                $"Certificate {Number} is at version {EventCount}, not {expected}: it changed since you read it. Reload it and decide again.");
        }
    }

    public CertificateState CurrentState(TimeProvider clock) => StatusHistory.Current(_events, clock);

    private TermsChange CheckTerms(StatusChange change, CertificateState before)
    {
        var terms = change.Terms;
        switch (change.Kind)
        {
            case StatusEventKind.Renewed:
                if (terms.ExpiresOn is not { } expiry || expiry <= change.EffectiveOn)
                {
                    throw new DomainException(DomainErrorCodes.ExpiryNotAfterIssue, "A renewal must run past its effective date.");
                }

                Scheme.RequireValidity(change.EffectiveOn, expiry, renewal: true);

                if (terms.Level is not null || terms.Scores is not null)
                {
                    Scheme.RequireConsistent(terms.Level ?? before.Level!, terms.Scores ?? before.Scores!);
                }

                return terms;
            case StatusEventKind.LevelChanged:
                if (terms.Level is null || terms.Scores is null)
                {
                    throw new DomainException(DomainErrorCodes.LevelRequired, "A level change needs the new level and scores.");
                }

                Scheme.RequireConsistent(terms.Level, terms.Scores);
                if (terms.Level == before.Level && terms.Scores == before.Scores)
                {
                    throw new DomainException(DomainErrorCodes.LevelUnchanged, "The level and scores are already these.");
                }

                return terms;
            case StatusEventKind.ScopeChanged:
                return new TermsChange(
                    ScopeZh: Text.Required(terms.ScopeZh, "scope", MaxScopeLength, DomainErrorCodes.ScopeRequired),
                    ScopeEn: Text.Optional(terms.ScopeEn, "English scope", MaxScopeLength));
            default:
                return new TermsChange();
        }
    }

    private StatusEvent Append(StatusEventKind kind, DateOnly effectiveOn, DateTimeOffset publishedAt, string reason, string actor, TermsChange terms)
    {
        var published = new StatusEvent(
            _events.Count + 1,
            kind,
            effectiveOn,
            publishedAt,
            reason,
            Text.Required(actor, "actor", StatusEvent.MaxActorLength, DomainErrorCodes.ActorRequired),
            terms);
        _events.Add(published);
        RefreshSnapshot();
        return published;
    }

    private void RefreshSnapshot()
    {
        var all = StatusHistory.Fold(_events, DateOnly.MaxValue, DateTimeOffset.MaxValue);
        Standing = all.Standing!.Value;
        Level = all.Level!;
        TotalScore = all.Scores!.Total;
        ScopeZh = all.ScopeZh!;
        ScopeEn = all.ScopeEn;
        ExpiresOn = all.ExpiresOn!.Value;
        LastEffectiveOn = all.LastEvent!.EffectiveOn;
        EventCount = _events.Count;
    }
}

using Registry.Domain.Levels;

namespace Registry.Domain.Lifecycle;

/// <summary>
/// One published change in a certificate's life. Events are the only record of status: every answer about
/// status, current or past, is folded from them. The terms fields carry what the event set (an issue sets
/// all of them, a scope change only the scope).
/// </summary>
public sealed class StatusEvent
{
    public const int MaxReasonLength = 500;
    public const int MaxActorLength = 200;

    private StatusEvent()
    {
        Reason = string.Empty;
        Actor = string.Empty;
    }

    internal StatusEvent(int sequence, StatusEventKind kind, DateOnly effectiveOn, DateTimeOffset publishedAt, string reason, string actor, TermsChange terms)
    {
        Sequence = sequence;
        Kind = kind;
        EffectiveOn = effectiveOn;
        PublishedAt = publishedAt;
        Reason = reason;
        Actor = actor;
        Level = terms.Level;
        TotalScore = terms.Scores?.Total;
        ServiceSystemScore = terms.Scores?.ServiceSystem;
        CommodityServiceScore = terms.Scores?.CommodityService;
        CustomerServiceScore = terms.Scores?.CustomerService;
        ScopeZh = terms.ScopeZh;
        ScopeEn = terms.ScopeEn;
        ExpiresOn = terms.ExpiresOn;
    }

    public long Id { get; private set; }

    public long CertificateId { get; private set; }

    /// <summary>1 for the issue, then one more per change: the order events are applied in.</summary>
    public int Sequence { get; private set; }

    public StatusEventKind Kind { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    /// <summary>When the registry published the change, from the server clock; may be later than <see cref="EffectiveOn"/>.</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    public string Reason { get; private set; }

    /// <summary>Who published it: a body's user or API client, or an operator command.</summary>
    public string Actor { get; private set; }

    public string? Level { get; private set; }

    public decimal? TotalScore { get; private set; }

    public decimal? ServiceSystemScore { get; private set; }

    public decimal? CommodityServiceScore { get; private set; }

    public decimal? CustomerServiceScore { get; private set; }

    public string? ScopeZh { get; private set; }

    public string? ScopeEn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    public Scores? Scores => TotalScore is { } total
        ? new Scores(total, ServiceSystemScore, CommodityServiceScore, CustomerServiceScore)
        : null;
}

/// <summary>The part of a certificate's terms an event sets; null fields stay as they were.</summary>
public sealed record TermsChange(
    string? Level = null,
    Scores? Scores = null,
    string? ScopeZh = null,
    string? ScopeEn = null,
    DateOnly? ExpiresOn = null);

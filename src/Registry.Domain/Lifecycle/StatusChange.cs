using Registry.Domain.Levels;

namespace Registry.Domain.Lifecycle;

/// <summary>A change a certification body asks for; <see cref="Certificates.Certificate.Apply"/> decides whether it may happen.</summary>
public sealed record StatusChange(StatusEventKind Kind, DateOnly EffectiveOn, string Reason, string Actor, TermsChange Terms)
{
    public static StatusChange Suspend(DateOnly effectiveOn, string reason, string actor) =>
        new(StatusEventKind.Suspended, effectiveOn, reason, actor, new TermsChange());

    public static StatusChange Reinstate(DateOnly effectiveOn, string reason, string actor) =>
        new(StatusEventKind.Reinstated, effectiveOn, reason, actor, new TermsChange());

    public static StatusChange Withdraw(DateOnly effectiveOn, string reason, string actor) =>
        new(StatusEventKind.Withdrawn, effectiveOn, reason, actor, new TermsChange());

    public static StatusChange Cancel(DateOnly effectiveOn, string reason, string actor) =>
        new(StatusEventKind.Cancelled, effectiveOn, reason, actor, new TermsChange());

    /// <summary>Starts a new cycle; the expiry defaults to three years from the effective date.</summary>
    public static StatusChange Renew(DateOnly effectiveOn, string reason, string actor, DateOnly? expiresOn = null, string? level = null, Scores? scores = null) =>
        new(StatusEventKind.Renewed, effectiveOn, reason, actor,
            new TermsChange(level, scores, ExpiresOn: expiresOn ?? ValidityPeriod.DefaultExpiry(effectiveOn)));

    public static StatusChange ChangeScope(DateOnly effectiveOn, string reason, string actor, string scopeZh, string? scopeEn) =>
        new(StatusEventKind.ScopeChanged, effectiveOn, reason, actor, new TermsChange(ScopeZh: scopeZh, ScopeEn: scopeEn));

    public static StatusChange ChangeLevel(DateOnly effectiveOn, string reason, string actor, string level, Scores scores) =>
        new(StatusEventKind.LevelChanged, effectiveOn, reason, actor, new TermsChange(level, scores));
}

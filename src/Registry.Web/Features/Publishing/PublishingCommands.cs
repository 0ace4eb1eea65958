using Registry.Domain;
using Registry.Domain.Identifiers;
using Registry.Domain.Levels;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.Publishing;

/// <summary>
/// Every write a certification body can make, for any transport: REST and bulk here, GraphQL mutations as
/// thin wrappers. Each call is authorised against the caller's body, checked by the domain rules (and the
/// expected version, when given), audited with its outcome, idempotent when an idempotency key is given, and
/// answers with a <see cref="PublishingResult{T}"/>: a payload, or an error with a stable code. Refusals are
/// results, never exceptions; only infrastructure failures (database down) throw.
/// </summary>
public sealed partial class PublishingCommands
{
    private readonly RegistryDbContext _db;
    private readonly CertificatePublisher _publisher;
    private readonly PublishingPipeline _pipeline;
    private readonly SigningKeyStore _signingKeys;
    private readonly QrSerialStore _serials;
    private readonly CertificateQueries _certificates;
    private readonly PrintSigner _printSigner;
    private readonly TimeProvider _clock;
    private readonly ApiKeys.ApiKeyStore _apiKeys;

    internal PublishingCommands(RegistryDbContext db, CertificatePublisher publisher, PublishingPipeline pipeline, SigningKeyStore signingKeys,
        QrSerialStore serials, CertificateQueries certificates, PrintSigner printSigner, TimeProvider clock, ApiKeys.ApiKeyStore apiKeys)
    {
        _db = db;
        _publisher = publisher;
        _pipeline = pipeline;
        _signingKeys = signingKeys;
        _serials = serials;
        _certificates = certificates;
        _printSigner = printSigner;
        _clock = clock;
        _apiKeys = apiKeys;
    }

    public Task<PublishingResult<CertificatePayload>> IssueAsync(PublishingCaller caller, IssueCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        IssueAsync(caller, command, idempotencyKey, bulk: null, cancellationToken);

    public Task<PublishingResult<CertificatePayload>> RenewAsync(PublishingCaller caller, RenewCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        RenewAsync(caller, command, idempotencyKey, bulk: null, cancellationToken);

    public Task<PublishingResult<CertificatePayload>> ChangeScopeAsync(PublishingCaller caller, ChangeScopeCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        ChangeScopeAsync(caller, command, idempotencyKey, bulk: null, cancellationToken);

    public Task<PublishingResult<CertificatePayload>> ChangeLevelAsync(PublishingCaller caller, ChangeLevelCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        ChangeLevelAsync(caller, command, idempotencyKey, bulk: null, cancellationToken);

    public Task<PublishingResult<CertificatePayload>> SuspendAsync(PublishingCaller caller, StatusCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        StatusAsync(PublishingOperations.Suspend, caller, command, idempotencyKey, bulk: null, cancellationToken);

    public Task<PublishingResult<CertificatePayload>> ReinstateAsync(PublishingCaller caller, StatusCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        StatusAsync(PublishingOperations.Reinstate, caller, command, idempotencyKey, bulk: null, cancellationToken);

    public Task<PublishingResult<CertificatePayload>> WithdrawAsync(PublishingCaller caller, StatusCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        StatusAsync(PublishingOperations.Withdraw, caller, command, idempotencyKey, bulk: null, cancellationToken);

    /// <summary>Cancellation (注销) at the holder's request; not in the issue's list, but bodies publish it too.</summary>
    public Task<PublishingResult<CertificatePayload>> CancelAsync(PublishingCaller caller, StatusCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        StatusAsync(PublishingOperations.Cancel, caller, command, idempotencyKey, bulk: null, cancellationToken);

    internal Task<PublishingResult<CertificatePayload>> IssueAsync(PublishingCaller caller, IssueCommand command, string? idempotencyKey, BulkPosition? bulk, CancellationToken cancellationToken) =>
        _pipeline.RunAsync(new OperationRequest(caller, PublishingOperations.Issue, command.Number, command, idempotencyKey, bulk), async token =>
        {
            var number = CertificateNumber.Parse(command.Number);
            var scheme = Schemes.Find(string.IsNullOrWhiteSpace(command.Scheme) ? Schemes.Default.Code : command.Scheme.Trim());
            var scores = new Scores(command.TotalScore, command.ServiceSystemScore, command.CommodityServiceScore, command.CustomerServiceScore);
            var organisationId = await OrganisationFor(command, token);
            var certificate = await _publisher.IssueAsync(
                new IssueCertificate(number, scheme, caller.BodyId, organisationId, command.Level, scores, command.ScopeZh, command.ScopeEn,
                    command.IssuedOn, command.ExpiresOn, caller.ActorName, Reason: command.Reason),
                caller.Actor,
                token);
            return Payload(certificate, certificate.Events[^1]);
        }, cancellationToken);

    internal Task<PublishingResult<CertificatePayload>> RenewAsync(PublishingCaller caller, RenewCommand command, string? idempotencyKey, BulkPosition? bulk, CancellationToken cancellationToken) =>
        ChangeAsync(PublishingOperations.Renew, caller, command.Number, command.ExpectedVersion, command, idempotencyKey, bulk, () =>
        {
            var scores = command.TotalScore is { } total
                ? new Scores(total, command.ServiceSystemScore, command.CommodityServiceScore, command.CustomerServiceScore)
                : null;
            return StatusChange.Renew(command.EffectiveOn, command.Reason ?? string.Empty, caller.ActorName, command.ExpiresOn,
                string.IsNullOrWhiteSpace(command.Level) ? null : command.Level.Trim(), scores);
        }, cancellationToken);

    internal Task<PublishingResult<CertificatePayload>> ChangeScopeAsync(PublishingCaller caller, ChangeScopeCommand command, string? idempotencyKey, BulkPosition? bulk, CancellationToken cancellationToken) =>
        ChangeAsync(PublishingOperations.ChangeScope, caller, command.Number, command.ExpectedVersion, command, idempotencyKey, bulk, () =>
            StatusChange.ChangeScope(command.EffectiveOn, command.Reason ?? string.Empty, caller.ActorName, command.ScopeZh, command.ScopeEn), cancellationToken);

    internal Task<PublishingResult<CertificatePayload>> ChangeLevelAsync(PublishingCaller caller, ChangeLevelCommand command, string? idempotencyKey, BulkPosition? bulk, CancellationToken cancellationToken) =>
        ChangeAsync(PublishingOperations.ChangeLevel, caller, command.Number, command.ExpectedVersion, command, idempotencyKey, bulk, () =>
            StatusChange.ChangeLevel(command.EffectiveOn, command.Reason ?? string.Empty, caller.ActorName, command.Level,
                new Scores(command.TotalScore, command.ServiceSystemScore, command.CommodityServiceScore, command.CustomerServiceScore)), cancellationToken);

    internal Task<PublishingResult<CertificatePayload>> StatusAsync(string operation, PublishingCaller caller, StatusCommand command, string? idempotencyKey, BulkPosition? bulk, CancellationToken cancellationToken) =>
        ChangeAsync(operation, caller, command.Number, command.ExpectedVersion, command, idempotencyKey, bulk, () => operation switch
        {
            PublishingOperations.Suspend => StatusChange.Suspend(command.EffectiveOn, command.Reason, caller.ActorName),
            PublishingOperations.Reinstate => StatusChange.Reinstate(command.EffectiveOn, command.Reason, caller.ActorName),
            PublishingOperations.Withdraw => StatusChange.Withdraw(command.EffectiveOn, command.Reason, caller.ActorName),
            PublishingOperations.Cancel => StatusChange.Cancel(command.EffectiveOn, command.Reason, caller.ActorName),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a status change."),
        }, cancellationToken);

    private Task<PublishingResult<CertificatePayload>> ChangeAsync(string operation, PublishingCaller caller, string number, int? expectedVersion, object command,
        string? idempotencyKey, BulkPosition? bulk, Func<StatusChange> change, CancellationToken cancellationToken) =>
        _pipeline.RunAsync(new OperationRequest(caller, operation, number, command, idempotencyKey, bulk), async token =>
        {
            var published = await _publisher.ChangeAsync(number, change(), caller.Actor, expectedVersion, token);
            var certificate = _db.Certificates.Local.Single(c => c.Events.Contains(published));
            return Payload(certificate, published);
        }, cancellationToken);

    /// <summary>Audits a request that was refused before it became a command (a row whose fields do not parse).</summary>
    internal async Task<PublishingResult<CertificatePayload>> RefuseAsync(PublishingCaller caller, string operation, string? number, PublishingError error,
        string? idempotencyKey, BulkPosition? bulk, CancellationToken cancellationToken)
    {
        var request = new OperationRequest(caller, Clip(operation, 32), number, error, IdempotencyKeys.IsValid(idempotencyKey, IdempotencyKeys.MaxStoredLength) ? idempotencyKey : null, bulk);
        await _pipeline.AuditAloneAsync(request, Audit.AuditOutcome.Refused, error, cancellationToken);
        return new PublishingResult<CertificatePayload>(null, error);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>The holder by credit code; a company the registry does not know yet is registered with the names given.</summary>
    private async Task<long> OrganisationFor(IssueCommand command, CancellationToken cancellationToken)
    {
        var code = CreditCode.Parse(command.OrganisationCreditCode);
        var known = await _db.Organisations.Where(o => o.CreditCode == code.Value).Select(o => (long?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (known is { } id)
        {
            return id;
        }

        var organisation = new Organisation(command.OrganisationNameZh ?? string.Empty, [], command.OrganisationNameEn, code, command.OrganisationAddress, isDemo: false);
        _db.Organisations.Add(organisation);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConcurrencyConflictException($"The organisation {code} was registered by another call at the same moment; try again.");
        }

        return organisation.Id;
    }

    private CertificatePayload Payload(Certificate certificate, StatusEvent published) => new(
        certificate.Number,
        certificate.NormalizedNumber,
        certificate.EventCount,
        certificate.Standing.ToString(),
        certificate.CurrentState(_clock).Status.ToString(),
        certificate.Level,
        certificate.TotalScore,
        certificate.ScopeZh,
        certificate.ScopeEn,
        certificate.IssuedOn,
        certificate.ExpiresOn,
        new PublishedEventPayload(published.Sequence, published.Kind.ToString(), published.EffectiveOn, published.PublishedAt, published.Reason));
}

using Registry.Domain;
using Registry.Signing.Keys;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.Publishing;

/// <summary>A body's own QR signing keys: rotate the active key, revoke one of its keys.</summary>
public sealed partial class PublishingCommands
{
    public Task<PublishingResult<SigningKeyRotationPayload>> RotateSigningKeyAsync(PublishingCaller caller, RotateSigningKeyCommand command, string? idempotencyKey,
        CancellationToken cancellationToken) =>
        AfterCommitAsync(_pipeline.RunAsync(new OperationRequest(caller, PublishingOperations.RotateSigningKey, null, command, idempotencyKey), async token =>
        {
            if (command.ExpectedActiveKid is { } expected)
            {
                var active = (await _signingKeys.ListAsync(caller.BodyCode, token)).SingleOrDefault(k => k.State == KeyState.Active);
                if (active?.Kid != expected)
                {
                    throw new DomainException(DomainErrorCodes.OutdatedVersion,
                        $"The active signing key of body {caller.BodyCode} is {active?.Kid ?? "none"}, not {expected}: the keys changed since you read them.");
                }
            }

            var rotation = await SigningKeyCall(() => _signingKeys.RotateAsync(caller.BodyCode, caller.ActorName, _db, token));
            return new SigningKeyRotationPayload(Payload(rotation.Retired), Payload(rotation.Active));
        }, cancellationToken));

    public Task<PublishingResult<SigningKeyPayload>> RevokeSigningKeyAsync(PublishingCaller caller, RevokeSigningKeyCommand command, string? idempotencyKey,
        CancellationToken cancellationToken) =>
        AfterCommitAsync(_pipeline.RunAsync(new OperationRequest(caller, PublishingOperations.RevokeSigningKey, null, command, idempotencyKey), async token =>
        {
            // Key ids and their bodies are public (the JWKS), so saying whose key it is reveals nothing.
            var owner = await _db.SigningKeys.Where(k => k.Kid == command.Kid).Select(k => (long?)k.BodyId).SingleOrDefaultAsync(token)
                ?? throw new DomainException(PublishingErrorCodes.UnknownSigningKey, $"No signing key has the key id '{command.Kid}'.");
            if (owner != caller.BodyId)
            {
                throw new DomainException(PublishingErrorCodes.NotYourSigningKey, $"Signing key {command.Kid} belongs to another body; only that body may revoke it.");
            }

            return Payload(await SigningKeyCall(() => _signingKeys.RevokeAsync(command.Kid, command.Reason, caller.ActorName, _db, token)));
        }, cancellationToken));

    /// <summary>
    /// Key changes join the pipeline's transaction, so the published key set is read afresh only once that
    /// transaction has ended (committed or not: a stale reading is only ever replaced).
    /// </summary>
    private async Task<PublishingResult<T>> AfterCommitAsync<T>(Task<PublishingResult<T>> change)
        where T : class
    {
        try
        {
            return await change;
        }
        finally
        {
            _signingKeys.Invalidate();
        }
    }

    /// <summary>The key store's refusals as results with stable codes.</summary>
    private static async Task<T> SigningKeyCall<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (SigningKeyException e)
        {
            throw new DomainException(e.Error switch
            {
                SigningKeyError.UnknownKey => PublishingErrorCodes.UnknownSigningKey,
                SigningKeyError.Conflict => DomainErrorCodes.ConcurrentChange,
                _ => PublishingErrorCodes.SigningKeyRefused,
            }, e.Message);
        }
    }

    private static SigningKeyPayload Payload(SigningKeySummary key) =>
        new(key.Kid, key.State.ToString(), key.NotBefore, key.NotAfter, key.CreatedAt, key.RevokedAt, key.RevocationReason);
}

using Registry.Domain;
using Registry.Web.Features.ApiKeys;

namespace Registry.Web.Features.Publishing;

/// <summary>A body's own API keys, managed by its administrators in the console: audited like every other write.</summary>
public sealed partial class PublishingCommands
{
    /// <summary>A new key for the caller's body; the token is in the answer this once and is stored nowhere (not even as the idempotency record: no key is taken).</summary>
    public Task<PublishingResult<CreatedApiKey>> CreateApiKeyAsync(PublishingCaller caller, CreateApiKeyCommand command, CancellationToken cancellationToken) =>
        _pipeline.RunAsync(new OperationRequest(caller, PublishingOperations.CreateApiKey, null, command, IdempotencyKey: null), token =>
            ApiKeyCall(() => _apiKeys.CreateAsync(caller.BodyCode, command.ExpiresOn, command.Label, ApiKeyActor(caller), token)), cancellationToken);

    public Task<PublishingResult<ApiKeySummary>> RevokeApiKeyAsync(PublishingCaller caller, RevokeApiKeyCommand command, CancellationToken cancellationToken) =>
        _pipeline.RunAsync(new OperationRequest(caller, PublishingOperations.RevokeApiKey, null, command, IdempotencyKey: null), async token =>
        {
            // Another body's key is "not found", like one that does not exist: key ids are not public.
            var owner = await _db.ApiKeys.Where(k => k.KeyId == command.KeyId).Select(k => (long?)k.BodyId).SingleOrDefaultAsync(token);
            if (owner != caller.BodyId)
            {
                throw new DomainException(PublishingErrorCodes.UnknownApiKey, $"Your body has no API key with the id '{command.KeyId}'.");
            }

            return await ApiKeyCall(() => _apiKeys.RevokeAsync(command.KeyId, ApiKeyActor(caller), token));
        }, cancellationToken);

    /// <summary>Who created or revoked a key, as the key's row records it: the staff member, or the channel.</summary>
    private static string ApiKeyActor(PublishingCaller caller) => caller.Staff is { } staff ? $"{caller.BodyCode} console: {staff.Name}" : caller.ActorName;

    private static async Task<T> ApiKeyCall<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiKeyException e)
        {
            throw new DomainException(e.Error == ApiKeyError.UnknownKey ? PublishingErrorCodes.UnknownApiKey : PublishingErrorCodes.InvalidInput, e.Message);
        }
    }
}

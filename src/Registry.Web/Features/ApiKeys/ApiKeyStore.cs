namespace Registry.Web.Features.ApiKeys;

/// <summary>The operator's side of API keys: create (the token is returned once), list, revoke.</summary>
public sealed partial class ApiKeyStore(RegistryDbContext db, TimeProvider clock, ILogger<ApiKeyStore> logger)
{
    public async Task<CreatedApiKey> CreateAsync(string bodyCode, DateOnly? expiresOn, string? label, string actor, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == bodyCode, cancellationToken)
            ?? throw new ApiKeyException(ApiKeyError.UnknownBody, $"No certification body has the code '{bodyCode}'.");
        var today = RegistryCalendar.Today(clock);
        if (expiresOn is { } last && last < today)
        {
            throw new ApiKeyException(ApiKeyError.Refused, $"The expiry date {last:yyyy-MM-dd} is in the past (today is {today:yyyy-MM-dd} in China).");
        }

        label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        if (label is { Length: > ApiKey.MaxLabelLength })
        {
            throw new ApiKeyException(ApiKeyError.Refused, $"A label has at most {ApiKey.MaxLabelLength} characters.");
        }

        // A 16-character id from 80 random bits does not collide in practice; the unique index is the backstop.
        var (keyId, token, hash) = ApiKeyToken.Create();
        var key = new ApiKey
        {
            KeyId = keyId,
            BodyId = body.Id,
            Label = label,
            SecretHash = hash,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor,
            ExpiresOn = expiresOn,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(keyId, body.Code, actor, expiresOn);
        return new CreatedApiKey(ApiKeySummary.From(key, body.Code), token);
    }

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(string bodyCode, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == bodyCode, cancellationToken)
            ?? throw new ApiKeyException(ApiKeyError.UnknownBody, $"No certification body has the code '{bodyCode}'.");
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.BodyId == body.Id).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        return [.. keys.Select(k => ApiKeySummary.From(k, body.Code))];
    }

    public async Task<ApiKeySummary> RevokeAsync(string keyId, string actor, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.IsKeyId(keyId))
        {
            throw new ApiKeyException(ApiKeyError.UnknownKey, $"'{keyId}' is not an API key id (16 characters a-z and 2-7, as `api-keys list` shows).");
        }

        // One statement, so that two operators revoking at once cannot both succeed.
        var now = clock.GetUtcNow();
        var revoked = await db.ApiKeys.Where(k => k.KeyId == keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now).SetProperty(k => k.RevokedBy, actor), cancellationToken);
        var row = await (
                from key in db.ApiKeys.AsNoTracking()
                join body in db.Bodies on key.BodyId equals body.Id
                where key.KeyId == keyId
                select new { Key = key, body.Code })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ApiKeyException(ApiKeyError.UnknownKey, $"No API key has the id {keyId}.");
        if (revoked == 0)
        {
            throw new ApiKeyException(ApiKeyError.Refused, $"API key {keyId} of body {row.Code} was already revoked at {row.Key.RevokedAt:u}.");
        }

        LogRevoked(keyId, row.Code, actor);
        return ApiKeySummary.From(row.Key, row.Code);
    }

    [LoggerMessage(EventId = 2801, Level = LogLevel.Information, Message = "API key {KeyId} created for body {Body} by {Actor}; expires {ExpiresOn}")]
    private partial void LogCreated(string keyId, string body, string actor, DateOnly? expiresOn);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Warning, Message = "API key {KeyId} of body {Body} revoked by {Actor}")]
    private partial void LogRevoked(string keyId, string body, string actor);
}

using System.Security.Cryptography;
using Npgsql;
using Registry.Signing.Keys;
using Registry.Web.Data.Configurations;

namespace Registry.Web.Features.SigningKeys;

/// <summary>
/// Key lifecycle: active → retired (rotation; keeps verifying what it signed in its window) and
/// active or retired → revoked (verifies nothing again). Changes to one body's keys are serialised by a
/// transaction-level advisory lock; the partial unique index keeps one active key per body whatever happens.
/// The registry's own receipt keys (no body) follow the same lifecycle, with a lock and an index of their own.
/// </summary>
public sealed partial class SigningKeyStore
{
    public const int MaxReasonLength = 500;

    // Four-byte ids collide with probability n/2^32 per new key; a handful of draws in a row means a broken generator.
    private const int MaxDraws = 5;

    public async Task<SigningKeySummary> CreateAsync(string bodyCode, string actor, CancellationToken cancellationToken) =>
        (await AddKeyAsync(bodyCode, rotate: false, actor, within: null, cancellationToken)).Created;

    public Task<SigningKeyRotation> RotateAsync(string bodyCode, string actor, CancellationToken cancellationToken) =>
        RotateAsync(bodyCode, actor, within: null, cancellationToken);

    /// <summary>Creates the registry's receipt key when it has none.</summary>
    public async Task<SigningKeySummary> CreateReceiptKeyAsync(string actor, CancellationToken cancellationToken) =>
        (await AddKeyAsync(bodyCode: null, rotate: false, actor, within: null, cancellationToken)).Created;

    /// <summary>Retires the registry's receipt key (receipts it signed stay genuine) and starts a new one.</summary>
    public async Task<SigningKeyRotation> RotateReceiptKeyAsync(string actor, CancellationToken cancellationToken)
    {
        var (created, retired) = await AddKeyAsync(bodyCode: null, rotate: true, actor, within: null, cancellationToken);
        return new SigningKeyRotation(retired!, created);
    }

    public Task<SigningKeySummary> RevokeAsync(string kid, string reason, string actor, CancellationToken cancellationToken) =>
        RevokeAsync(kid, reason, actor, within: null, cancellationToken);

    /// <param name="within">
    /// A context whose open transaction the rotation joins (the publishing pipeline's, so that the rotation, its
    /// audit entry and its idempotency record commit together or not at all); null for a transaction of its own.
    /// Joined, the caller commits and then calls <see cref="Invalidate"/>.
    /// </param>
    public async Task<SigningKeyRotation> RotateAsync(string bodyCode, string actor, RegistryDbContext? within, CancellationToken cancellationToken)
    {
        var (created, retired) = await AddKeyAsync(bodyCode, rotate: true, actor, within, cancellationToken);
        return new SigningKeyRotation(retired!, created);
    }

    /// <param name="within">As for <see cref="RotateAsync"/>.</param>
    public async Task<SigningKeySummary> RevokeAsync(string kid, string reason, string actor, RegistryDbContext? within, CancellationToken cancellationToken)
    {
        reason = reason?.Trim() ?? string.Empty;
        if (reason.Length is 0 or > MaxReasonLength)
        {
            throw Refuse("revoke", actor, SigningKeyError.Refused, $"A revocation needs a reason of 1 to {MaxReasonLength} characters.");
        }

        if (!KeyId.TryParse(kid, out _))
        {
            throw Refuse("revoke", actor, SigningKeyError.UnknownKey, $"'{kid}' is not a key id (6 base64url characters, as in the JWKS and `keys list`).");
        }

        await using var owned = within is null ? NewContext() : null;
        var db = within ?? owned!;
        await using var transaction = owned is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var owner = await db.SigningKeys.Where(k => k.Kid == kid).Select(k => new { k.BodyId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw Refuse("revoke", actor, SigningKeyError.UnknownKey, $"No signing key has the key id {kid}.");
        await LockOwnerAsync(db, owner.BodyId, cancellationToken);

        // Read after the lock, so that a rotation or revocation that just committed is what we judge.
        var key = await db.SigningKeys.SingleAsync(k => k.Kid == kid, cancellationToken);
        var bodyCode = owner.BodyId is { } bodyId
            ? await db.Bodies.Where(b => b.Id == bodyId).Select(b => b.Code).SingleAsync(cancellationToken)
            : SigningKeyInfo.RegistryIssuer;
        if (key.State == KeyState.Revoked)
        {
            throw Refuse("revoke", actor, SigningKeyError.Refused,
                $"Signing key {kid} of body {bodyCode} was already revoked at {key.RevokedAt:u}: {key.RevocationReason}");
        }

        var previousState = key.State;
        var now = _clock.GetUtcNow();
        key.State = KeyState.Revoked;
        key.RevokedAt = now;
        key.RevocationReason = reason;

        // A revoked key verifies nothing whatever its window says; closing the window keeps "open-ended means active" true.
        key.NotAfter ??= LastDay(key.NotBefore, now);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            Invalidate();
        }

        LogRevoked(kid, bodyCode, actor, previousState, reason);
        return SigningKeySummary.From(key, bodyCode);
    }

    public async Task<IReadOnlyList<SigningKeySummary>> ListAsync(string? bodyCode, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        if (bodyCode is not null && !await db.Bodies.AnyAsync(b => b.Code == bodyCode, cancellationToken))
        {
            throw new SigningKeyException(SigningKeyError.UnknownBody, $"No certification body has the code '{bodyCode}'.");
        }

        // Without a body: every key, the registry's receipt keys last (their owner is shown as "registry").
        var rows = await (
                from key in db.SigningKeys
                join body in db.Bodies on key.BodyId equals body.Id into owners
                from owner in owners.DefaultIfEmpty()
                where bodyCode == null || (owner != null && owner.Code == bodyCode)
                orderby key.BodyId == null, owner!.Code, key.CreatedAt, key.Id
                select new { Key = key, Code = owner == null ? null : owner.Code })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => SigningKeySummary.From(r.Key, r.Code ?? SigningKeyInfo.RegistryIssuer))];
    }

    /// <summary>Creates the registry's receipt key if it has none; returns it, or null when one was already active.</summary>
    public async Task<SigningKeySummary?> EnsureReceiptKeyAsync(string actor, CancellationToken cancellationToken)
    {
        await using (var db = NewContext())
        {
            if (await db.SigningKeys.AnyAsync(k => k.BodyId == null && k.State == KeyState.Active, cancellationToken))
            {
                return null;
            }
        }

        try
        {
            return await CreateReceiptKeyAsync(actor, cancellationToken);
        }
        catch (SigningKeyException e) when (e.Error is SigningKeyError.Refused or SigningKeyError.Conflict)
        {
            // Another instance created it since we looked.
            return null;
        }
    }

    /// <summary>Creates an active key for every body that has none; returns the new keys.</summary>
    public async Task<IReadOnlyList<SigningKeySummary>> EnsureAllBodiesAsync(string actor, CancellationToken cancellationToken)
    {
        List<string> bodies;
        await using (var db = NewContext())
        {
            bodies = await db.Bodies
                .Where(b => !db.SigningKeys.Any(k => k.BodyId == b.Id && k.State == KeyState.Active))
                .OrderBy(b => b.Code)
                .Select(b => b.Code)
                .ToListAsync(cancellationToken);
        }

        var created = new List<SigningKeySummary>();
        foreach (var code in bodies)
        {
            try
            {
                created.Add((await AddKeyAsync(code, rotate: false, actor, within: null, cancellationToken)).Created);
            }
            catch (SigningKeyException e) when (e.Error == SigningKeyError.Refused)
            {
                // Someone else gave the body an active key since we looked: that is what we wanted.
            }
        }

        return created;
    }

    /// <param name="bodyCode">The body whose QR key changes; null for the registry's receipt key.</param>
    private async Task<(SigningKeySummary Created, SigningKeySummary? Retired)> AddKeyAsync(
        string? bodyCode, bool rotate, string actor, RegistryDbContext? within, CancellationToken cancellationToken)
    {
        var operation = rotate ? "rotate" : "create";
        for (var draw = 1; ; draw++)
        {
            await using var owned = within is null ? NewContext() : null;
            var db = within ?? owned!;
            await using var transaction = owned is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            var body = bodyCode is null
                ? new KeyOwner(null, SigningKeyInfo.RegistryIssuer, "the registry", "--receipts")
                : await db.Bodies.AsNoTracking().Where(b => b.Code == bodyCode)
                      .Select(b => new KeyOwner(b.Id, b.Code, "body " + b.Code, "--body " + b.Code))
                      .SingleOrDefaultAsync(cancellationToken)
                  ?? throw Refuse(operation, actor, SigningKeyError.UnknownBody, $"No certification body has the code '{bodyCode}'.");
            await LockOwnerAsync(db, body.Id, cancellationToken);
            var active = await db.SigningKeys.SingleOrDefaultAsync(k => k.BodyId == body.Id && k.State == KeyState.Active, cancellationToken);
            if (rotate && active is null)
            {
                throw Refuse(operation, actor, SigningKeyError.Refused, $"{body.Sentence} has no active signing key to rotate; create one with `keys create {body.Option}`.");
            }

            if (!rotate && active is not null)
            {
                throw Refuse(operation, actor, SigningKeyError.Refused, $"{body.Sentence} already has the active signing key {active.Kid}; use `keys rotate {body.Option}` to replace it.");
            }

            var now = _clock.GetUtcNow();
            if (active is not null)
            {
                active.State = KeyState.Retired;
                active.RetiredAt = now;
                active.NotAfter = LastDay(active.NotBefore, now);

                // Saved before the new key goes in: the partial unique index allows one active key per body at every moment.
                await db.SaveChangesAsync(cancellationToken);
            }

            var created = NewKey(body, now);
            if (transaction is null && await db.SigningKeys.AnyAsync(k => k.Kid == created.Kid || k.Thumbprint == created.Thumbprint, cancellationToken))
            {
                // Within another transaction a failed insert would abort it, so a taken id is looked for first.
                LogKidCollision(body.Code, created.Kid, draw);
                if (draw < MaxDraws)
                {
                    continue;
                }
            }

            db.SigningKeys.Add(created);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            catch (DbUpdateException e) when (transaction is not null && UniqueViolation(e) is SigningKeyConfiguration.KidKey or SigningKeyConfiguration.ThumbprintIndex)
            {
                // Another key (of any body) already has this 4-byte id: the whole change rolls back and a new key is drawn.
                LogKidCollision(body.Code, created.Kid, draw);
                if (draw < MaxDraws)
                {
                    continue;
                }

                throw Refuse(operation, actor, SigningKeyError.Conflict,
                    $"{MaxDraws} new keys in a row had key ids that are already taken; the key generator looks broken. Nothing was changed.");
            }
            catch (DbUpdateException e) when (UniqueViolation(e) is SigningKeyConfiguration.OneActivePerBodyIndex or SigningKeyConfiguration.OneActiveReceiptKeyIndex)
            {
                throw Refuse(operation, actor, SigningKeyError.Conflict, $"Another change to the keys of {body.Name} happened at the same moment; list the keys and try again.");
            }

            if (transaction is not null)
            {
                Invalidate();
            }

            if (active is not null)
            {
                LogRetired(active.Kid, body.Code, actor, active.NotAfter!.Value);
            }

            LogCreated(created.Kid, body.Code, actor, created.NotBefore);
            return (SigningKeySummary.From(created, body.Code), active is null ? null : SigningKeySummary.From(active, body.Code));
        }
    }

    private StoredSigningKey NewKey(KeyOwner body, DateTimeOffset now)
    {
        using var key = _generator.Generate();
        var parameters = key.ExportParameters(includePrivateParameters: true);
        try
        {
            KeyIds.RequireP256(parameters);
            var thumbprint = KeyIds.Thumbprint(parameters);
            var kid = KeyId.FromBytes(thumbprint.AsSpan(0, KeyId.Length));
            return new StoredSigningKey
            {
                BodyId = body.Id,
                Kid = kid.ToString(),
                Thumbprint = thumbprint,
                PublicX = parameters.Q.X!,
                PublicY = parameters.Q.Y!,
                EncryptedPrivateKey = Protector.Protect(parameters.D, body.Id, kid),
                State = KeyState.Active,
                NotBefore = RegistryCalendar.DateOf(now),
                CreatedAt = now,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>Today (China calendar), but never before the key's first day: a window cannot end before it starts.</summary>
    private static DateOnly LastDay(DateOnly notBefore, DateTimeOffset now)
    {
        var today = RegistryCalendar.DateOf(now);
        return today < notBefore ? notBefore : today;
    }

    private static Task<int> LockOwnerAsync(RegistryDbContext db, long? bodyId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({(bodyId is { } id ? "signing_keys/body/" + id.ToString(CultureInfo.InvariantCulture) : "signing_keys/receipts")}, 0))",
            cancellationToken);

    /// <summary>Whose key changes: a body (its id and code) or, with no id, the registry; and how messages name it.</summary>
    private sealed record KeyOwner(long? Id, string Code, string Name, string Option)
    {
        public string Sentence => char.ToUpperInvariant(Name[0]) + Name[1..];
    }

    private static string? UniqueViolation(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique ? unique.ConstraintName : null;

    private SigningKeyException Refuse(string operation, string actor, SigningKeyError error, string message)
    {
        LogRefused(operation, actor, message);
        return new SigningKeyException(error, message);
    }
}

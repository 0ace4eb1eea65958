using System.Security.Cryptography;
using Npgsql;
using Registry.Signing.Keys;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.SigningKeys;

public sealed class KeyLifecycleTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_new_key_is_active_open_ended_and_stored_encrypted()
    {
        var body = await _registry.AddBodyAsync();
        var clock = TestClocks.AtChinaNoon(2026, 3, 1);
        var store = TestStores.Create(database, clock);

        var created = await store.CreateAsync(body.Code, "test", CancellationToken.None);

        created.State.ShouldBe(KeyState.Active);
        created.BodyCode.ShouldBe(body.Code);
        created.NotBefore.ShouldBe(new DateOnly(2026, 3, 1));
        created.NotAfter.ShouldBeNull();
        await using var db = database.CreateContext();
        var row = await db.SigningKeys.SingleAsync(k => k.Kid == created.Kid);
        row.BodyId.ShouldBe(body.Id);
        var publicKey = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = row.PublicX, Y = row.PublicY } };
        row.Thumbprint.ShouldBe(KeyIds.Thumbprint(publicKey));
        KeyIds.ShortId(publicKey).ToString().ShouldBe(created.Kid);

        using var active = (await store.ActiveForAsync(body.Id, CancellationToken.None)).ShouldNotBeNull();
        active.Id.ToString().ShouldBe(created.Kid);
        active.BodyCode.ShouldBe(body.Code);
        var scalar = active.PrivateKey.ExportParameters(includePrivateParameters: true).D!;
        row.EncryptedPrivateKey.AsSpan().IndexOf(scalar).ShouldBe(-1, "the private key is stored only encrypted");
        row.EncryptedPrivateKey.Length.ShouldBe(PrivateKeyProtector.BlobLength);
    }

    [Fact]
    public async Task Create_refuses_a_second_active_key_and_unknown_bodies()
    {
        var body = await _registry.AddBodyAsync();
        var store = TestStores.Create(database);
        var first = await store.CreateAsync(body.Code, "test", CancellationToken.None);

        var again = await Should.ThrowAsync<SigningKeyException>(() => store.CreateAsync(body.Code, "test", CancellationToken.None));
        again.Error.ShouldBe(SigningKeyError.Refused);
        again.Message.ShouldContain(first.Kid);
        again.Message.ShouldContain("keys rotate");

        var unknown = await Should.ThrowAsync<SigningKeyException>(() => store.CreateAsync("NO-SUCH-BODY", "test", CancellationToken.None));
        unknown.Error.ShouldBe(SigningKeyError.UnknownBody);
        (await Should.ThrowAsync<SigningKeyException>(() => store.RotateAsync("NO-SUCH-BODY", "test", CancellationToken.None))).Error
            .ShouldBe(SigningKeyError.UnknownBody);
        (await Should.ThrowAsync<SigningKeyException>(() => store.ListAsync("NO-SUCH-BODY", CancellationToken.None))).Error
            .ShouldBe(SigningKeyError.UnknownBody);
    }

    [Fact]
    public async Task Rotation_retires_the_old_key_on_the_day_and_activates_a_new_one()
    {
        var body = await _registry.AddBodyAsync();
        var clock = TestClocks.AtChinaNoon(2026, 3, 1);
        var store = TestStores.Create(database, clock);
        var first = await store.CreateAsync(body.Code, "test", CancellationToken.None);
        clock.MoveTo(TestClocks.ChinaNoon(2026, 9, 15));

        var rotation = await store.RotateAsync(body.Code, "test", CancellationToken.None);

        rotation.Retired.Kid.ShouldBe(first.Kid);
        rotation.Retired.State.ShouldBe(KeyState.Retired);
        rotation.Retired.NotBefore.ShouldBe(new DateOnly(2026, 3, 1));
        rotation.Retired.NotAfter.ShouldBe(new DateOnly(2026, 9, 15));
        rotation.Retired.RetiredAt.ShouldBe(clock.GetUtcNow());
        rotation.Active.Kid.ShouldNotBe(first.Kid);
        rotation.Active.State.ShouldBe(KeyState.Active);
        rotation.Active.NotBefore.ShouldBe(new DateOnly(2026, 9, 15));
        var keys = await store.ListAsync(body.Code, CancellationToken.None);
        keys.Select(k => (k.Kid, k.State)).ShouldBe([(first.Kid, KeyState.Retired), (rotation.Active.Kid, KeyState.Active)]);
        using var active = await store.ActiveForAsync(body.Id, CancellationToken.None);
        active!.Id.ToString().ShouldBe(rotation.Active.Kid);
    }

    [Fact]
    public async Task A_body_without_an_active_key_cannot_rotate_or_get_one_to_sign_with()
    {
        var body = await _registry.AddBodyAsync();
        var store = TestStores.Create(database);

        var refused = await Should.ThrowAsync<SigningKeyException>(() => store.RotateAsync(body.Code, "test", CancellationToken.None));

        refused.Error.ShouldBe(SigningKeyError.Refused);
        refused.Message.ShouldContain("keys create");
        (await store.ActiveForAsync(body.Id, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Revocation_is_final_needs_a_reason_and_leaves_the_body_without_an_active_key()
    {
        var body = await _registry.AddBodyAsync();
        var clock = TestClocks.AtChinaNoon(2026, 3, 1);
        var store = TestStores.Create(database, clock);
        var key = await store.CreateAsync(body.Code, "test", CancellationToken.None);
        clock.MoveTo(TestClocks.ChinaNoon(2026, 4, 2));

        (await Should.ThrowAsync<SigningKeyException>(() => store.RevokeAsync(key.Kid, "  ", "test", CancellationToken.None))).Error
            .ShouldBe(SigningKeyError.Refused);
        var revoked = await store.RevokeAsync(key.Kid, "private key exposed in a backup", "test", CancellationToken.None);

        revoked.State.ShouldBe(KeyState.Revoked);
        revoked.RevocationReason.ShouldBe("private key exposed in a backup");
        revoked.RevokedAt.ShouldBe(clock.GetUtcNow());
        revoked.NotAfter.ShouldBe(new DateOnly(2026, 4, 2), "the window closes on the day of revocation");
        (await store.ActiveForAsync(body.Id, CancellationToken.None)).ShouldBeNull("a revoked key never signs again");
        var again = await Should.ThrowAsync<SigningKeyException>(() => store.RevokeAsync(key.Kid, "again", "test", CancellationToken.None));
        again.Error.ShouldBe(SigningKeyError.Refused);
        again.Message.ShouldContain("already revoked");
        (await Should.ThrowAsync<SigningKeyException>(() => store.RotateAsync(body.Code, "test", CancellationToken.None))).Error
            .ShouldBe(SigningKeyError.Refused);

        var next = await store.CreateAsync(body.Code, "test", CancellationToken.None);
        next.State.ShouldBe(KeyState.Active);
    }

    [Fact]
    public async Task A_retired_key_can_be_revoked_and_keeps_its_window()
    {
        var body = await _registry.AddBodyAsync();
        var clock = TestClocks.AtChinaNoon(2026, 3, 1);
        var store = TestStores.Create(database, clock);
        var first = await store.CreateAsync(body.Code, "test", CancellationToken.None);
        clock.MoveTo(TestClocks.ChinaNoon(2026, 5, 1));
        await store.RotateAsync(body.Code, "test", CancellationToken.None);
        clock.MoveTo(TestClocks.ChinaNoon(2026, 6, 1));

        var revoked = await store.RevokeAsync(first.Kid, "old backup tape lost", "test", CancellationToken.None);

        revoked.State.ShouldBe(KeyState.Revoked);
        revoked.NotAfter.ShouldBe(new DateOnly(2026, 5, 1));
        (await store.ActiveForAsync(body.Id, CancellationToken.None)).ShouldNotBeNull().Dispose();
    }

    [Theory]
    [InlineData("AAAAAA")]
    [InlineData("not-a-kid")]
    [InlineData("")]
    public async Task Revoking_an_unknown_key_id_says_so(string kid)
    {
        var failure = await Should.ThrowAsync<SigningKeyException>(() => TestStores.Create(database).RevokeAsync(kid, "x", "test", CancellationToken.None));
        failure.Error.ShouldBe(SigningKeyError.UnknownKey);
    }

    [Fact]
    public async Task The_database_allows_one_active_key_per_body_whoever_writes()
    {
        var body = await _registry.AddBodyAsync();
        var store = TestStores.Create(database);
        var key = await store.CreateAsync(body.Code, "test", CancellationToken.None);

        // A second active row for the body, written around the store: the partial unique index refuses it.
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO signing_keys (body_id, kid, thumbprint, public_x, public_y, encrypted_private_key, state, not_before, created_at)
            SELECT body_id, 'ZZZZZZ', sha256(thumbprint), public_x, public_y, encrypted_private_key, 'Active', not_before, now()
            FROM signing_keys WHERE kid = $1
            """, connection);
        insert.Parameters.AddWithValue(key.Kid);
        var failure = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        failure.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        failure.ConstraintName.ShouldBe("ux_signing_keys_one_active_per_body");

        // An active key with a closed window, or a revoked one without a reason, is refused too.
        await using var close = new NpgsqlCommand("UPDATE signing_keys SET not_after = not_before WHERE kid = $1", connection);
        close.Parameters.AddWithValue(key.Kid);
        (await Should.ThrowAsync<PostgresException>(() => close.ExecuteNonQueryAsync())).ConstraintName.ShouldBe("ck_signing_keys_open_only_while_active");
        await using var revoke = new NpgsqlCommand("UPDATE signing_keys SET state = 'Revoked', not_after = not_before, revoked_at = now() WHERE kid = $1", connection);
        revoke.Parameters.AddWithValue(key.Kid);
        (await Should.ThrowAsync<PostgresException>(() => revoke.ExecuteNonQueryAsync())).ConstraintName.ShouldBe("ck_signing_keys_revoked");
    }

    [Fact]
    public async Task Simultaneous_rotations_of_one_body_take_turns_and_leave_one_active_key()
    {
        var body = await _registry.AddBodyAsync();
        var store = TestStores.Create(database);
        await store.CreateAsync(body.Code, "test", CancellationToken.None);

        var rotations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.RotateAsync(body.Code, "test", CancellationToken.None))));

        var keys = await store.ListAsync(body.Code, CancellationToken.None);
        keys.Count.ShouldBe(5);
        keys.Count(k => k.State == KeyState.Active).ShouldBe(1);
        rotations.Select(r => r.Retired.Kid).Distinct().Count().ShouldBe(4, "each rotation retired the key the one before it created");
    }

    [Fact]
    public async Task A_new_key_whose_id_is_taken_by_any_other_key_is_drawn_again()
    {
        var firstBody = await _registry.AddBodyAsync();
        var secondBody = await _registry.AddBodyAsync();
        using var taken = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var takenParameters = taken.ExportParameters(includePrivateParameters: true);
        var existing = await TestStores.Create(database, generator: new ScriptedKeyGenerator(takenParameters))
            .CreateAsync(firstBody.Code, "test", CancellationToken.None);
        existing.Kid.ShouldBe(KeyIds.ShortId(taken).ToString());

        // The second body's generator offers the same key pair twice (hence the same id) before a fresh one.
        var generator = new ScriptedKeyGenerator(takenParameters, takenParameters);
        var logger = new CapturingLogger<SigningKeyStore>();
        var created = await TestStores.Create(database, generator: generator, logger: logger).CreateAsync(secondBody.Code, "test", CancellationToken.None);

        created.Kid.ShouldNotBe(existing.Kid);
        generator.Draws.ShouldBe(3);
        logger.Lines.Count(l => l.Text.Contains($"got the key id {existing.Kid}, which another key already has", StringComparison.Ordinal)).ShouldBe(2);
        (await TestStores.Create(database).ListAsync(secondBody.Code, CancellationToken.None)).Single().Kid.ShouldBe(created.Kid);
    }

    [Fact]
    public async Task A_generator_that_keeps_colliding_changes_nothing()
    {
        var firstBody = await _registry.AddBodyAsync();
        var secondBody = await _registry.AddBodyAsync();
        var clock = TestClocks.AtChinaNoon(2026, 3, 1);
        var store = TestStores.Create(database, clock);
        await store.CreateAsync(secondBody.Code, "test", CancellationToken.None);
        using var taken = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = taken.ExportParameters(includePrivateParameters: true);
        await TestStores.Create(database, generator: new ScriptedKeyGenerator(parameters)).CreateAsync(firstBody.Code, "test", CancellationToken.None);
        var stuck = new ScriptedKeyGenerator(Enumerable.Repeat(parameters, 10).ToArray());
        clock.MoveTo(TestClocks.ChinaNoon(2026, 4, 1));

        var failure = await Should.ThrowAsync<SigningKeyException>(
            () => TestStores.Create(database, clock, stuck).RotateAsync(secondBody.Code, "test", CancellationToken.None));

        failure.Error.ShouldBe(SigningKeyError.Conflict);
        stuck.Draws.ShouldBe(5);
        var keys = await store.ListAsync(secondBody.Code, CancellationToken.None);
        keys.Single().State.ShouldBe(KeyState.Active, "the rotation rolled back: the old key is still the active one");
        keys.Single().NotAfter.ShouldBeNull();
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using Npgsql;
using Registry.Signing.Claims;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.SigningKeys;

/// <summary>Private keys stay encrypted, bound to their row, out of the logs, and usable only with the right KEK.</summary>
public sealed class KeyMaterialTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task The_log_names_who_did_what_to_which_key_and_holds_no_key_material()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 1, 8));
        var logger = new CapturingLogger<SigningKeyStore>();
        var store = TestStores.Create(database, logger: logger);

        var first = await store.CreateAsync(body.Code, "alice", CancellationToken.None);
        byte[] scalar;
        using (var active = await store.ActiveForAsync(body.Id, CancellationToken.None))
        {
            scalar = active!.PrivateKey.ExportParameters(includePrivateParameters: true).D!;
        }

        var serialLogger = new CapturingLogger<QrSerialStore>();
        await new QrSerialStore(database.DataSource, TimeProvider.System, serialLogger).AllocateAsync(certificate.Id, Medium.Plaque, 2, CancellationToken.None);
        await Should.ThrowAsync<SigningKeyException>(() => store.CreateAsync(body.Code, "mallory", CancellationToken.None));
        var rotation = await store.RotateAsync(body.Code, "bob", CancellationToken.None);
        await store.RevokeAsync(first.Kid, "exposed", "carol", CancellationToken.None);
        byte[] blob;
        await using (var db = database.CreateContext())
        {
            blob = (await db.SigningKeys.SingleAsync(k => k.Kid == first.Kid)).EncryptedPrivateKey;
        }

        var log = logger.All + "\n" + serialLogger.All;
        log.ShouldContain($"Signing key {first.Kid} created for body {body.Code} by alice");
        log.ShouldContain($"Private key of signing key {first.Kid} of body {body.Code} decrypted for signing");
        log.ShouldContain($"Allocated Plaque serials 1..2 of certificate {certificate.Id} under key {first.Kid}");
        log.ShouldContain("Signing key operation create by mallory refused");
        log.ShouldContain($"Signing key {first.Kid} of body {body.Code} retired by bob");
        log.ShouldContain($"Signing key {rotation.Active.Kid} created for body {body.Code} by bob");
        log.ShouldContain($"Signing key {first.Kid} of body {body.Code} revoked by carol (was Retired): exposed");
        foreach (var secret in Spellings(scalar).Concat(Spellings(blob)).Append(TestKek.Base64))
        {
            log.ShouldNotContain(secret, Case.Insensitive);
        }
    }

    [Fact]
    public async Task A_private_key_copied_onto_another_row_does_not_open()
    {
        var victim = await _registry.AddBodyAsync();
        var attacker = await _registry.AddBodyAsync();
        var logger = new CapturingLogger<SigningKeyStore>();
        var store = TestStores.Create(database, logger: logger);
        var victimKey = await store.CreateAsync(victim.Code, "test", CancellationToken.None);
        var attackerKey = await store.CreateAsync(attacker.Code, "test", CancellationToken.None);

        // Someone with write access to the table puts the victim's encrypted key on the attacker's row, hoping to
        // sign as the victim through the attacker's account. The blob is bound to its body and kid.
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var swap = new NpgsqlCommand(
            "UPDATE signing_keys SET encrypted_private_key = (SELECT encrypted_private_key FROM signing_keys WHERE kid = $1) WHERE kid = $2", connection))
        {
            swap.Parameters.AddWithValue(victimKey.Kid);
            swap.Parameters.AddWithValue(attackerKey.Kid);
            (await swap.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var failure = await Should.ThrowAsync<SigningKeyDecryptionException>(() => store.ActiveForAsync(attacker.Id, CancellationToken.None).AsTask());

        failure.Kid.ShouldBe(attackerKey.Kid);
        failure.Message.ShouldContain("altered or belongs to another key");
        logger.Lines.ShouldContain(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Text.Contains(attackerKey.Kid, StringComparison.Ordinal));
        (await store.ActiveForAsync(victim.Id, CancellationToken.None)).ShouldNotBeNull().Dispose();
    }

    [Fact]
    public async Task A_store_with_another_key_encryption_key_cannot_sign_but_still_publishes()
    {
        var body = await _registry.AddBodyAsync();
        var key = await TestStores.Create(database).CreateAsync(body.Code, "test", CancellationToken.None);
        var otherKek = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var store = TestStores.Create(database, kek: otherKek);

        var failure = await Should.ThrowAsync<SigningKeyDecryptionException>(() => store.ActiveForAsync(body.Id, CancellationToken.None).AsTask());

        failure.Message.ShouldContain("Signing:KeyEncryptionKey is not the key it was encrypted with");
        failure.Message.ShouldNotContain(otherKek);
        (await store.AllAsync(CancellationToken.None)).Keys.ShouldContain(k => k.Id.ToString() == key.Kid, "public keys need no KEK");
    }

    private static IEnumerable<string> Spellings(byte[] secret) =>
        [Convert.ToBase64String(secret), Base64Url.EncodeToString(secret), Convert.ToHexString(secret)];
}

using Registry.Signing.Claims;
using Registry.Signing.Keys;
using Registry.Signing.Payloads;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.SigningKeys;

/// <summary>The acceptance test of the issue: after rotation, prints made with the retired key still verify; after revocation they do not.</summary>
public sealed class RotationVerificationTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task Prints_of_a_retired_key_verify_until_the_key_is_revoked()
    {
        var body = await _registry.AddBodyAsync();
        var clock = TestClocks.AtChinaNoon(2026, 3, 1);
        var store = TestStores.Create(database, clock);
        var first = await store.CreateAsync(body.Code, "test", CancellationToken.None);
        var issued = new DateOnly(2026, 2, 20);
        var oldPrint = await SignAsync(store, body.Id, TestStores.Claims(TestStores.NewNumber(), issued, new DateOnly(2026, 3, 1), Medium.Plaque, 1));
        (await VerifyAsync(store, oldPrint)).ShouldBeOfType<Genuine>().Key.Issuer.ShouldBe(body.Code);

        clock.MoveTo(TestClocks.ChinaNoon(2026, 6, 30));
        var rotation = await store.RotateAsync(body.Code, "test", CancellationToken.None);
        var newPrint = await SignAsync(store, body.Id, TestStores.Claims(TestStores.NewNumber(), issued, new DateOnly(2026, 6, 30)));

        var afterRotation = (await VerifyAsync(store, oldPrint)).ShouldBeOfType<Genuine>();
        afterRotation.Key.Id.ToString().ShouldBe(first.Kid);
        afterRotation.Key.State.ShouldBe(KeyState.Retired);
        (await VerifyAsync(store, newPrint)).ShouldBeOfType<Genuine>().Key.Id.ToString().ShouldBe(rotation.Active.Kid);

        await store.RevokeAsync(first.Kid, "private key exposed", "test", CancellationToken.None);

        (await VerifyAsync(store, oldPrint)).ShouldBeOfType<NotGenuine>().Reason.ShouldBe(NotGenuineReason.RevokedKey);
        (await VerifyAsync(store, newPrint)).ShouldBeOfType<Genuine>("revoking one key leaves the body's other keys alone");
    }

    [Fact]
    public async Task A_retired_key_does_not_cover_prints_dated_after_its_retirement()
    {
        var body = await _registry.AddBodyAsync();
        var clock = TestClocks.AtChinaNoon(2026, 3, 1);
        var store = TestStores.Create(database, clock);
        await store.CreateAsync(body.Code, "test", CancellationToken.None);

        // Someone kept the old private key and signs after the rotation, back-dating nothing: the window says no.
        using var oldKey = (await store.ActiveForAsync(body.Id, CancellationToken.None))!;
        clock.MoveTo(TestClocks.ChinaNoon(2026, 4, 1));
        await store.RotateAsync(body.Code, "test", CancellationToken.None);
        var late = new PayloadSigner(oldKey.PrivateKey).Sign(TestStores.Claims(TestStores.NewNumber(), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 2)));
        var onTheDay = new PayloadSigner(oldKey.PrivateKey).Sign(TestStores.Claims(TestStores.NewNumber(), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)));

        (await VerifyAsync(store, late)).ShouldBeOfType<NotGenuine>().Reason.ShouldBe(NotGenuineReason.KeyNotValidAtSigningTime);
        (await VerifyAsync(store, onTheDay)).ShouldBeOfType<Genuine>("the retired key could still sign on the day of the rotation");
    }

    [Fact]
    public async Task Changes_through_the_store_are_seen_at_once_and_other_instances_changes_after_the_refresh_interval()
    {
        var body = await _registry.AddBodyAsync();
        var clock = TestClocks.AtChinaNoon(2026, 3, 1);
        var reader = TestStores.Create(database, clock, refreshInterval: TimeSpan.FromSeconds(10));
        var other = TestStores.Create(database, clock);
        await reader.AllAsync(CancellationToken.None);

        var mine = await reader.CreateAsync(body.Code, "test", CancellationToken.None);
        var set = await reader.AllAsync(CancellationToken.None);
        set.Find(Kid(mine)).ShouldNotBeNull().State.ShouldBe(KeyState.Active);

        await other.RevokeAsync(mine.Kid, "revoked on another instance", "test", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(9));
        (await reader.AllAsync(CancellationToken.None)).ShouldBeSameAs(set, "within the refresh interval the cached set is used");
        clock.Advance(TimeSpan.FromSeconds(2));
        (await reader.AllAsync(CancellationToken.None)).Find(Kid(mine))!.State.ShouldBe(KeyState.Revoked);
    }

    [Fact]
    public async Task An_unchanged_key_keeps_its_object_across_reloads()
    {
        var body = await _registry.AddBodyAsync();
        var store = TestStores.Create(database);
        var key = await store.CreateAsync(body.Code, "test", CancellationToken.None);
        var before = (await store.AllAsync(CancellationToken.None)).Find(Kid(key));

        await store.CreateAsync((await _registry.AddBodyAsync()).Code, "test", CancellationToken.None);

        (await store.AllAsync(CancellationToken.None)).Find(Kid(key)).ShouldBeSameAs(before, "its cached ECDsa objects are reused");
    }

    private static KeyId Kid(SigningKeySummary key) => KeyId.TryParse(key.Kid, out var id) ? id : throw new InvalidOperationException(key.Kid);

    private static async Task<byte[]> SignAsync(SigningKeyStore store, long bodyId, QrClaims claims)
    {
        using var key = (await store.ActiveForAsync(bodyId, CancellationToken.None)).ShouldNotBeNull();
        return new PayloadSigner(key.PrivateKey).Sign(claims);
    }

    private static async Task<VerificationResult> VerifyAsync(SigningKeyStore store, byte[] envelope)
    {
        var keys = await store.AllAsync(CancellationToken.None);
        return new PayloadVerifier(keys.Find).VerifyScanned(PayloadText.Encode(envelope));
    }
}

namespace Registry.Signing.Tests.Payloads;

public sealed class KeyRotationTests : IDisposable
{
    private static readonly DateOnly RotationDay = new(2024, 6, 30);

    private readonly ECDsa _oldKey = TestKeys.Create("rotation old");
    private readonly ECDsa _newKey = TestKeys.Create("rotation new");

    public void Dispose()
    {
        _oldKey.Dispose();
        _newKey.Dispose();
    }

    [Fact]
    public void After_rotation_prints_of_the_retired_key_still_verify()
    {
        var oldPrint = new PayloadSigner(_oldKey).Sign(TestClaims.Plaque(signedOn: new DateOnly(2024, 1, 15)));
        var newPrint = new PayloadSigner(_newKey).Sign(TestClaims.Plaque(signedOn: new DateOnly(2024, 7, 1)));
        var oldInfo = TestKeys.Info(_oldKey, notBefore: new DateOnly(2023, 1, 1));
        var rotated = new SigningKeySet([oldInfo.Retire(RotationDay), TestKeys.Info(_newKey, notBefore: RotationDay.AddDays(1))]);

        var verifier = new PayloadVerifier(rotated.Find);

        verifier.Verify(oldPrint).IsGenuine.ShouldBeTrue();
        verifier.Verify(newPrint).IsGenuine.ShouldBeTrue();
        rotated.Find(oldInfo.Id)!.State.ShouldBe(KeyState.Retired);
    }

    [Fact]
    public void After_revocation_prints_of_that_key_do_not_verify()
    {
        var oldPrint = new PayloadSigner(_oldKey).Sign(TestClaims.Plaque(signedOn: new DateOnly(2024, 1, 15)));
        var oldInfo = TestKeys.Info(_oldKey, notBefore: new DateOnly(2023, 1, 1)).Retire(RotationDay);
        var revoked = new SigningKeySet([oldInfo.Revoke(), TestKeys.Info(_newKey, notBefore: RotationDay.AddDays(1))]);

        var result = new PayloadVerifier(revoked.Find).Verify(oldPrint);

        result.ShouldBeOfType<NotGenuine>().Reason.ShouldBe(NotGenuineReason.RevokedKey);
    }

    [Theory]
    [InlineData("2024-07-01", "the day after retirement")]
    [InlineData("2022-12-31", "the day before the key's window")]
    public void A_signing_day_outside_the_window_is_not_genuine(string signedOn, string what)
    {
        var print = new PayloadSigner(_oldKey).Sign(TestClaims.Plaque(signedOn: DateOnly.Parse(signedOn, null)) with
        {
            IssuedOn = new DateOnly(2022, 7, 1),
            ExpiresOn = new DateOnly(2025, 6, 30),
        });
        var keys = new SigningKeySet([TestKeys.Info(_oldKey, notBefore: new DateOnly(2023, 1, 1)).Retire(RotationDay)]);

        var result = new PayloadVerifier(keys.Find).Verify(print);

        result.ShouldBeOfType<NotGenuine>(what).Reason.ShouldBe(NotGenuineReason.KeyNotValidAtSigningTime, what);
    }

    [Theory]
    [InlineData("2023-01-01")]
    [InlineData("2024-06-30")]
    public void The_window_includes_its_first_and_last_day(string signedOn)
    {
        var print = new PayloadSigner(_oldKey).Sign(TestClaims.Plaque(signedOn: DateOnly.Parse(signedOn, null)) with
        {
            IssuedOn = new DateOnly(2022, 7, 1),
            ExpiresOn = new DateOnly(2025, 6, 30),
        });
        var keys = new SigningKeySet([TestKeys.Info(_oldKey, notBefore: new DateOnly(2023, 1, 1)).Retire(RotationDay)]);

        new PayloadVerifier(keys.Find).Verify(print).IsGenuine.ShouldBeTrue();
    }

    [Fact]
    public void Retiring_never_extends_a_window()
    {
        var info = TestKeys.Info(_oldKey, notAfter: new DateOnly(2024, 1, 31));

        info.Retire(RotationDay).NotAfter.ShouldBe(new DateOnly(2024, 1, 31));
    }
}

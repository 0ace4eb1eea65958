using System.Security.Cryptography;
using Registry.Domain.Certificates;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.SigningKeys;

/// <summary>`keys rewrap`: replacing the KEK re-encrypts every stored private key, all or nothing.</summary>
public sealed class KeyEncryptionKeyRotationTests
{
    [Fact]
    public async Task Rewrap_moves_every_private_key_to_the_new_key_encryption_key()
    {
        // A database of its own: rewrapping touches every key, and other tests' keys must stay under the test KEK.
        await using var own = await DemoDatabase.CreateAsync();
        var bodies = new[] { new CertificationBody("REWRAP-A", "测试甲", "Test A", "CNCA-R-2099-81", null, isDemo: false),
            new CertificationBody("REWRAP-B", "测试乙", "Test B", "CNCA-R-2099-82", null, isDemo: false) };
        await using (var db = own.CreateContext())
        {
            db.Bodies.AddRange(bodies);
            await db.SaveChangesAsync();
        }

        var oldStore = TestStores.CreateOn(own.DataSource);
        await oldStore.CreateAsync("REWRAP-A", "test", CancellationToken.None);
        await oldStore.RotateAsync("REWRAP-A", "test", CancellationToken.None);
        await oldStore.CreateAsync("REWRAP-B", "test", CancellationToken.None);
        var newKek = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var wrongPrevious = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var (code, output) = await RewrapAsync(own.ConnectionString, newKek, wrongPrevious);
        code.ShouldBe(1, output);
        output.ShouldContain("opens with neither");
        (await oldStore.ActiveForAsync(bodies[0].Id, CancellationToken.None)).ShouldNotBeNull("nothing changed").Dispose();

        (code, output) = await RewrapAsync(own.ConnectionString, newKek, TestKek.Base64);
        code.ShouldBe(0, output);
        output.ShouldContain("Re-encrypted 3 private key(s) under the new key-encryption key; 0 already were.");
        output.ShouldNotContain(newKek);
        output.ShouldNotContain(TestKek.Base64);

        var newStore = TestStores.CreateOn(own.DataSource, kek: newKek);
        foreach (var body in bodies)
        {
            (await newStore.ActiveForAsync(body.Id, CancellationToken.None)).ShouldNotBeNull().Dispose();
            await Should.ThrowAsync<SigningKeyDecryptionException>(() => oldStore.ActiveForAsync(body.Id, CancellationToken.None).AsTask());
        }

        (code, output) = await RewrapAsync(own.ConnectionString, newKek, TestKek.Base64);
        code.ShouldBe(0, output);
        output.ShouldContain("Re-encrypted 0 private key(s) under the new key-encryption key; 3 already were.");
    }

    private static Task<(int ExitCode, string Output)> RewrapAsync(string connectionString, string kek, string previous) =>
        RegistryProcess.RunAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Registry"] = connectionString,
            ["Signing__KeyEncryptionKey"] = kek,
            ["Signing__PreviousKeyEncryptionKey"] = previous,
        }, "keys", "rewrap");
}

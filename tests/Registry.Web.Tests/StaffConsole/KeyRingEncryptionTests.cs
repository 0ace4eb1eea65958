using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>The console's Data Protection keys are stored encrypted under the registry's key-encryption key.</summary>
public sealed class KeyRingEncryptionTests(RegistryDatabase database)
{
    [Fact]
    public void A_sealed_element_opens_with_its_key_or_the_one_listed_with_it_and_not_with_another_or_once_altered()
    {
        var kek = RandomNumberGenerator.GetBytes(32);
        var other = RandomNumberGenerator.GetBytes(32);
        var secret = new XElement("masterKey", new XElement("value", "c2VjcmV0IGtleSBtYXRlcmlhbA=="));

        var sealedElement = KeyRingEncryption.Seal(secret, kek);

        sealedElement.ToString().ShouldNotContain("c2VjcmV0IGtleSBtYXRlcmlhbA==");
        KeyRingEncryption.Open(sealedElement, [kek])!.ToString().ShouldBe(secret.ToString());
        KeyRingEncryption.Open(sealedElement, [other, kek])!.ToString().ShouldBe(secret.ToString(), "the previous key during a rewrap");
        KeyRingEncryption.Open(sealedElement, [other]).ShouldBeNull();
        var bytes = Convert.FromBase64String(sealedElement.Element("value")!.Value);
        bytes[^1] ^= 1;
        var altered = new XElement(sealedElement);
        altered.Element("value")!.Value = Convert.ToBase64String(bytes);
        KeyRingEncryption.Open(altered, [kek]).ShouldBeNull();
    }

    [Fact]
    public async Task A_key_the_site_creates_is_stored_encrypted_and_the_site_reads_it_back()
    {
        var manager = database.Site.Services.GetRequiredService<IKeyManager>();
        var created = manager.CreateNewKey(DateTimeOffset.UtcNow.AddDays(60), DateTimeOffset.UtcNow.AddDays(150));

        await using var db = database.CreateContext();
        var stored = await db.DataProtectionKeys.SingleAsync(k => k.FriendlyName == $"key-{created.KeyId:D}");
        stored.Xml.ShouldNotBeNull();
        stored.Xml.ShouldContain("encryptedSecret");
        stored.Xml.ShouldContain(KeyRingEncryption.Format);
        stored.Xml.ShouldNotContain("<masterKey");

        var encrypted = XElement.Parse(stored.Xml).Descendants("encryptedKey").Single();
        new KeyRingDecryptor(database.Site.Services).Decrypt(encrypted).Name.LocalName.ShouldBe("masterKey");
        manager.GetAllKeys().Single(k => k.KeyId == created.KeyId).CreateEncryptor().ShouldNotBeNull("the site decrypts its own key");
    }
}

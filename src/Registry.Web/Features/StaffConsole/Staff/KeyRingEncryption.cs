using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.StaffConsole.Staff;

/// <summary>
/// Encrypts the Data Protection key ring (the keys behind console cookies, antiforgery tokens and activation links)
/// before it is stored in <c>data_protection_keys</c>, so that reading the database is not enough to forge a console
/// session. AES-256-GCM under a key derived by HKDF-SHA256 from the registry's key-encryption key
/// (<c>Signing:KeyEncryptionKey</c>, the one that protects the signing keys; the derivation keeps the two uses apart).
/// <code>
/// &lt;encryptedKey format="star-registry/aes-256-gcm/v1"&gt;&lt;value&gt;base64(nonce 12 || tag 16 || ciphertext)&lt;/value&gt;&lt;/encryptedKey&gt;
/// associated data = "star-registry/data-protection/v1"
/// </code>
/// </summary>
public static class KeyRingEncryption
{
    public const string Format = "star-registry/aes-256-gcm/v1";

    private const int NonceLength = 12;
    private const int TagLength = 16;
    private static readonly byte[] Purpose = "star-registry/data-protection/v1"u8.ToArray();

    /// <summary>Keys written from now on are encrypted, when the key-encryption key is set (the site does not start without it).</summary>
    public static void Configure(IServiceCollection services)
    {
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<SigningKeyOptions>>((options, signing) =>
        {
            if (SigningKeyOptions.TryDecode(signing.Value.KeyEncryptionKey, SigningKeyOptions.KeyEncryptionKeySetting, out var kek, out _))
            {
                options.XmlEncryptor = new KeyRingEncryptor(kek);
            }
        });
    }

    internal static byte[] Derive(byte[] keyEncryptionKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, keyEncryptionKey, 32, salt: [], info: Purpose);

    internal static XElement Seal(XElement plaintext, byte[] keyEncryptionKey)
    {
        var clear = System.Text.Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceLength + TagLength + clear.Length];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(Derive(keyEncryptionKey), TagLength))
        {
            aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceLength + TagLength), sealedBytes.AsSpan(NonceLength, TagLength), Purpose);
        }

        CryptographicOperations.ZeroMemory(clear);
        return new XElement("encryptedKey",
            new XAttribute("format", Format),
            new XComment(" Encrypted with a key derived from Signing:KeyEncryptionKey. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
    }

    /// <summary>The element back, with the first of the keys that opens it; null when none does.</summary>
    internal static XElement? Open(XElement encrypted, IEnumerable<byte[]> keyEncryptionKeys)
    {
        if ((string?)encrypted.Attribute("format") != Format || encrypted.Element("value")?.Value is not { } value)
        {
            return null;
        }

        var sealedBytes = Convert.FromBase64String(value);
        if (sealedBytes.Length < NonceLength + TagLength)
        {
            return null;
        }

        var clear = new byte[sealedBytes.Length - NonceLength - TagLength];
        foreach (var key in keyEncryptionKeys)
        {
            try
            {
                using var aes = new AesGcm(Derive(key), TagLength);
                aes.Decrypt(sealedBytes.AsSpan(0, NonceLength), sealedBytes.AsSpan(NonceLength + TagLength), sealedBytes.AsSpan(NonceLength, TagLength), clear, Purpose);
                var element = XElement.Parse(System.Text.Encoding.UTF8.GetString(clear));
                CryptographicOperations.ZeroMemory(clear);
                return element;
            }
            catch (AuthenticationTagMismatchException)
            {
                // Not this key: the one before a `keys rewrap`, perhaps.
            }
        }

        return null;
    }
}

internal sealed class KeyRingEncryptor(byte[] keyEncryptionKey) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(KeyRingEncryption.Seal(plaintextElement, keyEncryptionKey), typeof(KeyRingDecryptor));
}

/// <summary>Made by Data Protection from its type name when the key ring is read, with the application's services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var signing = services.GetRequiredService<IOptions<SigningKeyOptions>>().Value;
        var keys = new List<byte[]>();
        foreach (var (text, setting) in new[] { (signing.KeyEncryptionKey, SigningKeyOptions.KeyEncryptionKeySetting), (signing.PreviousKeyEncryptionKey, SigningKeyOptions.PreviousKeyEncryptionKeySetting) })
        {
            if (SigningKeyOptions.TryDecode(text, setting, out var key, out _))
            {
                keys.Add(key);
            }
        }

        return KeyRingEncryption.Open(encryptedElement, keys)
            ?? throw new CryptographicException(
                $"A console key of the Data Protection key ring cannot be decrypted: {SigningKeyOptions.KeyEncryptionKeySetting} (or {SigningKeyOptions.PreviousKeyEncryptionKeySetting}) is not the key it was encrypted with.");
    }
}

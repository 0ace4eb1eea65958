using Registry.Signing.Claims;
using Registry.Signing.Keys;
using Registry.Signing.Payloads;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.QrCodes;

/// <summary>
/// Signs codes for one certificate with its body's active key, holding the decrypted key only as long as
/// the job lives. Every code is verified again before it is handed out: a code that would not scan as
/// GENUINE must never be printed, least of all engraved in brass.
/// </summary>
public sealed class PrintJob : IDisposable
{
    private readonly ActiveKey _key;
    private readonly PayloadSigner _signer;
    private readonly PayloadVerifier _verifier;
    private readonly QrClaims _template;
    private readonly string _publicHost;

    internal PrintJob(ActiveKey key, SigningKeySet published, QrClaims template, string publicHost)
    {
        _key = key;
        _signer = new PayloadSigner(key.PrivateKey);
        if (_signer.KeyId != key.Id)
        {
            throw new InvalidOperationException($"The active key's id {key.Id} does not match its private key ({_signer.KeyId}).");
        }

        _verifier = new PayloadVerifier(published.Find);
        _template = template;
        _publicHost = publicHost;
    }

    public QrClaims Template => _template;

    /// <summary>The text to put in the QR code: HTTPS://HOST/V/PAYLOAD, all upper case.</summary>
    public string Sign(Medium medium, uint serial)
    {
        var claims = _template with { Medium = medium, Serial = serial };
        var text = VerifyUrl.Build(_publicHost, _signer.Sign(claims));
        var check = _verifier.VerifyScanned(text, _publicHost).ForIssuer(_key.BodyCode);
        if (check is not Genuine genuine || genuine.Claims != claims)
        {
            var why = check is NotGenuine notGenuine ? $"{notGenuine.Code}: {notGenuine.Message}" : "the claims read back differently";
            throw new InvalidOperationException($"A freshly signed code does not verify ({why}); nothing is printed.");
        }

        return text;
    }

    public void Dispose() => _key.Dispose();
}

using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Registry.Signing.Keys;

/// <summary>
/// The public keys as a JSON Web Key Set (RFC 7517), with four extra members the format needs offline:
/// star_issuer, star_state, star_not_before and star_not_after (see README.md). The bodies' QR keys have
/// <c>"use": "sig"</c>; the registry's receipt keys <c>"use": "star-receipt"</c> and no star_issuer.
/// </summary>
public static class Jwks
{
    public const string QrCodeUse = "sig";
    public const string ReceiptUse = "star-receipt";

    public const string IssuerMember = "star_issuer";
    public const string StateMember = "star_state";
    public const string NotBeforeMember = "star_not_before";
    public const string NotAfterMember = "star_not_after";

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    // Two members of one name would let a reader and a writer disagree about a key.
    private static readonly JsonDocumentOptions ReaderOptions = new() { AllowDuplicateProperties = false, MaxDepth = 8 };

    public static string Write(IEnumerable<SigningKeyInfo> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                WriteKey(writer, key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads and checks every key: P-256, a point on the curve, a key id that matches its thumbprint.</summary>
    public static IReadOnlyList<SigningKeyInfo> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, ReaderOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var keys)
                || keys.ValueKind != JsonValueKind.Array)
            {
                throw new JwksFormatException("A JWKS is a JSON object with a \"keys\" array.");
            }

            var result = new List<SigningKeyInfo>();
            var index = 0;
            foreach (var element in keys.EnumerateArray())
            {
                result.Add(ReadKey(element, index++));
            }

            _ = new SigningKeySet(result);
            return result;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or CryptographicException)
        {
            throw new JwksFormatException($"The JWKS cannot be used: {e.Message}", e);
        }
    }

    private static void WriteKey(Utf8JsonWriter writer, SigningKeyInfo key)
    {
        writer.WriteStartObject();
        writer.WriteString("kty", "EC");
        writer.WriteString("crv", "P-256");
        writer.WriteString("x", Base64Url.EncodeToString(key.PublicKey.Q.X));
        writer.WriteString("y", Base64Url.EncodeToString(key.PublicKey.Q.Y));
        writer.WriteString("kid", key.Id.ToString());
        writer.WriteString("use", key.Purpose == KeyPurpose.Receipts ? ReceiptUse : QrCodeUse);
        writer.WriteString("alg", "ES256");
        if (key.Purpose == KeyPurpose.QrCodes)
        {
            writer.WriteString(IssuerMember, key.Issuer);
        }

        writer.WriteString(StateMember, StateName(key.State));
        writer.WriteString(NotBeforeMember, key.NotBefore.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (key.NotAfter is { } notAfter)
        {
            writer.WriteString(NotAfterMember, notAfter.ToString(DateFormat, CultureInfo.InvariantCulture));
        }

        writer.WriteEndObject();
    }

    private static SigningKeyInfo ReadKey(JsonElement key, int index)
    {
        var where = $"keys[{index}]";
        if (key.ValueKind != JsonValueKind.Object)
        {
            throw new JwksFormatException($"{where} is not a JSON object.");
        }

        Require(key, "kty", "EC", where);
        Require(key, "crv", "P-256", where);
        Optional(key, "alg", "ES256", where);
        var use = String(key, "use", where) ?? QrCodeUse;
        if (use is not (QrCodeUse or ReceiptUse))
        {
            throw new JwksFormatException($"{where}.use must be \"{QrCodeUse}\" or \"{ReceiptUse}\" when present.");
        }

        var publicKey = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Coordinate(key, "x", where), Y = Coordinate(key, "y", where) },
        };
        var state = ParseState(String(key, StateMember, where), where);
        var notBefore = Date(key, NotBeforeMember, where) ?? throw new JwksFormatException($"{where} has no {NotBeforeMember}.");
        var notAfter = Date(key, NotAfterMember, where);
        var issuer = String(key, IssuerMember, where);
        SigningKeyInfo info;
        if (use == ReceiptUse)
        {
            // A receipt key belongs to the registry; an issuer on it would let one key claim two roles.
            info = issuer is null
                ? SigningKeyInfo.ForReceipts(publicKey, state, notBefore, notAfter)
                : throw new JwksFormatException($"{where} is a receipt key (use \"{ReceiptUse}\") and must not name a {IssuerMember}.");
        }
        else
        {
            info = new SigningKeyInfo(publicKey, issuer ?? throw new JwksFormatException($"{where} has no {IssuerMember}."), state, notBefore, notAfter);
        }

        var kid = String(key, "kid", where);
        if (!KeyId.TryParse(kid, out var id) || id != info.Id)
        {
            throw new JwksFormatException($"{where} has kid '{kid}', but its key's RFC 7638 thumbprint gives '{info.Id}'.");
        }

        return info;
    }

    private static string? String(JsonElement key, string name, string where)
    {
        if (!key.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new JwksFormatException($"{where}.{name} is not a string.");
    }

    private static void Require(JsonElement key, string name, string expected, string where)
    {
        if (String(key, name, where) != expected)
        {
            throw new JwksFormatException($"{where}.{name} must be \"{expected}\".");
        }
    }

    private static void Optional(JsonElement key, string name, string expected, string where)
    {
        if (String(key, name, where) is { } value && value != expected)
        {
            throw new JwksFormatException($"{where}.{name} must be \"{expected}\" when present.");
        }
    }

    private static byte[] Coordinate(JsonElement key, string name, string where)
    {
        var text = String(key, name, where);
        if (text is not { Length: 43 } || !Base64Url.IsValid(text, out var length) || length != KeyIds.CoordinateLength)
        {
            throw new JwksFormatException($"{where}.{name} is not a 32-byte base64url coordinate.");
        }

        var bytes = Base64Url.DecodeFromChars(text);
        if (Base64Url.EncodeToString(bytes) != text)
        {
            throw new JwksFormatException($"{where}.{name} is not in canonical base64url.");
        }

        return bytes;
    }

    private static DateOnly? Date(JsonElement key, string name, string where)
    {
        var text = String(key, name, where);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new JwksFormatException($"{where}.{name} is not a yyyy-MM-dd date.");
    }

    private static string StateName(KeyState state) => state switch
    {
        KeyState.Active => "active",
        KeyState.Retired => "retired",
        KeyState.Revoked => "revoked",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static KeyState ParseState(string? text, string where) => text switch
    {
        "active" => KeyState.Active,
        "retired" => KeyState.Retired,
        "revoked" => KeyState.Revoked,
        _ => throw new JwksFormatException($"{where}.{StateMember} must be active, retired or revoked."),
    };
}

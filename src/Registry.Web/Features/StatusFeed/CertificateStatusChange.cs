using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registry.Web.Features.StatusFeed;

/// <summary>
/// One published change as the feed carries it between instances (JSON on the Redis channel). <see cref="Sequence"/>
/// is the outbox sequence: the relay delivers at least once, so receivers drop any sequence they have already seen.
/// </summary>
public sealed record CertificateStatusChange(
    long Sequence,
    long CertificateId,
    string CertificateNumber,
    string NormalizedNumber,
    string BodyCode,
    string OrganisationCreditCode,
    CertificateStanding Standing,
    string Level,
    StatusEventKind Kind,
    DateOnly EffectiveOn,
    DateOnly ExpiresOn,
    string Reason,
    DateTimeOffset PublishedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Null for a message this version cannot read (another version's format, or noise on the channel).</summary>
    public static CertificateStatusChange? FromJson(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CertificateStatusChange>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

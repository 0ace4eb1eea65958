using Registry.Domain.Text;

namespace Registry.Web.Features.Publishing.Rows;

/// <summary>
/// The fields of a certificate change as text, the form CSV columns and JSON members share. CSV headers use
/// the snake_case names, JSON members the camelCase ones (both listed in Bulk/README.md).
/// </summary>
public static class RowFields
{
    /// <summary>The longest any field may be (a scope, the longest text the registry keeps, has 2,000 characters).</summary>
    public const int MaxFieldLength = 2000;

    public const string Operation = "operation";
    public const string Number = "number";
    public const string ExpectedVersion = "expected_version";
    public const string EffectiveOn = "effective_on";
    public const string Reason = "reason";
    public const string Level = "level";
    public const string TotalScore = "total_score";
    public const string ServiceSystemScore = "service_system_score";
    public const string CommodityServiceScore = "commodity_service_score";
    public const string CustomerServiceScore = "customer_service_score";
    public const string ScopeZh = "scope_zh";
    public const string ScopeEn = "scope_en";
    public const string IssuedOn = "issued_on";
    public const string ExpiresOn = "expires_on";
    public const string Scheme = "scheme";
    public const string OrganisationCreditCode = "organisation_credit_code";
    public const string OrganisationNameZh = "organisation_name_zh";
    public const string OrganisationNameEn = "organisation_name_en";
    public const string OrganisationAddress = "organisation_address";

    public static IReadOnlyList<string> All { get; } =
    [
        Operation, Number, ExpectedVersion, EffectiveOn, Reason, Level, TotalScore, ServiceSystemScore, CommodityServiceScore,
        CustomerServiceScore, ScopeZh, ScopeEn, IssuedOn, ExpiresOn, Scheme, OrganisationCreditCode, OrganisationNameZh,
        OrganisationNameEn, OrganisationAddress,
    ];

    private static readonly Dictionary<string, string> ByJsonName = All.ToDictionary(JsonName, f => f, StringComparer.Ordinal);

    private static readonly HashSet<string> Known = [.. All];

    public static bool IsField(string csvName) => Known.Contains(csvName);

    /// <summary>The field a JSON member names (camelCase), or null.</summary>
    public static string? FromJsonName(string member) => ByJsonName.GetValueOrDefault(member);

    public static string JsonName(string field)
    {
        var parts = field.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>Reasons and scopes are pasted from documents and may hold several lines; every other field is one line.</summary>
    public static TextShape ShapeOf(string field) => field is Reason or ScopeZh or ScopeEn ? TextShape.MultiLine : TextShape.SingleLine;

    /// <summary>
    /// The checks of form every field's text passes, whichever transport carried it (CSV, JSON, GraphQL): the
    /// registry's text rule (<see cref="InputText"/>) and the length. <paramref name="name"/> is the field as the
    /// client wrote it (camelCase in JSON and GraphQL).
    /// </summary>
    public static PublishingError? TextProblem(string field, string? value, string? name = null)
    {
        if (value is null)
        {
            return null;
        }

        if (InputText.Check(value, name ?? field, ShapeOf(field)) is { } refusal)
        {
            return new PublishingError(PublishingErrorCodes.InvalidText, refusal.Message);
        }

        return value.Length > MaxFieldLength
            ? new PublishingError(PublishingErrorCodes.FieldTooLong, $"{name ?? field} has more than {MaxFieldLength} characters.")
            : null;
    }

    /// <summary>Which fields each operation takes besides <see cref="Operation"/>; a value in any other is refused.</summary>
    public static IReadOnlySet<string> For(string operation) => operation switch
    {
        PublishingOperations.Issue => new HashSet<string>([Number, OrganisationCreditCode, OrganisationNameZh, OrganisationNameEn, OrganisationAddress,
            Level, TotalScore, ServiceSystemScore, CommodityServiceScore, CustomerServiceScore, ScopeZh, ScopeEn, IssuedOn, ExpiresOn, Reason, Scheme]),
        PublishingOperations.Renew => new HashSet<string>([Number, ExpectedVersion, EffectiveOn, ExpiresOn, Level, TotalScore, ServiceSystemScore,
            CommodityServiceScore, CustomerServiceScore, Reason]),
        PublishingOperations.ChangeScope => new HashSet<string>([Number, ExpectedVersion, EffectiveOn, ScopeZh, ScopeEn, Reason]),
        PublishingOperations.ChangeLevel => new HashSet<string>([Number, ExpectedVersion, EffectiveOn, Level, TotalScore, ServiceSystemScore,
            CommodityServiceScore, CustomerServiceScore, Reason]),
        _ => new HashSet<string>([Number, ExpectedVersion, EffectiveOn, Reason]),
    };
}

namespace Registry.Signing.Receipts;

/// <summary>
/// What a verification receipt asserts: the registry named <see cref="Registry"/> at <see cref="Origin"/> answered
/// these rows as of the instant <see cref="AsOf"/>. Format version 1 (README.md); a new field means a new version.
/// </summary>
public sealed record ReceiptClaims(
    int Version,
    string Id,
    string Registry,
    string Origin,
    DateTimeOffset AsOf,
    string Kind,
    IReadOnlyList<ReceiptRow> Rows)
{
    public const int CurrentVersion = 1;

    /// <summary>Every distinct certificate number the receipt names, in order of first appearance.</summary>
    public IEnumerable<string> CertificateNumbers() =>
        Rows.SelectMany(r => r.Certificates).Select(c => c.Number).Distinct(StringComparer.Ordinal);
}

/// <summary>The three things a receipt can be made of.</summary>
public static class ReceiptKinds
{
    /// <summary>A bulk check of a list: one row per line of the list.</summary>
    public const string Check = "check";

    /// <summary>A certificate page: one row, the certificate number.</summary>
    public const string Certificate = "certificate";

    /// <summary>A QR verdict: one row, the scanned code, with the signature's verdict.</summary>
    public const string Verification = "verification";

    public static bool IsKnown(string? kind) => kind is Check or Certificate or Verification;
}

/// <summary>
/// One question and the registry's answer. <see cref="TakenAs"/> is what the registry read the question as
/// (<c>certificate_number</c>, <c>credit_code</c>, <c>name</c>, <c>qr_code</c>, <c>unreadable</c>); <see cref="Concerns"/>
/// the stable codes of what needs a person (<c>SEVERAL_MATCHES</c>, <c>PARTIAL_NAME</c>, <c>CREDIT_CODE_DIFFERS</c>,
/// <c>NOT_FOUND</c>); <see cref="Reason"/> why nothing was found.
/// </summary>
public sealed record ReceiptRow(
    int Row,
    string Asked,
    string TakenAs,
    IReadOnlyList<string> Concerns,
    string? Reason,
    ReceiptVerdict? Verdict,
    IReadOnlyList<ReceiptCertificate> Certificates);

/// <summary>A scanned code's verdict: <see cref="Outcome"/> is the registry's verdict code, <see cref="NotGenuine"/> the reason code when it was not genuine.</summary>
public sealed record ReceiptVerdict(string Outcome, string? NotGenuine, string? SignedBy, string? KeyId);

/// <summary>A certificate as the registry held it at the receipt's instant. <see cref="Status"/> is the status code (VALID, SUSPENDED, …).</summary>
public sealed record ReceiptCertificate(
    string Number,
    string Holder,
    string? HolderEnglish,
    string HolderCreditCode,
    string Status,
    string Scheme,
    string Level,
    DateOnly ExpiresOn,
    string Body,
    string BodyName,
    string BodyNameEnglish);

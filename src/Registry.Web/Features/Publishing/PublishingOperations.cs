namespace Registry.Web.Features.Publishing;

/// <summary>The operations' stable names, as the audit log and the bulk endpoint's <c>operation</c> column spell them.</summary>
public static class PublishingOperations
{
    public const string Issue = "issue";
    public const string Renew = "renew";
    public const string ChangeScope = "change-scope";
    public const string ChangeLevel = "change-level";
    public const string Suspend = "suspend";
    public const string Reinstate = "reinstate";
    public const string Withdraw = "withdraw";
    public const string Cancel = "cancel";
    public const string RotateSigningKey = "signing-key.rotate";
    public const string RevokeSigningKey = "signing-key.revoke";
    public const string IssueQr = "qr.issue";
    public const string CreateApiKey = "api-key.create";
    public const string RevokeApiKey = "api-key.revoke";
    public const string InviteStaff = "staff.invite";
    public const string DisableStaff = "staff.disable";

    /// <summary>The operations a bulk row may name.</summary>
    public static IReadOnlyList<string> CertificateChanges { get; } = [Issue, Renew, ChangeScope, ChangeLevel, Suspend, Reinstate, Withdraw, Cancel];
}

namespace Registry.Domain.Certificates;

/// <summary>A certification body approved by CNCA; approval numbers look like CNCA-R-2002-001.</summary>
public sealed class CertificationBody
{
    private CertificationBody()
    {
        Code = NameZh = NameEn = ApprovalNumber = string.Empty;
    }

    public CertificationBody(string code, string nameZh, string nameEn, string approvalNumber, Uri? website, bool isDemo)
    {
        Code = Text.Required(code, "body code", 32);
        NameZh = Text.Required(nameZh, "Chinese name", 200);
        NameEn = Text.Required(nameEn, "English name", 200);
        ApprovalNumber = Text.Required(approvalNumber, "approval number", 40);
        Website = website?.ToString();
        IsDemo = isDemo;
    }

    public long Id { get; private set; }

    /// <summary>A short stable handle, e.g. for API keys and URLs.</summary>
    public string Code { get; private set; }

    public string NameZh { get; private set; }

    public string NameEn { get; private set; }

    public string ApprovalNumber { get; private set; }

    public string? Website { get; private set; }

    public bool IsDemo { get; private set; }
}

using Registry.Domain.Geography;
using Registry.Domain.Identifiers;

namespace Registry.Domain.Certificates;

/// <summary>A certified company, identified by its unified social credit code.</summary>
public sealed class Organisation
{
    private Organisation()
    {
        LegalNameZh = CreditCode = ProvinceCode = string.Empty;
        FormerNames = [];
    }

    public Organisation(string legalNameZh, IEnumerable<string>? formerNames, string? nameEn, CreditCode creditCode, string? address, bool isDemo)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        LegalNameZh = Text.Required(legalNameZh, "legal name", 200);
        FormerNames = [.. (formerNames ?? []).Select(n => Text.Required(n, "former name", 200))];
        NameEn = Text.Optional(nameEn, "English name", 300);
        CreditCode = creditCode.Value;
        var province = creditCode.Province ?? throw new DomainException(DomainErrorCodes.UnknownDivisionCode,
            $"The division code {creditCode.DivisionCode} of the credit code names no province.");
        ProvinceCode = province.Code;
        DivisionCode = creditCode.DivisionCode;
        Address = Text.Optional(address, "address", 300);
        IsDemo = isDemo;
    }

    public long Id { get; private set; }

    public string LegalNameZh { get; private set; }

    /// <summary>Names used before a rename, oldest first; bidders often still trade under them.</summary>
    public List<string> FormerNames { get; private set; }

    public string? NameEn { get; private set; }

    public string CreditCode { get; private set; }

    /// <summary>Derived from the credit code, stored so it can be filtered and counted.</summary>
    public string ProvinceCode { get; private set; }

    public string DivisionCode { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public bool IsDemo { get; private set; }

    public Province Province => Provinces.FromCode(ProvinceCode)!;

    /// <summary>Records a new legal name, keeping the old one among the former names.</summary>
    public void Rename(string newLegalNameZh)
    {
        var name = Text.Required(newLegalNameZh, "legal name", 200);
        if (string.Equals(name, LegalNameZh, StringComparison.Ordinal))
        {
            return;
        }

        FormerNames = [.. FormerNames, LegalNameZh];
        LegalNameZh = name;
    }
}

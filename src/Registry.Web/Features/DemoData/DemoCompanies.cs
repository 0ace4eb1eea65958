using Registry.Domain.Geography;

namespace Registry.Web.Features.DemoData;

/// <summary>
/// Makes fictional companies: a Chinese legal name of region + brand + trade + legal form whose region is
/// the city of the division in its credit code, about 30 % with an English name, about 10 % with a former
/// name, and an address in that district. Legal names do not repeat within one generation: a name already
/// given is drawn again (its 64-bit hash is remembered, not the string, to keep a million names small).
/// </summary>
internal sealed class DemoCompanies
{
    private const int MaxNameAttempts = 64;

    private static readonly WeightedChoice<DemoTrade> TradeChoice = new(DemoNames.Trades.Select(t => (t, t.Weight)));
    private static readonly WeightedChoice<DemoLegalForm> LegalFormChoice = new(DemoNames.LegalForms.Select(f => (f, f.Weight)));

    private readonly Random _random;
    private readonly DemoCreditCodes _codes;
    private readonly HashSet<ulong> _usedNames = [];

    public DemoCompanies(Random random, DemoCreditCodes codes)
    {
        _random = random;
        _codes = codes;
    }

    public static WeightedChoice<DemoTrade> Trades => TradeChoice;

    /// <summary>The <paramref name="index"/>-th company (0-based; the index makes its credit code unique).</summary>
    public (Organisation Organisation, DemoTrade Trade) Create(long index, DemoDivision division)
    {
        (string Zh, string En) brand = (string.Empty, string.Empty);
        DemoTrade trade = null!;
        DemoLegalForm legalForm = null!;
        var name = string.Empty;
        for (var attempt = 0; attempt < MaxNameAttempts; attempt++)
        {
            brand = Brand();
            trade = TradeChoice.Pick(_random);
            legalForm = LegalFormChoice.Pick(_random);
            name = division.Region + brand.Zh + trade.NameZh + legalForm.NameZh;
            if (_usedNames.Add(Fnv1a(name)))
            {
                break;
            }
        }

        var nameEn = _random.NextDouble() < 0.30
            ? $"{division.RegionEn} {brand.En} {trade.NameEn} {legalForm.NameEn}"
            : null;
        string[] formerNames = _random.NextDouble() < 0.10 ? [FormerName(division, brand.Zh, trade, legalForm)] : [];
        var address = Address(division);
        var code = _codes.Create(division.Code, index, newSeries: _random.NextDouble() < 0.55);
        return (new Organisation(name, formerNames, nameEn, code, address, isDemo: true), trade);
    }

    private (string Zh, string En) Brand()
    {
        var syllables = DemoNames.BrandSyllables;
        while (true)
        {
            var first = syllables[_random.Next(syllables.Count)];
            var second = syllables[_random.Next(syllables.Count)];
            var zh = first.Zh + second.Zh;
            if (first.Zh != second.Zh && !DemoNames.Denylist.Contains(zh))
            {
                return (zh, first.Pinyin + second.Pinyin.ToLowerInvariant());
            }
        }
    }

    // A restructuring (limited company to joint-stock or group), an older spelling with 市, or a rename.
    private string FormerName(DemoDivision division, string brand, DemoTrade trade, DemoLegalForm legalForm)
    {
        var roll = _random.NextDouble();
        if (legalForm.NameZh != "有限公司" && roll < 0.5)
        {
            return division.Region + brand + trade.NameZh + "有限公司";
        }

        if (roll < 0.7)
        {
            return division.CityZh + brand + trade.NameZh + legalForm.NameZh;
        }

        var other = Brand().Zh;
        return division.Region + (other == brand ? other[1..] + other[..1] : other) + trade.NameZh + legalForm.NameZh;
    }

    private string Address(DemoDivision division)
    {
        var province = Provinces.FromCode(division.ProvinceCode)!;
        var prefix = province.NameZh == division.CityZh ? string.Empty : province.NameZh;
        var street = DemoNames.Streets[_random.Next(DemoNames.Streets.Count)];
        var number = _random.Next(1, 999);
        var unit = _random.NextDouble() < 0.4
            ? string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 12)}幢{_random.Next(1, 24)}0{_random.Next(1, 9)}室")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{division.CityZh}{division.DistrictZh}{street}{number}号{unit}");
    }

    // FNV-1a, 64 bits: stable across processes (string.GetHashCode is not), so duplicate handling, and with
    // it the whole data set, depends on the seed alone.
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

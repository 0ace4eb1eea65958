namespace Registry.Web.Tests.Search.Querying;

/// <summary>What a relevance case expects of the results.</summary>
public enum Expect
{
    /// <summary>The first hit is the one certificate named.</summary>
    First,

    /// <summary>The first hits are exactly these certificates, in this order.</summary>
    InOrder,

    /// <summary>The first hits are these certificates, in any order (they tie, or the order is not the point).</summary>
    Top,

    /// <summary>These certificates and no others match.</summary>
    Exactly,

    /// <summary>Nothing matches.</summary>
    Nothing,
}

/// <summary>
/// The relevance suite: what people type, and which certificates must come first. Numbers are normalized
/// certificate numbers of <see cref="FixtureData"/>; 2,000 demo certificates are in the index as noise.
/// </summary>
public static class RelevanceCases
{
    public const string PartialName = "partial name";
    public const string Traditional = "traditional characters";
    public const string FullWidth = "full-width";
    public const string Number = "certificate number";
    public const string CreditCode = "credit code";
    public const string English = "English name";
    public const string Brand = "brand inside a longer name";
    public const string FormerName = "former name";
    public const string WholeName = "whole name";
    public const string Typo = "typo";
    public const string NoMatch = "no match";
    public const string LuceneSyntax = "Lucene syntax as text";

    private static readonly string[] Haier = FixtureData.NumbersOf("HSH");
    private static readonly string[] HaierAll = [.. Haier, "HSHSH2024003", "HRAC20240088"];

    public static TheoryData<string, string, Expect, string[]> All { get; } = new()
    {
        // Partial names: any run of characters from a name finds it.
        { $"{PartialName}: the brand that starts a group's name", "梦金园", Expect.Exactly, ["SC20240012"] },
        { $"{PartialName}: two characters shared by two holders find both", "梦金", Expect.Exactly, ["SC20240012", "TJ20250031"] },
        { $"{PartialName}: a middle part of a name", "鹭岛净水", Expect.First, ["SC202400123"] },
        { $"{PartialName}: brand and trade together", "格力电器", Expect.Exactly, ["GL20231001"] },
        { $"{PartialName}: name without the legal form", "华为终端", Expect.Exactly, ["HW20240888"] },
        { $"{PartialName}: the start of a long name", "红星美凯龙家居", Expect.First, ["HX20241212"] },
        { $"{PartialName}: a name with Latin letters and Han characters", "TCL王牌", Expect.First, ["TCL20240101"] },
        { $"{PartialName}: digits inside a name", "杭州95270001", Expect.First, ["FX20250099"] },

        // Traditional characters typed for simplified names (and the other way round).
        { $"{Traditional}: 夢金園 for 梦金园", "夢金園", Expect.Exactly, ["SC20240012"] },
        { $"{Traditional}: 海爾智家 for 海尔智家", "海爾智家", Expect.Exactly, [.. Haier, "HSHSH2024003"] },
        { $"{Traditional}: 蘇寧易購 for 苏宁易购", "蘇寧易購", Expect.Exactly, FixtureData.NumbersOf("SUNING") },
        { $"{Traditional}: 華為 for 华为 finds both Huawei holders", "華為", Expect.Exactly, ["HW20240888", "HW20220100"] },
        { $"{Traditional}: 聯想 for 联想", "聯想", Expect.First, ["LX20220321"] },
        { $"{Traditional}: 長虹美菱 for 长虹美菱", "長虹美菱", Expect.First, ["ML20210909"] },
        { $"{Traditional}: 紅星美凱龍 for 红星美凯龙", "紅星美凱龍", Expect.First, ["HX20241212"] },
        { $"{Traditional}: 廣州萬寶 for 广州万宝", "廣州萬寶", Expect.First, ["WB20230303"] },
        { $"{Traditional}: simplified 华声电器 finds a name registered in traditional characters", "华声电器", Expect.First, ["HS20250520"] },
        { $"{Traditional}: whole traditional name", "海爾智家股份有限公司", Expect.Top, Haier },

        // Full-width forms from a Chinese input method.
        { $"{FullWidth}: full-width digits of a number", "９５２７０００１", Expect.InOrder, ["95270001", "FX20250099"] },
        { $"{FullWidth}: full-width number with full-width separators", "ＳＣ－２０２４／００１２", Expect.First, ["SC20240012"] },
        { $"{FullWidth}: full-width letters and digits with middle dots", "ＣＱＣ·ＳＶ·２０２３·００１", Expect.Exactly, ["CQCSV2023001"] },
        { $"{FullWidth}: full-width Latin in a name, typed in traditional characters", "ＡＢＣ電器", Expect.First, ["ABC20240009"] },
        { $"{FullWidth}: half-width Latin finds a name stored with full-width letters", "abc电器", Expect.First, ["ABC20240009"] },

        // Certificate numbers, as printed and as typed.
        { $"{Number}: as printed, with slash and dash", "SC-2024/0012", Expect.InOrder, ["SC20240012", "SC202400123"] },
        { $"{Number}: without separators", "SC20240012", Expect.InOrder, ["SC20240012", "SC202400123"] },
        { $"{Number}: lower case with spaces", "sc 2024 0012", Expect.First, ["SC20240012"] },
        { $"{Number}: with middle dots as printed", "CQC·SV·2023·001", Expect.Exactly, ["CQCSV2023001"] },
        { $"{Number}: middle dots left out", "CQCSV2023001", Expect.Exactly, ["CQCSV2023001"] },
        { $"{Number}: dashes instead of middle dots, lower case", "cqc-sv-2023-001", Expect.Exactly, ["CQCSV2023001"] },
        { $"{Number}: slashes", "rb/2025/0001", Expect.First, ["RB20250001"] },
        { $"{Number}: digits only with a dash", "9527-0001", Expect.First, ["95270001"] },
        { $"{Number}: a withdrawn certificate is still found by its number", "XM-2019-0001", Expect.Exactly, ["XM20190001"] },
        { $"{Number}: in quotes, as pasted from a document", "“SC-2024/0012”", Expect.First, ["SC20240012"] },
        { $"{Number}: with a full stop after it", "HW-2024-0888。", Expect.First, ["HW20240888"] },
        { $"{Number}: the start of a number finds every number it begins", "SC-2024", Expect.Exactly, ["SC20240012", "SC20240013", "SC202400123"] },

        // Unified social credit codes find that organisation's certificates and nothing else.
        { $"{CreditCode}: an organisation with three certificates", FixtureData.CreditCodeOf("HSH").Value, Expect.Exactly, Haier },
        { $"{CreditCode}: lower case with spaces", Spaced(FixtureData.CreditCodeOf("SUNING").Value.ToLowerInvariant()), Expect.Exactly, FixtureData.NumbersOf("SUNING") },
        { $"{CreditCode}: full-width", ToFullWidth(FixtureData.CreditCodeOf("MJY").Value), Expect.Exactly, ["SC20240012"] },
        { $"{CreditCode}: of an organisation whose certificates are withdrawn and valid", FixtureData.CreditCodeOf("XIAOMI").Value, Expect.Exactly, FixtureData.NumbersOf("XIAOMI") },
        { $"{CreditCode}: a wrong check character matches nobody", WrongCheck(FixtureData.CreditCodeOf("HSH").Value), Expect.Nothing, [] },

        // English names.
        { $"{English}: two words of the name", "Sunrise Kitchen", Expect.Exactly, ["SC20240013"] },
        { $"{English}: the whole name", "Zhejiang Sunrise Kitchen Appliances Co., Ltd.", Expect.Exactly, ["SC20240013"] },
        { $"{English}: one word shared by two holders", "sunrise", Expect.Exactly, ["SR20240707", "SC20240013"] },
        { $"{English}: a brand finds every holder that carries it", "Haier", Expect.Exactly, HaierAll },
        { $"{English}: upper case", "HUAWEI DEVICE", Expect.Exactly, ["HW20240888"] },
        { $"{English}: a short brand", "BOE", Expect.First, ["BOE20240001"] },
        { $"{English}: lower case words from the middle", "red star macalline", Expect.First, ["HX20241212"] },

        // A brand seen on a plaque, inside a longer legal name.
        { $"{Brand}: 方太 inside 宁波方太厨具", "方太", Expect.Exactly, FixtureData.NumbersOf("FOTILE") },
        { $"{Brand}: 老板 inside 杭州老板电器", "老板", Expect.First, ["RB20250001"] },
        { $"{Brand}: 海尔 at the start and in the middle of names", "海尔", Expect.Exactly, HaierAll },
        { $"{Brand}: 美的 in two names", "美的", Expect.Exactly, ["MD20240606", "MD20230505"] },
        { $"{Brand}: 京东 inside 北京京东世纪贸易 and at the start of 京东方", "京东", Expect.Exactly, ["JD20250618", "BOE20240001"] },
        { $"{Brand}: 天山 in a long Xinjiang name", "天山", Expect.First, ["XJ20240002"] },

        // Names used before a rename.
        { $"{FormerName}: part of the former name", "苏宁云商", Expect.Exactly, FixtureData.NumbersOf("SUNING") },
        { $"{FormerName}: the whole former name", "苏宁云商集团股份有限公司", Expect.Top, FixtureData.NumbersOf("SUNING") },
        { $"{FormerName}: a former name that named the old trade", "青岛海信电器", Expect.Exactly, ["HS20240365"] },

        // Whole names beat names that merely contain them.
        { $"{WholeName}: the group before its branch", "海尔智家股份有限公司", Expect.Top, Haier },
        { $"{WholeName}: half-width brackets for full-width ones", "联想(北京)有限公司", Expect.Exactly, ["LX20220321"] },
        { $"{WholeName}: in quotes", "\"海尔智家股份有限公司\"", Expect.Top, Haier },
        { $"{WholeName}: pasted with a zero-width space inside", "海尔\u200B智家股份有限公司", Expect.Top, Haier },
        { $"{WholeName}: English, any case", "haier smart home co., ltd.", Expect.Top, Haier },

        // Typos: one edit in an English word of five letters or more; extra spaces anywhere.
        { $"{Typo}: one wrong letter in an English word", "Sunrice Kitchen", Expect.Exactly, ["SC20240013"] },
        { $"{Typo}: two letters swapped", "Fotlie", Expect.Exactly, FixtureData.NumbersOf("FOTILE") },
        { $"{Typo}: a letter missing", "Macaline", Expect.First, ["HX20241212"] },
        { $"{Typo}: swapped letters in a brand", "Huawie", Expect.Exactly, ["HW20240888", "HW20220100"] },
        { $"{Typo}: spaces typed inside a Chinese name", "海尔   智家", Expect.Top, Haier },

        // Nothing to find.
        { $"{NoMatch}: a name nobody has", "不存在的公司名称", Expect.Nothing, [] },
        { $"{NoMatch}: English words nobody uses", "Xyzzy Plugh", Expect.Nothing, [] },
        { $"{NoMatch}: a number nobody holds", "ZZ-1999-0000", Expect.Nothing, [] },

        // Lucene syntax is text: no field, wildcard, boolean, fuzzy or range operators.
        { $"{LuceneSyntax}: field, wildcard, OR and an open quote", "name:* OR \"(", Expect.Nothing, [] },
        { $"{LuceneSyntax}: a trailing wildcard is ignored", "梦金园*", Expect.Exactly, ["SC20240012"] },
        { $"{LuceneSyntax}: a fuzzy marker is ignored", "梦金园~", Expect.Exactly, ["SC20240012"] },
        { $"{LuceneSyntax}: brackets and a backslash are ignored", "(梦金园)\\", Expect.Exactly, ["SC20240012"] },
        { $"{LuceneSyntax}: AND is a word, not an operator", "海尔 AND 格力", Expect.Nothing, [] },
        { $"{LuceneSyntax}: + and - do not require or exclude", "+梦金园 -海尔", Expect.Nothing, [] },
        { $"{LuceneSyntax}: a field name is a word", "name:梦金园", Expect.Nothing, [] },
        { $"{LuceneSyntax}: a range is words", "[SC TO SD]", Expect.Nothing, [] },
        { $"{LuceneSyntax}: a wildcard after a number still finds the number", "SC-2024/0012*", Expect.First, ["SC20240012"] },
    };

    /// <summary>ASCII as a Chinese input method types it in full-width mode.</summary>
    public static string ToFullWidth(string text) => new([.. text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c)]);

    private static string Spaced(string code) => $"{code[..4]} {code[4..8]} {code[8..13]} {code[13..]}";

    // Another character of the alphabet in the check position.
    private static string WrongCheck(string code) => code[..17] + (code[17] == '0' ? '1' : '0');
}

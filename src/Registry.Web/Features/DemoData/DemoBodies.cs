namespace Registry.Web.Features.DemoData;

/// <summary>
/// A fictional certification body: its registry record, its share of the certificates, and the format of
/// the numbers it prints. Every body numbers in its own style (separators, year, serial width), as real
/// bodies do, and every style carries the body's code, so normalized numbers of two bodies never collide.
/// </summary>
internal sealed record DemoBodySpec(
    string Code,
    string NameZh,
    string NameEn,
    string ApprovalNumber,
    int Weight,
    Func<int, int, string> NumberFormat)
{
    /// <summary>The number this body prints on the <paramref name="serial"/>-th certificate of <paramref name="year"/>.</summary>
    public string Number(int year, int serial) => NumberFormat(year, serial);

    public CertificationBody ToBody() =>
        new(Code, NameZh, NameEn, ApprovalNumber, new Uri($"https://{Code.ToLowerInvariant()}.example.org/"), isDemo: true);

    /// <summary>Who publishes this body's changes in the demo history.</summary>
    public string Actor => $"{Code} certificate office (demo)";
}

/// <summary>
/// Twelve made-up bodies. Names say 示例…（演示） / "Demo … (fictional)", codes run DEMO01–DEMO12 and
/// approval numbers use a series CNCA never issued (CNCA-R-2099-901 to -912).
/// </summary>
internal static class DemoBodies
{
    public static IReadOnlyList<DemoBodySpec> All { get; } =
    [
        Body(1, "北辰", "Beichen", 18, (y, n) => F($"DEMO01-ASS-{y}-{n:D6}")),
        Body(2, "东岳", "Dongyue", 14, (y, n) => F($"SC·DEMO02/{y}/{n:D5}")),
        Body(3, "南屏", "Nanping", 12, (y, n) => F($"DEMO03 {y % 100:D2}ASC{n:D6}")),
        Body(4, "西岭", "Xiling", 10, (y, n) => F($"CN-DEMO04-SV-{y}{n:D5}")),
        Body(5, "中衡", "Zhongheng", 9, (y, n) => F($"DEMO05/ASE/{y}.{n:D5}")),
        Body(6, "青禾", "Qinghe", 8, (y, n) => F($"{y}-DEMO06-{n:D6}")),
        Body(7, "远帆", "Yuanfan", 7, (y, n) => F($"DEMO07·SS·{y % 100:D2}-{n:D5}")),
        Body(8, "明镜", "Mingjing", 6, (y, n) => F($"DEMO08-{y}-ASSC-{n:D5}")),
        Body(9, "启衡", "Qiheng", 5, (y, n) => F($"ASC-DEMO09-{y % 100:D2}{n:D6}")),
        Body(10, "云度", "Yundu", 4, (y, n) => F($"DEMO10_{y}_{n:D6}")),
        Body(11, "松石", "Songshi", 4, (y, n) => F($"DEMO11 SR {y} {n:D5}")),
        Body(12, "澄川", "Chengchuan", 3, (y, n) => F($"SVC-DEMO12-{y}/{n:D5}")),
    ];

    private static DemoBodySpec Body(int index, string nameZh, string nameEn, int weight, Func<int, int, string> format) => new(
        F($"DEMO{index:D2}"),
        $"{nameZh}示例认证中心（演示）",
        $"{nameEn} Demo Certification Centre (fictional)",
        F($"CNCA-R-2099-{900 + index:D3}"),
        weight,
        format);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

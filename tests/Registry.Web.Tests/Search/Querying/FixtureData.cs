using Registry.Domain.Certificates;
using Registry.Domain.Identifiers;
using Registry.Domain.Levels;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Search.Querying;

/// <summary>A status change a fixture certificate goes through after its issue.</summary>
public sealed record FixtureChange(StatusEventKind Kind, DateOnly EffectiveOn);

/// <summary>A hand-made certificate: its number as printed, issuing body (FXA, FXB, FXC), level and issue date.</summary>
public sealed record FixtureCertificate(string Number, string Body, string Level, DateOnly IssuedOn, FixtureChange? Change = null)
{
    public string Normalized => CertificateNumber.Parse(Number).Normalized;
}

/// <summary>A hand-made organisation; its province follows from the division code inside its credit code.</summary>
public sealed record FixtureOrganisation(string Key, string NameZh, string? NameEn, string Division, string[] FormerNames, FixtureCertificate[] Certificates)
{
    public string Scope { get; init; } = "家用电器的销售、配送、安装及维修服务";

    public string Province => Division[..2];
}

/// <summary>
/// The search fixture's own organisations and certificates, next to 2,000 demo certificates of noise. Real
/// company names appear here only as search test fixtures (DOMAIN.md allows it); their credit codes are
/// made up (valid GB 32100 check characters, an FXT organisation series no demo code uses). "Today" for the
/// fixture is <see cref="SearchFixture.Today"/>, 2026-11-23.
/// </summary>
public static class FixtureData
{
    public const string FiveStar = "five-star";
    public const string FourStar = "four-star";
    public const string ThreeStar = "three-star";
    public const string Compliant = "compliant";

    public static IReadOnlyList<(string Code, string NameZh, string NameEn)> Bodies { get; } =
    [
        ("FXA", "甲测试星级认证中心（测试）", "Test Star Certification Centre A (test)"),
        ("FXB", "乙测试星级认证中心（测试）", "Test Star Certification Centre B (test)"),
        ("FXC", "丙测试星级认证中心（测试）", "Test Star Certification Centre C (test)"),
    ];

    public static IReadOnlyList<FixtureOrganisation> Organisations { get; } =
    [
        Org("MJY", "梦金园黄金珠宝集团股份有限公司", "Mengjinyuan Gold & Jewelry Group Co., Ltd.", "120116", [],
            Cert("SC-2024/0012", "FXA", FiveStar, D(2024, 3, 1))) with { Scope = "黄金珠宝首饰的销售、回收及售后服务" },
        Org("MJZB", "天津梦金珠宝有限公司", null, "120101", [],
            Cert("TJ-2025-0031", "FXC", ThreeStar, D(2025, 4, 1))) with { Scope = "珠宝首饰的销售及售后服务" },
        Org("HSH", "海尔智家股份有限公司", "Haier Smart Home Co., Ltd.", "370212", ["青岛海尔股份有限公司"],
            Cert("CQC·SV·2023·001", "FXB", FiveStar, D(2023, 12, 15)),
            Cert("HSH-2020-007", "FXB", FourStar, D(2020, 5, 10)),
            Cert("HSH-2025-019", "FXC", FourStar, D(2025, 2, 1), new(StatusEventKind.Suspended, D(2026, 6, 1)))),
        Org("HSHSH", "海尔智家股份有限公司上海销售分公司", "Haier Smart Home Co., Ltd. Shanghai Sales Branch", "310115", [],
            Cert("HSH-SH-2024-003", "FXB", ThreeStar, D(2024, 9, 9))),
        Org("QDHAC", "青岛海尔空调电子有限公司", "Qingdao Haier Air Conditioner Electronic Co., Ltd.", "370281", [],
            Cert("HR-AC-2024-0088", "FXB", FourStar, D(2024, 4, 1))),
        Org("HISENSE", "海信视像科技股份有限公司", "Hisense Visual Technology Co., Ltd.", "370202", ["青岛海信电器股份有限公司"],
            Cert("HS-2024-0365", "FXB", FiveStar, D(2024, 3, 15))),
        Org("SUNRISE", "浙江日出厨房电器有限公司", "Zhejiang Sunrise Kitchen Appliances Co., Ltd.", "330481", [],
            Cert("SC-2024/0013", "FXA", FourStar, D(2024, 5, 20))),
        Org("SUNRISEL", "上海旭日电梯有限公司", "Shanghai Sunrise Elevator Co., Ltd.", "310104", [],
            Cert("SR-2024-0707", "FXB", FourStar, D(2024, 7, 7))) with { Scope = "电梯的销售、安装、改造及维修保养服务" },
        Org("FOTILE", "宁波方太厨具有限公司", "Ningbo Fotile Kitchen Ware Co., Ltd.", "330282", [],
            Cert("FT-2024-0456", "FXA", FiveStar, D(2024, 8, 8)),
            Cert("FT-2023-1123", "FXA", FourStar, D(2023, 11, 23))),
        Org("ROBAM", "杭州老板电器股份有限公司", "Hangzhou Robam Appliances Co., Ltd.", "330110", [],
            Cert("RB/2025/0001", "FXC", FiveStar, D(2025, 1, 15))),
        Org("SUNING", "苏宁易购集团股份有限公司", "Suning.com Co., Ltd.", "320102", ["苏宁云商集团股份有限公司"],
            Cert("SN-2022-0777", "FXA", FourStar, D(2022, 12, 1)),
            Cert("SN-2023-1124", "FXA", ThreeStar, D(2023, 11, 24))) with { Scope = "家用电器及数码产品的销售、配送及售后服务" },
        Org("GREE", "珠海格力电器股份有限公司", "Gree Electric Appliances, Inc. of Zhuhai", "440400", [],
            Cert("GL-2023-1001", "FXB", FiveStar, D(2023, 3, 3))),
        Org("GREEPROP", "格力地产股份有限公司", "Gree Real Estate Co., Ltd.", "440402", [],
            Cert("GLDC-2024-0011", "FXC", Compliant, D(2024, 6, 30))) with { Scope = "住宅及商业物业的管理与维修服务" },
        Org("MIDEA", "美的集团股份有限公司", "Midea Group Co., Ltd.", "440606", [],
            Cert("MD-2024-0606", "FXB", FiveStar, D(2024, 6, 6))),
        Org("GDMIDEA", "广东美的制冷设备有限公司", "GD Midea Air-Conditioning Equipment Co., Ltd.", "440606", [],
            Cert("MD-2023-0505", "FXB", FourStar, D(2023, 5, 5))),
        Org("TCL", "TCL王牌电器（惠州）有限公司", "TCL King Electrical Appliances (Huizhou) Co., Ltd.", "441302", [],
            Cert("TCL-2024-0101", "FXC", FourStar, D(2024, 1, 1))),
        Org("JD", "北京京东世纪贸易有限公司", "Beijing Jingdong Century Trading Co., Ltd.", "110115", [],
            Cert("JD-2025-0618", "FXA", FiveStar, D(2025, 6, 18))) with { Scope = "网络零售商品的销售、配送及售后服务" },
        Org("BOE", "京东方科技集团股份有限公司", "BOE Technology Group Co., Ltd.", "110105", [],
            Cert("BOE-2024-0001", "FXC", FourStar, D(2024, 2, 20))) with { Scope = "显示器件的销售、安装及维修服务" },
        Org("XIAOMI", "小米通讯技术有限公司", "Xiaomi Communications Co., Ltd.", "110108", [],
            Cert("XM-2019-0001", "FXC", ThreeStar, D(2019, 7, 1), new(StatusEventKind.Withdrawn, D(2021, 3, 1))),
            Cert("XM-2023-0002", "FXC", FourStar, D(2023, 12, 1))) with { Scope = "手机及智能硬件的销售及维修服务" },
        Org("HUAWEI", "华为终端有限公司", "Huawei Device Co., Ltd.", "441900", [],
            Cert("HW-2024-0888", "FXA", FiveStar, D(2024, 8, 8))) with { Scope = "手机及智能终端的销售及维修服务" },
        Org("HUAWEIT", "华为技术有限公司", "Huawei Technologies Co., Ltd.", "440307", [],
            Cert("HW-2022-0100", "FXA", FiveStar, D(2022, 10, 1))) with { Scope = "通信设备的销售、安装及技术支持服务" },
        Org("LENOVO", "联想（北京）有限公司", "Lenovo (Beijing) Co., Ltd.", "110108", [],
            Cert("LX-2022-0321", "FXA", FourStar, D(2022, 3, 21))) with { Scope = "计算机软硬件产品的销售、实施及运维服务" },
        Org("MEILING", "长虹美菱股份有限公司", "Changhong Meiling Co., Ltd.", "340100", [],
            Cert("ML-2021-0909", "FXB", ThreeStar, D(2021, 9, 9), new(StatusEventKind.Suspended, D(2023, 1, 5)))),
        Org("WANBAO", "广州万宝集团有限公司", "Guangzhou Wanbao Group Co., Ltd.", "440101", [],
            Cert("WB-2023-0303", "FXC", Compliant, D(2023, 3, 3), new(StatusEventKind.Cancelled, D(2026, 2, 1)))),
        Org("MACALLINE", "红星美凯龙家居集团股份有限公司", "Red Star Macalline Group Corporation Ltd.", "310112", [],
            Cert("HX-2024-1212", "FXA", FiveStar, D(2024, 12, 12))) with { Scope = "家居建材的销售、配送、安装及售后服务" },
        Org("HUASHENG", "東莞市華聲電器有限公司", "Dongguan Huasheng Electric Appliances Co., Ltd.", "441900", [],
            Cert("HS-2025-0520", "FXC", ThreeStar, D(2025, 5, 20))),
        Org("ABC", "深圳市ＡＢＣ电器有限公司", null, "440300", [],
            Cert("ABC-2024-0009", "FXC", Compliant, D(2024, 9, 1))),
        Org("DIGITS", "杭州95270001电子商务有限公司", null, "330106", [],
            Cert("FX-2025-0099", "FXC", Compliant, D(2025, 5, 5))) with { Scope = "网络零售商品的销售、配送及售后服务" },
        Org("CHENXI", "深圳市晨曦家电服务有限公司", "Shenzhen Chenxi Appliance Service Co., Ltd.", "440300", [],
            Cert("9527-0001", "FXC", ThreeStar, D(2024, 2, 2))),
        Org("LUDAO", "厦门鹭岛净水科技有限公司", "Xiamen Ludao Water Purification Technology Co., Ltd.", "350203", [],
            Cert("SC-2024/00123", "FXA", Compliant, D(2024, 10, 10))) with { Scope = "净水设备的销售、安装、滤芯更换及维修服务" },
        Org("GUANGXI", "南宁邕江家电有限公司", "Nanning Yongjiang Home Appliances Co., Ltd.", "450103", [],
            Cert("GX-2023-0008", "FXB", Compliant, D(2023, 12, 1)),
            Cert("GX-2020-0001", "FXB", ThreeStar, D(2020, 1, 6), new(StatusEventKind.Withdrawn, D(2021, 6, 1)))),
        Org("XINJIANG", "乌鲁木齐天山电器维修有限公司", null, "650102", [],
            Cert("XJ-2024-0002", "FXC", FourStar, D(2024, 11, 11))),
    ];

    public static IEnumerable<(FixtureOrganisation Organisation, FixtureCertificate Certificate)> Certificates =>
        Organisations.SelectMany(o => o.Certificates.Select(c => (o, c)));

    public static FixtureOrganisation Organisation(string key) => Organisations.Single(o => o.Key == key);

    /// <summary>The normalized numbers of an organisation's certificates.</summary>
    public static string[] NumbersOf(string key) => [.. Organisation(key).Certificates.Select(c => c.Normalized)];

    /// <summary>The made-up credit code of an organisation (its index in the list makes it unique).</summary>
    public static CreditCode CreditCodeOf(string key)
    {
        var index = Organisations.Select((o, i) => (o, i)).Single(p => p.o.Key == key).i;
        var organisation = Organisations[index];
        var first17 = "91" + organisation.Division + "FXT" + (index + 1).ToString("D6", CultureInfo.InvariantCulture);
        return CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17));
    }

    /// <summary>Registers the bodies and organisations and issues every certificate through the real publisher.</summary>
    public static async Task SeedAsync(Func<Registry.Web.Data.RegistryDbContext> createContext, TimeProvider clock, CancellationToken cancellationToken)
    {
        var bodies = new Dictionary<string, CertificationBody>(StringComparer.Ordinal);
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        await using (var db = createContext())
        {
            foreach (var (code, nameZh, nameEn) in Bodies)
            {
                var body = new CertificationBody(code, nameZh, nameEn, $"CNCA-R-2098-{code}", new Uri("https://example.test/"), isDemo: false);
                db.Bodies.Add(body);
                bodies[code] = body;
            }

            foreach (var o in Organisations)
            {
                var organisation = new Organisation(o.NameZh, o.FormerNames, o.NameEn, CreditCodeOf(o.Key), $"测试地址 {o.Key} 号", isDemo: false);
                db.Organisations.Add(organisation);
                organisations[o.Key] = organisation;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await using var publishing = createContext();
        var publisher = new CertificatePublisher(publishing, clock);
        foreach (var (o, c) in Certificates)
        {
            var body = bodies[c.Body];
            var actor = new PublishingActor(body.Id, $"{body.Code} search fixture");
            await publisher.IssueAsync(
                new IssueCertificate(CertificateNumber.Parse(c.Number), Schemes.Default, body.Id, organisations[o.Key].Id, c.Level, ScoresFor(c.Level),
                    o.Scope, "After-sales service (search fixture)", c.IssuedOn, null, actor.Name),
                actor,
                cancellationToken);
            if (c.Change is { } change)
            {
                var statusChange = change.Kind switch
                {
                    StatusEventKind.Suspended => StatusChange.Suspend(change.EffectiveOn, "Nonconformity not corrected (fixture)", actor.Name),
                    StatusEventKind.Withdrawn => StatusChange.Withdraw(change.EffectiveOn, "Certificate withdrawn (fixture)", actor.Name),
                    StatusEventKind.Cancelled => StatusChange.Cancel(change.EffectiveOn, "Given up by the holder (fixture)", actor.Name),
                    _ => throw new InvalidOperationException($"The fixture has no {change.Kind} change."),
                };
                await publisher.ChangeAsync(c.Number, statusChange, actor, cancellationToken);
            }
        }
    }

    private static Scores ScoresFor(string level) => level switch
    {
        FiveStar => new Scores(96m),
        FourStar => new Scores(92m),
        ThreeStar => new Scores(85m),
        _ => new Scores(75m),
    };

    private static FixtureOrganisation Org(string key, string nameZh, string? nameEn, string division, string[] formerNames, params FixtureCertificate[] certificates) =>
        new(key, nameZh, nameEn, division, formerNames, certificates);

    private static FixtureCertificate Cert(string number, string body, string level, DateOnly issuedOn, FixtureChange? change = null) =>
        new(number, body, level, issuedOn, change);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}

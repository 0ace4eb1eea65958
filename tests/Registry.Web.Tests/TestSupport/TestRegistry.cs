using Microsoft.Extensions.Time.Testing;
using Registry.Domain.Certificates;
using Registry.Domain.Identifiers;
using Registry.Domain.Levels;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.TestSupport;

/// <summary>Puts bodies, organisations and certificates into the test database through the real publisher.</summary>
public sealed class TestRegistry(RegistryDatabase database)
{
    private static int _counter = Random.Shared.Next(1, 1_000_000);

    public RegistryDatabase Database => database;

    public static string UniqueSuffix() => Interlocked.Increment(ref _counter).ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>A valid credit code registered in Hangzhou (division 330106), unique to this run.</summary>
    public static CreditCode NewCreditCode(string division = "330106")
    {
        var first17 = "91" + division + "T" + UniqueSuffix() + "X";
        return CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17));
    }

    public async Task<CertificationBody> AddBodyAsync()
    {
        var suffix = UniqueSuffix();
        var body = new CertificationBody($"T{suffix}", $"测试认证中心{suffix}", $"Test Certification Centre {suffix}",
            $"CNCA-R-2099-{suffix}", new Uri("https://example.test/"), isDemo: false);
        await using var db = database.CreateContext();
        db.Bodies.Add(body);
        await db.SaveChangesAsync();
        return body;
    }

    public async Task<Organisation> AddOrganisationAsync(string? name = null)
    {
        var organisation = new Organisation(name ?? $"杭州测试{UniqueSuffix()}家电有限公司", [], "Hangzhou Test Appliances Co., Ltd.",
            NewCreditCode(), "浙江省杭州市西湖区测试路 1 号", isDemo: false);
        await using var db = database.CreateContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    /// <summary>Issues a four-star certificate on <paramref name="issuedOn"/> with the clock standing on that day.</summary>
    public async Task<(Certificate Certificate, CertificationBody Body)> IssueAsync(DateOnly issuedOn, FakeTimeProvider? clock = null)
    {
        var body = await AddBodyAsync();
        var organisation = await AddOrganisationAsync();
        clock ??= TestClocks.AtChinaNoon(issuedOn.Year, issuedOn.Month, issuedOn.Day);
        var number = CertificateNumber.Parse($"TST-{issuedOn.Year}-{UniqueSuffix()}");
        await using var db = database.CreateContext();
        var publisher = new CertificatePublisher(db, clock);
        var certificate = await publisher.IssueAsync(
            new IssueCertificate(number, Schemes.Default, body.Id, organisation.Id, "four-star", new Scores(92.5m, 93m, 91m, 94m),
                "家用电器的销售、配送、安装及维修服务", "Sales, delivery, installation and repair of household appliances",
                issuedOn, null, "test"),
            Actor(body),
            CancellationToken.None);
        return (certificate, body);
    }

    public static PublishingActor Actor(CertificationBody body) => new(body.Id, $"{body.Code} test user");
}

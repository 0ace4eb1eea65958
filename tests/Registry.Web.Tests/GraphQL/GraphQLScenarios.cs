using Registry.Domain.Certificates;
using Registry.Domain.Identifiers;
using Registry.Domain.Levels;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.GraphQL;

/// <summary>Certificates made through the real publisher for the GraphQL tests, with names no other test uses.</summary>
public sealed class GraphQLScenarios(RegistryDatabase database)
{
    private const string Numerals = "零一二三四五六七八九";

    private readonly TestRegistry _registry = new(database);

    public TestRegistry Registry => _registry;

    /// <summary>
    /// A run of Chinese characters found in no other test's names, so that a search for it finds only ours. A name
    /// matches when it holds every two-character piece of the search, in any order, so the counter's digits are
    /// written last digit first and then in order: consecutive counters (…六六五, …六六六) then differ in their
    /// first piece instead of sharing all of them.
    /// </summary>
    public static string UniqueChineseToken()
    {
        var digits = TestRegistry.UniqueSuffix().Select(d => Numerals[d - '0']).ToArray();
        return "甄" + new string([.. digits.Reverse()]) + new string(digits);
    }

    /// <summary>Issues a four-star certificate to <paramref name="organisation"/> from <paramref name="body"/> on <paramref name="issuedOn"/> (the clock standing on that day).</summary>
    public async Task<Certificate> IssueAsync(CertificationBody body, Organisation organisation, DateOnly issuedOn, decimal score = 92.5m)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(organisation);
        var clock = TestClocks.AtChinaNoon(issuedOn.Year, issuedOn.Month, issuedOn.Day);
        var level = Schemes.Default.LevelFor(score)!.Code;
        await using var db = database.CreateContext();
        return await new CertificatePublisher(db, clock).IssueAsync(
            new IssueCertificate(CertificateNumber.Parse($"GQL-{issuedOn.Year}/{TestRegistry.UniqueSuffix()}"), Schemes.Default, body.Id, organisation.Id,
                level, new Scores(score, 93m, 91m, 94m), "家用电器的销售、配送、安装及维修服务", "Sales, delivery, installation and repair of household appliances",
                issuedOn, null, "test", Reason: "认证评价合格"),
            TestRegistry.Actor(body),
            CancellationToken.None);
    }

    /// <summary>Publishes a change with the clock standing at noon in China on <paramref name="publishedOn"/>.</summary>
    public async Task ChangeAsync(Certificate certificate, CertificationBody body, StatusChange change, DateOnly publishedOn)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var clock = TestClocks.AtChinaNoon(publishedOn.Year, publishedOn.Month, publishedOn.Day);
        await using var db = database.CreateContext();
        await new CertificatePublisher(db, clock).ChangeAsync(certificate.Number, change, TestRegistry.Actor(body), CancellationToken.None);
    }

    /// <summary><paramref name="count"/> certificates, each held by its own organisation whose name carries <paramref name="token"/>.</summary>
    public async Task<IReadOnlyList<Certificate>> IssueManyAsync(string token, int count)
    {
        var body = await _registry.AddBodyAsync();
        var issued = new List<Certificate>();
        for (var i = 0; i < count; i++)
        {
            var organisation = await _registry.AddOrganisationAsync($"杭州{token}家电{i:D3}有限公司");
            issued.Add(await IssueAsync(body, organisation, new DateOnly(2025, 10, 1)));
        }

        return issued;
    }
}

using Registry.Domain.Certificates;
using Registry.Domain.Identifiers;
using Registry.Domain.Levels;
using Registry.Web.Features.DemoData;

namespace Registry.Web.Tests.DemoData;

/// <summary>The seed command and its COPY loader against real PostgreSQL, each test in a fresh database.</summary>
public sealed class DemoDataLoaderTests
{
    private const int Count = 2000;
    private const int Seed = 11;
    private static readonly DateTimeOffset AsOf = DemoSample.AsOf;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeds_an_empty_registry_in_every_table_with_consistent_ids()
    {
        await using var database = await DemoDatabase.CreateAsync();
        var expected = new DemoDataGenerator(Seed, AsOf).Generate(Count).ToList();
        var expectedCertificates = expected.SelectMany(b => b.Certificates).ToList();
        var expectedEvents = expectedCertificates.Sum(c => c.Certificate.EventCount);
        var expectedOrganisations = expected.Sum(b => b.Organisations.Count);

        var (exitCode, output) = await SeedAsync(database, new DemoLoadOptions(Count, Seed, IfEmpty: false));

        exitCode.ShouldBe(0, output);
        output.ShouldContain($"seeded {Count}/{Count} certificates");
        output.ShouldContain("Seeded 2,000 demo certificates");
        (await database.CountAsync("certification_bodies")).ShouldBe(12);
        (await database.CountAsync("organisations")).ShouldBe(expectedOrganisations);
        (await database.CountAsync("certificates")).ShouldBe(Count);
        (await database.CountAsync("status_events")).ShouldBe(expectedEvents);
        (await database.CountAsync("outbox_messages")).ShouldBe(0);
        (await database.ScalarAsync<long>("SELECT max(id) FROM status_events")).ShouldBe(expectedEvents);
        (await database.ScalarAsync<long>(
            "SELECT count(*) FROM certificates c WHERE event_count <> (SELECT count(*) FROM status_events e WHERE e.certificate_id = c.id)")).ShouldBe(0);
        (await database.ScalarAsync<long>(
            "SELECT count(*) FROM certification_bodies WHERE NOT is_demo") +
         await database.ScalarAsync<long>("SELECT count(*) FROM organisations WHERE NOT is_demo") +
         await database.ScalarAsync<long>("SELECT count(*) FROM certificates WHERE NOT is_demo")).ShouldBe(0);

        // The stored standings are the aggregate's, as the EF conversion writes them.
        foreach (var standing in Enum.GetValues<CertificateStanding>())
        {
            (await database.ScalarAsync<long>($"SELECT count(*) FROM certificates WHERE standing = '{standing}'"))
                .ShouldBe(expectedCertificates.Count(c => c.Certificate.Standing == standing), standing.ToString());
        }

        await using (var command = database.DataSource.CreateCommand(
            "SELECT kind, is_demo, seed, certificate_count, loaded_at, description FROM data_sets"))
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            (await reader.ReadAsync(Ct)).ShouldBeTrue("a data_sets row");
            reader.GetString(0).ShouldBe("demo");
            reader.GetBoolean(1).ShouldBeTrue();
            reader.GetInt32(2).ShouldBe(Seed);
            reader.GetInt32(3).ShouldBe(Count);
            reader.GetFieldValue<DateTimeOffset>(4).ShouldBe(AsOf);
            reader.GetString(5).ShouldContain("DEMO — fictional data");
            (await reader.ReadAsync(Ct)).ShouldBeFalse("only one data_sets row");
        }

        await using var db = database.CreateContext();
        var busiest = await db.Certificates.Include(c => c.Events).OrderByDescending(c => c.EventCount).ThenBy(c => c.Id).FirstAsync(Ct);
        var generated = expectedCertificates.Single(c => c.Id == busiest.Id);
        busiest.Number.ShouldBe(generated.Certificate.Number);
        busiest.Events.Count.ShouldBe(busiest.EventCount);
        busiest.CurrentState(new DemoClock { Now = AsOf }).Status.ShouldBe(generated.StatusAsOf);
        busiest.Events.Select(e => e.PublishedAt).ShouldBe(generated.Certificate.Events.Select(e => e.PublishedAt));
        var holder = await db.Organisations.SingleAsync(o => o.Id == busiest.OrganisationId, Ct);
        CreditCode.Parse(holder.CreditCode).Province!.Code.ShouldBe(holder.ProvinceCode);

        // Identity sequences were moved past the copied ids: ordinary inserts continue after them.
        var body = new CertificationBody("TEST01", "测试认证机构", "Test Body", "CNCA-R-2099-999", null, isDemo: false);
        var organisation = new Organisation("测试公司", null, null, CreditCode.Parse(MakeCreditCode()), null, isDemo: false);
        db.Bodies.Add(body);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Ct);
        body.Id.ShouldBe(13);
        organisation.Id.ShouldBe(expectedOrganisations + 1);
        var certificate = Certificate.Issue(
            new IssueCertificate(
                CertificateNumber.Parse("TEST-2026-000001"), Schemes.GbT27922, body.Id, organisation.Id, "four-star",
                new Scores(91.5m), "测试范围", null, new DateOnly(2026, 11, 1), null, "test"),
            new DemoClock { Now = AsOf });
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(Ct);
        certificate.Id.ShouldBe(Count + 1);
        certificate.Events.Single().Id.ShouldBe(expectedEvents + 1);
    }

    [Fact]
    public async Task Refuses_a_registry_that_already_holds_certificates_and_changes_nothing()
    {
        await using var database = await DemoDatabase.CreateAsync();
        (await SeedAsync(database, new DemoLoadOptions(50, Seed, IfEmpty: false))).ExitCode.ShouldBe(0);
        var before = await CountsAsync(database);

        var (refused, refusal) = await SeedAsync(database, new DemoLoadOptions(50, Seed + 1, IfEmpty: false));
        var (skipped, skip) = await SeedAsync(database, new DemoLoadOptions(50, Seed + 1, IfEmpty: true));

        refused.ShouldBe(2);
        refusal.ShouldContain("already holds 50 certificates");
        refusal.ShouldContain("merges nothing");
        skipped.ShouldBe(0);
        skip.Trim().ShouldBe("The registry already holds 50 certificates; nothing seeded.");
        (await CountsAsync(database)).ShouldBe(before);
    }

    [Fact]
    public async Task Refuses_an_unmigrated_database()
    {
        await using var database = await DemoDatabase.CreateAsync(migrate: false);

        var (exitCode, output) = await SeedAsync(database, new DemoLoadOptions(10, Seed, IfEmpty: true));

        exitCode.ShouldBe(2);
        output.ShouldContain("run migrate first");
        (await database.ScalarAsync<bool>("SELECT to_regclass('certificates') IS NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_a_database_that_does_not_exist()
    {
        await using var database = DemoDatabase.Missing();

        var (exitCode, output) = await SeedAsync(database, new DemoLoadOptions(10, Seed, IfEmpty: false));

        exitCode.ShouldBe(2);
        output.ShouldContain("run migrate first");
    }

    [Fact]
    public async Task A_failed_load_rolls_back_everything()
    {
        await using var database = await DemoDatabase.CreateAsync();
        // An organisation registered by hand that holds the credit code the load will generate first.
        var firstCode = new DemoDataGenerator(Seed, AsOf, new DemoIdBase(0, 1, 0, 0)).Generate(1).Single().Organisations[0].Organisation;
        await using (var db = database.CreateContext())
        {
            db.Organisations.Add(new Organisation("手工登记公司", null, null, CreditCode.Parse(firstCode.CreditCode), null, isDemo: false));
            await db.SaveChangesAsync(Ct);
        }

        var (exitCode, output) = await SeedAsync(database, new DemoLoadOptions(500, Seed, IfEmpty: false));

        exitCode.ShouldBe(1);
        output.ShouldContain("rolled back");
        (await CountsAsync(database)).ShouldBe((0L, 1L, 0L, 0L, 0L));
    }

    private static async Task<(int ExitCode, string Output)> SeedAsync(DemoDatabase database, DemoLoadOptions options)
    {
        using var host = database.CreateHost(new DemoClock { Now = AsOf });
        await using var output = new StringWriter();
        var exitCode = await DemoDataCommand.RunAsync(host.Services, options, output, interactive: false, Ct);
        return (exitCode, output.ToString());
    }

    private static async Task<(long Bodies, long Organisations, long Certificates, long Events, long DataSets)> CountsAsync(DemoDatabase database) => (
        await database.CountAsync("certification_bodies"),
        await database.CountAsync("organisations"),
        await database.CountAsync("certificates"),
        await database.CountAsync("status_events"),
        await database.CountAsync("data_sets"));

    // A valid code in a division the demo table does not use, so it cannot collide with generated ones.
    private static string MakeCreditCode()
    {
        const string first17 = "91650105MA0000001";
        return first17 + CreditCode.CheckCharacter(first17);
    }
}

using Registry.Signing.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Tests.SigningKeys;

namespace Registry.Web.Tests.QrCodes;

public sealed class QrSerialStoreTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    private QrSerialStore Serials(TimeProvider? clock = null) => new(database.DataSource, clock ?? TimeProvider.System, NullLogger<QrSerialStore>.Instance);

    [Fact]
    public async Task Serials_count_from_one_per_certificate_and_medium_without_gaps_and_are_recorded()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 1, 5));
        var clock = TestClocks.AtChinaNoon(2026, 2, 1);
        var store = TestStores.Create(database, clock);
        var serials = Serials(clock);
        var key = await store.CreateAsync(body.Code, "test", CancellationToken.None);

        (await serials.AllocateAsync(certificate.Id, Medium.Plaque, 3, CancellationToken.None)).ShouldBe([1, 2, 3]);
        (await serials.AllocateAsync(certificate.Id, Medium.Plaque, 2, CancellationToken.None)).ShouldBe([4, 5]);
        (await serials.AllocateAsync(certificate.Id, Medium.PackagingMark, 1, CancellationToken.None)).ShouldBe([1]);

        await using var db = database.CreateContext();
        var prints = await db.QrPrints.Where(p => p.CertificateId == certificate.Id).OrderBy(p => p.Medium).ThenBy(p => p.Serial).ToListAsync();
        prints.Select(p => (p.Medium, p.Serial)).ShouldBe([
            (Medium.PackagingMark, 1), (Medium.Plaque, 1), (Medium.Plaque, 2), (Medium.Plaque, 3), (Medium.Plaque, 4), (Medium.Plaque, 5)]);
        prints.ShouldAllBe(p => p.Kid == key.Kid && p.PrintedAt == clock.GetUtcNow());
    }

    [Fact]
    public async Task Parallel_allocations_never_share_a_serial_and_leave_no_gap()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 1, 6));
        await TestStores.Create(database).CreateAsync(body.Code, "test", CancellationToken.None);
        using var start = new ManualResetEventSlim();

        // Separate stores, as separate site instances would be; each allocation is its own transaction.
        var allocations = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await Serials().AllocateAsync(certificate.Id, Medium.Plaque, 1 + (i % 4), CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(allocations);

        var all = results.SelectMany(r => r).ToList();
        all.Count.ShouldBe(Enumerable.Range(0, 12).Sum(i => 1 + (i % 4)));
        all.Order().ShouldBe(Enumerable.Range(1, all.Count), "every serial once, none skipped");
        results.ShouldAllBe(r => r.Zip(r.Skip(1)).All(pair => pair.Second == pair.First + 1), "each allocation is one consecutive run");
    }

    [Fact]
    public async Task Allocation_refuses_certificates_nothing_can_be_printed_for()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 1, 7));
        var store = TestStores.Create(database);
        var serials = Serials();

        (await Should.ThrowAsync<SigningKeyException>(() => serials.AllocateAsync(certificate.Id, Medium.Plaque, 1, CancellationToken.None)))
            .Message.ShouldContain("no active signing key");
        (await Should.ThrowAsync<SigningKeyException>(() => serials.AllocateAsync(-1, Medium.Plaque, 1, CancellationToken.None)))
            .Error.ShouldBe(SigningKeyError.UnknownCertificate);

        await store.CreateAsync(body.Code, "test", CancellationToken.None);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => serials.AllocateAsync(certificate.Id, Medium.Certificate, 1, CancellationToken.None));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => serials.AllocateAsync(certificate.Id, Medium.Plaque, 0, CancellationToken.None));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(
            () => serials.AllocateAsync(certificate.Id, Medium.Plaque, QrSerialStore.MaxPerAllocation + 1, CancellationToken.None));
        await using var db = database.CreateContext();
        (await db.QrPrints.CountAsync(p => p.CertificateId == certificate.Id)).ShouldBe(0);
    }
}

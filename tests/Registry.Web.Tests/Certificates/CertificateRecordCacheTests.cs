using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.Certificates.Caching;

namespace Registry.Web.Tests.Certificates;

/// <summary>The cache's promise: it never stores a record a reported change made stale, and never answers out of step.</summary>
public sealed class CertificateRecordCacheTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_record_read_before_a_change_is_not_stored_when_the_change_is_reported_during_the_read()
    {
        var cache = InStep(new CertificateRecordCache(new CertificateCacheOptions()));
        var record = await IssueAsync();

        // First look-up: nothing cached, so it reads; the change is reported before it stores.
        cache.Find(record.Certificate.NormalizedNumber, out var first).ShouldBeNull();
        cache.Invalidate([record.Certificate.Id], 10);
        cache.Store(record, first);
        cache.Find(record.Certificate.NormalizedNumber, out var second).ShouldBeNull("a record read before a reported change was stored");

        // Next look-up starts after the change: what it read is current, and is stored.
        cache.Store(record, second);
        cache.Find(record.Certificate.NormalizedNumber, out _).ShouldBeSameAs(record);

        // A change reported during a later read, over a tombstone this time.
        cache.Invalidate([record.Certificate.Id], 11);
        cache.Find(record.Certificate.NormalizedNumber, out var third).ShouldBeNull("a reported change drops the record");
        cache.Invalidate([record.Certificate.Id], 12);
        cache.Store(record, third);
        cache.Find(record.Certificate.NormalizedNumber, out _).ShouldBeNull("stored over a newer tombstone than the one the read saw");
        cache.AppliedSequence.ShouldBe(12);
    }

    [Fact]
    public async Task Out_of_step_the_cache_answers_nothing_and_stores_nothing()
    {
        var cache = InStep(new CertificateRecordCache(new CertificateCacheOptions()));
        var record = await IssueAsync();
        cache.Find(record.Certificate.NormalizedNumber, out var ticket).ShouldBeNull();
        cache.Store(record, ticket);
        cache.Find(record.Certificate.NormalizedNumber, out _).ShouldBeSameAs(record);

        cache.MarkOutOfStep();

        cache.InStep.ShouldBeFalse();
        cache.Find(record.Certificate.NormalizedNumber, out var outOfStep).ShouldBeNull("a cache that cannot confirm it follows the outbox must not answer");
        outOfStep.MayStore.ShouldBeFalse();
    }

    [Fact]
    public async Task The_cache_stays_within_its_capacity()
    {
        var cache = InStep(new CertificateRecordCache(new CertificateCacheOptions { Capacity = 4 }));
        var records = new List<CertificateRecord>();
        for (var i = 0; i < 9; i++)
        {
            var record = await IssueAsync();
            records.Add(record);
            cache.Find(record.Certificate.NormalizedNumber, out var ticket);
            cache.Store(record, ticket);
            cache.Count.ShouldBeLessThanOrEqualTo(4);
        }

        cache.Find(records[^1].Certificate.NormalizedNumber, out _).ShouldBeSameAs(records[^1], "the newest record is kept");
    }

    [Fact]
    public async Task The_site_answers_a_second_scan_of_a_certificate_from_memory()
    {
        var record = await IssueAsync();
        var cache = InStep(new CertificateRecordCache(new CertificateCacheOptions()));
        await using var db = database.CreateContext();
        await using var services = new ServiceCollection().AddSingleton(new CertificateQueries(db)).BuildServiceProvider();
        var records = new CachedCertificateRecords(cache, services);

        var first = await records.FindAsync(record.Certificate.NormalizedNumber, TestContext.Current.CancellationToken);
        var second = await records.FindAsync(record.Certificate.NormalizedNumber, TestContext.Current.CancellationToken);

        first.ShouldNotBeNull().Certificate.Id.ShouldBe(record.Certificate.Id);
        second.ShouldBeSameAs(first);
        (await records.FindAsync("NOSUCH" + TestRegistry.UniqueSuffix(), TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public void A_change_mark_moves_with_its_own_certificate_only_and_there_is_none_out_of_step()
    {
        var cache = new CertificateRecordCache(new CertificateCacheOptions { Capacity = 2 });
        cache.Invalidate([], 100);
        cache.ChangeMarkOf("A1").ShouldBeNull("out of step, nothing may be keyed on a mark");
        cache.MarkInStep();
        cache.NoteNumber("A1", 1);
        cache.NoteNumber("B2", 2);

        cache.ChangeMarkOf("A1").ShouldBe(100, "unchanged since the cache began: the position it began at");
        cache.ChangeMarkOf("C3").ShouldBe(100, "a number the cache has not met: the registry's position");

        cache.Invalidate([1], 105);
        cache.ChangeMarkOf("A1").ShouldBe(105);
        cache.ChangeMarkOf("B2").ShouldBe(100, "another certificate's change leaves its mark alone");
        cache.ChangeMarkOf("C3").ShouldBe(105);

        // Past twice the capacity the map of changes is trimmed and every mark moves to where the cache stands: later, never earlier.
        cache.Invalidate([3, 4, 5, 6, 7], 110);
        cache.Invalidate([8], 111);
        cache.ChangeMarkOf("A1").ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(105);
        cache.ChangeMarkOf("B2").ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(110);
    }

    private static CertificateRecordCache InStep(CertificateRecordCache cache)
    {
        cache.MarkInStep();
        return cache;
    }

    private async Task<CertificateRecord> IssueAsync()
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2025, 6, 1));
        await using var db = database.CreateContext();
        return (await new CertificateQueries(db).FindAsync(certificate.NormalizedNumber, TestContext.Current.CancellationToken)).ShouldNotBeNull();
    }
}

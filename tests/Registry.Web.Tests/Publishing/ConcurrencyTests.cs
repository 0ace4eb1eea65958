using Npgsql;
using Registry.Domain;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Publishing;

public sealed class ConcurrencyTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task Two_simultaneous_changes_give_one_winner_and_one_clear_conflict()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 5, 1));
        var clock = TestClocks.AtChinaNoon(2026, 4, 1);
        var actor = TestRegistry.Actor(body);

        // Hold the certificate row so that both writers read it while it is valid and then queue up to write;
        // releasing it makes them race for real.
        await using var gate = await database.DataSource.OpenConnectionAsync();
        await using var gateTransaction = await gate.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT 1 FROM certificates WHERE id = {certificate.Id} FOR UPDATE", gate, gateTransaction))
        {
            await hold.ExecuteScalarAsync();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var suspension = Attempt(() => new CertificatePublisher(first, clock).ChangeAsync(certificate.Number,
            StatusChange.Suspend(new DateOnly(2026, 4, 1), "Complaint", "x"), actor, CancellationToken.None));
        var cancellation = Attempt(() => new CertificatePublisher(second, clock).ChangeAsync(certificate.Number,
            StatusChange.Cancel(new DateOnly(2026, 4, 1), "Holder gave up", "x"), actor, CancellationToken.None));
        await database.WaitForLockWaitersAsync(2, "both writers should be waiting on the held row");
        await gateTransaction.CommitAsync();
        var outcomes = await Task.WhenAll(suspension, cancellation);

        outcomes.Count(o => o is null).ShouldBe(1, "exactly one change wins");
        var loser = outcomes.Single(o => o is not null)!;
        loser.ShouldBeOfType<ConcurrencyConflictException>().Code.ShouldBe(DomainErrorCodes.ConcurrentChange);
        loser.Message.ShouldContain(certificate.Number);

        await using var check = database.CreateContext();
        var stored = await check.Certificates.Include(c => c.Events).SingleAsync(c => c.Id == certificate.Id);
        stored.Events.Select(e => e.Sequence).Order().ShouldBe([1, 2]);
        stored.EventCount.ShouldBe(2);
        (await check.Outbox.CountAsync(m => m.CertificateId == certificate.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task A_change_after_another_was_committed_is_judged_against_the_committed_history()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 5, 2));
        var clock = TestClocks.AtChinaNoon(2026, 4, 2);
        var actor = TestRegistry.Actor(body);
        await using var earlier = database.CreateContext();
        await earlier.Certificates.Include(c => c.Events).SingleAsync(c => c.Id == certificate.Id);

        await using (var other = database.CreateContext())
        {
            await new CertificatePublisher(other, clock).ChangeAsync(certificate.Number,
                StatusChange.Withdraw(new DateOnly(2026, 4, 2), "Fraud", "x"), actor, CancellationToken.None);
        }

        var attempt = () => new CertificatePublisher(earlier, clock).ChangeAsync(certificate.Number,
            StatusChange.Suspend(new DateOnly(2026, 4, 2), "Complaint", "x"), actor, CancellationToken.None);

        (await attempt.ShouldThrowAsync<DomainException>()).Code.ShouldBe(DomainErrorCodes.CertificateWithdrawn);
        await using var check = database.CreateContext();
        var kinds = await check.StatusEvents.Where(e => e.CertificateId == certificate.Id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
        kinds.ShouldBe([StatusEventKind.Issued, StatusEventKind.Withdrawn]);
    }

    private static async Task<Exception?> Attempt(Func<Task> change)
    {
        try
        {
            await change();
            return null;
        }
        catch (DomainException ex)
        {
            return ex;
        }
    }
}

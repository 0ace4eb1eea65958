using Npgsql;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Publishing;

public sealed class StatusChangeTransactionTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_status_change_writes_its_event_and_its_outbox_message_together()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 1, 10));
        var clock = TestClocks.AtChinaNoon(2026, 3, 10);

        await using (var db = database.CreateContext())
        {
            await new CertificatePublisher(db, clock).ChangeAsync(certificate.Number,
                StatusChange.Suspend(new DateOnly(2026, 3, 1), "Complaint handling not corrected", "ignored"), TestRegistry.Actor(body), CancellationToken.None);
        }

        await using var check = database.CreateContext();
        var events = await check.StatusEvents.Where(e => e.CertificateId == certificate.Id).OrderBy(e => e.Sequence).ToListAsync();
        events.Select(e => e.Kind).ShouldBe([StatusEventKind.Issued, StatusEventKind.Suspended]);
        events[1].PublishedAt.ShouldBe(clock.GetUtcNow());
        events[1].Actor.ShouldBe(TestRegistry.Actor(body).Name);
        var messages = await check.Outbox.Where(m => m.CertificateId == certificate.Id).OrderBy(m => m.Sequence).ToListAsync();
        messages.Count.ShouldBe(2, "one for the issue, one for the suspension");
        using (var payload = JsonDocument.Parse(messages[1].Payload))
        {
            payload.RootElement.GetProperty("kind").GetString().ShouldBe("Suspended");
            payload.RootElement.GetProperty("sequence").GetInt32().ShouldBe(2);
            payload.RootElement.GetProperty("effectiveOn").GetString().ShouldBe("2026-03-01");
        }

        messages[1].Sequence.ShouldBeGreaterThan(messages[0].Sequence);
        var stored = await check.Certificates.SingleAsync(c => c.Id == certificate.Id);
        stored.Standing.ShouldBe(CertificateStanding.Suspended);
    }

    [Fact]
    public async Task A_failure_between_event_and_outbox_leaves_neither()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 2, 1));
        // Make the database refuse this certificate's next outbox row, after its event has been written.
        var trigger = $"fail_outbox_{certificate.Id}";
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await using var command = new NpgsqlCommand($"""
                CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.certificate_id = {certificate.Id} THEN RAISE EXCEPTION 'injected outbox failure'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER {trigger} BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION {trigger}();
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            await using var db = database.CreateContext();
            var publisher = new CertificatePublisher(db, TestClocks.AtChinaNoon(2026, 1, 5));
            var attempt = () => publisher.ChangeAsync(certificate.Number,
                StatusChange.Withdraw(new DateOnly(2026, 1, 5), "Nonconformity not corrected", "ignored"), TestRegistry.Actor(body), CancellationToken.None);
            (await attempt.ShouldThrowAsync<DbUpdateException>()).InnerException!.Message.ShouldContain("injected outbox failure");
        }
        finally
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var drop = new NpgsqlCommand($"DROP TRIGGER {trigger} ON outbox_messages; DROP FUNCTION {trigger}();", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await using var check = database.CreateContext();
        (await check.StatusEvents.CountAsync(e => e.CertificateId == certificate.Id)).ShouldBe(1, "only the issue event");
        (await check.Outbox.CountAsync(m => m.CertificateId == certificate.Id)).ShouldBe(1, "only the issue message");
        (await check.Certificates.SingleAsync(c => c.Id == certificate.Id)).Standing.ShouldBe(CertificateStanding.Valid);
    }

    [Fact]
    public async Task Outbox_sequence_follows_the_order_changes_were_made_in()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 3, 1));
        var clock = TestClocks.AtChinaNoon(2026, 2, 1);
        var actor = TestRegistry.Actor(body);
        var changes = new[]
        {
            StatusChange.Suspend(new DateOnly(2026, 2, 1), "Surveillance audit overdue", "x"),
            StatusChange.Reinstate(new DateOnly(2026, 2, 1), "Surveillance audit passed", "x"),
            StatusChange.ChangeScope(new DateOnly(2026, 2, 1), "", "x", "家用电器的销售服务", "Sales of household appliances"),
        };
        foreach (var change in changes)
        {
            await using var db = database.CreateContext();
            await new CertificatePublisher(db, clock).ChangeAsync(certificate.Number, change, actor, CancellationToken.None);
        }

        await using var check = database.CreateContext();
        var kinds = await check.Outbox.Where(m => m.CertificateId == certificate.Id).OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync();
        kinds.Count.ShouldBe(4);
        kinds[1].ShouldContain("Suspended");
        kinds[2].ShouldContain("Reinstated");
        kinds[3].ShouldContain("ScopeChanged");
    }
}

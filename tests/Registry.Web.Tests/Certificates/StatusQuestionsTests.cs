using Registry.Domain.Time;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Certificates;

/// <summary>
/// A suspension published on 10 March, effective 1 March: asked about 5 March, "what was in effect" and
/// "what did the registry say" must differ, answered from what PostgreSQL stored.
/// </summary>
public sealed class StatusQuestionsTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_back_dated_suspension_answers_the_three_questions_correctly()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 1, 10));
        var clock = TestClocks.AtChinaNoon(2026, 3, 10);
        await using (var db = database.CreateContext())
        {
            await new CertificatePublisher(db, clock).ChangeAsync(certificate.Number,
                StatusChange.Suspend(new DateOnly(2026, 3, 1), "Repair outlets failed the surveillance audit", "x"),
                TestRegistry.Actor(body), CancellationToken.None);
        }

        clock.MoveTo(TestClocks.ChinaNoon(2026, 3, 20));
        await using var check = database.CreateContext();
        var events = (await check.Certificates.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == certificate.Id)).Events;
        var fifthOfMarch = new DateOnly(2026, 3, 5);

        StatusHistory.Current(events, clock).Status.ShouldBe(CertificateStatus.Suspended);
        StatusHistory.InEffectOn(events, fifthOfMarch, clock).Status.ShouldBe(CertificateStatus.Suspended);
        StatusHistory.AsPublishedAt(events, RegistryCalendar.EndOf(fifthOfMarch)).Status.ShouldBe(CertificateStatus.Valid);
        StatusHistory.AsPublishedAt(events, TestClocks.ChinaNoon(2026, 3, 10).AddMinutes(1)).Status.ShouldBe(CertificateStatus.Suspended);
        StatusHistory.InEffectOn(events, new DateOnly(2026, 2, 28), clock).Status.ShouldBe(CertificateStatus.Valid);
        StatusHistory.InEffectOn(events, new DateOnly(2025, 1, 9), clock).Status.ShouldBe(CertificateStatus.NotIssued);
    }
}

using Registry.Domain;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Publishing;

public sealed class AuthorisationTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_body_cannot_change_another_bodys_certificate()
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2025, 4, 1));
        var intruder = await _registry.AddBodyAsync();

        await using var db = database.CreateContext();
        var publisher = new CertificatePublisher(db, TestClocks.AtChinaNoon(2026, 1, 1));
        var attempt = () => publisher.ChangeAsync(certificate.Number,
            StatusChange.Withdraw(new DateOnly(2026, 1, 1), "Hostile withdrawal", "x"), TestRegistry.Actor(intruder), CancellationToken.None);

        (await attempt.ShouldThrowAsync<DomainException>()).Code.ShouldBe(DomainErrorCodes.NotYourCertificate);
        await using var check = database.CreateContext();
        (await check.StatusEvents.CountAsync(e => e.CertificateId == certificate.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_change_writes_nothing()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 4, 2));
        await using var db = database.CreateContext();
        var publisher = new CertificatePublisher(db, TestClocks.AtChinaNoon(2026, 1, 1));
        var attempt = () => publisher.ChangeAsync(certificate.Number,
            StatusChange.Reinstate(new DateOnly(2026, 1, 1), "Nothing to reinstate", "x"), TestRegistry.Actor(body), CancellationToken.None);

        (await attempt.ShouldThrowAsync<DomainException>()).Code.ShouldBe(DomainErrorCodes.CertificateNotSuspended);
        await using var check = database.CreateContext();
        (await check.Outbox.CountAsync(m => m.CertificateId == certificate.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_number_is_reported_as_not_found()
    {
        var body = await _registry.AddBodyAsync();
        await using var db = database.CreateContext();
        var publisher = new CertificatePublisher(db, TimeProvider.System);
        var attempt = () => publisher.ChangeAsync("NOPE-0000-0000",
            StatusChange.Suspend(new DateOnly(2026, 1, 1), "x", "x"), TestRegistry.Actor(body), CancellationToken.None);

        (await attempt.ShouldThrowAsync<DomainException>()).Code.ShouldBe(DomainErrorCodes.CertificateNotFound);
    }
}

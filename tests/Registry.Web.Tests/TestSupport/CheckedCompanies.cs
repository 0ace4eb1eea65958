using Registry.Domain.Certificates;
using Registry.Domain.Time;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.TestSupport;

/// <summary>Two companies of the shared test database, one with a valid certificate and one whose certificate is withdrawn, both in the site's index.</summary>
public sealed record CheckedCompanies(CheckedCompany Valid, CheckedCompany Withdrawn)
{
    public static async Task<CheckedCompanies> CreateAsync(RegistryDatabase database)
    {
        var registry = new TestRegistry(database);
        var valid = await CompanyAsync(database, await registry.IssueAsync(new DateOnly(2026, 1, 5)));
        var (certificate, body) = await registry.IssueAsync(new DateOnly(2026, 1, 6));
        await using (var db = database.CreateContext())
        {
            var today = RegistryCalendar.DateOf(TimeProvider.System.GetUtcNow());
            await new CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.NormalizedNumber,
                StatusChange.Withdraw(today, "Service outlets did not exist", "x"), TestRegistry.Actor(body), TestContext.Current.CancellationToken);
        }

        var withdrawn = await CompanyAsync(database, (certificate, body));
        using var client = database.Site.CreatePageClient();
        await SearchPages.WaitUntilFoundAsync(client, valid.NormalizedNumber);
        await SearchPages.WaitUntilFoundAsync(client, withdrawn.NormalizedNumber);
        return new CheckedCompanies(valid, withdrawn);
    }

    private static async Task<CheckedCompany> CompanyAsync(RegistryDatabase database, (Certificate Certificate, CertificationBody Body) issued)
    {
        await using var db = database.CreateContext();
        var holder = await db.Organisations.FindAsync([issued.Certificate.OrganisationId], TestContext.Current.CancellationToken);
        return new CheckedCompany(issued.Certificate.Number, issued.Certificate.NormalizedNumber, holder!.LegalNameZh, holder.CreditCode);
    }
}

public sealed record CheckedCompany(string Number, string NormalizedNumber, string Name, string CreditCode);

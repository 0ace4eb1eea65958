using GraphQL.Types;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.GraphQL.Api.Certificates;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.StatusFeed;

namespace Registry.Web.Features.GraphQL.Api.StatusChanges;

/// <summary>One change as the status feed delivers it: what subscribers filter on, and the change itself.</summary>
public sealed class CertificateStatusChangeGraphType : ObjectGraphType<CertificateStatusChange>
{
    public CertificateStatusChangeGraphType()
    {
        Name = "CertificateStatusChange";
        Description = "A change published to a certificate, delivered to subscribers moments after it was committed.";
        Field<NonNullGraphType<StringGraphType>>("sequence")
            .Description("The registry's change sequence (a 64-bit integer, as a string): increasing in commit order, the same on every connection. Delivery is at most once per connection; a client that reconnects may see a change again, and can drop sequences it has seen.")
            .Resolve(c => c.Source.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("certificateNumber").Description("The number as the body printed it.").Resolve(c => c.Source.CertificateNumber);
        Field<NonNullGraphType<StringGraphType>>("bodyCode").Description("The code of the certification body that published the change.").Resolve(c => c.Source.BodyCode);
        Field<NonNullGraphType<StringGraphType>>("organisationCreditCode").Description("The holder's unified social credit code.").Resolve(c => c.Source.OrganisationCreditCode);
        Field<NonNullGraphType<StatusEventKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<CertificateStandingGraphType>>("standing").Description("Where this change left the certificate.").Resolve(c => c.Source.Standing);
        Field<NonNullGraphType<CertificateStatusGraphType>>("status")
            .Description("The status this change left, on the day it was published (China Standard Time): EXPIRED when that day is past the expiry date.")
            .Resolve(c => c.Source.Standing.StatusOn(c.Source.ExpiresOn, DateOnly.FromDateTime(c.Source.PublishedAt.ToOffset(TimeSpan.FromHours(8)).DateTime)));
        Field<NonNullGraphType<StringGraphType>>("level").Description("The level code after this change.").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveOn").Resolve(c => c.Source.EffectiveOn);
        Field<NonNullGraphType<CalendarDateGraphType>>("expiresOn").Description("The expiry date after this change.").Resolve(c => c.Source.ExpiresOn);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason.Length > 0 ? c.Source.Reason : null);
        Field<NonNullGraphType<InstantGraphType>>("publishedAt").Resolve(c => c.Source.PublishedAt);
        Field<CertificateGraphType>("certificate")
            .Description("The certificate as the registry holds it now (read when this change is delivered, so possibly after later changes).")
            .ResolveAsync(async c =>
            {
                var record = await c.Service<CertificateQueries>().FindAsync(c.Source.NormalizedNumber, c.CancellationToken);
                if (record is null)
                {
                    return null;
                }

                c.Loaders().Prime(record);
                return record.Certificate;
            });
    }
}

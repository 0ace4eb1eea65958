using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

/// <summary>What one certificate mutation did, as <see cref="PublishingCommands"/> answered it; a replay gives the first answer again, word for word.</summary>
public sealed class CertificateChangeGraphType : ObjectGraphType<CertificatePayload>
{
    public CertificateChangeGraphType()
    {
        Name = "CertificateChange";
        Description = "The certificate as this mutation left it, and the event it published. version is what the next change sends as expectedVersion.";
        Field(p => p.Number);
        Field(p => p.NormalizedNumber);
        Field(p => p.Version).Description("The certificate's version after the change: its number of published events (1 after the issue).");
        Field(p => p.Standing).Description("The standing the events give (Active, Suspended, Withdrawn, Cancelled), before the calendar is asked about expiry.");
        Field<NonNullGraphType<CertificateStatusGraphType>>("status").Description("The status on the day of the change, expiry included.")
            .Resolve(c => Enum.Parse<CertificateStatus>(c.Source.Status));
        Field(p => p.Level).Description("The level's code, e.g. four-star.");
        Field<NonNullGraphType<FloatGraphType>>("totalScore").Resolve(c => (double)c.Source.TotalScore);
        Field(p => p.ScopeZh);
        Field(p => p.ScopeEn, nullable: true);
        Field<NonNullGraphType<CalendarDateGraphType>>("issuedOn").Resolve(c => c.Source.IssuedOn);
        Field<NonNullGraphType<CalendarDateGraphType>>("expiresOn").Resolve(c => c.Source.ExpiresOn);
        Field<NonNullGraphType<PublishedEventGraphType>>("event").Resolve(c => c.Source.Event);
    }
}

public sealed class PublishedEventGraphType : ObjectGraphType<PublishedEventPayload>
{
    public PublishedEventGraphType()
    {
        Name = "PublishedEvent";
        Description = "The status event a mutation published.";
        Field(e => e.Sequence).Description("Its place in the certificate's history (1 for the issue).");
        Field<NonNullGraphType<StatusEventKindGraphType>>("kind").Resolve(c => Enum.Parse<StatusEventKind>(c.Source.Kind));
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveOn").Resolve(c => c.Source.EffectiveOn);
        Field<NonNullGraphType<InstantGraphType>>("publishedAt").Resolve(c => c.Source.PublishedAt);
        Field(e => e.Reason);
    }
}

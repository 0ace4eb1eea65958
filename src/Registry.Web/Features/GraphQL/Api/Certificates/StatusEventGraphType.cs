using GraphQL.Types;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.GraphQL.Api.ReferenceData;
using Registry.Web.Features.GraphQL.Api.Scalars;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

public sealed class StatusEventGraphType : ObjectGraphType<StatusEvent>
{
    public StatusEventGraphType()
    {
        Name = "StatusEvent";
        Description = "One published change in a certificate's life. Events are never changed or removed.";
        Field(e => e.Sequence).Description("1 for the issue, then one more per change: the order events apply in.");
        Field<NonNullGraphType<StatusEventKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("kindNameZh").Resolve(c => c.Service<Bilingual>().Chinese(text => Labels.Change(text, c.Source.Kind)));
        Field<NonNullGraphType<StringGraphType>>("kindNameEn").Resolve(c => c.Service<Bilingual>().English(text => Labels.Change(text, c.Source.Kind)));
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveOn").Resolve(c => c.Source.EffectiveOn);
        Field<NonNullGraphType<InstantGraphType>>("publishedAt").Description("When the registry published it; may be later than effectiveOn.")
            .Resolve(c => c.Source.PublishedAt);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason.Length > 0 ? c.Source.Reason : null);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("Who published it: the body and the channel (API, bulk upload), or an operator.")
            .Resolve(c => Publishing.PublicActor.Display(c.Source.Actor));
        Field<StringGraphType>("level").Description("The level code this event set, if it set one.").Resolve(c => c.Source.Level);
        Field<ScoresGraphType>("scores").Description("The scores this event set, if it set them.").Resolve(c => c.Source.Scores);
        Field<StringGraphType>("scopeZh").Resolve(c => c.Source.ScopeZh);
        Field<StringGraphType>("scopeEn").Resolve(c => c.Source.ScopeEn);
        Field<CalendarDateGraphType>("expiresOn").Description("The expiry this event set, if it set one.").Resolve(c => c.Source.ExpiresOn);
    }
}

using GraphQL.Types;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.GraphQL.Api.ReferenceData;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

public sealed class CertificateStateGraphType : ObjectGraphType<StatusAnswer>
{
    public CertificateStateGraphType()
    {
        Name = "CertificateState";
        Description = "A certificate as its events leave it on one date, counting only the events published by one instant.";
        Field<NonNullGraphType<CertificateStatusGraphType>>("status").Resolve(c => c.Source.State.Status);
        Field<NonNullGraphType<StringGraphType>>("statusNameZh").Description("The status as the Chinese site shows it, e.g. 有效.")
            .Resolve(c => c.Service<Bilingual>().Chinese(text => Labels.Status(text, c.Source.State.Status)));
        Field<NonNullGraphType<StringGraphType>>("statusNameEn")
            .Resolve(c => c.Service<Bilingual>().English(text => Labels.Status(text, c.Source.State.Status)));
        Field<CalendarDateGraphType>("since").Description("The date the status began: the effective date of the change that made it (for EXPIRED, the day after the last valid day).")
            .Resolve(c => Since(c.Source).Since);
        Field<StringGraphType>("reason").Description("The reason the body gave for the change that made the status, if any.")
            .Resolve(c => Since(c.Source).Reason);
        Field<LevelGraphType>("level").Resolve(c => c.Source.State.Level is { } code ? c.Source.Scheme.FindLevel(code) : null);
        Field<ScoresGraphType>("scores").Resolve(c => c.Source.State.Scores);
        Field<StringGraphType>("scopeZh").Description("认证范围: the products, services and regions covered.").Resolve(c => c.Source.State.ScopeZh);
        Field<StringGraphType>("scopeEn").Resolve(c => c.Source.State.ScopeEn);
        Field<CalendarDateGraphType>("expiresOn").Description("The last day of validity.").Resolve(c => c.Source.State.ExpiresOn);
        Field<StatusEventGraphType>("lastChange").Description("The last event that counted.").Resolve(c => c.Source.State.LastEvent);
        Field<NonNullGraphType<CalendarDateGraphType>>("onDate").Description("The date the question was about.").Resolve(c => c.Source.OnDate);
        Field<NonNullGraphType<InstantGraphType>>("knownAt").Description("Only events published by this instant counted.").Resolve(c => c.Source.KnownAt);
    }

    private static (DateOnly? Since, string? Reason) Since(StatusAnswer answer) =>
        StatusSince.Of(answer.State, answer.Events, answer.OnDate, answer.KnownAt);
}

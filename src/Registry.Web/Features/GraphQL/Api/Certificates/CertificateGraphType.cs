using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.GraphQL.Api.Organisations;
using Registry.Web.Features.GraphQL.Api.ReferenceData;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.GraphQL.Loaders;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

/// <summary>
/// A certificate. Every status answer is a fold of its events (<see cref="StatusHistory"/>), read through the
/// request's batch loader, so a page of certificates reads all their events with one query.
/// </summary>
public sealed class CertificateGraphType : ObjectGraphType<Certificate>
{
    public CertificateGraphType()
    {
        Name = "Certificate";
        Description = "A GB/T 27922 after-sales service certificate.";
        Field(c => c.Number).Description("The number as the body printed it.");
        Field(c => c.NormalizedNumber).Description("The folded number every look-up compares (A–Z, 0–9).");
        Field<NonNullGraphType<StringGraphType>>("url").Description("The certificate's page on this site, as a path.")
            .Resolve(c => CertificateLinks.For(c.Source.NormalizedNumber));
        Field<NonNullGraphType<SchemeGraphType>>("scheme").Resolve(c => c.Source.Scheme);
        Field<NonNullGraphType<CalendarDateGraphType>>("issuedOn").Resolve(c => c.Source.IssuedOn);
        Field(c => c.IsDemo).Description("True for fictional demonstration data.");
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("The number of events published so far (1 after the issue). A body's mutation sends it as expectedVersion, and is refused OUTDATED_VERSION if the certificate changed since.")
            .Resolve(c => c.Source.EventCount);
        Field<NonNullGraphType<CertificationBodyGraphType>>("body").Resolve(c => c.Loaders().Bodies.Load(c.Source.BodyId));
        Field<NonNullGraphType<OrganisationGraphType>>("organisation").Description("The holder.")
            .Resolve(c => c.Loaders().Organisations.Load(c.Source.OrganisationId));

        Field<NonNullGraphType<CertificateStatusGraphType>>("status").Description("The status now, from every event published so far.")
            .Resolve(c => Now(c).Then(a => a.State.Status));
        Field<NonNullGraphType<CertificateStateGraphType>>("current").Description("The certificate now: status, level, scores, scope and expiry.")
            .Resolve(Now);
        Field<NonNullGraphType<CertificateStateGraphType>>("statusOn")
            .Description("The status in effect on a date, as the registry knows it now: a change published later but effective earlier counts.")
            .Argument<NonNullGraphType<CalendarDateGraphType>>("date")
            .Resolve(c =>
            {
                var date = c.GetArgument<DateOnly>("date");
                var now = c.Moment().Now;
                return Events(c).Then(events => StatusAnswer.InEffectOn(events, c.Source.Scheme, date, now));
            });
        Field<NonNullGraphType<CertificateStateGraphType>>("statusAsPublishedAt")
            .Description("What the registry said at an instant: only changes published by then count.")
            .Argument<NonNullGraphType<InstantGraphType>>("instant")
            .Resolve(c =>
            {
                var instant = c.GetArgument<DateTimeOffset>("instant");
                return Events(c).Then(events => StatusAnswer.AsPublishedAt(events, c.Source.Scheme, instant));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusEventGraphType>>>>("history")
            .Description("Every published event, in the order they apply (by sequence).")
            .Resolve(c => Events(c));
    }

    // A certificate read with its whole history (a look-up, a mutation's read-back) answers from it: in a request
    // with several mutations of one certificate, each payload then shows the history as of its own change.
    private static IDataLoaderResult<IReadOnlyList<StatusEvent>> Events(IResolveFieldContext<Certificate> context) =>
        context.Source is { EventCount: > 0 } certificate && certificate.Events.Count == certificate.EventCount
            ? DataLoaderResults.Ready<IReadOnlyList<StatusEvent>>([.. certificate.Events.OrderBy(e => e.Sequence)])
            : context.Loaders().Events.Load(context.Source.Id).Then(events => events ?? []);

    private static IDataLoaderResult<StatusAnswer> Now(IResolveFieldContext<Certificate> context)
    {
        var moment = context.Moment();
        return Events(context).Then(events => StatusAnswer.InEffectOn(events, context.Source.Scheme, moment.Today, moment.Now));
    }
}

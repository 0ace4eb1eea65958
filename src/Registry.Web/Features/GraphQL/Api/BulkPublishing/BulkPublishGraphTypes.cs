using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.Certificates;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Bulk;

namespace Registry.Web.Features.GraphQL.Api.BulkPublishing;

public sealed class BulkOperationGraphType : EnumerationGraphType
{
    public BulkOperationGraphType()
    {
        Name = "BulkOperation";
        Description = "The certificate change a bulk row makes.";
        foreach (var operation in PublishingOperations.CertificateChanges)
        {
            // Values are the operations' stable names (as in the audit log), so that a row reads exactly like a REST bulk row.
            Add(operation.Replace('-', '_').ToUpperInvariant(), operation);
        }
    }
}

public sealed class BulkPublishInputGraphType : InputObjectGraphType
{
    public BulkPublishInputGraphType()
    {
        Name = "BulkPublishInput";
        Description = "Up to 10,000 certificate changes, applied in order, each on its own: a refused row changes nothing and stops nothing.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BulkChangeInputGraphType>>>>("rows");
        Field<StringGraphType>("idempotencyKey")
            .Description("Row n runs with the key \"<key>/<n>\": sending the same request again replays the rows already done and applies the rest.");
    }
}

public sealed class BulkChangeInputGraphType : InputObjectGraphType
{
    public BulkChangeInputGraphType()
    {
        Name = "BulkChangeInput";
        Description = "One change: the fields of the matching single mutation's input. A field the operation does not take fails that row (INVALID_INPUT).";
        Field<NonNullGraphType<BulkOperationGraphType>>("operation");
        Field<NonNullGraphType<StringGraphType>>("number");
        Field<IntGraphType>("expectedVersion");
        Field<CalendarDateGraphType>("effectiveOn");
        Field<StringGraphType>("reason");
        Field<StringGraphType>("level");
        Field<FloatGraphType>("totalScore");
        Field<FloatGraphType>("serviceSystemScore");
        Field<FloatGraphType>("commodityServiceScore");
        Field<FloatGraphType>("customerServiceScore");
        Field<StringGraphType>("scopeZh");
        Field<StringGraphType>("scopeEn");
        Field<CalendarDateGraphType>("issuedOn");
        Field<CalendarDateGraphType>("expiresOn");
        Field<StringGraphType>("scheme");
        Field<StringGraphType>("organisationCreditCode");
        Field<StringGraphType>("organisationNameZh");
        Field<StringGraphType>("organisationNameEn");
        Field<StringGraphType>("organisationAddress");
    }
}

public sealed class BulkRowResultGraphType : ObjectGraphType<BulkRowResult>
{
    public BulkRowResultGraphType()
    {
        Name = "BulkRowResult";
        Description = "One row's outcome, in row order.";
        Field(r => r.Row).Description("1-based, in the order the rows were given.");
        Field(r => r.Operation, nullable: true);
        Field(r => r.Number, nullable: true).Description("The number as the row gave it.");
        Field<NonNullGraphType<BooleanGraphType>>("applied").Resolve(c => c.Source.Outcome == "applied");
        Field(r => r.Replayed).Description("The row's first result again (idempotency key); nothing applied now.");
        Field(r => r.Version, nullable: true).Description("The certificate's version after the row, when applied.");
        Field<CertificateStatusGraphType>("status").Resolve(c => c.Source.Status is { } status ? Enum.Parse<CertificateStatus>(status) : null);
        Field<NonNullGraphType<BooleanGraphType>>("failed").Description("The registry could not process the row (error ROW_FAILED or OUTCOME_UNKNOWN).")
            .Resolve(c => c.Source.Outcome == BulkRowResult.FailedOutcome);
        Field<MutationErrorInterfaceGraphType>("error").Description("Why the row was refused or failed; null when applied.")
            .Resolve(c => c.Source.ErrorCode is { } code ? new PublishingError(code, c.Source.Message ?? code) : null);
    }
}

public sealed class BulkPublishPayloadGraphType : MutationPayloadGraphType<BulkResponse>
{
    public BulkPublishPayloadGraphType()
        : base("BulkPublishPayload", "The answer to bulkPublish: one result per row. errors stays empty (row refusals are in results); replayed is true when every row was.")
    {
        Field<IdGraphType>("bulkId").Description("The request's id, as the audit log's entries for its rows carry it.").Resolve(c => c.Source.Value?.BulkId);
        Field<IntGraphType>("rows").Resolve(c => c.Source.Value?.Rows);
        Field<IntGraphType>("applied").Description("Rows applied now (not counting replays).").Resolve(c => c.Source.Value?.Applied);
        Field<IntGraphType>("refused").Description("Rows refused now (not counting replays).").Resolve(c => c.Source.Value?.Refused);
        Field<IntGraphType>("replayedRows").Resolve(c => c.Source.Value?.Replayed);
        Field<IntGraphType>("failed")
            .Description("Rows the registry could not process (a fault, not a rule): ROW_FAILED rows were not applied; OUTCOME_UNKNOWN rows are settled by sending the request again with the same idempotencyKey.")
            .Resolve(c => c.Source.Value?.Failed);
        Field<ListGraphType<NonNullGraphType<BulkRowResultGraphType>>>("results").Resolve(c => c.Source.Value?.Results);
    }
}

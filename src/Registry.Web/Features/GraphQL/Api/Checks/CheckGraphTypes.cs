using GraphQL.Types;
using Registry.Web.Features.Checks;
using Registry.Web.Features.GraphQL.Api.Certificates;

namespace Registry.Web.Features.GraphQL.Api.Checks;

public sealed class CheckReportGraphType : ObjectGraphType<CheckReport>
{
    public CheckReportGraphType()
    {
        Name = "CheckReport";
        Description = "A bulk check: every row's answer, all as the registry held them at one instant.";
        Field(r => r.AsOf).Description("The instant every status in the report was read at.");
        Field<NonNullGraphType<IntGraphType>>("rowCount").Resolve(c => c.Source.Rows.Count);
        Field(r => r.NeedingAttention).Description("Rows with at least one concern.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckRowGraphType>>>>("rows").Resolve(c => c.Source.Rows);
    }
}

public sealed class CheckRowGraphType : ObjectGraphType<CheckRowResult>
{
    public CheckRowGraphType()
    {
        Name = "CheckRow";
        Description = "One row of a bulk check: what was asked, what it was taken to be, what matched and what needs a person.";
        Field(r => r.Row).Description("1 for the first row after any header.");
        Field(r => r.Asked).Description("The row's cells as typed, joined by \" | \".");
        Field<NonNullGraphType<CheckAskedAsGraphType>>("takenAs").Resolve(c => c.Source.AskedAs);
        Field(r => r.NeedsAttention);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckConcernGraphType>>>>("concerns").Resolve(c => c.Source.Concerns);
        Field<CheckReasonGraphType>("reason").Description("Why nothing was found; null when something was.").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckedCertificateGraphType>>>>("matches").Resolve(c => c.Source.Matches);
    }
}

public sealed class CheckedCertificateGraphType : ObjectGraphType<CheckedCertificate>
{
    public CheckedCertificateGraphType()
    {
        Name = "CheckedCertificate";
        Description = "A matching certificate as the check read it from PostgreSQL; ask certificate(number:) for the rest.";
        Field(m => m.Number);
        Field(m => m.HolderNameZh);
        Field(m => m.HolderNameEn, nullable: true);
        Field(m => m.HolderCreditCode);
        Field<NonNullGraphType<CertificateStatusGraphType>>("status").Description("At the report's asOf.").Resolve(c => c.Source.Status);
        Field(m => m.Level).Description("The level's code, e.g. four-star.");
        Field(m => m.ExpiresOn);
        Field(m => m.BodyCode);
        Field(m => m.BodyNameZh);
        Field(m => m.BodyNameEn);
    }
}

public sealed class CheckReasonGraphType : ObjectGraphType<CheckProblem>
{
    public CheckReasonGraphType()
    {
        Name = "CheckReason";
        Description = "Why a row found nothing: a stable code (NO_HOLDER_BY_NAME, CERTIFICATE_NOT_FOUND, CREDIT_CODE_CHECK_FAILED, …) and a sentence.";
        Field(p => p.Code);
        Field(p => p.Message);
    }
}

// GraphQL.NET writes each member in CONSTANT_CASE, the same strings POST /api/check uses.
public sealed class CheckAskedAsGraphType : EnumerationGraphType<AskedAs>
{
    public CheckAskedAsGraphType()
    {
        Name = "CheckAskedAs";
        Description = "What a row was taken to ask about, by what was typed in it.";
    }
}

public sealed class CheckConcernGraphType : EnumerationGraphType<CheckConcern>
{
    public CheckConcernGraphType()
    {
        Name = "CheckConcern";
        Description = "Why a row's answer needs a person to look at it.";
    }
}

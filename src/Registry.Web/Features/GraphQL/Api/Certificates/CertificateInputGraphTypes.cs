using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.Scalars;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

// The inputs of the certificate mutations: one per field, as the mutation conventions have it, so that each
// can grow on its own. Text fields hold at most 2,000 characters (FIELD_TOO_LONG); the domain's own limits
// (a reason's 500 characters, …) come back as typed errors.

internal static class InputFields
{
    public static void Number(InputObjectGraphType type) =>
        type.Field<NonNullGraphType<StringGraphType>>("number").Description("The certificate number, typed any way (folded like every look-up).");

    public static void ExpectedVersion(InputObjectGraphType type) =>
        type.Field<IntGraphType>("expectedVersion")
            .Description("The certificate's version as you last read it (Certificate.version, CertificateChange.version). If it has changed since, the change is refused OUTDATED_VERSION. Leave it out to judge the change against whatever the history is now.");

    public static void IdempotencyKey(InputObjectGraphType type) =>
        type.Field<StringGraphType>("idempotencyKey")
            .Description("1–100 printable ASCII characters, unique per request of your body (a UUID will do). Sending the same request again with the same key returns the first answer (replayed: true) without applying it twice; the same key with a different request is refused IDEMPOTENCY_KEY_REUSED.");

    public static void Scores(InputObjectGraphType type, bool totalRequired)
    {
        if (totalRequired)
        {
            type.Field<NonNullGraphType<FloatGraphType>>("totalScore").Description("The assessment's total score (0–100); it must earn the level.");
        }
        else
        {
            type.Field<FloatGraphType>("totalScore").Description("The total score that earns the new level (with level).");
        }

        type.Field<FloatGraphType>("serviceSystemScore");
        type.Field<FloatGraphType>("commodityServiceScore");
        type.Field<FloatGraphType>("customerServiceScore");
    }
}

public sealed class IssueCertificateInputGraphType : InputObjectGraphType
{
    public IssueCertificateInputGraphType()
    {
        Name = "IssueCertificateInput";
        Description = "A new certificate, issued in the calling body's name. The holder is found by credit code, or registered with the names given.";
        InputFields.Number(this);
        Field<NonNullGraphType<StringGraphType>>("organisationCreditCode").Description("The holder's unified social credit code (check character verified).");
        Field<StringGraphType>("organisationNameZh").Description("Needed when the registry does not know the holder yet.");
        Field<StringGraphType>("organisationNameEn");
        Field<StringGraphType>("organisationAddress");
        Field<StringGraphType>("scheme").Description("The scheme's code; GB/T 27922 when left out.");
        Field<NonNullGraphType<StringGraphType>>("level").Description("The level's code, e.g. four-star (see schemes).");
        InputFields.Scores(this, totalRequired: true);
        Field<NonNullGraphType<StringGraphType>>("scopeZh");
        Field<StringGraphType>("scopeEn");
        Field<NonNullGraphType<CalendarDateGraphType>>("issuedOn");
        Field<CalendarDateGraphType>("expiresOn").Description("Three years after issue when left out.");
        Field<StringGraphType>("reason");
        InputFields.IdempotencyKey(this);
    }
}

public sealed class RenewCertificateInputGraphType : InputObjectGraphType
{
    public RenewCertificateInputGraphType()
    {
        Name = "RenewCertificateInput";
        Description = "A new cycle of validity; a new level needs the scores that earn it.";
        InputFields.Number(this);
        InputFields.ExpectedVersion(this);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveOn");
        Field<CalendarDateGraphType>("expiresOn").Description("Three years on when left out.");
        Field<StringGraphType>("level");
        InputFields.Scores(this, totalRequired: false);
        Field<StringGraphType>("reason");
        InputFields.IdempotencyKey(this);
    }
}

public sealed class ChangeScopeInputGraphType : InputObjectGraphType
{
    public ChangeScopeInputGraphType()
    {
        Name = "ChangeScopeInput";
        InputFields.Number(this);
        InputFields.ExpectedVersion(this);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveOn");
        Field<NonNullGraphType<StringGraphType>>("scopeZh");
        Field<StringGraphType>("scopeEn");
        Field<StringGraphType>("reason");
        InputFields.IdempotencyKey(this);
    }
}

public sealed class ChangeLevelInputGraphType : InputObjectGraphType
{
    public ChangeLevelInputGraphType()
    {
        Name = "ChangeLevelInput";
        Description = "A new level with the scores that earn it (LEVEL_SCORE_MISMATCH otherwise).";
        InputFields.Number(this);
        InputFields.ExpectedVersion(this);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveOn");
        Field<NonNullGraphType<StringGraphType>>("level");
        InputFields.Scores(this, totalRequired: true);
        Field<StringGraphType>("reason");
        InputFields.IdempotencyKey(this);
    }
}

/// <summary>Suspend, reinstate, withdraw, cancel: the day it takes effect and why.</summary>
public abstract class StatusChangeInputGraphType : InputObjectGraphType
{
    protected StatusChangeInputGraphType(string name, bool reasonRequired)
    {
        Name = name;
        InputFields.Number(this);
        InputFields.ExpectedVersion(this);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveOn").Description("The day the change takes effect (China time); not in the future.");
        if (reasonRequired)
        {
            Field<NonNullGraphType<StringGraphType>>("reason").Description("Shown on the certificate's page; at most 500 characters.");
        }
        else
        {
            Field<StringGraphType>("reason");
        }

        InputFields.IdempotencyKey(this);
    }
}

public sealed class SuspendCertificateInputGraphType() : StatusChangeInputGraphType("SuspendCertificateInput", reasonRequired: true);

public sealed class ReinstateCertificateInputGraphType() : StatusChangeInputGraphType("ReinstateCertificateInput", reasonRequired: false);

public sealed class WithdrawCertificateInputGraphType() : StatusChangeInputGraphType("WithdrawCertificateInput", reasonRequired: true);

public sealed class CancelCertificateInputGraphType() : StatusChangeInputGraphType("CancelCertificateInput", reasonRequired: false);

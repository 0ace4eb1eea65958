using System.Buffers.Text;
using System.Text;
using GraphQL;
using GraphQL.Types;
using Registry.Domain;
using Registry.Domain.Identifiers;
using Registry.Web.Features.Audit;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Paging;

namespace Registry.Web.Features.GraphQL.Api.Audit;

/// <summary>
/// Query.auditLog: the calling body's own audit entries, newest first, read with <see cref="AuditQueries"/>
/// (which always filters by the caller's body). Needs an API key; the rest of Query stays public.
/// </summary>
internal static class AuditLogField
{
    private const string CursorPrefix = "audit:";

    public static void AddTo(ObjectGraphType query) =>
        query.Field<AuditEntryConnectionGraphType>("auditLog")
            .Description("Your body's audit log (needs its API key): every publishing call your keys made, applied, refused or replayed, newest first. Only your own entries, including your attempts on other bodies' certificates.")
            .Argument<StringGraphType>("certificate", a => a.Description = "Only entries about this certificate number (typed any way).")
            .Argument<InstantGraphType>("from", a => a.Description = "Entries at or after this instant.")
            .Argument<InstantGraphType>("to", a => a.Description = "Entries before this instant.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = PageRequest.DefaultSize)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await ResolveAsync(c));

    private static async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var caller = context.RequireCaller();
        var first = context.GetArgument("first", PageRequest.DefaultSize);
        if (first is < 0 or > PageRequest.MaxSize)
        {
            throw new ApiError(ErrorCodes.PageSizeOutOfRange, $"first must be between 0 and {PageRequest.MaxSize}; {first} is not.");
        }

        var number = context.GetArgument<string?>("certificate");
        if (number is not null && !CertificateNumber.TryNormalize(number, out _, out var why))
        {
            throw new ApiError(DomainErrorCodes.MalformedCertificateNumber, why);
        }

        var from = context.GetArgument<DateTimeOffset?>("from");
        var to = context.GetArgument<DateTimeOffset?>("to");
        if (from is { } start && to is { } end && end <= start)
        {
            throw new ApiError("INVALID_TIME_RANGE", "to must be after from.");
        }

        var before = Decode(context.GetArgument<string?>("after"));
        if (first == 0)
        {
            return new ConnectionPage<AuditEntryView>([], new PageInfo(false, before is not null, null, null), 0);
        }

        var page = await context.Service<AuditQueries>().ListAsync(caller.BodyId, new AuditQuery(number, from, to, first, before), context.CancellationToken);
        var edges = page.Entries.Select(e => new Edge<AuditEntryView>(Encode(e.Id), e)).ToList();
        return new ConnectionPage<AuditEntryView>(edges,
            new PageInfo(page.NextBefore is not null, before is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor), edges.Count);
    }

    // Entry ids, not positions: entries are appended while a client pages, and an id cursor never skips or repeats one.
    private static string Encode(long id) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(CursorPrefix + id.ToString(CultureInfo.InvariantCulture)));

    private static long? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = cursor.Length <= 48 ? Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)) : string.Empty;
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
            // Reported below like any cursor this API did not make.
        }

        throw new ApiError(ErrorCodes.InvalidCursor, "The cursor given in after was not made by auditLog (pass back an endCursor).");
    }
}

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntryView>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One publishing call by one of your body's API keys, and what came of it.";
        Field<NonNullGraphType<InstantGraphType>>("occurredAt").Resolve(c => c.Source.OccurredAt);
        Field(e => e.ApiKeyId).Description("The public id of the key that made the call; \"console\" for a change a staff member made in the console.");
        Field(e => e.StaffName, nullable: true).Description("The staff member who made a console change, as named then; null for API calls.");
        Field(e => e.Operation).Description("issue, renew, change-scope, change-level, suspend, reinstate, withdraw, cancel, signing-key.rotate, signing-key.revoke, qr.issue.");
        Field(e => e.CertificateNumber, nullable: true).Description("Folded; null for signing-key operations.");
        Field(e => e.SourceAddress, nullable: true);
        Field(e => e.IdempotencyKey, nullable: true);
        Field(e => e.Outcome).Description("applied, refused or replayed.");
        Field(e => e.ErrorCode, nullable: true);
        Field(e => e.Message, nullable: true);
        Field<IdGraphType>("bulkId").Resolve(c => c.Source.BulkId);
        Field(e => e.BulkRow, nullable: true);
    }
}

public sealed class AuditEntryEdgeGraphType : ObjectGraphType<Edge<AuditEntryView>>
{
    public AuditEntryEdgeGraphType()
    {
        Name = "AuditEntryEdge";
        Field(e => e.Cursor);
        Field<NonNullGraphType<AuditEntryGraphType>>("node").Resolve(c => c.Source.Node);
    }
}

public sealed class AuditEntryConnectionGraphType : ObjectGraphType<ConnectionPage<AuditEntryView>>
{
    public AuditEntryConnectionGraphType()
    {
        Name = "AuditEntryConnection";
        Description = "A page of audit entries, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

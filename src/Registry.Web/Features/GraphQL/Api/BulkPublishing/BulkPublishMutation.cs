using GraphQL;
using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Bulk;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.GraphQL.Api.BulkPublishing;

/// <summary>
/// bulkPublish: the REST bulk endpoint's machinery (<see cref="BulkPublisher"/>) with rows from GraphQL. Each
/// row becomes the same text fields a JSON row has, so that a row is checked, applied (in its own
/// transaction), audited and made idempotent ("key/row") exactly as over REST, and refused with the same codes.
/// </summary>
internal static class BulkPublishMutation
{
    public static void AddTo(ObjectGraphType mutation) =>
        MutationField.Add<BulkPublishInputGraphType, BulkPublishPayloadGraphType, PublishingResult<BulkResponse>>(mutation, "bulkPublish",
            "Up to 10,000 certificate changes, each row applied on its own with its own result.", RunAsync);

    private static async Task<PublishingResult<BulkResponse>> RunAsync(IResolveFieldContext context)
    {
        var caller = context.RequireCaller();
        var input = MutationInput.Of(context);
        if (input.IdempotencyKey is { } key && !IdempotencyKeys.IsValid(key))
        {
            throw new ApiError(PublishingErrorCodes.IdempotencyKeyInvalid,
                $"An idempotency key has 1 to {IdempotencyKeys.MaxLength} printable ASCII characters without spaces.");
        }

        var rows = input.Raw("rows") as IEnumerable<object?> ?? [];
        var fields = rows.Select(r => r as IDictionary<string, object?> ?? new Dictionary<string, object?>()).ToList();
        if (fields.Count > BulkLimits.MaxRows)
        {
            throw new ApiError(ErrorCodes.TooManyRows,
                string.Create(CultureInfo.InvariantCulture, $"bulkPublish takes at most {BulkLimits.MaxRows:N0} rows; this has {fields.Count:N0}. Split it; nothing was applied."));
        }

        var publishingRows = fields.Select((row, i) => ToRow(i + 1, row)).ToList();
        var response = await context.Service<BulkPublisher>().RunAsync(caller, publishingRows, input.IdempotencyKey, context.CancellationToken);
        return PublishingResult.Success(response) with { Replayed = response.Rows > 0 && response.Replayed == response.Rows };
    }

    /// <summary>The row as the text fields a JSON row would give: dates as yyyy-MM-dd, numbers as written in invariant culture.</summary>
    private static PublishingRow ToRow(int number, IDictionary<string, object?> row)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in row)
        {
            if (name == "operation")
            {
                fields[RowFields.Operation] = value as string;
                continue;
            }

            if (RowFields.FromJsonName(name) is not { } field)
            {
                continue;
            }

            fields[field] = value switch
            {
                null => null,
                string text => text,
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        return new PublishingRow(number, fields);
    }
}

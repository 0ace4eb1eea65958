using Microsoft.AspNetCore.Http;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Bulk;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.StaffConsole;

/// <summary>
/// A console form that publishes one change (issue, renew, change the scope or the level) as one row of the bulk
/// format: the form's fields are the row's columns, so the console, a CSV and the API type-check and refuse it the same
/// way. The first step rehearses it (<see cref="BulkRehearsal"/>: the real rules, nothing kept) so the confirmation
/// can say what the public will see; the second applies it through <see cref="PublishingCommands"/>.
/// </summary>
public sealed class ConsoleRowChange(BulkRehearsal rehearsal, PublishingCommands commands)
{
    /// <summary>The fields of <paramref name="operation"/> the form posted (any other field is not read).</summary>
    public static PublishingRow FromForm(IFormCollection form, string operation, string? number)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal) { [RowFields.Operation] = operation };
        foreach (var field in RowFields.For(operation))
        {
            if (form.TryGetValue(field, out var value) && value.ToString() is { Length: > 0 } text)
            {
                fields[field] = text;
            }
        }

        if (number is not null)
        {
            fields[RowFields.Number] = number;
        }

        return new PublishingRow(1, fields);
    }

    /// <summary>
    /// The form's step: without <paramref name="apply"/> a rehearsal (what the confirmation shows), with it the change
    /// itself. Either way a refusal comes back with its code and nothing changed.
    /// </summary>
    public async Task<ConsoleRowStep> StepAsync(PublishingCaller caller, PublishingRow row, bool apply, CancellationToken cancellationToken)
    {
        if (!apply)
        {
            var rehearsed = await PreviewAsync(caller, row, cancellationToken);
            return rehearsed.WouldApply ? new(rehearsed, null, null) : new(null, null, new PublishingError(rehearsed.ErrorCode!, rehearsed.Message!));
        }

        var result = await ApplyAsync(caller, row, cancellationToken);
        return result.Succeeded ? new(null, result.Value, null) : new(null, null, result.Error);
    }

    public async Task<RehearsedRow> PreviewAsync(PublishingCaller caller, PublishingRow row, CancellationToken cancellationToken) =>
        (await rehearsal.RunAsync(caller, [row], cancellationToken))[0];

    public Task<PublishingResult<CertificatePayload>> ApplyAsync(PublishingCaller caller, PublishingRow row, CancellationToken cancellationToken) =>
        BulkPublisher.RunRowAsync(commands, caller, row, idempotencyKey: null, position: null, cancellationToken);
}

/// <summary>One step of a console form: the rehearsal to confirm, the published change, or the refusal.</summary>
public sealed record ConsoleRowStep(RehearsedRow? Rehearsed, CertificatePayload? Published, PublishingError? Refusal);

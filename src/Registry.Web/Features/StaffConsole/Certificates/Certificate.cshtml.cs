using Microsoft.AspNetCore.Mvc;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Bulk;
using Registry.Web.Features.Publishing.Rows;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole.Certificates;

/// <summary>A status change the console offers: its wire name and the status it leads to.</summary>
public sealed record ConsoleChange(string Name, CertificateStatus Leads);

/// <summary>
/// /console/certificates/{number}: one of the body's certificates, with the status changes its lifecycle allows now.
/// A change goes in two steps: the form (reason, effective date, and the version the page was rendered at), then a
/// confirmation that says what the public will see; only the confirmation applies it, through the same
/// <see cref="PublishingCommands"/> the API uses, audited with the staff member as actor. A change made meanwhile (by
/// the API or another person) is refused as outdated and shown, never overwritten.
/// </summary>
public sealed class CertificateModel(RegistryDbContext db, PublishingCommands publishing, ConsoleRowChange rowChange, TimeProvider clock) : ConsolePageModel
{
    public static readonly ConsoleChange Suspend = new("suspend", CertificateStatus.Suspended);
    public static readonly ConsoleChange Reinstate = new("reinstate", CertificateStatus.Valid);
    public static readonly ConsoleChange Withdraw = new("withdraw", CertificateStatus.Withdrawn);
    public static readonly ConsoleChange Cancel = new("cancel", CertificateStatus.Cancelled);

    public CertificateRecord? Record { get; private set; }

    public CertificateStatus Status { get; private set; }

    public IReadOnlyList<ConsoleChange> Allowed { get; private set; } = [];

    /// <summary>Set on the confirmation step: the change, as the form asked for it.</summary>
    public ConsoleChange? Pending { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public DateOnly EffectiveOn { get; private set; }

    public int ExpectedVersion { get; private set; }

    public PublishingError? Refusal { get; private set; }

    public bool ChangedMeanwhile => Refusal?.Code == Domain.DomainErrorCodes.OutdatedVersion;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(string number, string? change, string? reason, DateOnly? effectiveOn, int expectedVersion,
        CancellationToken cancellationToken) =>
        await PrepareAsync(number, change, reason, effectiveOn, expectedVersion, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostApplyAsync(string number, string? change, string? reason, DateOnly? effectiveOn, int expectedVersion,
        CancellationToken cancellationToken)
    {
        if (await PrepareAsync(number, change, reason, effectiveOn, expectedVersion, cancellationToken) is { } refused)
        {
            return refused;
        }

        var caller = CallerOf(Record!.Body.Code);
        var command = new StatusCommand(Record.Certificate.NormalizedNumber, ExpectedVersion, EffectiveOn, Reason);
        var result = Pending!.Name switch
        {
            "suspend" => await publishing.SuspendAsync(caller, command, idempotencyKey: null, cancellationToken),
            "reinstate" => await publishing.ReinstateAsync(caller, command, idempotencyKey: null, cancellationToken),
            "withdraw" => await publishing.WithdrawAsync(caller, command, idempotencyKey: null, cancellationToken),
            _ => await publishing.CancelAsync(caller, command, idempotencyKey: null, cancellationToken),
        };
        if (result.Succeeded)
        {
            Response.Headers.Location = $"/console/certificates/{Record.Certificate.NormalizedNumber}?done={Pending.Name}";
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        // Show the certificate as it is now, with what refused the change (a change made meanwhile, above all).
        Refusal = result.Error;
        Pending = null;
        db.ChangeTracker.Clear();
        await LoadAsync(number, cancellationToken);
        Response.StatusCode = ChangedMeanwhile ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>
    /// Plaques or packaging marks: new serials, each signed today, as one print-ready SVG per serial in a zip. A refusal
    /// (the certificate is not valid, the body has no active key) allocates no serial and is shown on the page.
    /// </summary>
    public async Task<IActionResult> OnPostPrintAsync(string number, string? medium, int count, CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var caller = CallerOf(Record!.Body.Code);
        var chosen = medium is "plaque" or "mark" ? medium : string.Empty;
        var result = await publishing.PrintArtworkAsync(caller, new IssueQrCommand(Record.Certificate.NormalizedNumber, chosen == "mark" ? "PackagingMark" : chosen, count),
            cancellationToken);
        if (!result.Succeeded)
        {
            PrintRefusal = result.Error;
            Response.StatusCode = result.Error.Code == PublishingErrorCodes.InvalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }

        var files = result.Value.Files;
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{Record.Certificate.NormalizedNumber}-{chosen}s-{files[0].Serial:D6}-{files[^1].Serial:D6}.zip");
        return File(Zip(files), "application/zip", name);
    }

    public PublishingError? PrintRefusal { get; private set; }

    /// <summary>Renewal and the changes of scope and level the certificate's status allows now (the rules have the last word).</summary>
    public IReadOnlyList<string> Edits { get; private set; } = [];

    /// <summary>Set on the confirmation step of a renewal or a change of scope or level: the row as the form gave it, and its rehearsal.</summary>
    public PublishingRow? PendingRow { get; private set; }

    public RehearsedRow? Rehearsed { get; private set; }

    public PublishingError? EditRefusal { get; private set; }

    public Task<IActionResult> OnPostPreviewEditAsync(string number, string? operation, CancellationToken cancellationToken) =>
        EditAsync(number, operation, apply: false, cancellationToken);

    public Task<IActionResult> OnPostApplyEditAsync(string number, string? operation, CancellationToken cancellationToken) =>
        EditAsync(number, operation, apply: true, cancellationToken);

    private async Task<IActionResult> EditAsync(string number, string? operation, bool apply, CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        if (operation is null || !Edits.Contains(operation))
        {
            return Refuse(new PublishingError("CHANGE_NOT_ALLOWED", $"The certificate is {Status.ToString().ToLowerInvariant()} now; '{operation}' is not a change the console offers for it."));
        }

        var row = ConsoleRowChange.FromForm(Request.Form, operation, Record!.Certificate.NormalizedNumber);
        var caller = CallerOf(Record.Body.Code);
        var step = await rowChange.StepAsync(caller, row, apply, cancellationToken);
        if (step.Published is not null)
        {
            Response.Headers.Location = $"/console/certificates/{Record.Certificate.NormalizedNumber}?done={operation}";
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        if (step.Refusal is { } refusal)
        {
            // After a refused change, the certificate as it is now (a change made meanwhile, above all).
            db.ChangeTracker.Clear();
            await LoadAsync(number, cancellationToken);
            return Refuse(refusal);
        }

        (PendingRow, Rehearsed) = (row, step.Rehearsed);
        return Page();

        IActionResult Refuse(PublishingError error)
        {
            EditRefusal = error;
            Response.StatusCode = error.Code == Domain.DomainErrorCodes.OutdatedVersion ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private static byte[] Zip(IReadOnlyList<QrCodes.ArtworkFile> files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = archive.CreateEntry(file.FileName, System.IO.Compression.CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(System.Text.Encoding.UTF8.GetBytes(file.Svg));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Both steps check the same things: the role, the body, the change, the version, the reason. Null when the form may go on.</summary>
    private async Task<IActionResult?> PrepareAsync(string number, string? change, string? reason, DateOnly? effectiveOn, int expectedVersion,
        CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        if (Validate(change, reason, effectiveOn, expectedVersion) is not { } refused)
        {
            return null;
        }

        Refusal = refused;
        Response.StatusCode = ChangedMeanwhile ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private PublishingError? Validate(string? change, string? reason, DateOnly? effectiveOn, int expectedVersion)
    {
        Pending = Allowed.FirstOrDefault(c => c.Name == change);
        Reason = (reason ?? string.Empty).Trim();
        EffectiveOn = effectiveOn ?? RegistryCalendar.DateOf(clock.GetUtcNow());
        ExpectedVersion = expectedVersion;
        // A change made meanwhile first: it may also be why the asked change is no longer allowed.
        if (expectedVersion != Record!.Certificate.EventCount)
        {
            Pending = null;
            return new PublishingError(Domain.DomainErrorCodes.OutdatedVersion,
                $"The certificate changed while you were looking at it (version {Record.Certificate.EventCount}, not {expectedVersion}); see its state now.");
        }

        if (Pending is null)
        {
            return new PublishingError("CHANGE_NOT_ALLOWED", $"The certificate is {Status.ToString().ToLowerInvariant()} now; '{change}' is not a change it allows.");
        }

        if (Reason.Length is 0 or > Domain.Lifecycle.StatusEvent.MaxReasonLength
            || Domain.Text.InputText.Check(Reason, "The reason", Domain.Text.TextShape.MultiLine) is not null)
        {
            return new PublishingError("MALFORMED_REASON", $"Give the reason the public will read, 1 to {Domain.Lifecycle.StatusEvent.MaxReasonLength} characters.");
        }

        return null;
    }

    /// <summary>The certificate, only if it is the member's body's: another body's certificate is "not found", like one that does not exist.</summary>
    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (!Domain.Identifiers.CertificateNumber.TryNormalize(number, out var normalized, out _)
            || await new CertificateQueries(db).FindAsync(normalized, cancellationToken) is not { } record
            || record.Certificate.BodyId != BodyId)
        {
            return false;
        }

        Record = record;
        Status = record.Certificate.Standing.StatusOn(record.Certificate.ExpiresOn, RegistryCalendar.DateOf(clock.GetUtcNow()));
        Allowed = Status switch
        {
            CertificateStatus.Valid => [Suspend, Withdraw, Cancel],
            CertificateStatus.Suspended => [Reinstate, Withdraw, Cancel],
            CertificateStatus.Expired => [Withdraw],
            _ => [],
        };
        Edits = Status switch
        {
            CertificateStatus.Valid or CertificateStatus.Suspended => [PublishingOperations.Renew, PublishingOperations.ChangeScope, PublishingOperations.ChangeLevel],
            CertificateStatus.Expired => [PublishingOperations.Renew],
            _ => [],
        };
        return true;
    }
}

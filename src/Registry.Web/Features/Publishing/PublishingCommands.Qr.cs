using Registry.Domain;
using Registry.Domain.Identifiers;
using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.QrCodes;

namespace Registry.Web.Features.Publishing;

/// <summary>Signed QR texts for a body's own certificate: the paper certificate's code, or new plaque and mark serials.</summary>
public sealed partial class PublishingCommands
{
    public Task<PublishingResult<QrPayload>> IssueQrAsync(PublishingCaller caller, IssueQrCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        SignCodesAsync(caller, command, idempotencyKey, (record, job, medium, serials) =>
            new QrPayload(record.Certificate.NormalizedNumber, medium.ToString(), serials.Select(serial => new QrCodePayload(serial, job.Sign(medium, checked((uint)serial)))).ToList()),
            cancellationToken);

    /// <summary>Print-ready artwork (one SVG per new serial) of plaques or packaging marks, for the console; audited like any code order.</summary>
    public Task<PublishingResult<PrintedArtwork>> PrintArtworkAsync(PublishingCaller caller, IssueQrCommand command, CancellationToken cancellationToken) =>
        SignCodesAsync(caller, command, idempotencyKey: null, (record, job, medium, serials) =>
            new PrintedArtwork(record.Certificate.NormalizedNumber, medium.ToString(), serials.Select(serial => Artwork.Render(record, job, medium, serial)).ToList()),
            cancellationToken);

    private Task<PublishingResult<T>> SignCodesAsync<T>(PublishingCaller caller, IssueQrCommand command, string? idempotencyKey,
        Func<CertificateRecord, PrintJob, Medium, IReadOnlyList<int>, T> make, CancellationToken cancellationToken)
        where T : class =>
        _pipeline.RunAsync(new OperationRequest(caller, PublishingOperations.IssueQr, command.Number, command, idempotencyKey), async token =>
        {
            var medium = ParseMedium(command.Medium);
            if (medium == Medium.Certificate ? command.Count != 1 : command.Count is < 1 or > IssueQrCommand.MaxCount)
            {
                throw new DomainException(PublishingErrorCodes.InvalidInput, medium == Medium.Certificate
                    ? "A certificate carries one code (serial 0): count must be 1."
                    : $"Count must be 1 to {IssueQrCommand.MaxCount} plaques or marks at a time.");
            }

            var number = CertificateNumber.Parse(command.Number);
            var record = await _certificates.FindAsync(number.Normalized, token)
                ?? throw new DomainException(DomainErrorCodes.CertificateNotFound, $"No certificate {number.Display} is in the registry.");
            if (record.Body.Id != caller.BodyId)
            {
                throw new DomainException(DomainErrorCodes.NotYourCertificate,
                    $"Certificate {record.Certificate.Number} was issued by another body; only that body may print its codes.");
            }

            // Checked before any serial is allocated, so that a refused order uses none.
            var (job, refusal) = await _printSigner.StartAsync(record, token);
            if (job is null)
            {
                throw new DomainException(refusal!.Code, refusal.Message);
            }

            using (job)
            {
                IReadOnlyList<int> serials = medium == Medium.Certificate
                    ? [0]
                    : await _serials.AllocateAsync(record.Certificate.Id, medium, command.Count, _db, token);
                return make(record, job, medium, serials);
            }
        }, cancellationToken);

    private static Medium ParseMedium(string? text)
    {
        var folded = (text ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return folded.ToUpperInvariant() switch
        {
            "CERTIFICATE" => Medium.Certificate,
            "PLAQUE" => Medium.Plaque,
            "PACKAGINGMARK" or "MARK" => Medium.PackagingMark,
            _ => throw new DomainException(PublishingErrorCodes.InvalidInput, $"'{text}' is not a medium: use Certificate, Plaque or PackagingMark."),
        };
    }
}

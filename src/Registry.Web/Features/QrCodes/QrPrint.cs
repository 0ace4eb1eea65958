using Registry.Signing.Claims;

namespace Registry.Web.Features.QrCodes;

/// <summary>
/// A row of <c>qr_prints</c>: one plaque or packaging mark whose serial number the registry handed out.
/// Serials count 1, 2, … per certificate and medium, so a serial names one physical print.
/// </summary>
public sealed class QrPrint
{
    public long Id { get; set; }

    public long CertificateId { get; set; }

    public Medium Medium { get; set; }

    public int Serial { get; set; }

    /// <summary>The body's active key when the serial was allocated: the key the print is signed with.</summary>
    public required string Kid { get; set; }

    public DateTimeOffset PrintedAt { get; set; }
}

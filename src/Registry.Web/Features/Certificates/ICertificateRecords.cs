namespace Registry.Web.Features.Certificates;

/// <summary>Finds a certificate with its body and holder by its folded number.</summary>
public interface ICertificateRecords
{
    Task<CertificateRecord?> FindAsync(string normalizedNumber, CancellationToken cancellationToken);
}

namespace Registry.Web.Features.Verification;

/// <summary>Turns whatever a scan produced (a /v/ URL or a bare payload) into the registry's verdict.</summary>
public interface IVerifier
{
    Task<Verdict> VerifyAsync(string? scanned, CancellationToken cancellationToken);
}

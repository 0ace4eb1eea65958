using Registry.Web.Features.Verification;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>The real site with <see cref="FakeVerifier"/> in place of the verifier: upload endpoints' shape, real decoding.</summary>
public sealed class FakeVerifierSite(RegistryDatabase database)
    : RegistryWebFactory(database.ConnectionString, services: Replace<IVerifier, FakeVerifier>());

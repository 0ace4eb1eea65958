using Registry.Signing.Claims;
using Registry.Signing.Keys;

namespace Registry.Web.Features.SigningKeys;

/// <summary>
/// The audit trail of key operations in the application log: who, which body, which key id, what happened.
/// Key ids and thumbprints are public; nothing here may ever take private key material or the KEK.
/// </summary>
public sealed partial class SigningKeyStore
{
    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Signing key {Kid} created for body {Body} by {Actor}; signs from {NotBefore:yyyy-MM-dd}")]
    private partial void LogCreated(string kid, string body, string actor, DateOnly notBefore);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Information, Message = "Signing key {Kid} of body {Body} retired by {Actor} (rotation); it verifies prints signed up to {NotAfter:yyyy-MM-dd}")]
    private partial void LogRetired(string kid, string body, string actor, DateOnly notAfter);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Warning, Message = "Signing key {Kid} of body {Body} revoked by {Actor} (was {PreviousState}): {Reason}. Nothing it signed verifies any more")]
    private partial void LogRevoked(string kid, string body, string actor, KeyState previousState, string reason);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Warning, Message = "Signing key operation {Operation} by {Actor} refused: {Message}")]
    private partial void LogRefused(string operation, string actor, string message);

    [LoggerMessage(EventId = 2705, Level = LogLevel.Information, Message = "A new signing key for body {Body} got the key id {Kid}, which another key already has (attempt {Attempt}); drawing another key")]
    private partial void LogKidCollision(string body, string kid, int attempt);

    [LoggerMessage(EventId = 2706, Level = LogLevel.Information, Message = "Private key of signing key {Kid} of body {Body} decrypted for signing")]
    private partial void LogDecrypted(string kid, string body);

    [LoggerMessage(EventId = 2707, Level = LogLevel.Error, Message = "Private key of signing key {Kid} of body {Body} could not be used")]
    private partial void LogDecryptionFailed(Exception exception, string kid, string body);

    [LoggerMessage(EventId = 2709, Level = LogLevel.Debug, Message = "Loaded {Count} signing key(s) for verification and the JWKS")]
    private partial void LogLoaded(int count);

    [LoggerMessage(EventId = 2710, Level = LogLevel.Warning, Message = "Private keys re-encrypted under the new key-encryption key by {Actor}: {Rewrapped} re-encrypted, {Current} already current")]
    private partial void LogRewrapped(string actor, int rewrapped, int current);

    [LoggerMessage(EventId = 2711, Level = LogLevel.Debug, Message = "Body {BodyId} has no active signing key")]
    private partial void LogNoActiveKey(long bodyId);
}

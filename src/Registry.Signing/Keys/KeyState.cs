namespace Registry.Signing.Keys;

public enum KeyState
{
    /// <summary>Signs new prints; verifies prints signed within its validity window.</summary>
    Active,

    /// <summary>Signs nothing new; still verifies prints signed within its validity window.</summary>
    Retired,

    /// <summary>Compromised or withdrawn: verifies nothing, whenever it was signed.</summary>
    Revoked,
}

namespace Registry.Signing.Keys;

/// <summary>
/// An immutable set of published keys looked up by key id; its <see cref="Find"/> is the resolver a
/// <see cref="Payloads.PayloadVerifier"/> takes. Build a new set when keys change rather than editing one.
/// </summary>
public sealed class SigningKeySet
{
    private readonly Dictionary<KeyId, SigningKeyInfo> _byId;

    public SigningKeySet(IEnumerable<SigningKeyInfo> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _byId = [];
        foreach (var key in keys)
        {
            // Two keys with one short id would make one of them unreachable; the registry must draw a new key.
            if (!_byId.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"Two keys share the key id {key.Id}.", nameof(keys));
            }
        }

        Keys = [.. _byId.Values];
    }

    public IReadOnlyList<SigningKeyInfo> Keys { get; }

    public SigningKeyInfo? Find(KeyId id) => _byId.GetValueOrDefault(id);
}

namespace Registry.Signing.Tests.TestSupport;

/// <summary>A key set that counts look-ups, to prove that some inputs are refused before any key is touched.</summary>
public sealed class CountingResolver(params SigningKeyInfo[] keys)
{
    private readonly SigningKeySet _keys = new(keys);
    private int _calls;

    public int Calls => _calls;

    public SigningKeyInfo? Find(KeyId id)
    {
        Interlocked.Increment(ref _calls);
        return _keys.Find(id);
    }
}

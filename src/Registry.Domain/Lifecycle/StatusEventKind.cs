namespace Registry.Domain.Lifecycle;

public enum StatusEventKind
{
    Issued = 1,
    Suspended,
    Reinstated,
    Withdrawn,
    /// <summary>Given up at the holder's request (注销).</summary>
    Cancelled,
    Renewed,
    ScopeChanged,
    LevelChanged,
}

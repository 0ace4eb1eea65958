namespace Registry.Signing.Payloads;

/// <summary>A reason and a sentence for people; what every decoding step hands back instead of throwing.</summary>
public readonly record struct Rejection(NotGenuineReason Reason, string Message)
{
    public NotGenuine ToResult() => new(Reason, Message);
}

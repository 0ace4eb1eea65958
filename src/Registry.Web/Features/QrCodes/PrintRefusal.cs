namespace Registry.Web.Features.QrCodes;

/// <summary>Why no code is signed for a certificate now: a stable code, a sentence, and the HTTP status it maps to.</summary>
public sealed record PrintRefusal(string Code, string Message, int HttpStatus)
{
    public static PrintRefusal NotValid(string number, string status) => new("CERTIFICATE_NOT_VALID",
        $"Certificate {number} is {status.ToLowerInvariant()} today; codes are signed only for valid certificates.", StatusCodes.Status409Conflict);

    public static PrintRefusal LevelNotInFormat(string number, string? level) => new("LEVEL_NOT_ENCODABLE",
        $"Certificate {number} has level '{level}', which version 1 codes cannot carry (GB/T 27922 levels only).", StatusCodes.Status409Conflict);

    public static PrintRefusal NoActiveKey(string body, string why) => new("NO_ACTIVE_KEY",
        $"The certification body {body} has no signing key that may sign today ({why}). An operator must create or activate one before codes can be printed.",
        StatusCodes.Status409Conflict);
}

namespace Registry.Web.Features.Input.Tables;

/// <summary>Why a table could not be read at all: the HTTP status that fits, a stable code and a sentence for the person.</summary>
public sealed record TableProblem(int Status, string Code, string Message)
{
    /// <summary>More than <see cref="TableLimits.MaxBytes"/>; the size is said when it is known.</summary>
    public static TableProblem TooLarge(long? bytes = null) => new(StatusCodes.Status413PayloadTooLarge, "FILE_TOO_LARGE",
        (bytes is { } size ? $"The file has {size:N0} bytes; a" : "A") + $" list may have at most {TableLimits.MaxBytes / 1024 / 1024} MiB.");

    public static TableProblem Unsupported(string message) => new(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_FILE", message);

    public static TableProblem Unreadable(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}

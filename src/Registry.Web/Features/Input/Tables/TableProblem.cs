namespace Registry.Web.Features.Input.Tables;

/// <summary>Why a table could not be read at all: the HTTP status that fits, a stable code and a sentence for the person.</summary>
public sealed record TableProblem(int Status, string Code, string Message)
{
    public static TableProblem TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, "FILE_TOO_LARGE", message);

    public static TableProblem Unsupported(string message) => new(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_FILE", message);

    public static TableProblem Unreadable(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}

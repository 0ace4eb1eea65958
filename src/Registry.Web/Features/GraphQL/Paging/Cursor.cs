using System.Buffers.Text;
using System.Text;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Paging;

/// <summary>
/// Opaque Relay cursors. Inside, a cursor is a position in a result list; clients must not build them, so
/// they are base64url and versioned, which leaves room to change what they hold.
/// </summary>
public static class Cursor
{
    private const string Prefix = "v1:";

    public static string At(int position) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The position after which a page starts: 0 without a cursor, else one past the cursor's item.</summary>
    public static int StartAfter(string? after)
    {
        if (after is null)
        {
            return 0;
        }

        return after.Length <= 32 && TryDecode(after) is { } position
            ? position + 1
            : throw new ApiError(ErrorCodes.InvalidCursor, "The cursor given in after was not made by this API (cursors are opaque: pass back one from pageInfo or an edge).");
    }

    private static int? TryDecode(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? position
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

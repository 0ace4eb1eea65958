using System.Text;
using System.Text.Unicode;

namespace Registry.Web.Features.Input.Tables;

/// <summary>
/// The text of a CSV or TSV file as people save it in China: UTF-8 with or without a byte order mark, UTF-16 with
/// one (Excel's "Unicode text"), or GB18030, the superset of GBK that Excel writes on a Chinese Windows. Anything
/// else is refused rather than guessed at, because a wrong guess reads a different company name.
/// </summary>
public static class TableText
{
    static TableText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The name the result table reports for each encoding.</summary>
    public const string Utf8Name = "UTF-8", Utf16Name = "UTF-16", Gb18030Name = "GB18030";

    public static (string? Text, string Encoding, TableProblem? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var rest = bytes[3..];
            return Utf8.IsValid(rest)
                ? (Encoding.UTF8.GetString(rest), Utf8Name, null)
                : (null, Utf8Name, Mixed("it starts as UTF-8 (with a byte order mark) but has bytes further on that are not UTF-8"));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var encoding = bytes[0] == 0xFF
                ? new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true)
                : new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
            try
            {
                return (encoding.GetString(bytes[2..]), Utf16Name, null);
            }
            catch (DecoderFallbackException)
            {
                return (null, Utf16Name, NotText());
            }
        }

        if (bytes.Contains((byte)0))
        {
            return (null, Utf8Name, NotText());
        }

        if (Utf8.IsValid(bytes))
        {
            return (Encoding.UTF8.GetString(bytes), Utf8Name, null);
        }

        if (HasUtf8Line(bytes))
        {
            return (null, Gb18030Name, Mixed("some lines are UTF-8 and others are not"));
        }

        try
        {
            var gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return (gb18030.GetString(bytes), Gb18030Name, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Gb18030Name, NotText());
        }
    }

    // A GBK line is almost never valid UTF-8 by chance once it holds two Chinese characters, so a file with both
    // kinds of line was put together from two sources; reading it either way would garble half of it.
    private static bool HasUtf8Line(ReadOnlySpan<byte> bytes)
    {
        foreach (var range in bytes.Split((byte)'\n'))
        {
            var line = bytes[range];
            if (line.ContainsAnyExceptInRange((byte)0, (byte)0x7F) && Utf8.IsValid(line) && !IsOneGbkCharacter(line))
            {
                return true;
            }
        }

        return false;
    }

    // Two bytes (one GBK character) form valid UTF-8 often enough (C0–DF then 80–BF) that such a line proves nothing.
    private static bool IsOneGbkCharacter(ReadOnlySpan<byte> line)
    {
        var nonAscii = 0;
        foreach (var b in line)
        {
            nonAscii += b >= 0x80 ? 1 : 0;
        }

        return nonAscii <= 2;
    }

    private static TableProblem Mixed(string how) =>
        TableProblem.Unreadable("MIXED_ENCODINGS", $"The file mixes text encodings ({how}); save it again as one, UTF-8 or GBK (Excel: \"CSV UTF-8\" or \"CSV\").");

    private static TableProblem NotText() =>
        TableProblem.Unsupported("The file is not text in UTF-8, UTF-16 or GB18030 (GBK), nor an .xlsx workbook: upload a CSV, TSV or .xlsx file, or paste the list.");
}

using CsvHelper;

namespace Registry.Web.Features.Input.Tables;

/// <summary>
/// A table as a CSV download: UTF-8 with a byte order mark (so that Excel opens Chinese correctly), and nothing a
/// person typed coming back as a formula: cells a spreadsheet would run (= + - @ tab CR) are escaped with an
/// apostrophe, as OWASP advises (CsvHelper's injection escaping).
/// </summary>
public static class CsvDownload
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> lines)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(lines);
        using var buffer = new MemoryStream();
        using (var writer = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            writer.WriteRecord([.. header]);
            foreach (var line in lines)
            {
                writer.WriteRecord([.. line]);
            }
        }

        return buffer.ToArray();
    }
}

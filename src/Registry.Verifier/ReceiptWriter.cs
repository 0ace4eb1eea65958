using System.Globalization;
using Registry.Signing.Receipts;

namespace Registry.Verifier;

internal static class ReceiptWriter
{
    private const string Reminder = """
        GENUINE means the registry's published receipt key signed this receipt: the registry gave these
        answers at that instant. The certificates' status may have changed since; the registry's pages show
        it now. A key revoked after this JWKS was downloaded still verifies here: fetch a fresh copy first.
        """;

    public static void Write(ReceiptCheck check, TextWriter output)
    {
        switch (check)
        {
            case GenuineReceipt genuine:
                WriteGenuine(genuine, output);
                break;
            case NotGenuineReceipt notGenuine:
                output.WriteLine($"NOT GENUINE: {notGenuine.Code}");
                output.WriteLine($"  {notGenuine.Message}");
                break;
        }
    }

    private static void WriteGenuine(GenuineReceipt genuine, TextWriter output)
    {
        var claims = genuine.Claims;
        output.WriteLine("GENUINE RECEIPT");
        Line(output, "receipt id", claims.Id);
        Line(output, "registry", $"{claims.Registry} ({claims.Origin})");
        Line(output, "as of", claims.AsOf.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture));
        Line(output, "kind", claims.Kind);
        Line(output, "key", $"{genuine.Key.Id} ({genuine.Key.State.ToString().ToLowerInvariant()})");
        output.WriteLine();
        foreach (var row in claims.Rows)
        {
            var concerns = row.Concerns.Count > 0 ? "  [" + string.Join(", ", row.Concerns) + "]" : string.Empty;
            var verdict = row.Verdict is { } v ? $"  {v.Outcome}{(v.NotGenuine is { } code ? " " + code : string.Empty)}" : string.Empty;
            output.WriteLine($"  {row.Row,4}  {row.Asked}  ({row.TakenAs}){verdict}{concerns}");
            foreach (var certificate in row.Certificates)
            {
                output.WriteLine($"        {certificate.Number}  {certificate.Status}  {certificate.Level}  expires {certificate.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  " +
                    $"{certificate.Holder} {certificate.HolderCreditCode}  body {certificate.Body}");
            }

            if (row.Certificates.Count == 0 && row.Reason is { } reason)
            {
                output.WriteLine($"        nothing found: {reason}");
            }
        }

        output.WriteLine();
        output.WriteLine(Reminder);
    }

    private static void Line(TextWriter output, string label, string value) => output.WriteLine($"  {label,-12}{value}");
}

using System.Globalization;
using Registry.Signing.Claims;
using Registry.Signing.Payloads;

namespace Registry.Verifier;

internal static class VerdictWriter
{
    private const string Reminder = """
        GENUINE means a certification body's published key signed this print; it does not mean that the
        certificate is valid today. Its live status (valid, suspended, withdrawn, cancelled, expired) is
        only on the registry. A key revoked after this JWKS was downloaded still verifies here: fetch a
        fresh copy before relying on a verdict.
        """;

    public static void Write(VerificationResult result, TextWriter output)
    {
        switch (result)
        {
            case Genuine genuine:
                WriteGenuine(genuine, output);
                break;
            case NotGenuine notGenuine:
                output.WriteLine($"NOT GENUINE: {notGenuine.Code}");
                output.WriteLine($"  {notGenuine.Message}");
                break;
        }
    }

    private static void WriteGenuine(Genuine genuine, TextWriter output)
    {
        var claims = genuine.Claims;
        output.WriteLine("GENUINE");
        Line(output, "certificate number", claims.CertificateNumber);
        Line(output, "credit code", claims.CreditCode);
        Line(output, "level", claims.Level);
        Line(output, "issued on", Day(claims.IssuedOn));
        Line(output, "expires on", Day(claims.ExpiresOn));
        Line(output, "medium", MediumName(claims.Medium));
        Line(output, "serial", claims.Serial.ToString(CultureInfo.InvariantCulture));
        Line(output, "signed on", Day(claims.SignedOn));
        Line(output, "key", $"{genuine.Key.Id} of {genuine.Key.Issuer} ({genuine.Key.State.ToString().ToLowerInvariant()})");
        output.WriteLine();
        output.WriteLine(Reminder);
    }

    private static void Line(TextWriter output, string label, string value) => output.WriteLine($"  {label,-20}{value}");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MediumName(Medium medium) => medium switch
    {
        Medium.Certificate => "certificate",
        Medium.Plaque => "plaque",
        Medium.PackagingMark => "packaging mark",
        _ => medium.ToString(),
    };
}

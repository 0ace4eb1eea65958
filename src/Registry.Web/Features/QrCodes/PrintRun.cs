using Registry.Domain.Identifiers;
using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.QrCodes;

/// <summary>An operator's order: so many plaques or packaging marks of one certificate, written to a folder.</summary>
public sealed record PrintOrder(string Number, Medium Medium, int Count, string OutputFolder)
{
    public const int MaxCount = 1000;
}

/// <summary>What a finished run wrote, and how big its codes came out.</summary>
public sealed record PrintResult(int ExitCode, IReadOnlyList<string> Files, int QrVersion, int QrModules);

/// <summary>
/// Prints artwork for plaques or marks: checks that codes may be signed, only then allocates serials (a
/// write, so a refused order uses none), signs one code per serial and writes one SVG per serial.
/// </summary>
public sealed class PrintRun(CertificateQueries certificates, PrintSigner signer, IQrSerials serials)
{
    public const int Done = 0;
    public const int BadOrder = 2;
    public const int Refused = 3;

    public async Task<PrintResult> RunAsync(PrintOrder order, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(log);
        if (order.Medium == Medium.Certificate || order.Count is < 1 or > PrintOrder.MaxCount)
        {
            return await FailAsync(log, BadOrder, $"Print 1 to {PrintOrder.MaxCount} plaques or packaging marks at a time.");
        }

        if (!CertificateNumber.TryNormalize(order.Number, out var normalized, out var error))
        {
            return await FailAsync(log, BadOrder, $"'{order.Number}' is not a certificate number: {error}");
        }

        var record = await certificates.FindAsync(normalized, cancellationToken);
        if (record is null)
        {
            return await FailAsync(log, BadOrder, $"The registry holds no certificate {normalized}.");
        }

        var (job, refusal) = await signer.StartAsync(record, cancellationToken);
        if (job is null)
        {
            return await FailAsync(log, Refused, $"{refusal!.Code}: {refusal.Message}");
        }

        using (job)
        {
            var allocated = await serials.AllocateAsync(record.Certificate.Id, order.Medium, order.Count, cancellationToken);
            Directory.CreateDirectory(order.OutputFolder);
            var files = new List<string>();
            var (version, modules) = (0, 0);
            foreach (var serial in allocated)
            {
                var artwork = Artwork.Render(record, job, order.Medium, serial);
                var path = Path.Combine(order.OutputFolder, artwork.FileName);
                await File.WriteAllTextAsync(path, artwork.Svg, cancellationToken);
                files.Add(path);
                (version, modules) = (Math.Max(version, artwork.QrVersion), Math.Max(modules, artwork.QrModules));
                await log.WriteLineAsync($"{path}  (serial {serial}, QR version {artwork.QrVersion}, {artwork.QrModules}×{artwork.QrModules} modules, {artwork.TextLength} characters)");
            }

            await log.WriteLineAsync($"Wrote {files.Count} {Noun(order.Medium)} for {record.Certificate.Number}: QR version {version} at error correction Q, {modules}×{modules} modules plus a 4-module quiet zone.");
            return new PrintResult(Done, files, version, modules);
        }
    }

    private static string Noun(Medium medium) => medium == Medium.Plaque ? "plaque(s)" : "packaging mark(s)";

    private static async Task<PrintResult> FailAsync(TextWriter log, int exitCode, string message)
    {
        await log.WriteLineAsync(message);
        return new PrintResult(exitCode, [], 0, 0);
    }
}

using System.Diagnostics;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// An independent decoder: zbarimg from Debian's zbar-tools, run as a separate program on the PNG bytes,
/// so that what the registry renders is checked by code that shares nothing with QRCoder.
/// </summary>
public static class Zbar
{
    public const string Executable = "/usr/bin/zbarimg";

    public static async Task<string> DecodeAsync(byte[] png)
    {
        File.Exists(Executable).ShouldBeTrue($"{Executable} is needed (Debian zbar-tools): run ops/test, which installs it.");
        var path = Path.Combine(Path.GetTempPath(), $"registry-qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, png);
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList = { "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, $"zbarimg read no QR code: {await errors}");
            return (await output).TrimEnd('\n', '\r');
        }
        finally
        {
            File.Delete(path);
        }
    }
}

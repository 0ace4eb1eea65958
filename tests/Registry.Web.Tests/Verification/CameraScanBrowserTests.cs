using Microsoft.Playwright;
using QRCoder;

namespace Registry.Web.Tests.Verification;

/// <summary>
/// Camera scanning on /verify in headless Chromium whose camera is a fake device playing a video of a QR code
/// (Chromium's --use-file-for-fake-video-capture); Linux Chromium has no BarcodeDetector, so jsQR decodes.
/// </summary>
public sealed class CameraScanBrowserTests(RegistryDatabase database) : IAsyncLifetime
{
    private const string ScannedLink = "HTTPS://REGISTRY.EXAMPLE/V/0DEMOCAMERASCAN42";
    private readonly string _video = Path.Combine(Path.GetTempPath(), $"registry-camera-{Guid.NewGuid():N}.y4m");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllBytesAsync(_video, QrVideo(ScannedLink));
        (_playwright, _browser) = await Chromium.LaunchAsync("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={_video}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        File.Delete(_video);
    }

    [Fact]
    public async Task A_code_held_to_the_camera_opens_its_verdict_without_a_second_tap()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        await context.GrantPermissionsAsync(["camera"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/verify").ToString());

        (await page.IsVisibleAsync("[data-testid=scan-camera]")).ShouldBeTrue("with JavaScript and a camera the section shows");
        await page.ClickAsync("[data-scan-start]");

        await page.WaitForURLAsync("**/v/0DEMOCAMERASCAN42", new() { Timeout = 20_000 });
        await page.WaitForSelectorAsync("[data-testid=verdict]");
    }

    [Fact]
    public async Task Without_javascript_the_camera_section_stays_hidden_and_the_form_works()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/verify").ToString());

        (await page.IsVisibleAsync("[data-testid=scan-camera]")).ShouldBeFalse();
        (await page.IsVisibleAsync("#code")).ShouldBeTrue();
    }

    /// <summary>A 640 × 480 YUV4MPEG2 video (grey: every chroma sample 128) of a few frames showing the QR code of <paramref name="text"/>.</summary>
    private static byte[] QrVideo(string text)
    {
        const int width = 640, height = 480, module = 8;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count * module;
        var (left, top) = ((width - size) / 2, (height - size) / 2);
        var luma = new byte[width * height];
        Array.Fill(luma, (byte)235);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y / module][x / module])
                {
                    luma[((top + y) * width) + left + x] = 16;
                }
            }
        }

        var chroma = new byte[width * height / 2];
        Array.Fill(chroma, (byte)128);
        using var video = new MemoryStream();
        video.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var frame = 0; frame < 10; frame++)
        {
            video.Write("FRAME\n"u8);
            video.Write(luma);
            video.Write(chroma);
        }

        return video.ToArray();
    }
}

using System.Runtime.InteropServices;
using QRCoder;
using SkiaSharp;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>
/// Pictures of QR codes made in the test, none decoded by zbar to build them: QRCoder gives the modules,
/// SkiaSharp draws, rotates, blurs and encodes them the way phones and screenshots would.
/// </summary>
internal static class QrPictures
{
    /// <summary>A registry-style link: upper case so that it is encoded in the QR alphanumeric mode.</summary>
    public static string RegistryLink(string payload = "QRE2EAJGARCBST3D5WQFQJEJAFGQDYIVOAS55VRPLD") => "HTTPS://STAR.TEST/V/" + payload;

    /// <summary>The code drawn black on white, with the standard four-module quiet zone.</summary>
    public static SKBitmap Draw(string text, int pixelsPerModule = 8, SKColor? background = null, SKColor? ink = null)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var modules = data.ModuleMatrix;
        var size = modules.Count * pixelsPerModule;
        var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(background ?? SKColors.White);
        using var paint = new SKPaint { Color = ink ?? SKColors.Black, IsAntialias = false };
        for (var y = 0; y < modules.Count; y++)
        {
            for (var x = 0; x < modules.Count; x++)
            {
                if (modules[y][x])
                {
                    canvas.DrawRect(x * pixelsPerModule, y * pixelsPerModule, pixelsPerModule, pixelsPerModule, paint);
                }
            }
        }

        return bitmap;
    }

    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var bitmap = Draw(text, pixelsPerModule);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 90)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>
    /// Like a phone photo: the code smaller and turned by <paramref name="degrees"/> on a grey-brown
    /// background, slightly blurred, with sensor noise, saved as JPEG.
    /// </summary>
    public static byte[] Photo(string text, float degrees, int width = 1600, int height = 1200, float blur = 1.2f, int quality = 80)
    {
        using var code = Draw(text, pixelsPerModule: 6);
        using var photo = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(photo))
        {
            canvas.Clear(new SKColor(120, 105, 90));
            canvas.Translate(width / 2f, height / 2f);
            canvas.RotateDegrees(degrees);
            using var filter = SKImageFilter.CreateBlur(blur, blur);
            using var paint = new SKPaint { ImageFilter = filter };
            using var image = SKImage.FromBitmap(code);
            canvas.DrawImage(image, -code.Width / 2f, -code.Height / 2f, new SKSamplingOptions(SKFilterMode.Linear), paint);
        }

        AddNoise(photo, amplitude: 18, seed: 27922);
        return Encode(photo, SKEncodedImageFormat.Jpeg, quality);
    }

    /// <summary>A 1920 × 1080 screenshot of a page with a small code (3 px a module) near its lower right.</summary>
    public static byte[] Screenshot(string text)
    {
        using var code = Draw(text, pixelsPerModule: 3);
        using var screen = new SKBitmap(new SKImageInfo(1920, 1080, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(screen))
        {
            canvas.Clear(new SKColor(245, 246, 248));
            using var bar = new SKPaint { Color = new SKColor(30, 60, 120) };
            canvas.DrawRect(0, 0, 1920, 80, bar);
            using var textPaint = new SKPaint { Color = new SKColor(60, 60, 60) };
            for (var line = 0; line < 20; line++)
            {
                canvas.DrawRect(120, 140 + (line * 40), 900 - (line % 3 * 120), 14, textPaint);
            }

            canvas.DrawBitmap(code, 1500, 700);
        }

        return Encode(screen, SKEncodedImageFormat.Png);
    }

    /// <summary>Several codes side by side on one white picture.</summary>
    public static byte[] SideBySide(params string[] texts)
    {
        var codes = texts.Select(t => Draw(t, pixelsPerModule: 6)).ToList();
        try
        {
            using var sheet = new SKBitmap(new SKImageInfo(codes.Sum(c => c.Width + 40), codes.Max(c => c.Height) + 80, SKColorType.Rgba8888, SKAlphaType.Premul));
            using (var canvas = new SKCanvas(sheet))
            {
                canvas.Clear(SKColors.White);
                var x = 20;
                foreach (var code in codes)
                {
                    canvas.DrawBitmap(code, x, 40);
                    x += code.Width + 40;
                }
            }

            return Encode(sheet, SKEncodedImageFormat.Png);
        }
        finally
        {
            codes.ForEach(c => c.Dispose());
        }
    }

    /// <summary>A picture with no code at all: a soft gradient with a few shapes.</summary>
    public static byte[] WithoutCode()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(800, 600, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(800, 600), [SKColors.SkyBlue, SKColors.Orange], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = shader };
            canvas.DrawRect(0, 0, 800, 600, paint);
            using var black = new SKPaint { Color = SKColors.Black };
            canvas.DrawCircle(200, 300, 80, black);
            canvas.DrawRect(450, 150, 200, 120, black);
        }

        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    private static void AddNoise(SKBitmap bitmap, int amplitude, int seed)
    {
        var random = new Random(seed);
        var bytes = bitmap.GetPixelSpan().ToArray();
        for (var i = 0; i < bytes.Length; i += 4)
        {
            var delta = random.Next(-amplitude, amplitude + 1);
            for (var c = 0; c < 3; c++)
            {
                bytes[i + c] = (byte)Math.Clamp(bytes[i + c] + delta, 0, 255);
            }
        }

        Marshal.Copy(bytes, 0, bitmap.GetPixels(), bytes.Length);
    }
}

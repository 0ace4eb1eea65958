using System.Diagnostics;
using Registry.Web.Features.Verification.Upload;
using SkiaSharp;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>The real decoder (SkiaSharp + libzbar) on pictures made in the test.</summary>
public sealed class QrImageDecoderTests : IDisposable
{
    private readonly QrImageDecoder _decoder = new();

    public void Dispose() => _decoder.Dispose();

    [Fact]
    public void Reads_a_clean_png()
    {
        var link = QrPictures.RegistryLink();

        var result = _decoder.Decode(QrPictures.Png(link));

        result.Problem.ShouldBeNull(result.Detail);
        result.Texts.ShouldBe([link]);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(90f)]
    [InlineData(180f)]
    [InlineData(23.5f)]
    [InlineData(-61f)]
    public void Reads_a_photo_like_jpeg_turned_blurred_and_noisy(float degrees)
    {
        var link = QrPictures.RegistryLink();

        var result = _decoder.Decode(QrPictures.Photo(link, degrees));

        result.Problem.ShouldBeNull(result.Detail);
        result.Texts.ShouldBe([link]);
    }

    [Fact]
    public void Reads_a_large_photo_shrunk_to_the_scan_size()
    {
        // 4000 × 3000 (12 MP, like a phone camera): JPEG decodes at a reduced scale, then is shrunk to ≤ 2,000 px.
        var link = QrPictures.RegistryLink();

        var result = _decoder.Decode(QrPictures.Photo(link, 12f, width: 4000, height: 3000, blur: 0.8f));

        result.Problem.ShouldBeNull(result.Detail);
        result.Texts.ShouldBe([link]);
    }

    [Fact]
    public void Reads_a_small_code_in_a_screenshot()
    {
        var link = QrPictures.RegistryLink();

        var result = _decoder.Decode(QrPictures.Screenshot(link));

        result.Problem.ShouldBeNull(result.Detail);
        result.Texts.ShouldBe([link]);
    }

    [Fact]
    public void Reads_a_code_drawn_on_a_transparent_background()
    {
        // Exported PNGs often leave the light modules transparent; flattened on black they would vanish.
        var link = QrPictures.RegistryLink();
        using var bitmap = QrPictures.Draw(link, background: SKColors.Transparent);

        var result = _decoder.Decode(QrPictures.Encode(bitmap, SKEncodedImageFormat.Png));

        result.Texts.ShouldBe([link]);
    }

    [Fact]
    public void Reads_a_light_on_dark_code()
    {
        var link = QrPictures.RegistryLink();
        using var bitmap = QrPictures.Draw(link, background: SKColors.Black, ink: SKColors.White);

        var result = _decoder.Decode(QrPictures.Encode(bitmap, SKEncodedImageFormat.Png));

        result.Texts.ShouldBe([link]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_a_mirrored_code_so_exif_orientation_can_be_ignored(bool withExif)
    {
        // A front camera may store mirrored pixels and an EXIF "flip to view"; zbar reads them either way.
        var link = QrPictures.RegistryLink();

        _decoder.Decode(CraftedFiles.MirroredJpeg(link, withExif)).Texts.ShouldBe([link]);
    }

    [Theory]
    [InlineData("星级证书 · Star Registry")] // UTF-8 without ECI, as most generators write it: zbar alone would read Shift JIS
    [InlineData("Café crème")] // fits ISO 8859-1, which QRCoder then writes as single bytes (invalid UTF-8)
    [InlineData("https://example.com/menu?table=12")]
    public void Returns_text_as_utf8_or_latin1(string text)
    {
        var result = _decoder.Decode(QrPictures.Png(text));

        result.Texts.ShouldBe([text]);
    }

    [Fact]
    public void Returns_every_code_in_the_picture()
    {
        var result = _decoder.Decode(QrPictures.SideBySide(QrPictures.RegistryLink("AAAA"), "https://example.com/menu"));

        result.Texts.Order(StringComparer.Ordinal).ShouldBe(["HTTPS://STAR.TEST/V/AAAA", "https://example.com/menu"]);
    }

    [Fact]
    public void Finds_nothing_in_a_picture_without_a_code()
    {
        var result = _decoder.Decode(QrPictures.WithoutCode());

        result.Problem.ShouldBe(QrImageProblem.NoQrFound);
        result.Texts.ShouldBeEmpty();
    }

    public static TheoryData<string, byte[]> NotPictures => new()
    {
        { "empty", [] },
        { "text", CraftedFiles.Text },
        { "pdf", CraftedFiles.Pdf },
        { "png signature only", QrPictures.Png("X")[..8] },
        { "png cut inside its header", QrPictures.Png("X")[..20] },
        { "jpeg start only", [0xFF, 0xD8, 0xFF] },
    };

    [Theory]
    [MemberData(nameof(NotPictures))]
    public void Refuses_what_is_not_a_picture(string name, byte[] file)
    {
        var result = _decoder.Decode(file);

        result.Problem.ShouldBe(QrImageProblem.NotAnImage, name);
        result.Detail.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Decodes_a_png_cut_off_in_its_pixels_as_far_as_it_goes()
    {
        var png = QrPictures.Png(QrPictures.RegistryLink());

        var result = _decoder.Decode(png.AsSpan(0, png.Length / 2));

        // Half the rows are white: the code cannot be complete, but the answer is a clear refusal, not an error.
        result.Problem.ShouldBe(QrImageProblem.NoQrFound);
    }

    [Fact]
    public void Refuses_other_picture_formats_by_their_bytes()
    {
        using var bitmap = QrPictures.Draw(QrPictures.RegistryLink());
        var webp = QrPictures.Encode(bitmap, SKEncodedImageFormat.Webp);

        _decoder.Decode(webp).Problem.ShouldBe(QrImageProblem.UnsupportedFormat);
        _decoder.Decode(CraftedFiles.Gif).Problem.ShouldBe(QrImageProblem.UnsupportedFormat);
        _decoder.Decode(CraftedFiles.Gif).Detail.ShouldStartWith("GIF");
    }

    [Fact]
    public void Refuses_a_png_bomb_from_its_header_without_decoding()
    {
        var bomb = CraftedFiles.PngBomb();
        bomb.Length.ShouldBeLessThan(2000);
        var clock = Stopwatch.StartNew();

        var result = _decoder.Decode(bomb);

        result.Problem.ShouldBe(QrImageProblem.TooManyPixels);
        result.Detail!.ShouldContain("30000 × 30000");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Refuses_a_jpeg_bomb_from_its_header()
    {
        var result = _decoder.Decode(CraftedFiles.JpegBomb());

        result.Problem.ShouldBe(QrImageProblem.TooManyPixels);
        result.Detail!.ShouldContain("60000 × 60000");
    }

    [Fact]
    public void Refuses_a_file_over_the_size_limit_before_reading_it()
    {
        using var decoder = new QrImageDecoder { MaxFileBytes = 1000 };
        var png = QrPictures.Png(QrPictures.RegistryLink());

        decoder.Decode(png).Problem.ShouldBe(QrImageProblem.TooLargeFile);
        _decoder.Decode(new byte[QrImageLimits.MaxFileBytes + 1]).Problem.ShouldBe(QrImageProblem.TooLargeFile);
    }

    [Fact]
    public void Says_so_when_the_native_decoder_is_missing()
    {
        using var decoder = new QrImageDecoder(_ => throw new DllNotFoundException("libzbar.so.0: cannot open shared object file"));

        var result = decoder.Decode(QrPictures.Png(QrPictures.RegistryLink()));

        result.Problem.ShouldBe(QrImageProblem.DecoderUnavailable);
        result.Detail!.ShouldContain("libzbar.so.0");
    }

    [Fact]
    public async Task Eight_parallel_decodes_each_read_their_own_code()
    {
        var links = Enumerable.Range(0, 8).Select(i => QrPictures.RegistryLink($"PAYLOAD{i}ABCDEFGH{i}")).ToArray();
        var pictures = links.Select((l, i) => i % 2 == 0 ? QrPictures.Png(l) : QrPictures.Photo(l, i * 40f)).ToArray();

        var results = await Task.WhenAll(pictures.Select(p => Task.Run(() => _decoder.Decode(p))));
        var gated = await Task.WhenAll(pictures.Select(p => _decoder.DecodeAsync(p, TestContext.Current.CancellationToken)));

        results.Select(r => r.Texts.Single()).ShouldBe(links);
        gated.Select(r => r.Texts.Single()).ShouldBe(links);
    }
}

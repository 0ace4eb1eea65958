namespace Registry.Signing.Tests.Payloads;

public class VerifyUrlTests
{
    [Fact]
    public void Urls_are_upper_case_for_the_QR_alphanumeric_mode()
    {
        var url = VerifyUrl.Build("star.example.cn", [0x84, 0x49]);

        url.ShouldBe("HTTPS://STAR.EXAMPLE.CN/V/QREQ");
        url.ShouldAllBe(c => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".Contains(c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("star_example.cn")]
    [InlineData("star.example.cn/path")]
    [InlineData("")]
    public void Hosts_that_alphanumeric_mode_cannot_hold_are_refused(string host) =>
        Should.Throw<ArgumentException>(() => VerifyUrl.Build(host, [1]));

    [Theory]
    [InlineData("HTTPS://STAR.EXAMPLE.CN/V/QREQ", "QREQ")]
    [InlineData("https://star.example.cn/v/qreq", "qreq")]
    [InlineData("HTTPS://STAR.EXAMPLE.CN:8443/V/QREQ", "QREQ")]
    [InlineData("QREQ", "QREQ")]
    public void The_payload_is_taken_from_a_URL_or_given_bare(string scanned, string payload)
    {
        VerifyUrl.TryParse(scanned, null, out var found, out _).ShouldBeTrue();
        found.ShouldBe(payload);
    }

    [Theory]
    [InlineData("HTTP://STAR.EXAMPLE.CN/V/QREQ", "plain http")]
    [InlineData("FTP://STAR.EXAMPLE.CN/V/QREQ", "another scheme")]
    [InlineData("HTTPS://STAR.EXAMPLE.CN/X/QREQ", "another path")]
    [InlineData("HTTPS://STAR.EXAMPLE.CN/V/QREQ?A=1", "a query")]
    [InlineData("HTTPS://STAR.EXAMPLE.CN/V/QREQ#X", "a fragment")]
    [InlineData("HTTPS://STAR.EXAMPLE.CN/V/QREQ/QREQ", "a second payload")]
    [InlineData("HTTPS://STAR.EXAMPLE.CN", "no path")]
    [InlineData("HTTPS://EVIL.EXAMPLE.COM/V/QREQ", "another host")]
    public void Anything_around_the_payload_is_refused(string scanned, string what)
    {
        VerifyUrl.TryParse(scanned, "star.example.cn", out _, out var rejection).ShouldBeFalse(what);
        rejection.Reason.ShouldBe(NotGenuineReason.BadUrl, what);
    }

    [Fact]
    public void Any_host_is_accepted_when_none_is_expected() =>
        VerifyUrl.TryParse("HTTPS://EVIL.EXAMPLE.COM/V/QREQ", null, out _, out _).ShouldBeTrue();

    [Fact]
    public void Oversized_scans_are_refused_before_parsing()
    {
        VerifyUrl.TryParse(new string('A', PayloadLimits.MaxScannedTextLength + 1), null, out _, out var rejection).ShouldBeFalse();
        rejection.Reason.ShouldBe(NotGenuineReason.TooLarge);
    }
}

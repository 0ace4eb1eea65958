using Microsoft.Extensions.Options;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.Verification;

namespace Registry.Web.Tests.Verification;

/// <summary>The public host is printed in every code, so a host the QR alphanumeric mode cannot hold stops the site at start.</summary>
public sealed class VerificationOptionsTests(RegistryDatabase database)
{
    [Theory]
    [InlineData("star.example.cn", true)]
    [InlineData("STAR.EXAMPLE.CN", true)]
    [InlineData("127.0.0.1:8080", true)]
    [InlineData("", false)]
    [InlineData("https://star.example.cn", false)]
    [InlineData("star.example.cn/v", false)]
    [InlineData("star example", false)]
    [InlineData("星级.example.cn", false)]
    [InlineData(".example.cn", false)]
    [InlineData("a-very-long-host-name-that-eats-the-qr-budget.example.cn", false)]
    public void Only_a_host_and_port_in_the_alphanumeric_set_is_accepted(string host, bool accepted)
    {
        var result = new VerificationOptionsValidator().Validate(null, new VerificationOptions { PublicHost = host });

        result.Succeeded.ShouldBe(accepted, result.FailureMessage);
    }

    [Fact]
    public async Task The_site_does_not_start_with_a_host_codes_cannot_carry()
    {
        await using var factory = new RegistryWebFactory(database.ConnectionString,
            settings: new Dictionary<string, string> { ["Verification:PublicHost"] = "https://star.example.cn/" },
            services: RegistryWebFactory.Replace<ISigningKeys>(new InMemorySigningKeys()));

        var failure = Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        failure.Message.ShouldContain("Verification:PublicHost");
    }
}

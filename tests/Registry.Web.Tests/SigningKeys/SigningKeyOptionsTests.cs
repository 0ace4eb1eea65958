using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.SigningKeys;

/// <summary>A missing or malformed key-encryption key stops the start, with a message that never shows the value.</summary>
public sealed class SigningKeyOptionsTests(RegistryDatabase database)
{
    public static TheoryData<string?, string> BadKeys => new()
    {
        { null, "Signing:KeyEncryptionKey is not set" },
        { "   ", "Signing:KeyEncryptionKey is not set" },
        { "this is not base64 at all!", "is not valid base64" },
        { Convert.ToBase64String(new byte[16]), "decodes to 16 bytes; it must be exactly 32" },
        { Convert.ToBase64String(new byte[33]), "decodes to 33 bytes; it must be exactly 32" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_host_with_signing_keys_does_not_start_without_a_good_key(string? kek, string expected)
    {
        using var host = Host(kek);

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        failure.Message.ShouldContain(expected);
        if (!string.IsNullOrWhiteSpace(kek))
        {
            failure.Message.ShouldNotContain(kek.Trim());
        }
    }

    [Fact]
    public async Task A_host_starts_with_a_good_key()
    {
        using var host = Host(TestKek.Base64);
        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_site_itself_refuses_to_start_without_a_key()
    {
        await using var site = new RegistryWebFactory(database.ConnectionString,
            settings: new Dictionary<string, string> { [SigningKeyOptions.KeyEncryptionKeySetting] = string.Empty });

        var failure = Should.Throw<OptionsValidationException>(() => site.CreateClient());

        failure.Message.ShouldContain("Signing:KeyEncryptionKey is not set");
        failure.Message.ShouldContain("Signing__KeyEncryptionKey");
    }

    private static IHost Host(string? kek)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SigningKeyOptions.KeyEncryptionKeySetting] = kek,
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddSigningKeys();
        return builder.Build();
    }
}

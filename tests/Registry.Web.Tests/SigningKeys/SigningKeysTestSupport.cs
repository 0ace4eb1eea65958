using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Signing.Claims;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.SigningKeys;

/// <summary>Stores on the test database with whatever clock, generator, KEK or logger a test needs.</summary>
internal static class TestStores
{
    public static SigningKeyStore Create(RegistryDatabase database, TimeProvider? clock = null, ISigningKeyGenerator? generator = null,
        string? kek = null, TimeSpan? refreshInterval = null, ILogger<SigningKeyStore>? logger = null) =>
        CreateOn(database.DataSource, clock, generator, kek, refreshInterval, logger);

    public static SigningKeyStore CreateOn(NpgsqlDataSource dataSource, TimeProvider? clock = null, ISigningKeyGenerator? generator = null,
        string? kek = null, TimeSpan? refreshInterval = null, ILogger<SigningKeyStore>? logger = null) =>
        new(dataSource,
            Options.Create(new SigningKeyOptions { KeyEncryptionKey = kek ?? TestKek.Base64, RefreshInterval = refreshInterval ?? TimeSpan.FromSeconds(10) }),
            generator ?? new P256KeyGenerator(),
            clock ?? TimeProvider.System,
            logger ?? NullLogger<SigningKeyStore>.Instance);

    /// <summary>Claims for a print of <paramref name="number"/> signed on <paramref name="signedOn"/>.</summary>
    public static QrClaims Claims(string number, DateOnly issuedOn, DateOnly signedOn, Medium medium = Medium.Certificate, uint serial = 0) =>
        new(QrClaims.CurrentVersion, number, TestRegistry.NewCreditCode().Value, "four-star", issuedOn, issuedOn.AddYears(3).AddDays(-1), medium, serial, signedOn);

    public static string NewNumber() => $"TSTSK{TestRegistry.UniqueSuffix()}";
}

/// <summary>Hands out the given keys first (copies, so each can be disposed), then fresh random ones; counts the draws.</summary>
internal sealed class ScriptedKeyGenerator(params ECParameters[] first) : ISigningKeyGenerator
{
    private int _draws;

    public int Draws => _draws;

    public ECDsa Generate()
    {
        var draw = Interlocked.Increment(ref _draws);
        return draw <= first.Length ? ECDsa.Create(first[draw - 1]) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }
}

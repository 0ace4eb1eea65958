using Registry.Signing.Receipts;

namespace Registry.Signing.Tests.TestSupport;

/// <summary>A receipt key, its published info and a small receipt, for the receipt format's tests.</summary>
public static class TestReceipts
{
    public static readonly DateTimeOffset AsOf = new(2026, 12, 3, 2, 30, 15, 123, TimeSpan.Zero);

    public static SigningKeyInfo KeyInfo(ECDsa key, KeyState state = KeyState.Active, DateOnly? notBefore = null, DateOnly? notAfter = null) =>
        SigningKeyInfo.ForReceipts(key.ExportParameters(includePrivateParameters: false), state, notBefore ?? new DateOnly(2026, 1, 1), notAfter);

    public static ReceiptClaims Claims(DateTimeOffset? asOf = null, string? id = null) => new(
        ReceiptClaims.CurrentVersion,
        id ?? ReceiptId.New(),
        "Star Registry (test)",
        "https://star.example.cn",
        asOf ?? AsOf,
        ReceiptKinds.Check,
        [
            new ReceiptRow(1, "格兰仕测试电器有限公司", "name", [], null, null,
            [
                new ReceiptCertificate("DEMO01-ASS-2024-000123", "格兰仕测试电器有限公司", "Galanz Test Appliances Co., Ltd.", "91310115MA1K4DEM18",
                    "VALID", "GBT27922-2011", "five-star", new DateOnly(2027, 2, 28), "DEMO01", "演示认证中心", "Demo Certification Centre"),
            ]),
            new ReceiptRow(2, "TST-2099-NEVER-ISSUED-1", "certificate_number", ["NOT_FOUND"], "CERTIFICATE_NOT_FOUND", null, []),
        ]);

    public static Func<KeyId, SigningKeyInfo?> Resolver(params SigningKeyInfo[] keys) => new SigningKeySet(keys).Find;
}

namespace Registry.Domain.Tests.TestSupport;

/// <summary>
/// Unified social credit codes published by well-known companies. Only the codes that pass the independent
/// GB 32100 check in <see cref="Gb32100"/> are used as fixtures (<see cref="Verified"/>); all ten did when
/// these tests were written. They are used for identifier validation only, never as certified demo data.
/// </summary>
public static class RealCreditCodes
{
    public static IReadOnlyList<(string Code, string Holder)> Published { get; } =
    [
        ("914403001922038216", "Huawei Technologies Co., Ltd."),
        ("91440300708461136T", "Shenzhen Tencent Computer Systems Co., Ltd."),
        ("91330100799655058B", "Alibaba (China) Co., Ltd."),
        ("91110108558521630L", "Xiaomi Inc."),
        ("91440300192317458F", "BYD Co., Ltd."),
        ("91440400192548256N", "Gree Electric Appliances, Inc. of Zhuhai"),
        ("91440606722473344C", "Midea Group Co., Ltd."),
        ("91370200264574251E", "Haier Group Corporation"),
        ("911100007109250324", "China Mobile Communications Group Co., Ltd."),
        ("91110000802100433B", "Beijing Baidu Netcom Science and Technology Co., Ltd."),
    ];

    public static IReadOnlyList<string> Verified { get; } =
        [.. Published.Select(p => p.Code).Where(Gb32100.IsValid)];

    public static TheoryData<string> VerifiedData() => new(Verified);
}

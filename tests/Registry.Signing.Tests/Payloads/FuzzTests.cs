namespace Registry.Signing.Tests.Payloads;

/// <summary>
/// 100,000 random and mutated inputs, seeded so that a failure can be replayed: none may throw and none may
/// verify as GENUINE unless it is byte for byte a genuine envelope.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Seed = 27922;
    private const string TextAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijklmnopqrstuvwxyz0189=/:.?#- \n";

    private readonly ECDsa _key = TestKeys.Create("fuzz");
    private readonly ECDsa _otherKey = TestKeys.Create("fuzz other");
    private readonly PayloadVerifier _verifier;
    private readonly byte[][] _genuine;

    public FuzzTests()
    {
        _verifier = new PayloadVerifier(new SigningKeySet([TestKeys.Info(_key), TestKeys.Info(_otherKey, TestKeys.BodyB)]).Find);
        _genuine =
        [
            new PayloadSigner(_key).Sign(TestClaims.Certificate()),
            new PayloadSigner(_key).Sign(TestClaims.Plaque()),
            new PayloadSigner(_otherKey).Sign(TestClaims.Plaque(serial: 70_000)),
            new PayloadSigner(_otherKey).Sign(TestClaims.Certificate(new string('Q', 40))),
        ];
    }

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    [Fact]
    public void Random_and_mutated_payloads_never_throw_and_never_verify()
    {
        const int randomBytes = 20_000;
        const int randomTexts = 20_000;
        const int mutatedEnvelopes = 50_000;
        const int mutatedTexts = 10_000;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        // Each case seeds its own generator, so the cases can run in parallel and still replay exactly.
        Parallel.For(0, randomBytes + randomTexts + mutatedEnvelopes + mutatedTexts, i =>
        {
            var random = new Random(HashCode.Combine(Seed, i));
            try
            {
                var problem = i switch
                {
                    < randomBytes => CheckBytes(RandomBytes(random)),
                    < randomBytes + randomTexts => CheckText(RandomText(random)),
                    < randomBytes + randomTexts + mutatedEnvelopes => CheckBytes(Mutate(random, Pick(random), Pick(random))),
                    _ => CheckText(MutateText(random, PayloadText.Encode(Pick(random)))),
                };
                if (problem is not null)
                {
                    failures.Add($"case {i}: {problem}");
                }
            }
#pragma warning disable CA1031 // The point of the test is to catch and report any exception at all.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"case {i} threw {e.GetType().Name}: {e.Message}");
            }
        });

        failures.ShouldBeEmpty();
    }

    private string? CheckBytes(byte[] bytes)
    {
        var result = _verifier.Verify(bytes);
        var isGenuineInput = _genuine.Any(g => g.AsSpan().SequenceEqual(bytes));
        return result.IsGenuine == isGenuineInput ? null : $"{Convert.ToHexString(bytes)} verified as {result}";
    }

    private string? CheckText(string text)
    {
        var result = _verifier.VerifyScanned(text);
        var isGenuineInput = _genuine.Any(g => IsSpellingOf(text, PayloadText.Encode(g)));
        return result.IsGenuine == isGenuineInput ? null : $"'{text}' verified as {result}";
    }

    /// <summary>The verifier accepts ASCII lower case and nothing else, so only that counts as the same payload.</summary>
    private static bool IsSpellingOf(string text, string genuine) =>
        text.Length == genuine.Length && text.Select(c => char.IsAsciiLetterLower(c) ? (char)(c - 32) : c).SequenceEqual(genuine);

    private byte[] Pick(Random random) => _genuine[random.Next(_genuine.Length)];

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 200)];
        random.NextBytes(bytes);
        if (bytes.Length > 0 && random.Next(2) == 0)
        {
            bytes[0] = 0x84; // start like a COSE_Sign1 array so that the fuzz reaches deeper checks
        }

        return bytes;
    }

    private static string RandomText(Random random)
    {
        var prefix = random.Next(3) switch
        {
            0 => "HTTPS://STAR.EXAMPLE.CN/V/",
            1 => "https://star.example.cn/v/",
            _ => string.Empty,
        };
        var chars = new char[random.Next(0, 330)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(10) == 0 ? (char)random.Next(0, 0x3000) : TextAlphabet[random.Next(TextAlphabet.Length)];
        }

        return prefix + new string(chars);
    }

    private static byte[] Mutate(Random random, byte[] genuine, byte[] donor)
    {
        var bytes = new List<byte>(genuine);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5:
                    bytes.AddRange(genuine.AsSpan(0, random.Next(genuine.Length + 1)));
                    break;
                default:
                    // Splice in the bytes at the same positions of another genuine envelope.
                    var length = Math.Min(random.Next(1, 80), Math.Min(donor.Length, bytes.Count) - at);
                    for (var k = 0; k < length; k++)
                    {
                        bytes[at + k] = donor[at + k];
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    private static string MutateText(Random random, string text)
    {
        var chars = new List<char>(text);
        var at = random.Next(chars.Count);
        switch (random.Next(4))
        {
            case 0:
                chars[at] = TextAlphabet[random.Next(TextAlphabet.Length)];
                break;
            case 1:
                chars.Insert(at, TextAlphabet[random.Next(TextAlphabet.Length)]);
                break;
            case 2:
                chars.RemoveAt(at);
                break;
            default:
                chars.AddRange(text);
                break;
        }

        return new string([.. chars]);
    }
}

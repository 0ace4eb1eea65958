namespace Registry.Domain.Tests.TestSupport;

/// <summary>
/// An independent implementation of the GB 32100-2015 check character, written from the standard's
/// description rather than from the production code: the alphabet is built by removing I, O, S, V and Z
/// from 0–9 A–Z, and the weights are computed as 3^(i−1) mod 31 instead of being copied as a table.
/// </summary>
public static class Gb32100
{
    public static readonly string Alphabet = new(
        [.. "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".Where(c => "IOSVZ".IndexOf(c, StringComparison.Ordinal) < 0)]);

    public static IReadOnlyList<int> Weights { get; } = [.. Enumerable.Range(0, 17).Select(i => PowMod(3, i, 31))];

    public static bool IsValid(string code) =>
        code.Length == 18
        && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal))
        && Check(code[..17]) == code[17];

    public static char Check(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        var value = (31 - (sum % 31)) % 31;
        return Alphabet[value];
    }

    /// <summary>Completes 17 characters with their check character.</summary>
    public static string Complete(string first17) => first17 + Check(first17);

    private static int PowMod(int b, int e, int m)
    {
        var result = 1;
        for (var i = 0; i < e; i++)
        {
            result = result * b % m;
        }

        return result;
    }
}

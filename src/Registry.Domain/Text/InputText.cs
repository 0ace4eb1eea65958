using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Registry.Domain.Text;

/// <summary>Whether a field may hold more than one line.</summary>
public enum TextShape
{
    /// <summary>Names, numbers, codes, search text, query parameters: no tab and no line break.</summary>
    SingleLine,

    /// <summary>Reasons and scopes, which people paste from documents: tab, CR and LF allowed.</summary>
    MultiLine,
}

/// <summary>Why a text was refused: the stable code, the field, and a sentence that says what and where.</summary>
public sealed record TextRefusal(string Field, string Message)
{
    public string Code { get; } = InputText.InvalidTextCode;
}

/// <summary>
/// The one rule every text entering the registry passes, whatever carried it (a JSON body, a CSV cell, a
/// GraphQL argument, a query string, a form field, a file name). Refused: bytes that are not UTF-8, unpaired
/// surrogates, NUL and the other control characters (tab and line breaks only where the field allows them),
/// the bidirectional controls that make text display in another order than it is stored, noncharacters,
/// and text that Unicode normalisation (NFC) would rewrite, such as a CJK compatibility ideograph (U+F900)
/// that stands for a unified one (U+8C48) or the Kelvin sign for K: such text looks like one name and is
/// stored and searched as another. Full-width letters are not refused: NFC keeps them, and the identifier
/// folding (<see cref="Identifiers.IdentifierText"/>) reads them on purpose.
/// </summary>
public static class InputText
{
    public const string InvalidTextCode = "INVALID_TEXT";

    /// <summary>The first reason <paramref name="value"/> cannot enter as <paramref name="field"/>, or null when it can.</summary>
    public static TextRefusal? Check(string? value, string field, TextShape shape = TextShape.SingleLine)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var allAscii = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80)
            {
                if (c < 0x20 || c == 0x7F)
                {
                    if (shape == TextShape.MultiLine && c is '\t' or '\n' or '\r')
                    {
                        continue;
                    }

                    return Refuse(field, c == 0 ? $"contains a NUL character (U+0000) at position {i + 1}"
                        : c is '\t' or '\n' or '\r' ? $"contains a {Name(c)} at position {i + 1}, and this field holds one line"
                        : $"contains the control character {Code(c)} at position {i + 1}");
                }

                continue;
            }

            allAscii = false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, value[i + 1]);
                if (IsNoncharacter(scalar))
                {
                    return Refuse(field, $"contains the noncharacter {Code(scalar)} at position {i + 1}");
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return Refuse(field, $"contains an unpaired surrogate ({Code(c)}) at position {i + 1}: the text is not valid Unicode");
            }

            if (char.IsControl(c))
            {
                return Refuse(field, $"contains the control character {Code(c)} at position {i + 1}");
            }

            if (IsBidiControl(c))
            {
                return Refuse(field, $"contains the bidirectional control {Code(c)} at position {i + 1}, which makes text display in another order than it is stored");
            }

            if (IsNoncharacter(c))
            {
                return Refuse(field, $"contains the noncharacter {Code(c)} at position {i + 1}");
            }
        }

        if (!allAscii && !value.IsNormalized(NormalizationForm.FormC))
        {
            return Refuse(field, NotNormalized(value));
        }

        return null;
    }

    /// <summary>
    /// The text with every character the rule refuses replaced by U+FFFD, for a record of what was refused (an
    /// audit entry keeps what a client sent without storing what PostgreSQL cannot hold).
    /// </summary>
    public static string Printable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Check(value, string.Empty, TextShape.MultiLine) is null)
        {
            return value;
        }

        var printable = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, value[i + 1])))
                {
                    printable.Append('\uFFFD');
                }
                else
                {
                    printable.Append(value.AsSpan(i, 2));
                }

                i++;
            }
            else
            {
                printable.Append((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || IsBidiControl(c) || IsNoncharacter(c) ? '\uFFFD' : c);
            }
        }

        return printable.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Checks that bytes are UTF-8, strictly: the refusal when they are not (an overlong form, a
    /// surrogate's encoding, a truncated sequence, a stray continuation byte).
    /// </summary>
    public static TextRefusal? CheckUtf8(ReadOnlySpan<byte> bytes, string field)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            at += consumed;
        }

        return Refuse(field, $"is not valid UTF-8 (byte 0x{bytes[Math.Min(at, bytes.Length - 1)]:X2} at offset {at})");
    }

    private static TextRefusal Refuse(string field, string what) => new(field, $"{field} {what}.");

    private static string NotNormalized(string value)
    {
        // Name the first character NFC changes, so that the person can find it.
        var position = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            var alone = rune.ToString();
            var normalized = alone.Normalize(NormalizationForm.FormC);
            if (!string.Equals(alone, normalized, StringComparison.Ordinal))
            {
                var replacement = string.Join(" ", normalized.EnumerateRunes().Select(r => Code(r.Value)));
                return $"contains {Code(rune.Value)} at position {position + 1}, which Unicode normalisation (NFC) stores as {replacement}; type the character itself";
            }

            position += rune.Utf16SequenceLength;
        }

        return "is not in Unicode normal form C (a combining mark follows a character it composes with); type the composed character";
    }

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsNoncharacter(int scalar) =>
        scalar is >= 0xFDD0 and <= 0xFDEF || (scalar & 0xFFFE) == 0xFFFE;

    private static string Name(char c) => c switch
    {
        '\t' => "tab",
        '\n' => "line feed",
        _ => "carriage return",
    };

    private static string Code(int scalar) => "U+" + scalar.ToString("X4", CultureInfo.InvariantCulture);
}

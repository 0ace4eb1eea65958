using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Registry.Domain.Text;

namespace Registry.Web.Features.Input;

/// <summary>
/// The request's address under the one text rule (<see cref="InputText"/>): the path and every query parameter,
/// read from the raw target as the client sent it. ASP.NET Core decodes percent escapes leniently (bytes that are
/// not UTF-8 become U+FFFD, %00 a NUL), so the rule is applied to the bytes the escapes stand for. Query values
/// may hold tabs and line breaks (a pasted search text ends in one), which every reader treats as spaces; the path
/// may not.
/// </summary>
public static class AddressText
{
    public static TextRefusal? Check(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            target = context.Request.Path.Value + context.Request.QueryString.Value;
        }

        // Most addresses are printable ASCII without escapes, and such text cannot break the rule: nothing to decode.
        if (!target.AsSpan().ContainsAnyExceptInRange('!', '~') && !target.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        if (CheckComponent(path, plusIsSpace: false, "The address", TextShape.SingleLine) is { } pathRefusal)
        {
            return pathRefusal;
        }

        if (question < 0)
        {
            return null;
        }

        foreach (var pair in target[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (CheckComponent(name, plusIsSpace: true, "A query parameter's name", TextShape.SingleLine) is { } nameRefusal)
            {
                return nameRefusal;
            }

            if (equals >= 0)
            {
                var decodedName = Encoding.UTF8.GetString(Decode(name, plusIsSpace: true));
                if (CheckComponent(pair[(equals + 1)..], plusIsSpace: true, $"The query parameter {decodedName}", TextShape.MultiLine) is { } valueRefusal)
                {
                    return valueRefusal;
                }
            }
        }

        return null;
    }

    private static TextRefusal? CheckComponent(string escaped, bool plusIsSpace, string field, TextShape shape)
    {
        var bytes = Decode(escaped, plusIsSpace);
        return InputText.CheckUtf8(bytes, field) ?? InputText.Check(Encoding.UTF8.GetString(bytes), field, shape);
    }

    /// <summary>Percent escapes to bytes; a '%' not followed by two hex digits stands for itself, as browsers do.</summary>
    private static byte[] Decode(string escaped, bool plusIsSpace)
    {
        var bytes = new List<byte>(escaped.Length);
        var utf8 = new byte[4];
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c == '%' && i + 2 < escaped.Length && Uri.IsHexDigit(escaped[i + 1]) && Uri.IsHexDigit(escaped[i + 2]))
            {
                bytes.Add((byte)((Uri.FromHex(escaped[i + 1]) << 4) | Uri.FromHex(escaped[i + 2])));
                i += 2;
            }
            else if (c == '+' && plusIsSpace)
            {
                bytes.Add((byte)' ');
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                // Kestrel hands non-ASCII target bytes over as Latin-1 characters; anything else is re-encoded as sent.
                var length = char.IsSurrogate(c) && i + 1 < escaped.Length
                    ? Encoding.UTF8.GetBytes(escaped.AsSpan(i++, 2), utf8)
                    : c <= 0xFF ? Latin1(c, utf8) : Encoding.UTF8.GetBytes([c], utf8);
                bytes.AddRange(utf8.AsSpan(0, length));
            }
        }

        return [.. bytes];
    }

    private static int Latin1(char c, byte[] into)
    {
        into[0] = (byte)c;
        return 1;
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Registry.Web.Features.Search.Analysis;

/// <summary>
/// Cuts each term to at most a number of code points. Lucene's TruncateTokenFilter counts UTF-16 units and could
/// leave half a surrogate pair, while the edge n-grams it has to match are counted in code points.
/// </summary>
internal sealed class CodePointTruncateFilter : TokenFilter
{
    private readonly int _maxCodePoints;
    private readonly ICharTermAttribute _term;

    public CodePointTruncateFilter(TokenStream input, int maxCodePoints) : base(input)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCodePoints);
        _maxCodePoints = maxCodePoints;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        var end = 0;
        for (var seen = 0; end < length && seen < _maxCodePoints; seen++)
        {
            end += end + 1 < length && char.IsSurrogatePair(buffer[end], buffer[end + 1]) ? 2 : 1;
        }

        if (end < length)
        {
            _term.SetLength(end);
        }

        return true;
    }
}

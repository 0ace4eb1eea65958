using Lucene.Net.Analysis;

namespace Registry.Web.Features.Search.Analysis;

/// <summary>
/// Folds traditional characters to simplified ones before the tokenizer sees them. Every mapping is one UTF-16
/// unit for one, so offsets need no correction and still point into the original text. It folds exactly as
/// Lucene's MappingCharFilter would with the same pairs (tested), about 8 times faster on company names: that
/// one walks an FST per character and keeps offset corrections, this one reads a table.
/// </summary>
public sealed class TraditionalToSimplifiedCharFilter(TextReader input) : CharFilter(input)
{
    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0)
        {
            ChineseFolding.Fold(buffer.AsSpan(index, read));
        }

        return read;
    }

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : ChineseFolding.Fold((char)c);
    }

    public override int Peek()
    {
        var c = m_input.Peek();
        return c < 0 ? c : ChineseFolding.Fold((char)c);
    }

    protected override int Correct(int currentOff) => currentOff;
}

namespace Registry.Web.Features.Search.Analysis;

/// <summary>
/// One term as an analyzer emitted it. Position counts from 0; stacked terms (a bigram on its first unigram)
/// share a position and span <paramref name="PositionLength"/> positions. Offsets are UTF-16 indexes into the
/// original text, end exclusive, ready for highlighting.
/// </summary>
public readonly record struct AnalyzedToken(
    string Term, int Position, int PositionLength, int StartOffset, int EndOffset, string Type);

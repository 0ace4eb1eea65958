using Registry.Domain;
using Registry.Domain.Identifiers;
using Registry.Domain.Text;
using Registry.Web.Features.Input.Tables;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Features.Checks;

/// <summary>What the registry took a row to ask about, by what the person typed in it.</summary>
public enum AskedAs
{
    CertificateNumber,
    CreditCode,
    Name,

    /// <summary>Nothing in the row can be asked about: a code that is not one, or text the registry refuses.</summary>
    Unreadable,
}

/// <summary>
/// One row of a bulk check, read: the text as typed, and what of it is a certificate number, a unified social
/// credit code or a company name. A malformed code is kept with the reason, so the answer can say why nothing matched.
/// </summary>
public sealed record CheckAsk(int Row, int SourceRow, string Asked, string? Number, string? CreditCode, string? Name, CheckProblem? Problem)
{
    public AskedAs AskedAs =>
        Number is not null ? AskedAs.CertificateNumber
        : CreditCode is not null ? AskedAs.CreditCode
        : Name is not null ? AskedAs.Name
        : AskedAs.Unreadable;
}

/// <summary>Why a row has no answer of its own: a stable code and a sentence.</summary>
public sealed record CheckProblem(string Code, string Message);

/// <summary>
/// Turns a table into rows to check. A first row of column names (公司名称, 统一社会信用代码, 证书编号, Company,
/// Credit code, Certificate number, …) says which columns to read; without one, every cell is read for what it
/// holds. Either way each cell is judged by its content, so a credit code in a name column is still a credit code.
/// </summary>
public static class CheckRows
{
    public const int MaxRows = 1000;

    private enum Column
    {
        Ignored,
        Name,
        CreditCode,
        Number,
    }

    private static readonly Dictionary<string, Column> Headings = new(StringComparer.Ordinal)
    {
        ["公司名称"] = Column.Name, ["企业名称"] = Column.Name, ["单位名称"] = Column.Name, ["名称"] = Column.Name, ["公司"] = Column.Name,
        ["企业"] = Column.Name, ["投标人"] = Column.Name, ["投标人名称"] = Column.Name, ["投标单位"] = Column.Name, ["供应商"] = Column.Name,
        ["供应商名称"] = Column.Name, ["获证组织"] = Column.Name, ["获证企业"] = Column.Name, ["组织名称"] = Column.Name, ["持证人"] = Column.Name,
        ["company"] = Column.Name, ["companyname"] = Column.Name, ["name"] = Column.Name, ["bidder"] = Column.Name, ["supplier"] = Column.Name,
        ["organisation"] = Column.Name, ["organization"] = Column.Name, ["holder"] = Column.Name, ["vendor"] = Column.Name,
        ["统一社会信用代码"] = Column.CreditCode, ["社会信用代码"] = Column.CreditCode, ["信用代码"] = Column.CreditCode, ["统一代码"] = Column.CreditCode,
        ["uscc"] = Column.CreditCode, ["creditcode"] = Column.CreditCode, ["socialcreditcode"] = Column.CreditCode,
        ["unifiedsocialcreditcode"] = Column.CreditCode,
        ["证书编号"] = Column.Number, ["证书号"] = Column.Number, ["证书号码"] = Column.Number, ["证书"] = Column.Number, ["编号"] = Column.Number,
        ["certificate"] = Column.Number, ["certificatenumber"] = Column.Number, ["certificateno"] = Column.Number, ["certno"] = Column.Number,
        ["number"] = Column.Number,
    };

    public static IReadOnlyList<CheckAsk> Read(TextTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows;
        var columns = HeaderColumns(rows[0].Cells);
        var data = columns is null ? rows : rows.Skip(1).ToList();
        var asks = new List<CheckAsk>(data.Count);
        foreach (var row in data)
        {
            asks.Add(Read(asks.Count + 1, row, columns));
        }

        return asks;
    }

    /// <summary>The header row's column kinds, or null when the first row is data.</summary>
    private static Column[]? HeaderColumns(IReadOnlyList<string> cells)
    {
        var kinds = cells.Select(c => Headings.GetValueOrDefault(HeadingKey(c))).ToArray();
        return kinds.Any(k => k != Column.Ignored) ? kinds : null;
    }

    private static string HeadingKey(string cell) =>
        new([.. IdentifierText.Fold(cell).Where(c => !char.IsPunctuation(c) && !char.IsSymbol(c)).Select(char.ToLowerInvariant)]);

    private static CheckAsk Read(int number, TableRow row, Column[]? columns)
    {
        // What was asked is what was read: the cells of the columns a heading names, or every cell without one.
        var asked = string.Join(" | ", row.Cells.Where((c, i) => c.Length > 0 && (columns is null || (i < columns.Length && columns[i] != Column.Ignored))));
        string? certificate = null, creditCode = null, name = null;
        CheckProblem? problem = null;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var cell = row.Cells[i];
            var column = columns is null ? (Column?)null : i < columns.Length ? columns[i] : Column.Ignored;
            if (cell.Length == 0 || column == Column.Ignored)
            {
                continue;
            }

            if (InputText.Check(cell, $"row {number}") is { } refusal)
            {
                problem ??= new CheckProblem(refusal.Code, refusal.Message);
                continue;
            }

            var candidate = QueryInterpretation.IdentifierCandidate(cell);
            if (Registry.Domain.Identifiers.CreditCode.TryParse(candidate, out var code, out var failure))
            {
                creditCode ??= code.Value;
                continue;
            }

            var folded = IdentifierText.Fold(candidate);
            if (LooksLikeCreditCode(folded, column))
            {
                problem ??= new CheckProblem(failure.Code, failure.Message);
                continue;
            }

            if (LooksLikeNumber(folded, column))
            {
                if (CertificateNumber.TryNormalize(candidate, out var normalized, out var error))
                {
                    certificate ??= normalized;
                }
                else
                {
                    problem ??= new CheckProblem(DomainErrorCodes.MalformedCertificateNumber, error);
                }

                continue;
            }

            if (column is null or Column.Name && !IsRowNumber(folded, column))
            {
                name ??= cell;
            }
        }

        return new CheckAsk(number, row.SourceRow, asked, certificate, creditCode, name, certificate is null && creditCode is null && name is null ? problem ?? Nothing() : problem);
    }

    // A credit code's shape (eighteen characters of its alphabet, a six-digit division code at positions 3 to 8) that
    // fails its check is a mistyped credit code in any column; so is anything in the credit code column. Certificate
    // numbers of eighteen characters almost always hold a letter the alphabet leaves out (I, O, S, V, Z) or letters
    // where the division code stands.
    private static bool LooksLikeCreditCode(string folded, Column? column) =>
        column == Column.CreditCode
        || Registry.Domain.Identifiers.CreditCode.HasShape(folded);

    // A certificate number has letters and digits only, once folded, and at least one digit; a company name has Han
    // characters or spaces, so a number typed in the name column is still a number. The number column is read as
    // numbers whatever they look like.
    private static bool LooksLikeNumber(string folded, Column? column) =>
        column == Column.Number
        || column is null or Column.Name && folded.Length >= CertificateNumber.MinNormalizedLength && folded.All(char.IsAsciiLetterOrDigit) && folded.Any(char.IsAsciiDigit);

    // The 序号 column people keep at the left: a short whole number is a row number, not a name.
    private static bool IsRowNumber(string folded, Column? column) =>
        column is null && folded.Length is > 0 and <= 5 && folded.All(char.IsAsciiDigit);

    private static CheckProblem Nothing() => new("NOTHING_TO_CHECK", "The row holds no company name, credit code or certificate number.");
}

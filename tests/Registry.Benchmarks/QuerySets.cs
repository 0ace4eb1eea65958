using Npgsql;
using Registry.Domain.Identifiers;
using Registry.Domain.Lifecycle;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;
using Registry.Web.Features.Search.Querying;

namespace Registry.Benchmarks;

public enum BenchKind
{
    /// <summary>A whole legal name, as copied from an invoice.</summary>
    Name,

    /// <summary>Two characters from the middle of a name: the brand (晴泰 in 成都晴泰净水科技有限公司).</summary>
    Partial2,

    /// <summary>Three characters from the middle: the brand and the next character (晴泰净).</summary>
    Partial3,

    /// <summary>A certificate number typed in lower case, with other separators or none.</summary>
    Number,

    /// <summary>A trade word (家电, 汽车销售服务 ...) with status = Valid and one province, with facet counts.</summary>
    Filtered,
}

/// <summary>One query of a set: what the site is asked, and what the SQL side is given for the same question.</summary>
public sealed record BenchQuery(BenchKind Kind, SearchRequest Request, string SqlText, string? Province, long SourceCertificateId);

/// <summary>
/// Query sets drawn from the database with a fixed seed: certificates picked by random id, and each query
/// derived from one of them, so every query has at least one true answer and reruns ask the same questions.
/// </summary>
public sealed class QuerySets
{
    // The legal forms and trade words that end the demo data's names (DemoNames); a name that ends otherwise
    // still gives a partial, taken from its middle.
    private static readonly string[] LegalForms = ["股份有限公司", "有限责任公司", "集团有限公司", "有限公司"];

    private static readonly string[] Trades =
    [
        "家电", "电器", "汽车销售服务", "电梯", "物业服务", "家具", "门窗", "环保科技", "工程机械", "净水科技", "照明",
        "厨卫电器", "空调设备", "电动车", "服饰", "安防科技", "医疗器械", "建材", "农业机械", "办公设备", "通信设备",
        "信息技术", "消防设备", "锅炉", "泵业", "涂料", "轮胎", "物流", "地板", "卫浴", "智能家居", "新能源科技",
        "仪器仪表", "汽车服务", "家居", "电子商务",
    ];

    private QuerySets(IReadOnlyDictionary<BenchKind, IReadOnlyList<BenchQuery>> sets) => Sets = sets;

    public IReadOnlyDictionary<BenchKind, IReadOnlyList<BenchQuery>> Sets { get; }

    public IReadOnlyList<BenchQuery> this[BenchKind kind] => Sets[kind];

    public static async Task<QuerySets> DrawAsync(NpgsqlDataSource dataSource, int samples, int seed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        long min, max;
        await using (var range = new NpgsqlCommand("SELECT min(id), max(id) FROM certificates", connection))
        await using (var reader = await range.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (min, max) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var random = new Random(seed);
        var picked = new List<long>();
        var seen = new HashSet<long>();
        var records = new Dictionary<long, SearchRecord>();
        while (records.Count < samples && seen.Count < max - min + 1)
        {
            var batch = new List<long>();
            while (batch.Count < samples - records.Count && seen.Count < max - min + 1)
            {
                var id = random.NextInt64(min, max + 1);
                if (seen.Add(id))
                {
                    batch.Add(id);
                    picked.Add(id);
                }
            }

            foreach (var record in await SearchRecordReader.ByIdsAsync(connection, batch, cancellationToken))
            {
                records[record.CertificateId] = record;
            }
        }

        var ordered = picked.Where(records.ContainsKey).Select(id => records[id]).ToList();
        var derive = new Random(seed + 1);
        var sets = new Dictionary<BenchKind, IReadOnlyList<BenchQuery>>
        {
            [BenchKind.Name] = [.. ordered.Select(r => Text(BenchKind.Name, r, r.LegalNameZh))],
            [BenchKind.Partial2] = [.. ordered.Select(r => Text(BenchKind.Partial2, r, Partial(r.LegalNameZh, 2, derive)))],
            [BenchKind.Partial3] = [.. ordered.Select(r => Text(BenchKind.Partial3, r, Partial(r.LegalNameZh, 3, derive)))],
            [BenchKind.Number] = [.. ordered.Select((r, i) => NumberQuery(r, i))],
            [BenchKind.Filtered] = [.. ordered.Select(r => FilteredQuery(r, derive))],
        };
        return new QuerySets(sets);
    }

    private static BenchQuery Text(BenchKind kind, SearchRecord record, string text) =>
        new(kind, new SearchRequest { Text = text }, text, null, record.CertificateId);

    /// <summary>Typed the way people type numbers off a plaque: lower case, other separators, none, full-width.</summary>
    private static BenchQuery NumberQuery(SearchRecord record, int i)
    {
        var number = record.Number;
        var typed = (i % 5) switch
        {
            0 => number.ToLowerInvariant(),
            1 => Resplit(number, "-"),
            2 => Resplit(number, string.Empty).ToLowerInvariant(),
            3 => Resplit(number, " "),
            _ => FullWidth(number),
        };
        // The SQL side gets the same folding the site applies (IdentifierText), so it can use the unique index.
        return new BenchQuery(BenchKind.Number, new SearchRequest { Text = typed }, IdentifierText.Fold(typed), null, record.CertificateId);
    }

    private static BenchQuery FilteredQuery(SearchRecord record, Random random)
    {
        var core = WithoutLegalForm(record.LegalNameZh);
        var trade = Trades.Where(t => core.EndsWith(t, StringComparison.Ordinal)).MaxBy(t => t.Length)
            ?? Partial(record.LegalNameZh, 2, random);
        var request = new SearchRequest
        {
            Text = trade,
            Statuses = [CertificateStatus.Valid],
            Provinces = [record.ProvinceCode],
        };
        return new BenchQuery(BenchKind.Filtered, request, trade, record.ProvinceCode, record.CertificateId);
    }

    /// <summary>The brand (and with three characters, the next one): what sits between the region and the trade.</summary>
    public static string Partial(string name, int length, Random random)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(random);
        var core = WithoutLegalForm(name);
        var trade = Trades.Where(t => core.EndsWith(t, StringComparison.Ordinal)).MaxBy(t => t.Length);
        if (trade is not null)
        {
            var brandStart = core.Length - trade.Length - 2;
            if (brandStart >= 1 && brandStart + length <= core.Length)
            {
                return core.Substring(brandStart, length);
            }
        }

        // Anything else: a substring that neither starts nor ends the name.
        var last = Math.Max(1, core.Length - length);
        var start = last <= 1 ? 0 : random.Next(1, last);
        return core.Substring(start, Math.Min(length, core.Length - start));
    }

    private static string WithoutLegalForm(string name) =>
        LegalForms.FirstOrDefault(f => name.EndsWith(f, StringComparison.Ordinal) && name.Length > f.Length + 2) is { } form
            ? name[..^form.Length]
            : name;

    private static string Resplit(string number, string separator) =>
        string.Join(separator, number.Split([' ', '-', '/', '·', '.', '_'], StringSplitOptions.RemoveEmptyEntries));

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '！') : c));
}

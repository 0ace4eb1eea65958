using System.Data;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Npgsql;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Querying;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.Search.Indexing;

public sealed record StatusCountComparison(CertificateStatus Status, long Database, long Index);

public sealed record VerifyReport(
    string Folder,
    long IndexSequence,
    long OutboxSequence,
    IReadOnlyList<StatusCountComparison> Counts,
    int Sampled,
    IReadOnlyList<string> Differences)
{
    public bool HasDrift => Differences.Count > 0;
}

/// <summary>
/// Compares the committed index with PostgreSQL: how far it is behind the outbox, counts per status,
/// and a random sample of documents field by field.
/// </summary>
public sealed class IndexVerifier(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly CertificateStatus[] Statuses =
        [CertificateStatus.Valid, CertificateStatus.Suspended, CertificateStatus.Withdrawn, CertificateStatus.Cancelled, CertificateStatus.Expired];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<VerifyReport> VerifyAsync(IndexGenerations generations, int sampleSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generations);
        var folder = generations.Current() ?? throw new InvalidOperationException($"No index has been built in {generations.Root}.");
        var today = RegistryCalendar.Today(clock);
        using var directory = new NIOFSDirectory(folder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var indexSequence = SearchIndex.ReadSequence(reader.IndexCommit.UserData);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var outboxSequence = await OutboxReader.LastSequenceAsync(connection, transaction, cancellationToken);
        var databaseCounts = await CountByStatusAsync(connection, transaction, today, cancellationToken);
        var facets = new FacetCollector(today);
        searcher.Search(new MatchAllDocsQuery(), facets);
        var indexCounts = facets.Result();

        var differences = new List<string>();
        if (indexSequence != outboxSequence)
        {
            differences.Add($"The index contains outbox changes up to {indexSequence}; the database is at {outboxSequence}.");
        }

        var counts = Statuses.Select(s => new StatusCountComparison(s, databaseCounts.GetValueOrDefault(s), indexCounts.CountOf(s))).ToList();
        differences.AddRange(counts.Where(c => c.Database != c.Index)
            .Select(c => $"{c.Status}: {c.Database} in the database, {c.Index} in the index."));

        var sample = await SearchRecordReader.SampleAsync(connection, sampleSize, cancellationToken);
        foreach (var expected in sample)
        {
            var found = searcher.Search(new TermQuery(new Term(SearchFields.Id, expected.CertificateId.ToString(CultureInfo.InvariantCulture))), 2);
            if (found.TotalHits != 1)
            {
                differences.Add($"Certificate {expected.Number} is in the index {found.TotalHits} times.");
                continue;
            }

            var actual = CertificateDocument.Read(searcher.Doc(found.ScoreDocs[0].Doc));
            if (JsonSerializer.Serialize(actual, Json) != JsonSerializer.Serialize(expected, Json))
            {
                differences.Add($"Certificate {expected.Number} differs between the index and the database.");
            }
        }

        return new VerifyReport(folder, indexSequence, outboxSequence, counts, sample.Count, differences);
    }

    private static async Task<Dictionary<CertificateStatus, long>> CountByStatusAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly today, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT standing, expires_on < @today, count(*) FROM certificates GROUP BY 1, 2", connection, transaction);
        command.Parameters.AddWithValue("today", today);
        var counts = new Dictionary<CertificateStatus, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var standing = Enum.Parse<CertificateStanding>(reader.GetString(0));
            var status = standing.Status(lapsed: reader.GetBoolean(1));
            counts[status] = counts.GetValueOrDefault(status) + reader.GetInt64(2);
        }

        return counts;
    }
}

using System.Data;
using System.Diagnostics;
using Npgsql;
using Registry.Web.Features.Search.Index;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.Search.Indexing;

public sealed record RebuildResult(string Folder, long Documents, long OutboxSequence, TimeSpan Elapsed);

/// <summary>
/// Builds a whole new generation from PostgreSQL and makes it current. It reads one consistent snapshot
/// (REPEATABLE READ) and records the outbox sequence that snapshot contains, so that a follower
/// applies exactly the changes made after it.
/// </summary>
public sealed class IndexRebuilder(NpgsqlDataSource dataSource)
{
    public async Task<RebuildResult> RebuildAsync(IndexGenerations generations, Action<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generations);
        var stopwatch = Stopwatch.StartNew();
        var folder = generations.CreateNext();
        long documents = 0;
        long sequence;
        try
        {
            using var index = new SearchIndex(folder);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            sequence = await OutboxReader.LastSequenceAsync(connection, transaction, cancellationToken);
            var batch = new List<SearchRecord>(1000);
            await foreach (var record in SearchRecordReader.AllAsync(connection, transaction, cancellationToken))
            {
                batch.Add(record);
                if (batch.Count == batch.Capacity)
                {
                    index.Add(batch);
                    documents += batch.Count;
                    batch.Clear();
                    if (documents % 100_000 == 0)
                    {
                        progress?.Invoke(documents);
                    }
                }
            }

            index.Add(batch);
            documents += batch.Count;
            index.Commit(sequence);
        }
        catch
        {
            TryDelete(folder);
            throw;
        }

        generations.MakeCurrent(folder);
        return new RebuildResult(folder, documents, sequence, stopwatch.Elapsed);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next clean-up of old generations.
        }
    }
}

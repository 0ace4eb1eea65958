using Npgsql;
using Registry.Web.Features.Search.Index;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.Search.Indexing;

/// <summary>Brings one index generation up to date with the outbox, batch by batch, committing each.</summary>
public sealed class OutboxApplier(NpgsqlDataSource dataSource, int batchSize)
{
    /// <summary>Applies everything after the index's sequence; returns how many outbox messages it applied.</summary>
    public async Task<int> CatchUpAsync(SearchIndex index, CancellationToken cancellationToken)
    {
        var applied = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        while (await ApplyNextAsync(connection, index, cancellationToken) is var count and > 0)
        {
            applied += count;
        }

        return applied;
    }

    /// <summary>Applies one batch after the index's sequence; returns how many outbox messages it applied (0: none left).</summary>
    public async Task<int> ApplyNextAsync(NpgsqlConnection connection, SearchIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        var batch = await OutboxReader.AfterAsync(connection, index.AppliedSequence, batchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var ids = batch.Select(e => e.CertificateId).Distinct().ToList();
        var records = await SearchRecordReader.ByIdsAsync(connection, ids, cancellationToken);
        index.Upsert(records);
        index.Delete(ids.Except(records.Select(r => r.CertificateId)));
        // Searches see the batch first: near-real-time readers need no commit, so a change is not held
        // back by the commit's fsync. The commit then sets AppliedSequence (what /search/status reports),
        // so a reported sequence is always both searchable and durable.
        index.Refresh();
        index.Commit(batch[^1].Sequence);
        return batch.Count;
    }
}

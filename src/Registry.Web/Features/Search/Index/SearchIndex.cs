using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Registry.Web.Features.Search.Index;

/// <summary>
/// One index generation opened for writing, with near-real-time searchers over what has been written.
/// Each commit records the outbox sequence it contains, so a restarted process knows where to resume.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeGate = new();
    private long _appliedSequence;

    public SearchIndex(string folder)
    {
        Folder = folder;
        // Not FSDirectory.Open (MMapDirectory): Lucene.Net 4.8's memory-mapped inputs track every clone in a
        // ConditionalWeakTable, which made garbage collections pause searches for 10–30 ms (see ops/bench).
        _directory = new NIOFSDirectory(folder);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, IndexAnalyzer.Instance)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
            MergePolicy = new SmallSegmentMergePolicy(),
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        AppliedSequence = ReadSequence(_writer.CommitData);
    }

    public string Folder { get; }

    /// <summary>The last outbox sequence committed: every change up to it is durable and searchable.</summary>
    public long AppliedSequence
    {
        get => Volatile.Read(ref _appliedSequence);
        private set => Volatile.Write(ref _appliedSequence, value);
    }

    public void Upsert(IEnumerable<SearchRecord> records)
    {
        lock (_writeGate)
        {
            foreach (var record in records)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, record.CertificateId.ToString(CultureInfo.InvariantCulture)), CertificateDocument.From(record));
            }
        }
    }

    /// <summary>Adds documents known not to be in the index yet (a fresh build): no look-up of an old copy.</summary>
    public void Add(IEnumerable<SearchRecord> records)
    {
        lock (_writeGate)
        {
            foreach (var record in records)
            {
                _writer.AddDocument(CertificateDocument.From(record));
            }
        }
    }

    public void Delete(IEnumerable<long> certificateIds)
    {
        lock (_writeGate)
        {
            foreach (var id in certificateIds)
            {
                _writer.DeleteDocuments(new Term(SearchFields.Id, id.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>Makes everything written so far durable, recorded as containing changes up to <paramref name="sequence"/>.</summary>
    public void Commit(long sequence)
    {
        lock (_writeGate)
        {
            _writer.SetCommitData(new Dictionary<string, string> { [SearchFields.OutboxSequence] = sequence.ToString(CultureInfo.InvariantCulture) });
            _writer.Commit();
            AppliedSequence = sequence;
        }
    }

    /// <summary>Lets searches see what was written, without waiting for a commit.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    public IndexSearcher Acquire() => _searchers.Acquire();

    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    public static long ReadSequence(IDictionary<string, string>? commitData) =>
        commitData is not null && commitData.TryGetValue(SearchFields.OutboxSequence, out var value)
            ? long.Parse(value, CultureInfo.InvariantCulture)
            : 0;
}

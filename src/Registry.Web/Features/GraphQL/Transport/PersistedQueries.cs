using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Registry.Web.Features.PageCache;
using Registry.Web.Features.StatusFeed;
using StackExchange.Redis;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// Automatic persisted queries, as Apollo clients send them: <c>extensions.persistedQuery = {version: 1, sha256Hash}</c>
/// with or without the document. A hash the registry has seen stands for its document; an unknown one is answered
/// <c>PERSISTED_QUERY_NOT_FOUND</c>, and the client sends the document with its hash once, which is checked and kept.
/// Only documents that validated and ran are kept: in memory (bounded) and in Redis when it is there (7 days), so every
/// instance knows a hash any of them has seen; a Redis read waits at most <see cref="RedisWait"/>.
/// </summary>
public sealed partial class PersistedQueries(RedisConnection redis, IConfiguration configuration, ILogger<PersistedQueries> logger)
{
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string HashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string Unsupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    public const int MaxDocuments = 10_000;
    public static readonly TimeSpan RedisWait = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan RedisLifetime = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly string _prefix = $"registry:{PageCacheOptions.NamespaceOf(configuration)}:graphql:persisted:";

    /// <summary>
    /// The request with its document in place, or the refusal: the protocol's own codes, 200 like any GraphQL error
    /// for a hash not yet seen (the client's cue to send the document), 400 for a request that cannot be right.
    /// A request without the extension is returned as it is.
    /// </summary>
    public async Task<(GraphQLHttpRequest? Request, TransportProblem? Problem)> ResolveAsync(GraphQLHttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // RequestReader has already refused a request with neither a document nor this extension.
        if (request.Extensions?.TryGetValue("persistedQuery", out var extension) != true)
        {
            return (request, null);
        }

        if (extension is not IReadOnlyDictionary<string, object?> persisted
            || !persisted.TryGetValue("version", out var version) || version is not (1 or 1L)
            || !persisted.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string hash || !IsSha256Hex(hash))
        {
            return (null, new TransportProblem(StatusCodes.Status400BadRequest, Unsupported,
                "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<64 lower-case hex digits>\"}."));
        }

        if (request.Query.Length > 0)
        {
            if (!string.Equals(HashOf(request.Query), hash, StringComparison.Ordinal))
            {
                return (null, new TransportProblem(StatusCodes.Status400BadRequest, HashMismatch,
                    "extensions.persistedQuery.sha256Hash is not the SHA-256 of the document sent with it."));
            }

            // Kept once the document has run (RememberAsync): a document that does not even validate is not worth a hash.
            return (request with { PersistedHash = hash }, null);
        }

        var known = await FindAsync(hash, cancellationToken);
        return known is null
            ? (null, new TransportProblem(StatusCodes.Status200OK, NotFound, "PersistedQueryNotFound: send the document once with its hash."))
            : (request with { Query = known }, null);
    }

    /// <summary>Lower-case hex SHA-256 of the document's UTF-8, as Apollo clients compute it.</summary>
    public static string HashOf(string document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    private static bool IsSha256Hex(string hash) => hash.Length == 64 && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private async Task<string?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        if (_documents.TryGetValue(hash, out var document))
        {
            return document;
        }

        if (redis.Current is not { } connected)
        {
            return null;
        }

        try
        {
            var stored = await connected.GetDatabase().StringGetAsync(_prefix + hash).WaitAsync(RedisWait, cancellationToken);
            // Checked again: what Redis holds is only trusted as far as its hash goes.
            if (stored.HasValue && stored.ToString() is { } text && string.Equals(HashOf(text), hash, StringComparison.Ordinal))
            {
                Keep(hash, text);
                return text;
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisFault(e);
        }

        return null;
    }

    /// <summary>Keeps a document sent with its hash, once it has passed validation and run.</summary>
    public async Task RememberAsync(GraphQLHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PersistedHash is not { } hash || request.Query.Length > ValidatedDocuments.MaxDocumentCharacters)
        {
            return;
        }

        var document = request.Query;
        Keep(hash, document);
        if (redis.Current is not { } connected)
        {
            return;
        }

        try
        {
            await connected.GetDatabase().StringSetAsync(_prefix + hash, document, RedisLifetime, flags: CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisFault(e);
        }
    }

    private void Keep(string hash, string document)
    {
        if (_documents.Count < MaxDocuments && document.Length <= ValidatedDocuments.MaxDocumentCharacters)
        {
            _documents.TryAdd(hash, document);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Persisted queries: Redis failed; known only to this instance meanwhile")]
    private partial void LogRedisFault(Exception exception);
}

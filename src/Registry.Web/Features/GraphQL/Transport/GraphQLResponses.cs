using GraphQL;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// Writes every answer of the endpoint, results and refusals alike, as a GraphQL response, so that a client
/// always finds errors[].extensions.code, whatever went wrong.
/// </summary>
public sealed class GraphQLResponses(IGraphQLSerializer serializer, Microsoft.Extensions.Options.IOptions<GraphQLApiOptions> options)
{
    /// <summary>
    /// Writes the result, unless it is longer than the caller's response limit (<see cref="CallerLimits.MaxResponseBytes"/>):
    /// then only <c>RESPONSE_TOO_LARGE</c>. The answer is serialized into a buffer that refuses to grow past the
    /// limit, so an answer too large costs no more memory than the limit.
    /// </summary>
    public async Task WriteAsync(HttpContext http, ExecutionResult result, int status, ResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(http);
        var limit = CallerLimits.MaxResponseBytes(http, options.Value);
        using var buffer = new CappedBuffer(limit);
        try
        {
            await serializer.WriteAsync(buffer, result, http.RequestAborted);
        }
        catch (CappedBuffer.FullException)
        {
            buffer.SetLength(0);
            var refused = new ExecutionResult { Errors = [new ApiError(ErrorCodes.ResponseTooLarge,
                $"The answer would be longer than the {limit / (1024 * 1024)} MiB this API sends for one request; ask for fewer fields, smaller pages or fewer aliases.")] };
            await serializer.WriteAsync(buffer, refused, http.RequestAborted);
            status = format == ResponseFormat.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        }

        // A field that failed because the database is unreachable makes the whole answer a 503 that says when to retry.
        if (result.Errors?.Any(e => RegistryErrorInfoProvider.CodeOf(e) is ErrorCodes.ServiceUnavailable) == true)
        {
            status = StatusCodes.Status503ServiceUnavailable;
            Site.ErrorResponses.SetRetryAfter(http.Response, Data.DatabaseFaults.RetryAfter);
        }

        // An answer with an error (a refusal, an index still building) is never kept by the page cache.
        if (result.Errors is { Count: > 0 })
        {
            PageCache.PageCacheTags.DoNotStore(http);
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = ResponseFormats.ContentType(format);
        http.Response.ContentLength = buffer.Length;
        // Statuses change at any moment and a withdrawal must show at once: no cache may keep an answer.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Vary = "Accept";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    public Task RefuseAsync(HttpContext http, TransportProblem problem, ResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var result = new ExecutionResult { Errors = [new ApiError(problem.Code, problem.Message)] };
        return WriteAsync(http, result, problem.Status, format);
    }

    /// <summary>
    /// The status the GraphQL-over-HTTP specification gives a result. With application/json every well-formed
    /// request gets 200. With application/graphql-response+json a request that never ran (a document that
    /// does not parse or validate, variables that do not fit) is the client's error, 400, unless the only
    /// reason is the server's own failure.
    /// </summary>
    public static int StatusOf(ExecutionResult result, ResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (format == ResponseFormat.Json || result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        var codes = result.Errors?.Select(RegistryErrorInfoProvider.CodeOf).ToList() ?? [];
        return codes.Count > 0 && codes.All(c => c is ErrorCodes.InternalError or ErrorCodes.Timeout)
            ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status400BadRequest;
    }
}

/// <summary>A memory stream that throws <see cref="FullException"/> instead of growing past its capacity.</summary>
internal sealed class CappedBuffer(int capacity) : MemoryStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        Reserve(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Reserve(buffer.Length);
        base.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Reserve(1);
        base.WriteByte(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Reserve(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Reserve(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    private void Reserve(int count)
    {
        if (Position + count > capacity)
        {
            throw new FullException();
        }
    }

    internal sealed class FullException : Exception;
}

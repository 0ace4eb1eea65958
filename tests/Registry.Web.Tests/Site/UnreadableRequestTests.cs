using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Web.Features.Site;

namespace Registry.Web.Tests.Site;

/// <summary>
/// A request the server could not read (a body that ended before its declared length, as when a client drops the
/// connection mid-request) is the client's fault: a 400 problem, logged as information, not an unhandled exception
/// logged as an error for an operator to chase. Kestrel drops a connection whose client went away before anything can
/// be answered, so the site's exception handler is asked directly, with the exception Kestrel raises.
/// </summary>
public sealed class UnreadableRequestTests(RegistryDatabase database)
{
    [Theory]
    [InlineData(400, "BAD_REQUEST")]
    [InlineData(413, "REQUEST_TOO_LARGE")]
    public async Task An_unreadable_request_is_the_clients_problem_and_no_error_in_the_log(int status, string code)
    {
        var logger = new CapturingLogger<ExceptionResponses>();
        await using var scope = database.Site.Services.CreateAsyncScope();
        var http = GraphQLRequest(scope);

        var handled = await new ExceptionResponses(logger).TryHandleAsync(http, new BadHttpRequestException("Unexpected end of request content.", status), CancellationToken.None);

        handled.ShouldBeTrue();
        http.Response.StatusCode.ShouldBe(status);
        http.Response.Body.Position = 0;
        var body = await new StreamReader(http.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);
        body.ShouldContain(code);
        var line = logger.Lines.ShouldHaveSingleItem();
        line.Level.ShouldBe(LogLevel.Information);
        line.Text.ShouldContain($"answered {status}");
        ExceptionResponses.StatusOf(new BadHttpRequestException("x", status)).ShouldBe(status, "the friendly page keeps the same status");
    }

    [Fact]
    public async Task Anything_else_is_still_a_500_logged_as_an_error()
    {
        var logger = new CapturingLogger<ExceptionResponses>();
        await using var scope = database.Site.Services.CreateAsyncScope();
        var http = GraphQLRequest(scope);

        await new ExceptionResponses(logger).TryHandleAsync(http, new InvalidOperationException("a bug"), CancellationToken.None);

        http.Response.StatusCode.ShouldBe(500);
        logger.Lines.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Error);
    }

    private static DefaultHttpContext GraphQLRequest(AsyncServiceScope scope)
    {
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/graphql";
        http.Response.Body = new MemoryStream();
        return http;
    }
}

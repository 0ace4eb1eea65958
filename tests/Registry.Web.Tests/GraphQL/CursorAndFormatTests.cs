using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Paging;
using Registry.Web.Features.GraphQL.Transport;

namespace Registry.Web.Tests.GraphQL;

/// <summary>Cursors and content negotiation on their own.</summary>
public sealed class CursorAndFormatTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(49)]
    [InlineData(2499)]
    public void A_cursor_starts_the_next_page_right_after_its_item(int position)
    {
        Cursor.StartAfter(Cursor.At(position)).ShouldBe(position + 1);
        Cursor.StartAfter(null).ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("djE6")]
    [InlineData("djE6LTE")]
    [InlineData("djI6MQ")]
    [InlineData("not base64 at all!")]
    [InlineData("djE6MTIzNDU2Nzg5MDEyMzQ1Njc4OTA")]
    public void A_cursor_the_API_did_not_make_is_refused_with_INVALID_CURSOR(string cursor)
    {
        var error = Should.Throw<ApiError>(() => Cursor.StartAfter(cursor));

        error.Code.ShouldBe(ErrorCodes.InvalidCursor);
    }

    [Theory]
    [InlineData(new string[0], ResponseFormat.GraphQLResponseJson)]
    [InlineData(new[] { "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" }, ResponseFormat.Html)]
    [InlineData(new[] { "application/json", "text/html;q=0.5" }, ResponseFormat.Json)]
    [InlineData(new[] { "APPLICATION/GRAPHQL-RESPONSE+JSON" }, ResponseFormat.GraphQLResponseJson)]
    [InlineData(new[] { "text/*" }, ResponseFormat.Html)]
    [InlineData(new[] { "text/plain" }, null)]
    public void The_format_is_the_clients_preference_among_what_the_endpoint_offers(string[] accept, ResponseFormat? expected)
    {
        ResponseFormats.Choose(accept, htmlAllowed: true).ShouldBe(expected);
    }

    [Fact]
    public void A_POST_never_gets_the_page_even_when_a_browser_prefers_HTML()
    {
        ResponseFormats.Choose(["text/html,application/xhtml+xml,*/*;q=0.8"], htmlAllowed: false).ShouldBe(ResponseFormat.GraphQLResponseJson);
    }
}

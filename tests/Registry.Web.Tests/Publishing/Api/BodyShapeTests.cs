namespace Registry.Web.Tests.Publishing.Api;

/// <summary>Members of the wrong JSON type in a single call's body: a 400 naming the member, never a 500 (found by ops/soak).</summary>
public sealed class BodyShapeTests(RegistryDatabase database)
{
    [Theory]
    [InlineData("""{"medium":"Plaque","count":"2"}""")]
    [InlineData("""{"medium":"Plaque","count":null}""")]
    [InlineData("""{"medium":"Plaque","count":[2]}""")]
    [InlineData("""{"medium":"Plaque","count":2.5}""")]
    [InlineData("""{"medium":7,"count":2}""")]
    public async Task A_qr_order_with_members_of_the_wrong_type_is_refused(string body)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var certificate = await api.IssueAsync();

        using var response = await api.PostRawAsync($"/api/publishing/certificates/{certificate.Number}/qr", body, "application/json");

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, "INVALID_INPUT");
    }
}

using System.Text.RegularExpressions;

namespace Registry.Web.Features.Publishing;

/// <summary>
/// The actor of a status event as the public sees it. Events are append-only, and those published before the
/// channel was recorded name the API key ("DEMO01 api-key x5sg…"); they are shown as the body and "API", like
/// every later one. Other actors (a demo office, an operator) are shown as written.
/// </summary>
public static partial class PublicActor
{
    public static string Name(string bodyCode, PublishingChannel channel) => channel switch
    {
        PublishingChannel.Bulk => $"{bodyCode} bulk upload",
        PublishingChannel.Operator => $"{bodyCode} registry operator",
        PublishingChannel.Console => $"{bodyCode} console",
        _ => $"{bodyCode} API",
    };

    public static string Display(string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var keyed = ApiKeyActor().Match(actor);
        return keyed.Success ? Name(keyed.Groups["body"].Value, PublishingChannel.Api) : actor;
    }

    [GeneratedRegex(@"^(?<body>\S+) api-key \S+$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyActor();
}

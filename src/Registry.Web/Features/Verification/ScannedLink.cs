namespace Registry.Web.Features.Verification;

/// <summary>
/// The /v/ page sees a scanned link after the browser and routing took it apart; this puts it back together
/// so that the verifier judges exactly what was scanned. More path after the payload, and any query other
/// than the site's own language switch (lang), goes back in, and makes the code NOT GENUINE (BAD_URL).
/// </summary>
public static class ScannedLink
{
    public static string Rebuild(string publicHost, string rest, IQueryCollection query, QueryString rawQuery)
    {
        ArgumentNullException.ThrowIfNull(query);
        var link = "https://" + publicHost + "/V/" + rest;
        return query.Keys.Any(k => !string.Equals(k, "lang", StringComparison.OrdinalIgnoreCase))
            ? link + rawQuery.Value
            : link;
    }
}

using System.Buffers.Text;
using Npgsql;
using Registry.Signing.Keys;
using Registry.Signing.Receipts;

namespace Registry.Web.Tests.TestSupport;

/// <summary>Making receipts through the site's own form, and reading them back as a verifier would.</summary>
public static class Receipts
{
    /// <summary>POSTs the form and returns the new receipt's id (from the 303's Location).</summary>
    public static async Task<string> CreateAsync(HttpClient pages, params (string Name, string Value)[] fields)
    {
        using var response = await PostAsync(pages, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/receipts/");
        return location["/receipts/".Length..];
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient pages, params (string Name, string Value)[] fields) =>
        pages.PostAsync(new Uri("/receipts", UriKind.Relative),
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>The downloaded document checked with nothing but the JWKS the site publishes.</summary>
    public static async Task<ReceiptCheck> VerifyDownloadAsync(HttpClient client, string id)
    {
        using var download = await client.GetAsync(new Uri($"/receipts/{id}/receipt.jws", UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/jose");
        var jwks = await client.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));
        return new ReceiptVerifier(new SigningKeySet(Jwks.Read(jwks)).Find).Verify(await download.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// What an intruder with database access would do: rewrite a stored receipt's claims (keeping its signature),
    /// past the append-only trigger, which a superuser's session can switch off for itself.
    /// </summary>
    public static async Task TamperAsync(RegistryDatabase database, string id, string from, string to)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var replica = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, transaction))
        {
            await replica.ExecuteNonQueryAsync();
        }

        string document;
        await using (var read = new NpgsqlCommand("SELECT document FROM receipts WHERE id = @id", connection, transaction))
        {
            read.Parameters.AddWithValue("id", id);
            document = (string)(await read.ExecuteScalarAsync())!;
        }

        var parts = document.Split('.');
        var claims = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        claims.ShouldContain(from);
        var altered = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.Replace(from, to, StringComparison.Ordinal))) + "." + parts[2];
        await using (var write = new NpgsqlCommand("UPDATE receipts SET document = @document WHERE id = @id", connection, transaction))
        {
            write.Parameters.AddWithValue("id", id);
            write.Parameters.AddWithValue("document", altered);
            (await write.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await transaction.CommitAsync();
    }
}

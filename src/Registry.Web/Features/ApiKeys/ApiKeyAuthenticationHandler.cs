using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Registry.Web.Features.ApiKeys;

/// <summary>
/// The "ApiKey" scheme: <c>Authorization: Bearer &lt;key&gt;</c>. No header is no result (anonymous); a
/// key that is malformed, unknown, wrong, expired or revoked fails, and the client is told only that the
/// key was not accepted: the reason goes to the server log with the public key id, never the secret.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    private readonly ILogger _log = loggerFactory.CreateLogger<ApiKeyAuthenticationHandler>();

    private bool _keyPresented;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        _keyPresented = true;
        var token = header[BearerPrefix.Length..].Trim();
        // Resolved only when a key is presented: the authenticator's database context costs an anonymous request nothing.
        var authenticator = Context.RequestServices.GetRequiredService<ApiKeyAuthenticator>();
        var (identity, rejection, keyId) = await authenticator.AuthenticateAsync(token, Context.RequestAborted);
        if (identity is null)
        {
            LogRejected(keyId ?? "(none)", rejection, Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("The API key was not accepted.");
        }

        var principal = ApiKeyClaims.Principal(identity.BodyId, identity.BodyCode, identity.KeyId, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 6750: the scheme, and invalid_token only when a token was sent.
        Response.Headers.WWWAuthenticate = _keyPresented ? "Bearer error=\"invalid_token\"" : "Bearer";
        return _keyPresented
            ? ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "API key not accepted", ApiKeyDefaults.KeyInvalidCode,
                "The API key is malformed, unknown, expired or revoked. Ask the registry operator for a valid key.")
            : ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "API key required", ApiKeyDefaults.KeyRequiredCode,
                "Send a certification body's API key as Authorization: Bearer <key>.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Not allowed", "FORBIDDEN", "This API key may not do this.");

    [LoggerMessage(EventId = 2810, Level = LogLevel.Information, Message = "API key {KeyId} rejected ({Rejection}) from {Address}")]
    private partial void LogRejected(string keyId, ApiKeyRejection rejection, System.Net.IPAddress? address);
}

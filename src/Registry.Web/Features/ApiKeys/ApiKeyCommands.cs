using System.CommandLine;
using static Registry.Web.Operations.OperatorConventions;

namespace Registry.Web.Features.ApiKeys;

/// <summary>
/// `api-keys create|list|revoke`: certification bodies' API keys. The token is printed once, by `create`,
/// and stored nowhere; everything else names keys by their public id. Exit codes: 0 done, 1 refused (the
/// message says why; nothing was changed), 2 unknown body or key id.
/// </summary>
internal static class ApiKeyCommands
{
    public static Command Create(Func<IHost> buildHost)
    {
        var keys = new Command("api-keys", "Certification bodies' API keys for publishing: create (shown once), list, revoke.");
        keys.Subcommands.Add(CreateCommand(buildHost));
        keys.Subcommands.Add(ListCommand(buildHost));
        keys.Subcommands.Add(RevokeCommand(buildHost));
        return keys;
    }

    private static Command CreateCommand(Func<IHost> buildHost)
    {
        var body = BodyOption();
        var expires = new Option<string?>("--expires") { Description = "Last day the key is accepted (yyyy-MM-dd, China calendar); default: no expiry." };
        var label = new Option<string?>("--label") { Description = $"A note for the operator, e.g. the body's system that uses the key (at most {ApiKey.MaxLabelLength} characters)." };
        var command = new Command("create", "Create an API key for a body and print it once.") { body, expires, label };
        command.SetAction((parse, ct) => RunAsync(buildHost, async store =>
        {
            DateOnly? expiresOn = null;
            if (parse.GetValue(expires) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    await Console.Error.WriteLineAsync($"--expires takes a date as yyyy-MM-dd, not '{text}'.");
                    return Failed;
                }

                expiresOn = day;
            }

            var created = await store.CreateAsync(parse.GetRequiredValue(body), expiresOn, parse.GetValue(label), Actor, ct);
            Console.WriteLine($"Created API key {created.Key.KeyId} for body {created.Key.BodyCode}" +
                (created.Key.ExpiresOn is { } last ? $", accepted up to {Day(last)}." : ", without expiry."));
            Console.WriteLine("Hand this key to the body now. It is shown only this once; the registry keeps only its hash:");
            Console.WriteLine();
            Console.WriteLine(created.Token);
            Console.WriteLine();
            Console.WriteLine("The body sends it as: Authorization: Bearer <key>");
            return Succeeded;
        }));
        return command;
    }

    private static Command ListCommand(Func<IHost> buildHost)
    {
        var body = BodyOption();
        var command = new Command("list", "List a body's API keys (ids, labels, states; never the keys themselves).") { body };
        command.SetAction((parse, ct) => RunAsync(buildHost, async (store, clock) =>
        {
            var keys = await store.ListAsync(parse.GetRequiredValue(body), ct);
            var today = RegistryCalendar.Today(clock);
            Console.WriteLine($"{"key id",-16}  {"state",-8} {"created (UTC)",-19}  {"expires",-10} label");
            foreach (var key in keys)
            {
                Console.WriteLine($"{key.KeyId,-16}  {key.StateOn(today),-8} {key.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-19}  " +
                    $"{(key.ExpiresOn is { } last ? Day(last) : "never"),-10} {key.Label}");
            }

            Console.WriteLine($"{keys.Count} key(s).");
            return Succeeded;
        }));
        return command;
    }

    private static Command RevokeCommand(Func<IHost> buildHost)
    {
        var keyId = new Argument<string>("key-id") { Description = "The key's id (16 characters, as `api-keys list` shows)." };
        var command = new Command("revoke", "Revoke an API key: it is refused from the next request on.") { keyId };
        command.SetAction((parse, ct) => RunAsync(buildHost, async store =>
        {
            var key = await store.RevokeAsync(parse.GetRequiredValue(keyId), Actor, ct);
            Console.WriteLine($"Revoked API key {key.KeyId} of body {key.BodyCode}; it is refused from now on.");
            return Succeeded;
        }));
        return command;
    }

    private static Task<int> RunAsync(Func<IHost> buildHost, Func<ApiKeyStore, Task<int>> action) =>
        RunAsync(buildHost, (store, _) => action(store));

    private static async Task<int> RunAsync(Func<IHost> buildHost, Func<ApiKeyStore, TimeProvider, Task<int>> action)
    {
        try
        {
            using var host = buildHost();
            await using var scope = host.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<ApiKeyStore>(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }
        catch (ApiKeyException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return e.Error is ApiKeyError.UnknownBody or ApiKeyError.UnknownKey ? NotFound : Failed;
        }
    }
}

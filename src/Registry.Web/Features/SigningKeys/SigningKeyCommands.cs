using System.CommandLine;
using Microsoft.Extensions.Options;
using Registry.Signing.Keys;
using Registry.Web.Operations;
using static Registry.Web.Operations.OperatorConventions;

namespace Registry.Web.Features.SigningKeys;

/// <summary>
/// `keys create|rotate|revoke|list|ensure|rewrap`: the certification bodies' QR signing keys and, with
/// `--receipts`, the registry's own receipt key. Exit codes:
/// 0 done, 1 refused or failed (the message says why; nothing was changed), 2 unknown body or key id.
/// Output names keys by their public id only; private keys and the key-encryption key are never shown.
/// </summary>
internal static class SigningKeyCommands
{
    public static Command Keys(Func<IHost> buildHost)
    {
        var keys = new Command("keys", "Certification bodies' QR signing keys (ECDSA P-256): create, rotate, revoke, list.");
        keys.Subcommands.Add(Create(buildHost));
        keys.Subcommands.Add(Rotate(buildHost));
        keys.Subcommands.Add(Revoke(buildHost));
        keys.Subcommands.Add(List(buildHost));
        keys.Subcommands.Add(Ensure(buildHost));
        keys.Subcommands.Add(Rewrap(buildHost));
        return keys;
    }

    private static Command Create(Func<IHost> buildHost)
    {
        var body = BodyOption(required: false);
        var receipts = ReceiptsOption();
        var command = new Command("create", "Create the active signing key of a body that has none (--body), or the registry's receipt key (--receipts).") { body, receipts };
        command.SetAction((parse, ct) => OwnerGiven(parse.GetValue(body), parse.GetValue(receipts)) ?? RunAsync(buildHost, async store =>
        {
            var key = parse.GetValue(receipts)
                ? await store.CreateReceiptKeyAsync(Actor, ct)
                : await store.CreateAsync(parse.GetRequiredValue(body), Actor, ct);
            Console.WriteLine($"Created signing key {key.Kid} for {Owner(key.BodyCode)}; it signs from {Day(key.NotBefore)}.");
            return Succeeded;
        }));
        return command;
    }

    private static Command Rotate(Func<IHost> buildHost)
    {
        var body = BodyOption(required: false);
        var receipts = ReceiptsOption();
        var command = new Command("rotate",
            "Replace the active key of a body (--body) or the registry's receipt key (--receipts): the old one is retired (what it signed stays genuine), a new one signs from today.")
            { body, receipts };
        command.SetAction((parse, ct) => OwnerGiven(parse.GetValue(body), parse.GetValue(receipts)) ?? RunAsync(buildHost, async store =>
        {
            var rotation = parse.GetValue(receipts)
                ? await store.RotateReceiptKeyAsync(Actor, ct)
                : await store.RotateAsync(parse.GetRequiredValue(body), Actor, ct);
            Console.WriteLine($"{Owner(rotation.Active.BodyCode)}: key {rotation.Retired.Kid} retired (verifies what it signed up to {Day(rotation.Retired.NotAfter)}); " +
                $"key {rotation.Active.Kid} signs from {Day(rotation.Active.NotBefore)}.");
            return Succeeded;
        }));
        return command;
    }

    private static Option<bool> ReceiptsOption() => new("--receipts") { Description = "The registry's own key for verification receipts instead of a body's QR key." };

    /// <summary>Refuses a command that names both owners or neither; null when exactly one is given.</summary>
    private static Task<int>? OwnerGiven(string? body, bool receipts)
    {
        if ((body is null) == receipts)
        {
            return null;
        }

        Console.Error.WriteLine("Give either --body <code> (a certification body's QR key) or --receipts (the registry's receipt key).");
        return Task.FromResult(Failed);
    }

    private static string Owner(string bodyCode) => bodyCode == SigningKeyInfo.RegistryIssuer ? "the registry's receipts" : "body " + bodyCode;

    private static Command Revoke(Func<IHost> buildHost)
    {
        var kid = new Option<string>("--kid") { Description = "The key id (6 characters, as in `keys list` and the JWKS).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, e.g. \"private key exposed\"; recorded with the key.", Required = true };
        var command = new Command("revoke", "Revoke a key: nothing it ever signed verifies any more. Use when a private key may have leaked.") { kid, reason };
        command.SetAction((parse, ct) => RunAsync(buildHost, async store =>
        {
            var key = await store.RevokeAsync(parse.GetRequiredValue(kid), parse.GetRequiredValue(reason), Actor, ct);
            Console.WriteLine($"Revoked signing key {key.Kid} of {Owner(key.BodyCode)}: nothing it signed verifies any more.");
            if (key.BodyCode == SigningKeyInfo.RegistryIssuer)
            {
                Console.WriteLine("The next receipt creates a new receipt key; `keys create --receipts` does it now.");
                return Succeeded;
            }

            var active = (await store.ListAsync(key.BodyCode, ct)).Any(k => k.State == KeyState.Active);
            if (!active)
            {
                Console.WriteLine($"Body {key.BodyCode} has no active key now; nothing can be printed for it until `keys create --body {key.BodyCode}`.");
            }

            return Succeeded;
        }));
        return command;
    }

    private static Command List(Func<IHost> buildHost)
    {
        var body = BodyOption(required: false);
        var command = new Command("list", "List signing keys (public facts only), of one body or of all.") { body };
        command.SetAction((parse, ct) => RunAsync(buildHost, async store =>
        {
            var keys = await store.ListAsync(parse.GetValue(body), ct);
            Console.WriteLine($"{"kid",-8} {"body",-16} {"state",-8} {"not before",-10} {"not after",-10} {"created (UTC)",-20} reason");
            foreach (var key in keys)
            {
                Console.WriteLine($"{key.Kid,-8} {key.BodyCode,-16} {key.State.ToString().ToLowerInvariant(),-8} {Day(key.NotBefore),-10} {Day(key.NotAfter),-10} " +
                    $"{key.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-20} {key.RevocationReason}");
            }

            Console.WriteLine($"{keys.Count} key(s).");
            return Succeeded;
        }));
        return command;
    }

    private static Command Ensure(Func<IHost> buildHost)
    {
        var allBodies = new Option<bool>("--all-bodies") { Description = "Every body without an active key gets one." };
        var receipts = new Option<bool>("--receipts") { Description = "The registry gets its receipt key if it has none." };
        var command = new Command("ensure", "Create the active keys that are missing; keys that exist are left alone.") { allBodies, receipts };
        command.SetAction((parse, ct) =>
        {
            if (!parse.GetValue(allBodies) && !parse.GetValue(receipts))
            {
                Console.Error.WriteLine("keys ensure needs --all-bodies, --receipts or both (says what it makes).");
                return Task.FromResult(Failed);
            }

            return RunAsync(buildHost, async store =>
            {
                if (parse.GetValue(allBodies))
                {
                    var created = await store.EnsureAllBodiesAsync(Actor, ct);
                    foreach (var key in created)
                    {
                        Console.WriteLine($"Created signing key {key.Kid} for body {key.BodyCode}.");
                    }

                    Console.WriteLine(created.Count == 0 ? "Every body has an active signing key." : $"Created {created.Count} signing key(s).");
                }

                if (parse.GetValue(receipts))
                {
                    var receiptKey = await store.EnsureReceiptKeyAsync(Actor, ct);
                    Console.WriteLine(receiptKey is null ? "The registry has an active receipt key." : $"Created the registry's receipt key {receiptKey.Kid}.");
                }

                return Succeeded;
            });
        });
        return command;
    }

    private static Command Rewrap(Func<IHost> buildHost)
    {
        var command = new Command("rewrap",
            "After changing the key-encryption key: re-encrypt every private key from Signing:PreviousKeyEncryptionKey to Signing:KeyEncryptionKey (one transaction).");
        command.SetAction((_, ct) => RunAsync(buildHost, async store =>
        {
            var (rewrapped, current) = await store.RewrapAsync(Actor, ct);
            Console.WriteLine($"Re-encrypted {rewrapped} private key(s) under the new key-encryption key; {current} already were. " +
                "The previous key-encryption key is no longer needed.");
            return Succeeded;
        }));
        return command;
    }

    private static async Task<int> RunAsync(Func<IHost> buildHost, Func<SigningKeyStore, Task<int>> action)
    {
        try
        {
            using var host = buildHost();
            return await action(host.Services.GetRequiredService<SigningKeyStore>());
        }
        catch (SigningKeyException e)
        {
            Console.Error.WriteLine(e.Message);
            return e.Error is SigningKeyError.UnknownBody or SigningKeyError.UnknownKey ? NotFound : Failed;
        }
        catch (OptionsValidationException e)
        {
            // The validator's messages never contain the key itself.
            Console.Error.WriteLine(string.Join(Environment.NewLine, e.Failures));
            return Failed;
        }
        catch (SigningKeyDecryptionException e)
        {
            Console.Error.WriteLine(e.Message);
            return Failed;
        }
    }

    private static string Day(DateOnly? day) => day is { } known ? OperatorConventions.Day(known) : "(open)";
}

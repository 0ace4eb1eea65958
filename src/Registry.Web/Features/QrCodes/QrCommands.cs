using System.CommandLine;
using Registry.Signing.Claims;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.QrCodes;

/// <summary>
/// `qr plaque` and `qr marks`: printable artwork with signed codes. An operator command rather than a web
/// endpoint, because every plaque or mark gets a new serial, and allocating serials is a write.
/// </summary>
public static class QrCommands
{
    public static Command Create(Func<IHost> buildHost)
    {
        var qr = new Command("qr", "Printable artwork with signed QR codes.");
        qr.Subcommands.Add(Print("plaque", Medium.Plaque, "Brass plaque artwork (SVG, 300 × 200 mm), one file per plaque, each with its own serial.", buildHost));
        qr.Subcommands.Add(Print("marks", Medium.PackagingMark, "Packaging mark artwork (SVG, 50 × 68 mm), one file per mark, each with its own serial.", buildHost));
        return qr;
    }

    private static Command Print(string name, Medium medium, string description, Func<IHost> buildHost)
    {
        var number = new Option<string>("--number") { Description = "The certificate number, typed any way.", Required = true };
        var count = new Option<int>("--count") { Description = "How many to print (new serials are allocated).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The folder to write the SVG files to.", Required = true };
        var command = new Command(name, description) { number, count, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = buildHost();
            await using var scope = host.Services.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<ISigningKeys>() is null)
            {
                await Console.Error.WriteLineAsync("Signing keys are not available in this build, so no code can be signed.");
                return 1;
            }

            var order = new PrintOrder(parse.GetValue(number)!, medium, parse.GetValue(count), parse.GetValue(output)!);
            var result = await scope.ServiceProvider.GetRequiredService<PrintRun>().RunAsync(order, Console.Out, cancellationToken);
            return result.ExitCode;
        });
        return command;
    }
}

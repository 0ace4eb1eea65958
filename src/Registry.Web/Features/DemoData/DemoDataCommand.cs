namespace Registry.Web.Features.DemoData;

// Placeholder until the generator lands; replaced by the demo data feature.
public sealed record DemoLoadOptions(int Count, int Seed, bool IfEmpty);

public static class DemoDataCommand
{
    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder) => builder;

    public static Task<int> RunAsync(IServiceProvider services, DemoLoadOptions options, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine("Demo data generation is not available yet.");
        return Task.FromResult(1);
    }
}

namespace Registry.Web.Features.Receipts;

public static class ReceiptsExtensions
{
    /// <summary>Signed verification receipts: POST /receipts, /receipts/{id} and its signed document (see README.md).</summary>
    public static IHostApplicationBuilder AddReceipts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReceiptOptions>().BindConfiguration(ReceiptOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.RegistryName) && o.RegistryName.Length <= 200, "Receipts:RegistryName must be 1 to 200 characters.")
            .ValidateOnStart();
        builder.Services.AddScoped<ReceiptIssuer>();
        builder.Services.AddScoped<ReceiptBook>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/receipts/{id}/receipt.jws", DownloadAsync);
        return app;
    }

    /// <summary>The signed document exactly as stored; a verifier, not this endpoint, decides whether it is genuine.</summary>
    private static async Task<IResult> DownloadAsync(string id, ReceiptBook book, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(id, cancellationToken) is not { } receipt)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such receipt",
                detail: "The registry holds no receipt with this id.", extensions: new Dictionary<string, object?> { ["code"] = "RECEIPT_NOT_FOUND" });
        }

        return Results.File(System.Text.Encoding.ASCII.GetBytes(receipt.Document), "application/jose", $"receipt-{receipt.Id}.jws");
    }
}

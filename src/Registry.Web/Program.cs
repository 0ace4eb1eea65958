using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Audit;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.Checks;
using Registry.Web.Features.StaffConsole;
using Registry.Web.Features.GraphQL;
using Registry.Web.Features.Home;
using Registry.Web.Features.PageCache;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Api;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.RateLimits;
using Registry.Web.Features.Receipts;
using Registry.Web.Features.Search;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.StatusFeed;
using Registry.Web.Features.Site;
using Registry.Web.Features.Verification;
using Registry.Web.Features.Verification.Upload;
using Registry.Web.Features.WatchLists;
using Registry.Web.Operations;

if (OperatorCommandLine.IsOperatorCommand(args))
{
    return await OperatorCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(OperatorCommandLine.ServeArguments(args));
builder.AddRegistryData();
builder.AddSite();
builder.AddHome();
builder.AddCertificates();
builder.AddPublishing();
builder.AddAudit();
builder.AddApiKeys();
builder.AddConsole();
builder.AddRateLimits();
builder.AddSearch();
builder.AddChecks();
builder.AddReceipts();
builder.AddWatchLists();
builder.AddVerification();
builder.AddQrCodes();
builder.AddSigningKeys();
builder.AddQrUpload();
builder.AddStatusFeed();
builder.AddGraphQLApi();
builder.AddPageCache();

var app = builder.Build();
app.UseSite();
app.UseConsole();
app.UsePublishingApiErrors();
app.UseApiKeys();
app.UsePageCache();
app.MapCertificates();
app.MapSearch();
app.MapChecks();
app.MapReceipts();
app.MapWatchLists();
app.MapVerification();
app.MapQrCodes();
app.MapSigningKeys();
app.MapQrUpload();
app.MapPublishingApi();
app.MapAudit();
app.MapGraphQLApi();
app.MapPageCacheStats();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

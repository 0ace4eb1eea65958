using Microsoft.AspNetCore.Mvc;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole;

/// <summary>/console: who is signed in, for which body, and the way out.</summary>
public sealed class IndexModel(StaffSignInManager signIn, RegistryDbContext db) : ConsolePageModel
{
    public CertificationBody? Body { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == BodyId, cancellationToken);

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/console/sign-in");
    }
}

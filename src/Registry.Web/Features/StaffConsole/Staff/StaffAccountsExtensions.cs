using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Registry.Web.Features.StaffConsole.Staff;

public static class StaffAccountsExtensions
{
    /// <summary>How long a new member's activation link works.</summary>
    public static readonly TimeSpan ActivationLifetime = TimeSpan.FromDays(3);

    /// <summary>
    /// Identity for the console's staff, on PostgreSQL, for the site and the `staff` operator commands: the password
    /// rules (<see cref="StaffPasswordValidator"/>), lockout after 5 failures for 15 minutes, unique e-mail addresses,
    /// and the Data Protection key ring in the database so that every instance reads the tokens and cookies any
    /// other made.
    /// </summary>
    public static IHostApplicationBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("star-registry").PersistKeysToDbContext<RegistryDbContext>();
        KeyRingEncryption.Configure(builder.Services);
        builder.Services.AddSingleton<StaffPasswordBlocklist>();
        builder.Services.AddIdentityCore<StaffMember>(options =>
            {
                // NIST SP 800-63B: length, not composition; the validator adds the blocklist and the personal words.
                options.Password.RequiredLength = StaffPasswordValidator.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters += "+";
            })
            .AddRoles<StaffRole>()
            .AddEntityFrameworkStores<RegistryDbContext>()
            .AddPasswordValidator<StaffPasswordValidator>()
            .AddDefaultTokenProviders();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = ActivationLifetime);
        builder.Services.AddScoped<StaffDirectory>();
        return builder;
    }
}

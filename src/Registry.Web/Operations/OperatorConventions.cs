using System.CommandLine;

namespace Registry.Web.Operations;

/// <summary>What every operator command shares: exit codes, the --body option, the actor and the date format.</summary>
internal static class OperatorConventions
{
    public const int Succeeded = 0;

    /// <summary>Refused or failed: the message says why, and nothing was changed.</summary>
    public const int Failed = 1;

    /// <summary>An unknown body or key id.</summary>
    public const int NotFound = 2;

    /// <summary>Who ran the command, recorded with what it did: the operating-system account.</summary>
    public static string Actor => $"operator {Environment.UserName}";

    public static Option<string> BodyOption(bool required = true) =>
        new("--body") { Description = "The certification body's registry code, e.g. DEMO01.", Required = required };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

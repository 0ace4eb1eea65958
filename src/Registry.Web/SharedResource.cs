namespace Registry.Web;

/// <summary>Anchor type for the site's strings: keys are the English text, Resources/ holds the Chinese.</summary>
public sealed class SharedResource;

namespace DmpConnector.Identity
{
    /// <summary>How strictly national identifiers are checked when parsed.</summary>
    public enum IdentifierValidation
    {
        /// <summary>Shape and check key (the default, for values the SDK is about to send).</summary>
        Strict = 0,

        /// <summary>Shape only; a wrong check key is accepted (for values read back from the DMP or legacy data).</summary>
        FormatOnly = 1,
    }
}

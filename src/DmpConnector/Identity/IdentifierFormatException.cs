namespace DmpConnector.Identity
{
    /// <summary>
    /// A national professional or structure identifier (IdNat PS, Struct IdNat, RPPS, ADELI, FINESS, SIREN, SIRET) is
    /// malformed or has a wrong check key. These identify professionals and organizations, not patients, so the value is
    /// shown in the message.
    /// </summary>
    public sealed class IdentifierFormatException : DmpInputException
    {
        /// <summary>Rule <c>IDNAT-EMPTY</c>.</summary>
        public const string EmptyRule = "IDNAT-EMPTY";

        /// <summary>Rule <c>IDNAT-PREFIX</c>: the first character is not a known kind.</summary>
        public const string PrefixRule = "IDNAT-PREFIX";

        /// <summary>Rule <c>IDNAT-FORMAT</c>: the length or characters do not fit the kind.</summary>
        public const string FormatRule = "IDNAT-FORMAT";

        /// <summary>Rule <c>IDNAT-KEY</c>: the Luhn check key is wrong.</summary>
        public const string KeyRule = "IDNAT-KEY";

        /// <summary>Creates the exception.</summary>
        /// <param name="field">The field, e.g. <c>IdNatPS</c>.</param>
        /// <param name="rule">One of the rule constants.</param>
        /// <param name="explanation">What the rule requires.</param>
        /// <param name="value">The offending value.</param>
        public IdentifierFormatException(string field, string rule, string explanation, string? value)
            : base(field, rule, explanation, value, valueIsSensitive: false)
        {
        }
    }
}

namespace DmpConnector.Identity
{
    /// <summary>What could be verified of a national identifier's check key.</summary>
    public enum CheckKeyStatus
    {
        /// <summary>The identifier has a check key and it is correct.</summary>
        Valid = 0,

        /// <summary>The identifier kind has no public check-key algorithm (ADELI, internal ids).</summary>
        NotApplicable = 1,

        /// <summary>
        /// The kind has a check key, but this value cannot be verified (for example a FINESS with letters, as the test
        /// platform's <c>0B0041968</c>, or a Corsican 2A/2B FINESS).
        /// </summary>
        NotVerifiable = 2,

        /// <summary>The check key is wrong; such a value is accepted only with <see cref="IdentifierValidation.FormatOnly"/>.</summary>
        Invalid = 3,
    }
}

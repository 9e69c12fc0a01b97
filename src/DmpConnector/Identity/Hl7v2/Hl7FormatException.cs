namespace DmpConnector.Identity
{
    /// <summary>An HL7 v2 value (CX, XCN, XON, CE, HD) is malformed.</summary>
    /// <remarks>
    /// These values can carry patient data (a patient's CX holds the INS), so the offending value is redacted from the
    /// message unless the application opted in.
    /// </remarks>
    public sealed class Hl7FormatException : DmpInputException
    {
        /// <summary>Rule <c>HL7-ESCAPE-UNTERMINATED</c>: an escape sequence has no closing backslash.</summary>
        public const string UnterminatedEscapeRule = "HL7-ESCAPE-UNTERMINATED";

        /// <summary>Rule <c>HL7-ESCAPE-UNSUPPORTED</c>: an escape sequence is unknown or not allowed in this data type.</summary>
        public const string UnsupportedEscapeRule = "HL7-ESCAPE-UNSUPPORTED";

        /// <summary>Rule <c>HL7-DELIMITER</c>: a field or repetition separator appears inside a single value.</summary>
        public const string DelimiterRule = "HL7-DELIMITER";

        /// <summary>Rule <c>HL7-LENGTH</c>: the value is longer than <see cref="Hl7Encoding.MaxEncodedLength"/>.</summary>
        public const string LengthRule = "HL7-LENGTH";

        /// <summary>Rule <c>HL7-REQUIRED</c>: a required component is empty.</summary>
        public const string RequiredRule = "HL7-REQUIRED";

        /// <summary>Rule <c>HL7-EMPTY</c>: the whole value is empty.</summary>
        public const string EmptyRule = "HL7-EMPTY";

        /// <summary>Creates the exception.</summary>
        /// <param name="field">The data type or component path, e.g. <c>XCN.9</c>.</param>
        /// <param name="rule">One of the rule constants of this class.</param>
        /// <param name="explanation">What the rule requires.</param>
        /// <param name="value">The offending value.</param>
        public Hl7FormatException(string field, string rule, string explanation, string? value)
            : base(field, rule, explanation, value, valueIsSensitive: true)
        {
        }
    }
}

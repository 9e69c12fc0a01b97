using System;

namespace DmpConnector.Cda
{
    /// <summary>The stable rule ids of the CDA layer (see docs/errors.md).</summary>
    public static class CdaRules
    {
        /// <summary>The input is not well-formed XML (truncated, bad characters).</summary>
        public const string XmlMalformed = "CDA-XML-MALFORMED";

        /// <summary>The CDA carries a DTD or entity declarations (refused: entity expansion, external entities).</summary>
        public const string XmlDtd = "CDA-XML-DTD";

        /// <summary>Header elements nested deeper than the reader allows (64 levels below ClinicalDocument).</summary>
        public const string XmlDepth = "CDA-XML-DEPTH";

        /// <summary>A header text value (title, name…) longer than the reader allows (64 Ki characters).</summary>
        public const string ValueTooLong = "CDA-VALUE-TOO-LONG";

        /// <summary>No <c>ClinicalDocument</c> in namespace <c>urn:hl7-org:v3</c> was found.</summary>
        public const string NotCda = "CDA-NOT-CDA";

        /// <summary>The content to wrap is empty (zero bytes).</summary>
        public const string ContentEmpty = "CDA-CONTENT-EMPTY";

        /// <summary>The content's first bytes do not match its media type (e.g. a "PDF" that does not start with <c>%PDF-</c>).</summary>
        public const string ContentMagic = "CDA-CONTENT-MAGIC";

        /// <summary>The media type is not one CI-SIS allows in a nonXMLBody (PDF, plain text, JPEG, TIFF, RTF).</summary>
        public const string MediaType = "CDA-MEDIA-TYPE";

        /// <summary>A value the CI-SIS header requires was not given (e.g. a type code for a preset whose code is not public).</summary>
        public const string Required = "CDA-REQUIRED";

        /// <summary>An identifier is not an OID of at most 64 characters (document id, set id, parent id).</summary>
        public const string OidFormat = "CDA-OID-FORMAT";

        /// <summary>The title is empty or longer than 128 characters.</summary>
        public const string Title = "CDA-TITLE";

        /// <summary>A value is out of its allowed set (confidentiality N/R/V, version number ≥ 1, version n+1 without a replaced document…).</summary>
        public const string InvalidValue = "CDA-INVALID-VALUE";

        /// <summary>The CDA's first <c>recordTarget/patientRole/id</c> is not an INS (no INS-authority OID).</summary>
        public const string InsMissing = "CDA-INS-MISSING";

        /// <summary>A CDA time (<c>ts</c>) is malformed.</summary>
        public const string TimeFormat = "CDA-TIME-FORMAT";

        /// <summary>The CDA has no embedded document (no <c>nonXMLBody/text</c> in base64).</summary>
        public const string NoEmbeddedDocument = "CDA-NO-EMBEDDED-DOCUMENT";

        /// <summary>The embedded base64 content is not valid base64.</summary>
        public const string Base64 = "CDA-BASE64";

        /// <summary>No preset has that name.</summary>
        public const string UnknownPreset = "CDA-UNKNOWN-PRESET";
    }

    /// <summary>A CDA document or a value meant for one is malformed or incomplete; <see cref="DmpInputException.Rule"/> says which rule failed.</summary>
    public class CdaFormatException : DmpInputException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="field">Where: an element path, option or attribute name.</param>
        /// <param name="rule">The rule id (<see cref="CdaRules"/>).</param>
        /// <param name="explanation">What is required, in plain English.</param>
        /// <param name="value">The offending value, or null.</param>
        /// <param name="valueIsSensitive">True when the value may be patient data.</param>
        /// <param name="innerException">The underlying failure.</param>
        public CdaFormatException(string field, string rule, string explanation, string? value, bool valueIsSensitive, Exception? innerException = null)
            : base(field, rule, explanation, value, valueIsSensitive, innerException)
        {
        }
    }
}

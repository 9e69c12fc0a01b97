using System;
using System.Diagnostics.CodeAnalysis;

namespace DmpConnector.Identity
{
    /// <summary>
    /// HL7 v2 CE (coded element): <c>code^text^codingSystem</c>, with an optional alternate coding in CE.4–6. In the DMP:
    /// authorSpecialty and authorRole, e.g. <c>G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5</c>.
    /// </summary>
    public sealed class Ce : Hl7Composite
    {
        private Ce(string[][] components)
            : base(components)
        {
        }

        /// <summary>Creates a CE.</summary>
        /// <param name="identifier">CE.1, the code.</param>
        /// <param name="text">CE.2, the display text.</param>
        /// <param name="codingSystem">CE.3, the coding system (an OID in the DMP).</param>
        /// <param name="alternateIdentifier">CE.4, an alternate code.</param>
        /// <param name="alternateText">CE.5, its text.</param>
        /// <param name="alternateCodingSystem">CE.6, its coding system.</param>
        public Ce(string identifier, string? text = null, string? codingSystem = null, string? alternateIdentifier = null, string? alternateText = null, string? alternateCodingSystem = null)
            : base(Build(RequireCode(identifier), text, codingSystem, alternateIdentifier, alternateText, alternateCodingSystem))
        {
        }

        /// <inheritdoc />
        public override string TypeName => "CE";

        /// <summary>CE.1, the code.</summary>
        public string Identifier => GetValue(1);

        /// <summary>CE.2, the display text.</summary>
        public string Text => GetValue(2);

        /// <summary>CE.3, the coding system.</summary>
        public string CodingSystem => GetValue(3);

        /// <summary>CE.4, the alternate code.</summary>
        public string AlternateIdentifier => GetValue(4);

        /// <summary>CE.5, the alternate text.</summary>
        public string AlternateText => GetValue(5);

        /// <summary>CE.6, the alternate coding system.</summary>
        public string AlternateCodingSystem => GetValue(6);

        /// <summary>Creates the CE of a coded value (code, display name, code system).</summary>
        /// <param name="value">The coded value.</param>
        /// <returns>The CE.</returns>
        public static Ce FromCodedValue(CodedValue value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            return new Ce(value.Code, value.DisplayName, value.CodeSystem);
        }

        /// <summary>The coded value of CE.1–3.</summary>
        /// <returns>The coded value.</returns>
        public CodedValue ToCodedValue() => new(Identifier, CodingSystem, Text.Length == 0 ? null : Text);

        /// <summary>Parses an encoded CE.</summary>
        /// <param name="value">The encoded value.</param>
        /// <returns>The CE.</returns>
        /// <exception cref="Hl7FormatException">The value is malformed, or CE.1 is empty.</exception>
        public static Ce Parse(string value)
        {
            var ce = new Ce(Split(value, "CE"));
            if (ce.Identifier.Length == 0)
            {
                throw new Hl7FormatException("CE.1", Hl7FormatException.RequiredRule, "the code (CE.1) is required", value);
            }

            return ce;
        }

        /// <summary>Parses an encoded CE without throwing.</summary>
        /// <param name="value">The encoded value.</param>
        /// <param name="result">The CE when valid.</param>
        /// <returns>True when the value is valid.</returns>
        public static bool TryParse(string? value, [NotNullWhen(true)] out Ce? result) => TryParse(value, Parse, out result);

        private static string RequireCode(string identifier)
        {
            if (string.IsNullOrEmpty(identifier))
            {
                throw new ArgumentException("CE.1 (the code) is required.", nameof(identifier));
            }

            return identifier;
        }
    }
}

using System;
using System.Diagnostics.CodeAnalysis;

namespace DmpConnector.Identity
{
    /// <summary>
    /// A 5-character INSEE COG code (Code Officiel Géographique) for a place of birth: a French commune (department and
    /// commune, e.g. <c>63220</c>, <c>2A004</c>, <c>97411</c>), or <c>99</c> followed by a country code for people
    /// born abroad (e.g. <c>99350</c>, Morocco). <c>99999</c> means "unknown" in the RNIV.
    /// </summary>
    public sealed class CogCode : IEquatable<CogCode>
    {
        /// <summary>The code the RNIV uses when the place of birth is unknown.</summary>
        public const string UnknownValue = "99999";

        private CogCode(string value)
        {
            Value = value;
        }

        /// <summary>The 5-character code.</summary>
        public string Value { get; }

        /// <summary>True when born abroad (code starting with 99).</summary>
        public bool IsAbroad => Value.StartsWith("99", StringComparison.Ordinal);

        /// <summary>Parses a COG code.</summary>
        /// <param name="value">Five characters: digits, with 2A or 2B as the first two for Corsica.</param>
        /// <returns>The code.</returns>
        /// <exception cref="DmpInputException">The value is not a COG code (rule <c>COG-FORMAT</c>).</exception>
        public static CogCode Parse(string value) =>
            TryParse(value, out CogCode? code)
                ? code
                : throw new DmpInputException("birthPlace", "COG-FORMAT", "a birth place is a 5-character INSEE COG code: 5 digits, or 2A/2B followed by 3 digits", value, valueIsSensitive: true);

        /// <summary>Parses without throwing; see <see cref="Parse"/>.</summary>
        /// <param name="value">The value.</param>
        /// <param name="result">The code when valid.</param>
        /// <returns>True when valid.</returns>
        public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out CogCode? result)
        {
            result = null;
            if (value is null || value.Length != 5)
            {
                return false;
            }

            string upper = value.ToUpperInvariant();
            bool corsica = upper[0] == '2' && upper[1] is 'A' or 'B';
            for (int i = 0; i < 5; i++)
            {
                if (corsica && i == 1)
                {
                    continue;
                }

                if (upper[i] is < '0' or > '9')
                {
                    return false;
                }
            }

            if (upper[0] == '0' && upper[1] == '0')
            {
                return false;
            }

            result = new CogCode(upper);
            return true;
        }

        /// <inheritdoc />
        public bool Equals(CogCode? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as CogCode);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        /// <inheritdoc />
        public override string ToString() => Value;
    }
}

using System;

namespace DmpConnector.Identity
{
    /// <summary>
    /// A code from a code system, with its display name: the shape of every coded attribute in CDA, XDS and the VIHF
    /// (document type, class, format, confidentiality, profession, specialty…).
    /// </summary>
    /// <remarks>Equality compares all three parts; use <see cref="IsSameCode"/> to ignore the display name.</remarks>
    public sealed class CodedValue : IEquatable<CodedValue>
    {
        /// <summary>Creates a coded value.</summary>
        /// <param name="code">The code, e.g. <c>11488-4</c>.</param>
        /// <param name="codeSystem">The code system, usually an OID, e.g. <c>2.16.840.1.113883.6.1</c> (LOINC).</param>
        /// <param name="displayName">The display name, e.g. <c>Compte rendu de consultation</c>.</param>
        public CodedValue(string code, string codeSystem, string? displayName = null)
        {
            if (string.IsNullOrEmpty(code))
            {
                throw new ArgumentException("A code is required.", nameof(code));
            }

            Code = code;
            CodeSystem = codeSystem ?? throw new ArgumentNullException(nameof(codeSystem));
            DisplayName = string.IsNullOrEmpty(displayName) ? null : displayName;
        }

        /// <summary>The code.</summary>
        public string Code { get; }

        /// <summary>The code system (an OID, or a URN for some IHE value sets); may be empty when unknown.</summary>
        public string CodeSystem { get; }

        /// <summary>The display name, or null.</summary>
        public string? DisplayName { get; }

        /// <summary>A copy with another display name.</summary>
        /// <param name="displayName">The display name.</param>
        /// <returns>The new value.</returns>
        public CodedValue WithDisplayName(string? displayName) => new(Code, CodeSystem, displayName);

        /// <summary>True when both have the same code in the same code system, whatever their display names.</summary>
        /// <param name="other">The other value.</param>
        /// <returns>True when the codes match.</returns>
        public bool IsSameCode(CodedValue? other) =>
            other is not null
            && string.Equals(Code, other.Code, StringComparison.Ordinal)
            && string.Equals(CodeSystem, other.CodeSystem, StringComparison.Ordinal);

        /// <inheritdoc />
        public bool Equals(CodedValue? other) =>
            IsSameCode(other) && string.Equals(DisplayName, other!.DisplayName, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as CodedValue);

        /// <inheritdoc />
        public override int GetHashCode()
        {
            unchecked
            {
                return (StringComparer.Ordinal.GetHashCode(Code) * 31) + StringComparer.Ordinal.GetHashCode(CodeSystem);
            }
        }

        /// <summary>The code, its system and display name, for diagnostics, e.g. <c>11488-4 (2.16.840.1.113883.6.1) "Compte rendu"</c>.</summary>
        /// <returns>The text.</returns>
        public override string ToString() => DisplayName is null ? $"{Code} ({CodeSystem})" : $"{Code} ({CodeSystem}) \"{DisplayName}\"";
    }
}

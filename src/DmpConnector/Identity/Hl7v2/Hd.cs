using System;

namespace DmpConnector.Identity
{
    /// <summary>
    /// HL7 v2 HD (hierarchic designator): an assigning authority or facility, written as subcomponents
    /// <c>namespaceId&amp;universalId&amp;universalIdType</c> inside CX, XCN and XON. In the DMP the universal id is an OID
    /// and its type is <c>ISO</c>, e.g. <c>&amp;1.2.250.1.213.1.4.8&amp;ISO</c>.
    /// </summary>
    public sealed class Hd : IEquatable<Hd>
    {
        /// <summary>The universal id type of an OID.</summary>
        public const string IsoType = "ISO";

        /// <summary>Creates a hierarchic designator.</summary>
        /// <param name="namespaceId">HD.1, a local name (usually empty in the DMP).</param>
        /// <param name="universalId">HD.2, the universal id (an OID in the DMP).</param>
        /// <param name="universalIdType">HD.3, the universal id type (<c>ISO</c> for an OID).</param>
        public Hd(string? namespaceId, string? universalId, string? universalIdType)
        {
            NamespaceId = namespaceId ?? string.Empty;
            UniversalId = universalId ?? string.Empty;
            UniversalIdType = universalIdType ?? string.Empty;
        }

        /// <summary>HD.1, the namespace id; empty when absent.</summary>
        public string NamespaceId { get; }

        /// <summary>HD.2, the universal id (an OID in the DMP); empty when absent.</summary>
        public string UniversalId { get; }

        /// <summary>HD.3, the universal id type (<c>ISO</c> for an OID); empty when absent.</summary>
        public string UniversalIdType { get; }

        /// <summary>True when all three parts are empty.</summary>
        public bool IsEmpty => NamespaceId.Length == 0 && UniversalId.Length == 0 && UniversalIdType.Length == 0;

        /// <summary>An assigning authority identified by an OID: <c>&amp;oid&amp;ISO</c>.</summary>
        /// <param name="oid">The OID.</param>
        /// <returns>The designator.</returns>
        public static Hd ForOid(string oid)
        {
            if (string.IsNullOrEmpty(oid))
            {
                throw new ArgumentException("An OID is required.", nameof(oid));
            }

            return new Hd(null, oid, IsoType);
        }

        /// <summary>Parses the subcomponent form <c>namespace&amp;universalId&amp;type</c> (escapes decoded).</summary>
        /// <param name="value">The encoded value.</param>
        /// <returns>The designator.</returns>
        /// <exception cref="Hl7FormatException">The value is malformed.</exception>
        public static Hd Parse(string value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            if (value.Length > Hl7Encoding.MaxEncodedLength)
            {
                throw new Hl7FormatException("HD", Hl7FormatException.LengthRule, $"an HL7 value is at most {Hl7Encoding.MaxEncodedLength} characters", value);
            }

            if (value.IndexOfAny(new[] { Hl7Encoding.FieldSeparator, Hl7Encoding.RepetitionSeparator, Hl7Encoding.ComponentSeparator }) >= 0)
            {
                throw new Hl7FormatException("HD", Hl7FormatException.DelimiterRule, "an HD written as subcomponents contains no unescaped |, ~ or ^", value);
            }

            string[] parts = value.Split(Hl7Encoding.SubcomponentSeparator);
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = Hl7Encoding.Unescape(parts[i], "HD");
            }

            return FromSubcomponents(parts);
        }

        /// <summary>Writes the subcomponent form, without trailing empty parts.</summary>
        /// <returns>The encoded value, e.g. <c>&amp;1.2.250.1.71.4.2.1&amp;ISO</c>.</returns>
        public string Format()
        {
            string[] subs = ToSubcomponents();
            for (int i = 0; i < subs.Length; i++)
            {
                subs[i] = Hl7Encoding.Escape(subs[i]);
            }

            return string.Join(Hl7Encoding.SubcomponentSeparator.ToString(), subs);
        }

        /// <inheritdoc />
        public override string ToString() => Format();

        /// <inheritdoc />
        public bool Equals(Hd? other) =>
            other is not null
            && string.Equals(NamespaceId, other.NamespaceId, StringComparison.Ordinal)
            && string.Equals(UniversalId, other.UniversalId, StringComparison.Ordinal)
            && string.Equals(UniversalIdType, other.UniversalIdType, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as Hd);

        /// <inheritdoc />
        public override int GetHashCode()
        {
            unchecked
            {
                return (((StringComparer.Ordinal.GetHashCode(NamespaceId) * 31) + StringComparer.Ordinal.GetHashCode(UniversalId)) * 31)
                    + StringComparer.Ordinal.GetHashCode(UniversalIdType);
            }
        }

        internal static Hd FromSubcomponents(string[] subs) =>
            new(subs.Length > 0 ? subs[0] : null, subs.Length > 1 ? subs[1] : null, subs.Length > 2 ? subs[2] : null);

        internal string[] ToSubcomponents()
        {
            if (UniversalIdType.Length > 0)
            {
                return new[] { NamespaceId, UniversalId, UniversalIdType };
            }

            if (UniversalId.Length > 0)
            {
                return new[] { NamespaceId, UniversalId };
            }

            return new[] { NamespaceId };
        }
    }
}

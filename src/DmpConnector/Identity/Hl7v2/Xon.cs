using System;
using System.Diagnostics.CodeAnalysis;

namespace DmpConnector.Identity
{
    /// <summary>
    /// HL7 v2 XON (extended composite name and id for organizations). In the DMP: authorInstitution, e.g.
    /// <c>CABINET DR LIBRE^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^499900063480001</c>, where XON.10 holds the
    /// structure's national id (Struct IdNat).
    /// </summary>
    public sealed class Xon : Hl7Composite
    {
        /// <summary>XON.7 identifier type of a national structure id, <c>IDNST</c>.</summary>
        public const string StructureIdType = "IDNST";

        private Xon(string[][] components)
            : base(components)
        {
        }

        /// <summary>Creates an XON from its usual components.</summary>
        /// <param name="organizationName">XON.1, the organization name.</param>
        /// <param name="assigningAuthority">XON.6, the assigning authority.</param>
        /// <param name="identifierTypeCode">XON.7, the identifier type (<c>IDNST</c> in the DMP).</param>
        /// <param name="organizationIdentifier">XON.10, the organization identifier.</param>
        public Xon(string organizationName, Hd? assigningAuthority = null, string? identifierTypeCode = null, string? organizationIdentifier = null)
            : base(Build(RequireName(organizationName), null, null, null, null, assigningAuthority, identifierTypeCode, null, null, organizationIdentifier))
        {
        }

        /// <inheritdoc />
        public override string TypeName => "XON";

        /// <summary>XON.1, the organization name.</summary>
        public string OrganizationName => GetValue(1);

        /// <summary>XON.2, the organization name type code.</summary>
        public string OrganizationNameTypeCode => GetValue(2);

        /// <summary>XON.3, the (deprecated) numeric id.</summary>
        public string IdNumber => GetValue(3);

        /// <summary>XON.6, the assigning authority, or null when absent.</summary>
        public Hd? AssigningAuthority => GetHd(6);

        /// <summary>XON.7, the identifier type code.</summary>
        public string IdentifierTypeCode => GetValue(7);

        /// <summary>XON.8, the assigning facility, or null when absent.</summary>
        public Hd? AssigningFacility => GetHd(8);

        /// <summary>XON.10, the organization identifier.</summary>
        public string OrganizationIdentifier => GetValue(10);

        /// <summary>Parses an encoded XON.</summary>
        /// <param name="value">The encoded value.</param>
        /// <returns>The XON.</returns>
        /// <exception cref="Hl7FormatException">The value is malformed, or XON.1 is empty.</exception>
        public static Xon Parse(string value)
        {
            var xon = new Xon(Split(value, "XON"));
            if (xon.OrganizationName.Length == 0)
            {
                throw new Hl7FormatException("XON.1", Hl7FormatException.RequiredRule, "the organization name (XON.1) is required", value);
            }

            return xon;
        }

        /// <summary>Parses an encoded XON without throwing.</summary>
        /// <param name="value">The encoded value.</param>
        /// <param name="result">The XON when valid.</param>
        /// <returns>True when the value is valid.</returns>
        public static bool TryParse(string? value, [NotNullWhen(true)] out Xon? result) => TryParse(value, Parse, out result);

        private static string RequireName(string organizationName)
        {
            if (string.IsNullOrEmpty(organizationName))
            {
                throw new ArgumentException("XON.1 (the organization name) is required.", nameof(organizationName));
            }

            return organizationName;
        }
    }
}

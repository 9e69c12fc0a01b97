using System;
using System.Diagnostics.CodeAnalysis;

namespace DmpConnector.Identity
{
    /// <summary>
    /// HL7 v2 XCN (extended composite id number and name for persons): a person with an identifier. In the DMP:
    /// authorPerson and legalAuthenticator, e.g. <c>899900063480^MAX^LIBRE^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS</c>.
    /// </summary>
    public sealed class Xcn : Hl7Composite
    {
        /// <summary>XCN.10 name type code of a person's legal name, <c>D</c> (DMP: persons).</summary>
        public const string PersonNameType = "D";

        /// <summary>XCN.10 name type code used by the DMP for systems (software, devices), <c>U</c>.</summary>
        public const string SystemNameType = "U";

        /// <summary>XCN.13 identifier type of a national health professional id (IdNat PS), <c>IDNPS</c>.</summary>
        public const string ProfessionalIdType = "IDNPS";

        /// <summary>XCN.13 identifier type of a resource id (systems), <c>RI</c>.</summary>
        public const string ResourceIdType = "RI";

        private Xcn(string[][] components)
            : base(components)
        {
        }

        /// <summary>Creates an XCN from its usual components.</summary>
        /// <param name="id">XCN.1, the identifier.</param>
        /// <param name="familyName">XCN.2.1, the family name.</param>
        /// <param name="givenName">XCN.3, the given name.</param>
        /// <param name="secondNames">XCN.4, second and further given names or initials.</param>
        /// <param name="suffix">XCN.5, the suffix.</param>
        /// <param name="prefix">XCN.6, the prefix (e.g. <c>DR</c>).</param>
        /// <param name="assigningAuthority">XCN.9, the assigning authority.</param>
        /// <param name="nameTypeCode">XCN.10, the name type (<c>D</c> persons, <c>U</c> systems in the DMP).</param>
        /// <param name="identifierTypeCode">XCN.13, the identifier type (<c>IDNPS</c>, <c>RI</c>…).</param>
        public Xcn(string? id, string? familyName = null, string? givenName = null, string? secondNames = null, string? suffix = null, string? prefix = null, Hd? assigningAuthority = null, string? nameTypeCode = null, string? identifierTypeCode = null)
            : base(Build(id, familyName, givenName, secondNames, suffix, prefix, null, null, assigningAuthority, nameTypeCode, null, null, identifierTypeCode))
        {
            if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(familyName))
            {
                throw new ArgumentException("An XCN needs an identifier (XCN.1) or a family name (XCN.2).", nameof(id));
            }
        }

        /// <inheritdoc />
        public override string TypeName => "XCN";

        /// <summary>XCN.1, the identifier.</summary>
        public string Id => GetValue(1);

        /// <summary>XCN.2.1, the family name (surname).</summary>
        public string FamilyName => GetValue(2);

        /// <summary>XCN.3, the given name.</summary>
        public string GivenName => GetValue(3);

        /// <summary>XCN.4, second and further given names or initials.</summary>
        public string SecondNames => GetValue(4);

        /// <summary>XCN.5, the suffix.</summary>
        public string Suffix => GetValue(5);

        /// <summary>XCN.6, the prefix.</summary>
        public string Prefix => GetValue(6);

        /// <summary>XCN.9, the assigning authority, or null when absent.</summary>
        public Hd? AssigningAuthority => GetHd(9);

        /// <summary>XCN.10, the name type code.</summary>
        public string NameTypeCode => GetValue(10);

        /// <summary>XCN.13, the identifier type code.</summary>
        public string IdentifierTypeCode => GetValue(13);

        /// <summary>XCN.14, the assigning facility, or null when absent.</summary>
        public Hd? AssigningFacility => GetHd(14);

        /// <summary>Parses an encoded XCN.</summary>
        /// <param name="value">The encoded value.</param>
        /// <returns>The XCN.</returns>
        /// <exception cref="Hl7FormatException">The value is malformed, or has neither identifier nor family name.</exception>
        public static Xcn Parse(string value)
        {
            var xcn = new Xcn(Split(value, "XCN"));
            if (xcn.Id.Length == 0 && xcn.FamilyName.Length == 0)
            {
                throw new Hl7FormatException("XCN.1", Hl7FormatException.RequiredRule, "an XCN needs an identifier (XCN.1) or a family name (XCN.2)", value);
            }

            return xcn;
        }

        /// <summary>Parses an encoded XCN without throwing.</summary>
        /// <param name="value">The encoded value.</param>
        /// <param name="result">The XCN when valid.</param>
        /// <returns>True when the value is valid.</returns>
        public static bool TryParse(string? value, [NotNullWhen(true)] out Xcn? result) => TryParse(value, Parse, out result);
    }
}

using System;
using System.Diagnostics.CodeAnalysis;

namespace DmpConnector.Identity
{
    /// <summary>
    /// HL7 v2 CX (extended composite id with check digit): an identifier and the authority that assigned it.
    /// In the DMP: the patient's INS <c>value^^^&amp;INS-OID&amp;ISO^NH</c> (XDS patientId, VIHF resource-id) and local
    /// patient ids <c>IPP^^^&amp;OID&amp;ISO^PI</c> (XDS sourcePatientId).
    /// </summary>
    public sealed class Cx : Hl7Composite
    {
        /// <summary>Identifier type code of a national health identifier (the INS), <c>NH</c>.</summary>
        public const string NationalHealthNumberType = "NH";

        /// <summary>Identifier type code of a local patient identifier (IPP), <c>PI</c>.</summary>
        public const string PatientInternalIdentifierType = "PI";

        private Cx(string[][] components)
            : base(components)
        {
        }

        /// <summary>Creates a CX from its usual components.</summary>
        /// <param name="id">CX.1, the identifier.</param>
        /// <param name="assigningAuthority">CX.4, the assigning authority.</param>
        /// <param name="identifierTypeCode">CX.5, the identifier type (<c>NH</c>, <c>PI</c>…).</param>
        /// <param name="assigningFacility">CX.6, the assigning facility.</param>
        /// <param name="effectiveDate">CX.7, the date the identifier became valid (HL7 DT/DTM).</param>
        /// <param name="expirationDate">CX.8, the date the identifier stops being valid.</param>
        public Cx(string id, Hd? assigningAuthority = null, string? identifierTypeCode = null, Hd? assigningFacility = null, string? effectiveDate = null, string? expirationDate = null)
            : base(Build(RequireId(id), null, null, assigningAuthority, identifierTypeCode, assigningFacility, effectiveDate, expirationDate))
        {
        }

        /// <inheritdoc />
        public override string TypeName => "CX";

        /// <summary>CX.1, the identifier.</summary>
        public string Id => GetValue(1);

        /// <summary>CX.2, the check digit.</summary>
        public string CheckDigit => GetValue(2);

        /// <summary>CX.3, the check digit scheme.</summary>
        public string CheckDigitScheme => GetValue(3);

        /// <summary>CX.4, the assigning authority, or null when absent.</summary>
        public Hd? AssigningAuthority => GetHd(4);

        /// <summary>CX.5, the identifier type code (<c>NH</c> for the INS, <c>PI</c> for a local id).</summary>
        public string IdentifierTypeCode => GetValue(5);

        /// <summary>CX.6, the assigning facility, or null when absent.</summary>
        public Hd? AssigningFacility => GetHd(6);

        /// <summary>CX.7, the effective date as written.</summary>
        public string EffectiveDate => GetValue(7);

        /// <summary>CX.8, the expiration date as written.</summary>
        public string ExpirationDate => GetValue(8);

        /// <summary>The DMP form of a local patient id: <c>id^^^&amp;oid&amp;ISO^PI</c>.</summary>
        /// <param name="id">The local identifier (IPP).</param>
        /// <param name="assigningAuthorityOid">The OID of the system that assigned it.</param>
        /// <returns>The CX.</returns>
        public static Cx ForLocalPatientId(string id, string assigningAuthorityOid) =>
            new(id, Hd.ForOid(assigningAuthorityOid), PatientInternalIdentifierType);

        /// <summary>Parses an encoded CX.</summary>
        /// <param name="value">The encoded value.</param>
        /// <returns>The CX.</returns>
        /// <exception cref="Hl7FormatException">The value is malformed or CX.1 is empty.</exception>
        public static Cx Parse(string value)
        {
            var cx = new Cx(Split(value, "CX"));
            if (cx.Id.Length == 0)
            {
                throw new Hl7FormatException("CX.1", Hl7FormatException.RequiredRule, "the identifier (CX.1) is required", value);
            }

            return cx;
        }

        /// <summary>Parses an encoded CX without throwing.</summary>
        /// <param name="value">The encoded value.</param>
        /// <param name="result">The CX when valid.</param>
        /// <returns>True when the value is valid.</returns>
        public static bool TryParse(string? value, [NotNullWhen(true)] out Cx? result) => TryParse(value, Parse, out result);

        private static string RequireId(string id)
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException("CX.1 (the identifier) is required.", nameof(id));
            }

            return id;
        }
    }
}

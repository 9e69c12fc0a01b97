using System;
using DmpConnector.Identity;
using DmpConnector.Xds;

namespace DmpConnector.Cda
{
    /// <summary>
    /// A person, device or patient as a CDA header names them (an <c>author/assignedAuthor</c> or a
    /// <c>legalAuthenticator/assignedEntity</c>), as read: id, name, J01 code, structure. Immutable.
    /// </summary>
    public sealed record CdaParticipant
    {
        /// <summary>The first id's root (e.g. <c>1.2.250.1.71.4.2.1</c> for an IdNat PS), or null.</summary>
        public string? IdRoot { get; init; }

        /// <summary>The first id's extension (e.g. the IdNat PS), or null.</summary>
        public string? IdExtension { get; init; }

        /// <summary>The family name, or null (a device).</summary>
        public string? FamilyName { get; init; }

        /// <summary>The given name, or null.</summary>
        public string? GivenName { get; init; }

        /// <summary>The title of address (<c>prefix</c>, J245), or null.</summary>
        public string? Prefix { get; init; }

        /// <summary>The professional title (<c>suffix</c>, J246, e.g. <c>DR</c>), or null.</summary>
        public string? Suffix { get; init; }

        /// <summary>The profession/specialty (<c>code</c>, JDV_J01, e.g. <c>G15_10/SM26</c>), or null.</summary>
        public CodedValue? Code { get; init; }

        /// <summary>The functional role (<c>author/functionCode</c>, J47), or null.</summary>
        public CodedValue? FunctionCode { get; init; }

        /// <summary>The structure's id root, or null.</summary>
        public string? OrganizationIdRoot { get; init; }

        /// <summary>The structure's id extension (e.g. the Struct IdNat), or null.</summary>
        public string? OrganizationIdExtension { get; init; }

        /// <summary>The structure's name, or null.</summary>
        public string? OrganizationName { get; init; }

        /// <summary>The software name of an authoring device (a system author), or null.</summary>
        public string? SoftwareName { get; init; }

        /// <summary>The manufacturer model name of an authoring device, or null.</summary>
        public string? ManufacturerModelName { get; init; }

        /// <summary>The participation time as written (<c>ts</c>), or null.</summary>
        public string? Time { get; init; }

        /// <summary>True when the id is an INS (a patient author or authenticator).</summary>
        public bool IsPatient => Ins.TryGetKind(IdRoot, out _);

        /// <summary>
        /// The professional, when the id is an IdNat PS (<c>1.2.250.1.71.4.2.1</c>, format checked, check key not
        /// enforced), the family name is present and the J01 code gives a profession; null otherwise.
        /// </summary>
        /// <returns>The professional, or null.</returns>
        public HealthProfessional? ToHealthProfessional()
        {
            if (IdRoot != ProfessionalId.Oid || FamilyName is null || Code is null
                || !ProfessionalId.TryParse(IdExtension, IdentifierValidation.FormatOnly, out ProfessionalId? id))
            {
                return null;
            }

            CodedValue profession = Code;
            CodedValue? specialty = null;
            if (Code.CodeSystem == CdaBuilder.AuthorSpecialtyG15System && Code.Code.StartsWith("G15_", StringComparison.Ordinal))
            {
                string rest = Code.Code.Substring(4);
                int slash = rest.IndexOf('/');
                string? display = Code.DisplayName;
                int dash = display?.IndexOf(" - ", StringComparison.Ordinal) ?? -1;
                string? professionDisplay = dash > 0 ? display!.Substring(0, dash) : (slash < 0 ? display : null);
                string? specialtyDisplay = dash > 0 ? display!.Substring(dash + 3) : null;
                profession = new CodedValue(slash < 0 ? rest : rest.Substring(0, slash), HealthProfessional.ProfessionCodeSystem, professionDisplay);
                specialty = slash < 0 ? null : new CodedValue(rest.Substring(slash + 1), HealthProfessional.SpecialtyCodeSystem, specialtyDisplay);
            }

            return new HealthProfessional(id, FamilyName, GivenName, profession, specialty, Suffix);
        }

        /// <summary>The structure, when its id is a Struct IdNat (format checked) and it has a name; null otherwise.</summary>
        /// <returns>The organization, or null.</returns>
        public HealthcareOrganization? ToHealthcareOrganization() =>
            OrganizationIdRoot == StructureId.Oid && !string.IsNullOrWhiteSpace(OrganizationName)
            && StructureId.TryParse(OrganizationIdExtension, IdentifierValidation.FormatOnly, out StructureId? id)
                ? new HealthcareOrganization(id, OrganizationName!)
                : null;

        /// <summary>
        /// The XCN (authorPerson, legalAuthenticator): <c>id^FAMILY^Given^^^^^^&amp;root&amp;ISO^D^^^IDNPS</c> for a
        /// professional; the software name as family name and name type <c>U</c> for a device. Null without an id.
        /// </summary>
        /// <returns>The XCN text, or null.</returns>
        public string? ToXcn()
        {
            if (IdExtension is null || IdRoot is null)
            {
                return null;
            }

            bool device = FamilyName is null && SoftwareName is not null;
            string? typeCode = IdRoot == ProfessionalId.Oid ? Xcn.ProfessionalIdType : IsPatient ? Cx.NationalHealthNumberType : null;
            return new Xcn(
                IdExtension,
                device ? SoftwareName : FamilyName,
                device ? null : GivenName,
                assigningAuthority: Hd.ForOid(IdRoot),
                nameTypeCode: device ? Xcn.SystemNameType : Xcn.PersonNameType,
                identifierTypeCode: typeCode).Format();
        }

        /// <summary>The XON (authorInstitution), e.g. <c>CABINET DR LIBRE^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^499900063480001</c>; null without a name.</summary>
        /// <returns>The XON text, or null.</returns>
        public string? ToXon()
        {
            if (string.IsNullOrWhiteSpace(OrganizationName))
            {
                return null;
            }

            return OrganizationIdRoot is null || OrganizationIdExtension is null
                ? new Xon(OrganizationName!).Format()
                : new Xon(OrganizationName!, Hd.ForOid(OrganizationIdRoot), OrganizationIdRoot == StructureId.Oid ? Xon.StructureIdType : null, OrganizationIdExtension).Format();
        }

        /// <summary>A description: a professional's id and names; a patient's (INS root) only when sensitive data is opted in.</summary>
        /// <returns>The description.</returns>
        public override string ToString() => IsPatient && !Diagnostics.DmpSensitiveData.IsIncluded
            ? "CdaParticipant patient (redacted)"
            : $"CdaParticipant {IdRoot}/{IdExtension} {FamilyName} {GivenName} {SoftwareName}".TrimEnd();

        /// <summary>The XDS author (person, institution, role, specialty).</summary>
        /// <returns>The author.</returns>
        public Author ToXdsAuthor()
        {
            string? xon = ToXon();
            return new Author
            {
                Person = ToXcn(),
                Institutions = xon is null ? EquatableList<string>.Empty : new[] { xon },
                Roles = FunctionCode is null ? EquatableList<string>.Empty : new[] { FunctionCode.DisplayName ?? FunctionCode.Code },
                Specialties = Code is null ? EquatableList<string>.Empty : new[] { Ce.FromCodedValue(Code).Format() },
            };
        }
    }
}

using DmpConnector.Identity;

namespace DmpConnector.Xds
{
    /// <summary>
    /// An XDS author (the author classification of a DocumentEntry or SubmissionSet). Values are kept as HL7 v2 text
    /// (XCN, XON, CE) exactly as on the wire; <see cref="For"/> builds them from the SDK's identity types.
    /// </summary>
    public sealed record Author
    {
        /// <summary>authorPerson (XCN), e.g. <c>899900063480^MAX^LIBRE^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS</c>; null when absent.</summary>
        public string? Person { get; init; }

        /// <summary>authorInstitution values (XON).</summary>
        public EquatableList<string> Institutions { get; init; } = EquatableList<string>.Empty;

        /// <summary>authorRole values.</summary>
        public EquatableList<string> Roles { get; init; } = EquatableList<string>.Empty;

        /// <summary>authorSpecialty values (CE, e.g. <c>G15_10/SM26^Médecin - …^1.2.250.1.213.1.1.4.5</c>).</summary>
        public EquatableList<string> Specialties { get; init; } = EquatableList<string>.Empty;

        /// <summary>authorTelecommunication values (XTN).</summary>
        public EquatableList<string> Telecommunications { get; init; } = EquatableList<string>.Empty;

        /// <summary>Other slots of the author classification, kept on a round trip.</summary>
        public EquatableList<Slot> ExtraSlots { get; init; } = EquatableList<Slot>.Empty;

        /// <summary>
        /// The author for a professional acting in a structure: authorPerson from <see cref="HealthProfessional.ToXcn"/>,
        /// authorInstitution from <see cref="HealthcareOrganization.ToXon"/>, authorSpecialty from the specialty (or the
        /// profession when there is none).
        /// </summary>
        /// <param name="professional">The professional.</param>
        /// <param name="organization">The structure, or null.</param>
        /// <param name="role">The authorRole, or null.</param>
        /// <returns>The author.</returns>
        public static Author For(HealthProfessional professional, HealthcareOrganization? organization = null, string? role = null)
        {
            if (professional is null)
            {
                throw new System.ArgumentNullException(nameof(professional));
            }

            CodedValue specialty = professional.Specialty ?? professional.Profession;
            return new Author
            {
                Person = professional.ToXcn().Format(),
                Institutions = organization is null ? EquatableList<string>.Empty : new[] { organization.ToXon().Format() },
                Roles = role is null ? EquatableList<string>.Empty : new[] { role },
                Specialties = new[] { Ce.FromCodedValue(specialty).Format() },
            };
        }

        /// <summary>True when the author carries no value at all.</summary>
        public bool IsEmpty => Person is null && Institutions.Count == 0 && Roles.Count == 0 && Specialties.Count == 0
            && Telecommunications.Count == 0 && ExtraSlots.Count == 0;
    }
}

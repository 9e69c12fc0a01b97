using System;

namespace DmpConnector.Identity
{
    /// <summary>
    /// A health professional (or another user of the DMP) as the VIHF, the CDA header and the XDS author metadata see
    /// them: the IdNat PS, names, the profession and, for doctors and pharmacists, the specialty.
    /// </summary>
    /// <remarks>
    /// Immutable. Professionals are not patients: their identifiers and names are not treated as sensitive data.
    /// The codes come from the ANS terminologies: profession from TRE_G15 (<see cref="ProfessionCodeSystem"/>), specialty
    /// from TRE_R01 (<see cref="SpecialtyCodeSystem"/>) for doctors, TRE_G05 for pharmacists.
    /// </remarks>
    public sealed class HealthProfessional
    {
        /// <summary>TRE_G15 ProfessionSante, the code system of <see cref="Profession"/> for health professionals.</summary>
        public const string ProfessionCodeSystem = "1.2.250.1.71.1.2.7";

        /// <summary>TRE_R01 EnsembleSavoirFaire-CISIS, the code system of a doctor's <see cref="Specialty"/>.</summary>
        public const string SpecialtyCodeSystem = "1.2.250.1.71.4.2.5";

        /// <summary>TRE_G15 code of a doctor (médecin).</summary>
        public const string PhysicianProfessionCode = "10";

        /// <summary>TRE_G15 code of a pharmacist (pharmacien).</summary>
        public const string PharmacistProfessionCode = "21";

        /// <summary>Creates a professional.</summary>
        /// <param name="id">The IdNat PS.</param>
        /// <param name="familyName">The family name (used name), as on the CPS card.</param>
        /// <param name="givenName">The given name, or null when unknown.</param>
        /// <param name="profession">The profession (TRE_G15, or TRE_A00 for non-professional producers such as <c>AUTOMATE</c>).</param>
        /// <param name="specialty">The specialty (savoir-faire); required by the DMP for doctors and pharmacists.</param>
        /// <param name="title">A title such as <c>DR</c> or <c>PR</c>, or null.</param>
        public HealthProfessional(ProfessionalId id, string familyName, string? givenName, CodedValue profession, CodedValue? specialty = null, string? title = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            if (string.IsNullOrWhiteSpace(familyName))
            {
                throw new DmpInputException(nameof(familyName), "PROFESSIONAL-NAME", "a professional's family name is required", familyName, valueIsSensitive: false);
            }

            FamilyName = familyName;
            GivenName = string.IsNullOrWhiteSpace(givenName) ? null : givenName;
            Profession = profession ?? throw new ArgumentNullException(nameof(profession));
            Specialty = specialty;
            Title = string.IsNullOrWhiteSpace(title) ? null : title;
        }

        /// <summary>The IdNat PS (e.g. <c>8</c> + RPPS).</summary>
        public ProfessionalId Id { get; }

        /// <summary>The family name.</summary>
        public string FamilyName { get; }

        /// <summary>The given name, or null.</summary>
        public string? GivenName { get; }

        /// <summary>The profession code (TRE_G15 for health professionals).</summary>
        public CodedValue Profession { get; }

        /// <summary>The specialty (savoir-faire), or null.</summary>
        public CodedValue? Specialty { get; }

        /// <summary>A title (<c>DR</c>, <c>PR</c>...), or null.</summary>
        public string? Title { get; }

        /// <summary>
        /// True when the DMP requires a specialty for this profession: doctors and pharmacists (TRE_G15 codes 10 and 21).
        /// A VIHF without it is refused ("Spécialité obligatoire pour les Médecins").
        /// </summary>
        public bool RequiresSpecialty =>
            Profession.CodeSystem == ProfessionCodeSystem
            && (Profession.Code == PhysicianProfessionCode || Profession.Code == PharmacistProfessionCode);

        /// <summary>The XDS <c>authorPerson</c> value (XCN with the IdNat PS).</summary>
        /// <returns>The XCN.</returns>
        public Xcn ToXcn() => Id.ToXcn(FamilyName, GivenName);

        /// <summary>A copy with another specialty.</summary>
        /// <param name="specialty">The specialty, or null.</param>
        /// <returns>The copy.</returns>
        public HealthProfessional WithSpecialty(CodedValue? specialty) => new(Id, FamilyName, GivenName, Profession, specialty, Title);

        /// <inheritdoc />
        public override string ToString() => $"{Id} {FamilyName} {GivenName}".TrimEnd();
    }
}

namespace DmpConnector.Security
{
    /// <summary>
    /// The VIHF cannot be built from this context: a rule the DMP enforces would refuse it (e.g. a doctor without a
    /// specialty: "Spécialité obligatoire pour les Médecins"). Checked before anything is signed. Rules in
    /// <see cref="VihfRules"/>.
    /// </summary>
    public sealed class VihfRuleException : DmpInputException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="field">The context field, e.g. <c>professional.specialty</c>.</param>
        /// <param name="rule">The rule id (<see cref="VihfRules"/>).</param>
        /// <param name="explanation">What the rule requires.</param>
        /// <param name="value">The offending value, if any.</param>
        /// <param name="valueIsSensitive">True for patient data.</param>
        public VihfRuleException(string field, string rule, string explanation, string? value, bool valueIsSensitive)
            : base(field, rule, explanation, value, valueIsSensitive)
        {
        }
    }

    /// <summary>The rule ids of <see cref="VihfRuleException"/>.</summary>
    public static class VihfRules
    {
        /// <summary>Doctors and pharmacists need a specialty (second <c>subject:role</c>).</summary>
        public const string Specialty = "VIHF-SPECIALTY";

        /// <summary>A doctor's specialty must come from TRE_R01 (1.2.250.1.71.4.2.5).</summary>
        public const string SpecialtySystem = "VIHF-SPECIALTY-SYSTEM";

        /// <summary>The structure needs a sector of activity from TRE_R02 (<c>Secteur_Activite</c> is mandatory).</summary>
        public const string Sector = "VIHF-SECTOR";

        /// <summary>The software identity needs a name, a version and the DMP homologation number.</summary>
        public const string Software = "VIHF-SOFTWARE";

        /// <summary>Bris de glace and centre 15 are patient access modes: a patient INS is required.</summary>
        public const string Patient = "VIHF-PATIENT";

        /// <summary>The professional's display identity (<c>subject-id</c>) is empty.</summary>
        public const string SubjectId = "VIHF-SUBJECT-ID";

        /// <summary>The issuer (certificate subject) of an unsigned assertion is empty.</summary>
        public const string Issuer = "VIHF-ISSUER";
    }
}

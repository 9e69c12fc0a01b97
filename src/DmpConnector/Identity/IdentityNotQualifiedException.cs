namespace DmpConnector.Identity
{
    /// <summary>
    /// The patient's INS may not be sent: the identity has no INS, or is not qualified (RNIV rule: only a qualified
    /// identity carries its INS in an exchange). Qualify the identity (INSi call and identity document check) first.
    /// </summary>
    public sealed class IdentityNotQualifiedException : DmpInputException
    {
        /// <summary>Rule <c>IDENTITY-NOT-QUALIFIED</c>.</summary>
        public const string NotQualifiedRule = "IDENTITY-NOT-QUALIFIED";

        /// <summary>Rule <c>IDENTITY-NO-INS</c>.</summary>
        public const string NoInsRule = "IDENTITY-NO-INS";

        /// <summary>Creates the exception.</summary>
        /// <param name="status">The identity's status.</param>
        /// <param name="hasIns">Whether the identity has an INS at all.</param>
        public IdentityNotQualifiedException(IdentityStatus status, bool hasIns)
            : base(
                "identityStatus",
                hasIns ? NotQualifiedRule : NoInsRule,
                hasIns
                    ? "only a qualified identity (QUAL) may carry its INS in an exchange; qualify it (INSi and an identity document) before sending"
                    : "the patient has no INS; retrieve it with the INSi teleservice and qualify the identity before sending",
                PatientIdentity.StatusCode(status),
                valueIsSensitive: false)
        {
            Status = status;
        }

        /// <summary>The identity's status.</summary>
        public IdentityStatus Status { get; }
    }
}

namespace DmpConnector.Security
{
    /// <summary>
    /// Choices in the VIHF the official examples and other material disagree on. Defaults reproduce the official
    /// examples (VIHF 3.0, 2019–2020), except the signature: RSA-SHA256 with the ANS prefix list. Immutable.
    /// </summary>
    public sealed class VihfOptions
    {
        /// <summary>The defaults.</summary>
        public static VihfOptions Default { get; } = new();

        /// <summary>How the assertion is signed (RSA-SHA256 and exclusive c14n with the ANS prefix list by default).</summary>
        public XmlSignatureOptions Signature { get; init; } = XmlSignatureOptions.Default;

        /// <summary>
        /// The name of the authentication-mode attribute: <c>Authentification_mode</c> as in the official examples (the ANS
        /// kit and other material write <c>Authentification_Mode</c>; pitfall 31).
        /// </summary>
        public string AuthenticationModeAttributeName { get; init; } = "Authentification_mode";

        /// <summary>The <c>codeSystemName</c> of the access mode: <c>mode acces VIHF 2.0</c> as in the official examples.</summary>
        public string AccessModeCodeSystemName { get; init; } = "mode acces VIHF 2.0";

        /// <summary>
        /// Whether the roles carry <c>codeSystemName</c> (<see cref="ProfessionCodeSystemName"/>,
        /// <see cref="SpecialtyCodeSystemName"/>). Null (default) follows the official examples: only in
        /// INDIRECTE_RENFORCEE.
        /// </summary>
        public bool? IncludeRoleCodeSystemNames { get; init; }

        /// <summary>The <c>codeSystemName</c> of the profession role when included: <c>professions</c>.</summary>
        public string ProfessionCodeSystemName { get; init; } = "professions";

        /// <summary>The <c>codeSystemName</c> of the specialty role when included: <c>specialites RPPS</c>.</summary>
        public string SpecialtyCodeSystemName { get; init; } = "specialites RPPS";

        /// <summary>
        /// Whether <c>subject-id</c> is written. Null (default) follows the official examples: absent in DIRECTE, present
        /// in INDIRECTE and INDIRECTE_RENFORCEE.
        /// </summary>
        public bool? IncludeSubjectId { get; init; }

        /// <summary>
        /// The <c>AuthnContextClassRef</c>. The official examples use SmartcardPKI in every mode (the ANS kit uses
        /// <c>…:Password</c> for non-card indirect mode); INDIRECTE_RENFORCEE repeats it in <c>AuthnContextDecl</c>.
        /// </summary>
        public string AuthnContextClassRef { get; init; } = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI";

        /// <summary>
        /// The <c>AuthnContextDecl</c> written in INDIRECTE_RENFORCEE only; null to leave it out. Default: the official
        /// example's SmartcardPKI URN (the ANS kit and DRIMbox write <c>APP_BROWSER_AUTH</c>).
        /// </summary>
        public string? ReinforcedAuthnContextDecl { get; init; } = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI";
    }
}

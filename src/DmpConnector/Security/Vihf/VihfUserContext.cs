using System;
using DmpConnector.Identity;

namespace DmpConnector.Security
{
    /// <summary>
    /// Who is calling the DMP, as the VIHF states it: the professional, the structure, the software and how the user
    /// authenticated. Immutable; one per user session, reused for every VIHF.
    /// </summary>
    public sealed class VihfUserContext
    {
        /// <summary>Creates the context.</summary>
        /// <param name="professional">The professional (NameID, roles).</param>
        /// <param name="organization">The structure (<c>Identifiant_Structure</c>, <c>Secteur_Activite</c>).</param>
        /// <param name="software">The software identity.</param>
        /// <param name="authenticationMode">How the user authenticated.</param>
        /// <param name="subjectId">
        /// The user's display identity for <c>subject-id</c>; by default the given name and the family name ("MAX LIBRE").
        /// </param>
        public VihfUserContext(HealthProfessional professional, HealthcareOrganization organization, SoftwareIdentity software, VihfAuthenticationMode authenticationMode, string? subjectId = null)
        {
            Professional = professional ?? throw new ArgumentNullException(nameof(professional));
            Organization = organization ?? throw new ArgumentNullException(nameof(organization));
            Software = software ?? throw new ArgumentNullException(nameof(software));
            AuthenticationMode = authenticationMode;
            SubjectId = string.IsNullOrWhiteSpace(subjectId)
                ? (professional.GivenName is null ? professional.FamilyName : professional.GivenName + " " + professional.FamilyName)
                : subjectId!;
        }

        /// <summary>The professional.</summary>
        public HealthProfessional Professional { get; }

        /// <summary>The structure.</summary>
        public HealthcareOrganization Organization { get; }

        /// <summary>The software.</summary>
        public SoftwareIdentity Software { get; }

        /// <summary>How the user authenticated.</summary>
        public VihfAuthenticationMode AuthenticationMode { get; }

        /// <summary>The display identity of <c>subject-id</c>.</summary>
        public string SubjectId { get; }
    }
}

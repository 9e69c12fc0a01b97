namespace DmpConnector.Security
{
    /// <summary>
    /// The practice software as the VIHF names it: <c>LPS_ID</c> (installation id), <c>LPS_Nom</c>, <c>LPS_Version</c> and
    /// <c>LPS_ID_HOMOLOGATION_DMP</c> (the CNDA homologation number). Immutable.
    /// </summary>
    public sealed class SoftwareIdentity
    {
        /// <summary>Creates the identity.</summary>
        /// <param name="name">The software name (<c>LPS_Nom</c>).</param>
        /// <param name="version">Its version (<c>LPS_Version</c>).</param>
        /// <param name="homologationNumber">The DMP homologation number (<c>LPS_ID_HOMOLOGATION_DMP</c>).</param>
        /// <param name="installationId">The installation id or serial (<c>LPS_ID</c>), or null to leave the attribute out.</param>
        public SoftwareIdentity(string name, string version, string homologationNumber, string? installationId = null)
        {
            Name = Require(name, "software.name");
            Version = Require(version, "software.version");
            HomologationNumber = Require(homologationNumber, "software.homologationNumber");
            InstallationId = string.IsNullOrWhiteSpace(installationId) ? null : installationId;
        }

        /// <summary><c>LPS_Nom</c>.</summary>
        public string Name { get; }

        /// <summary><c>LPS_Version</c>.</summary>
        public string Version { get; }

        /// <summary><c>LPS_ID_HOMOLOGATION_DMP</c>.</summary>
        public string HomologationNumber { get; }

        /// <summary><c>LPS_ID</c>, or null.</summary>
        public string? InstallationId { get; }

        private static string Require(string value, string field) =>
            string.IsNullOrWhiteSpace(value)
                ? throw new VihfRuleException(field, VihfRules.Software, "the software name, version and DMP homologation number are required in every VIHF", value, valueIsSensitive: false)
                : value;
    }
}

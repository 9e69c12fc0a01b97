using System;

namespace DmpConnector.Identity
{
    /// <summary>
    /// A health or medico-social structure (cabinet, pharmacy, hospital, EHPAD...): its Struct IdNat, name and sector of
    /// activity, as used by the VIHF (<c>Identifiant_Structure</c>, <c>Secteur_Activite</c>), the CDA header
    /// (<c>representedOrganization</c>) and the XDS <c>authorInstitution</c>.
    /// </summary>
    public sealed class HealthcareOrganization
    {
        /// <summary>TRE_R02 SecteurActivite, the code system of <see cref="SectorOfActivity"/>.</summary>
        public const string SectorOfActivityCodeSystem = "1.2.250.1.71.4.2.4";

        /// <summary>Creates an organization.</summary>
        /// <param name="id">The Struct IdNat.</param>
        /// <param name="name">The name.</param>
        /// <param name="sectorOfActivity">The sector of activity (TRE_R02, e.g. <c>SA07</c> cabinet individuel), or null.</param>
        public HealthcareOrganization(StructureId id, string name, CodedValue? sectorOfActivity = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new DmpInputException(nameof(name), "ORGANIZATION-NAME", "an organization's name is required", name, valueIsSensitive: false);
            }

            Name = name;
            SectorOfActivity = sectorOfActivity;
        }

        /// <summary>The Struct IdNat.</summary>
        public StructureId Id { get; }

        /// <summary>The name.</summary>
        public string Name { get; }

        /// <summary>The sector of activity (TRE_R02), or null.</summary>
        public CodedValue? SectorOfActivity { get; }

        /// <summary>The XDS <c>authorInstitution</c> value (XON with the Struct IdNat).</summary>
        /// <returns>The XON.</returns>
        public Xon ToXon() => Id.ToXon(Name);

        /// <inheritdoc />
        public override string ToString() => $"{Id} {Name}";
    }
}

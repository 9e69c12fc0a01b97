using System;
using DmpConnector.Identity;

namespace DmpConnector.Cda
{
    /// <summary>
    /// What <see cref="CdaBuilder"/> needs to wrap a document into a non-structured CI-SIS CDA R2: the header values.
    /// Immutable; build it from a preset with <see cref="ForPreset"/> and change it with <c>with</c>.
    /// </summary>
    /// <remarks>
    /// Defaults follow CI-SIS: confidentiality <c>N</c>, language <c>fr-FR</c>, version 1 with the set id equal to the
    /// document id, author and legal authentication at the creation time, custodian = the author's structure, legal
    /// authenticator = the author, facility type = the structure's sector of activity.
    /// </remarks>
    public sealed record CdaDocumentRequest
    {
        /// <summary>The HL7 Confidentiality code system.</summary>
        public const string ConfidentialityCodeSystem = "2.16.840.1.113883.5.25";

        /// <summary>The preset used, if any (decides the patient-document rules).</summary>
        public CdaPreset? Preset { get; init; }

        /// <summary>The document type (CDA <c>code</c>, XDS typeCode, JDV_J07); falls back to the preset's.</summary>
        public CodedValue? TypeCode { get; init; }

        /// <summary>The XDS classCode; falls back to the preset's, then to <see cref="CdaPresets.ClassCodeFor"/>. Not written in the CDA.</summary>
        public CodedValue? ClassCode { get; init; }

        /// <summary>The title (at most 128 characters); defaults to the type code's display name, then the preset label.</summary>
        public string? Title { get; init; }

        /// <summary>The document id (an OID of at most 64 characters, root only as the DMP requires); a new <c>2.25.</c> UUID-OID when null.</summary>
        public string? DocumentId { get; init; }

        /// <summary>The set id shared by all versions; the document id when null (version 1 only).</summary>
        public string? SetId { get; init; }

        /// <summary>The version number, 1 for a first version.</summary>
        public int VersionNumber { get; init; } = 1;

        /// <summary>The id of the version this one replaces (written as <c>relatedDocument typeCode="RPLC"</c>); required when <see cref="VersionNumber"/> &gt; 1.</summary>
        public string? ReplacedDocumentId { get; init; }

        /// <summary>The creation time (<c>effectiveTime</c>).</summary>
        public DateTimeOffset CreationTime { get; init; }

        /// <summary>The zone of the place of production (the offsets written); <see cref="CdaTime.Paris"/> when null.</summary>
        public TimeZoneInfo? TimeZone { get; init; }

        /// <summary>The confidentiality code: <c>N</c> (default), <c>R</c> or <c>V</c>. DMP masking codes are XDS-only and refused here.</summary>
        public string ConfidentialityCode { get; init; } = "N";

        /// <summary>The document language, <c>fr-FR</c>.</summary>
        public string LanguageCode { get; init; } = "fr-FR";

        /// <summary>The language of the embedded content when it is not French (written as <c>nonXMLBody/languageCode</c>), or null.</summary>
        public string? ContentLanguageCode { get; init; }

        /// <summary>The patient. Only a qualified identity carries its INS (see <see cref="PatientIdentity.GetInsForExchange"/>).</summary>
        public PatientIdentity? Patient { get; init; }

        /// <summary>The INS policy; <see cref="InsExchangePolicy.Strict"/> when null.</summary>
        public InsExchangePolicy? InsPolicy { get; init; }

        /// <summary>The author (a professional); null for a patient's own document.</summary>
        public HealthProfessional? Author { get; init; }

        /// <summary>The author's structure; null for a patient's own document.</summary>
        public HealthcareOrganization? AuthorOrganization { get; init; }

        /// <summary>When the author took part; the creation time when null.</summary>
        public DateTimeOffset? AuthorTime { get; init; }

        /// <summary>The professional responsible for the document; the author when null.</summary>
        public HealthProfessional? LegalAuthenticator { get; init; }

        /// <summary>When responsibility was taken; the creation time when null.</summary>
        public DateTimeOffset? LegalAuthenticationTime { get; init; }

        /// <summary>The structure keeping the document; the author's structure when null (the DMP for a patient's document).</summary>
        public HealthcareOrganization? Custodian { get; init; }

        /// <summary>The documented event's start (<c>serviceEvent/effectiveTime/low</c>); the creation time when null.</summary>
        public DateTimeOffset? ServiceStartTime { get; init; }

        /// <summary>The documented event's end, or null.</summary>
        public DateTimeOffset? ServiceStopTime { get; init; }

        /// <summary>The documented event's code (<c>serviceEvent/code</c>), or null.</summary>
        public CodedValue? ServiceEventCode { get; init; }

        /// <summary>The practice setting (JDV_J04, e.g. <c>AMBULATOIRE</c>): the performer's <c>standardIndustryClassCode</c>, XDS practiceSettingCode.</summary>
        public CodedValue? PracticeSetting { get; init; }

        /// <summary>The activity sector (JDV_J02, e.g. <c>SA07</c>): <c>healthCareFacility/code</c>, XDS healthcareFacilityTypeCode; the structure's sector when null.</summary>
        public CodedValue? HealthcareFacilityType { get; init; }

        /// <summary>The embedded content's media type (<see cref="CdaMediaTypes"/>).</summary>
        public string MediaType { get; init; } = CdaMediaTypes.Pdf;

        /// <summary>The practice setting <c>AMBULATOIRE</c> (JDV_J04).</summary>
        public static CodedValue Ambulatoire { get; } = new("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire");

        /// <summary>The practice setting <c>ETABLISSEMENT</c> (JDV_J04).</summary>
        public static CodedValue Etablissement { get; } = new("ETABLISSEMENT", "1.2.250.1.213.1.1.4.9", "Etablissement de santé");

        /// <summary><c>EXP_PATIENT</c>, the practice setting, facility type and event code of a patient's own document (J02/J04).</summary>
        public static CodedValue PatientExpression { get; } = new("EXP_PATIENT", "1.2.250.1.213.1.1.4.6", "Expression personnelle du patient");

        /// <summary>A request for a preset's document type.</summary>
        /// <param name="preset">The preset.</param>
        /// <returns>The request, with the preset's codes.</returns>
        public static CdaDocumentRequest ForPreset(CdaPreset preset) => new()
        {
            Preset = preset ?? throw new ArgumentNullException(nameof(preset)),
            TypeCode = preset.TypeCode,
            ClassCode = preset.ClassCode,
        };

        /// <summary>True when the request describes a patient's own document.</summary>
        public bool IsPatientDocument => Preset?.IsPatientDocument == true;

        /// <summary>The type code in effect (this request's, else the preset's).</summary>
        public CodedValue? EffectiveTypeCode => TypeCode ?? Preset?.TypeCode;

        /// <summary>The class code in effect (this request's, else the preset's, else the known type → class pair).</summary>
        public CodedValue? EffectiveClassCode => ClassCode ?? Preset?.ClassCode ?? CdaPresets.ClassCodeFor(EffectiveTypeCode);
    }
}

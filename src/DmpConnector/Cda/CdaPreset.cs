using System;
using System.Collections.Generic;
using System.Linq;
using DmpConnector.Identity;

namespace DmpConnector.Cda
{
    /// <summary>
    /// A kind of document a DMP user feeds (compte rendu de consultation, VSM, note de vaccination…) with the codes the
    /// public value sets give for it. A code that no public source gives is null: the preset says why in
    /// <see cref="MissingCodesNote"/>, and the caller must supply it (no code is ever invented).
    /// </summary>
    public sealed record CdaPreset
    {
        /// <summary>The short name used by the CLI and configuration, e.g. <c>cr-consultation</c>.</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary>The document kind as the DMP's material names it, e.g. <c>Compte rendu de consultation</c>.</summary>
        public string Label { get; init; } = string.Empty;

        /// <summary>The CDA <c>code</c> / XDS typeCode (JDV_J07), or null when the caller must supply it.</summary>
        public CodedValue? TypeCode { get; init; }

        /// <summary>The XDS classCode (JDV_J06), or null when no public source pairs it with the type code.</summary>
        public CodedValue? ClassCode { get; init; }

        /// <summary>Where the codes come from (value set, example message).</summary>
        public string Source { get; init; } = string.Empty;

        /// <summary>Which codes the caller must supply and why, or null when the preset is complete.</summary>
        public string? MissingCodesNote { get; init; }

        /// <summary>J07 type codes that may fit when <see cref="TypeCode"/> is null; the caller chooses (never applied automatically).</summary>
        public IReadOnlyList<CodedValue> CandidateTypeCodes { get; init; } = Array.Empty<CodedValue>();

        /// <summary>
        /// True for a patient's own document (personal expression): the patient is author and legal authenticator, the
        /// DMP is custodian, practice setting and facility type are <c>EXP_PATIENT</c>, and the document is not signed.
        /// </summary>
        public bool IsPatientDocument { get; init; }

        /// <summary>The media type the preset is usually packed with (<c>application/pdf</c>); any CI-SIS media type may be used.</summary>
        public string DefaultMediaType { get; init; } = CdaMediaTypes.Pdf;

        /// <summary>The XDS formatCode of a non-structured CDA of <see cref="DefaultMediaType"/> (ASS_A12); it follows the media type actually packed.</summary>
        public CodedValue? DefaultFormatCode => CdaMediaTypes.FormatCodeFor(DefaultMediaType);

        /// <summary>True when the preset has both a type code and a class code.</summary>
        public bool IsComplete => TypeCode is not null && ClassCode is not null;
    }

    /// <summary>
    /// The presets for the document types the DMP's users feed, and the type → class mapping the public material gives.
    /// Type codes come from JDV_J07_XdsTypeCode_CISIS (snapshot 2024-09-27); class codes from the type/class pairs of
    /// the official DMP example TD3.1 (ASS_X04 itself, the ANS association table, is not in the public material used).
    /// </summary>
    public static class CdaPresets
    {
        /// <summary>LOINC.</summary>
        public const string Loinc = "2.16.840.1.113883.6.1";

        /// <summary>French complementary document types (TRE_A05 extension, <c>SYNTH</c>, <c>EXPPAT_*</c>…).</summary>
        public const string FrenchDocumentTypes = "1.2.250.1.213.1.1.4.12";

        /// <summary>The XDS classCode system (JDV_J06 / JDV_J57).</summary>
        public const string ClassCodeSystem = "1.2.250.1.213.1.1.4.1";

        private const string J07 = "JDV_J07_XdsTypeCode_CISIS (1.2.250.1.213.1.1.5.471)";
        private const string Td31 = "class from the type/class pairs of the official DMP example TD3.1";
        private const string NoClass = "classCode: no public source here pairs this type code with a class (ASS_X04 is not in the public material used); supply it.";

        private static readonly CodedValue CompteRendu = new("10", ClassCodeSystem, "Compte rendu");
        private static readonly CodedValue Synthese = new("11", ClassCodeSystem, "Synthèse");

        // Type → class pairs as the official DMP example TD3.1 shows them (21 document entries).
        private static readonly (string Code, string System, CodedValue Class)[] KnownPairs =
        {
            ("11488-4", Loinc, CompteRendu),
            ("11506-3", Loinc, CompteRendu),
            ("11490-0", Loinc, CompteRendu),
            ("11502-2", Loinc, CompteRendu),
            ("15507-7", Loinc, CompteRendu),
            ("27899-4", Loinc, CompteRendu),
            ("11493-4", Loinc, CompteRendu),
            ("29554-3", Loinc, CompteRendu),
            ("46241-6", Loinc, CompteRendu),
            ("11526-1", Loinc, CompteRendu),
            ("SYNTH", FrenchDocumentTypes, Synthese),
            ("34133-9", Loinc, Synthese),
            ("52040-3", Loinc, new CodedValue("31", ClassCodeSystem, "Imagerie médicale")),
            ("29551-9", Loinc, new CodedValue("42", ClassCodeSystem, "Prescription")),
            ("52521-2", Loinc, new CodedValue("42", ClassCodeSystem, "Prescription")),
            ("29550-1", Loinc, new CodedValue("43", ClassCodeSystem, "Dispensation")),
            ("DISP_AUT", FrenchDocumentTypes, new CodedValue("43", ClassCodeSystem, "Dispensation")),
            ("18776-5", Loinc, new CodedValue("44", ClassCodeSystem, "Plan de soins, protocole de soins")),
            ("PROT_ALD", FrenchDocumentTypes, new CodedValue("44", ClassCodeSystem, "Plan de soins, protocole de soins")),
            ("CERT_DECL", FrenchDocumentTypes, new CodedValue("52", ClassCodeSystem, "Certificat, déclaration")),
        };

        /// <summary>Volet de synthèse médicale (VSM).</summary>
        public static CdaPreset VoletSyntheseMedicale { get; } = new()
        {
            Name = "vsm", Label = "Volet de synthèse médicale",
            TypeCode = new CodedValue("SYNTH", FrenchDocumentTypes, "Synthèse"), ClassCode = Synthese,
            Source = J07 + "; SYNTH is the type of the ANS VSM example; " + Td31,
        };

        /// <summary>Compte rendu de consultation.</summary>
        public static CdaPreset CompteRenduConsultation { get; } = Complete("cr-consultation", "Compte rendu de consultation", "11488-4", "CR ou fiche de consultation ou de visite", CompteRendu);

        /// <summary>Compte rendu d'hospitalisation (séjour).</summary>
        public static CdaPreset CompteRenduHospitalisation { get; } = TypeOnly("cr-hospitalisation", "Compte rendu d'hospitalisation", "34112-3", "CR hospitalier (séjour)");

        /// <summary>Lettre de liaison à la sortie d'un établissement de soins.</summary>
        public static CdaPreset LettreDeLiaison { get; } = Complete("lettre-liaison", "Lettre de liaison à la sortie d'un établissement de soins", "11490-0", "Lettre de liaison à la sortie d'un établissement de soins", CompteRendu);

        /// <summary>Compte rendu opératoire.</summary>
        public static CdaPreset CompteRenduOperatoire { get; } = TypeOnly("cr-operatoire", "Compte rendu opératoire", "34874-8", "CR opératoire");

        /// <summary>Compte rendu d'accouchement.</summary>
        public static CdaPreset CompteRenduAccouchement { get; } = TypeOnly("cr-accouchement", "Compte rendu d'accouchement", "15508-5", "CR d'accouchement");

        /// <summary>Compte rendu d'examens de biologie médicale.</summary>
        public static CdaPreset CompteRenduBiologie { get; } = Complete("cr-biologie", "Compte rendu d'examens de biologie médicale", "11502-2", "CR d'examens biologiques", CompteRendu);

        /// <summary>Compte rendu d'imagerie médicale.</summary>
        public static CdaPreset CompteRenduImagerie { get; } = TypeOnly("cr-imagerie", "Compte rendu d'imagerie médicale", "18748-4", "CR d'imagerie médicale");

        /// <summary>Dossier communicant de cancérologie (DCC).</summary>
        public static CdaPreset DossierCommunicantCancerologie { get; } = Open(
            "dcc", "Dossier communicant de cancérologie",
            "typeCode: J07 has no DCC entry; the DCC holds several document kinds (fiche RCP, PPS…): choose the J07 code of the document sent.",
            Loinc, ("34794-8", "CR de réunion de concertation pluridisciplinaire"), ("18776-5", "Plan personnalisé de soins"));

        /// <summary>Bilan diagnostic kinésithérapique (BDK).</summary>
        public static CdaPreset BilanDiagnosticKinesitherapique { get; } = Open(
            "bilan-kine", "Bilan diagnostic kinésithérapique",
            "typeCode: J07 has no entry named for the BDK; choose the J07 code your ANS/DMP integration guide gives.",
            Loinc, ("47420-5", "CR de bilan fonctionnel"), ("34120-6", "Bilan par professionnel de santé"));

        /// <summary>Bilan de soins infirmiers (BSI).</summary>
        public static CdaPreset BilanSoinsInfirmiers { get; } = Open(
            "bilan-soins-infirmiers", "Bilan de soins infirmiers",
            "typeCode: J07 has no entry named for the BSI; choose the J07 code your ANS/DMP integration guide gives.",
            Loinc, ("11506-3", "CR ou fiche de suivi de soins par auxiliaire médical"), ("34120-6", "Bilan par professionnel de santé"));

        /// <summary>Dossier de liaison d'urgence (DLU, EHPAD).</summary>
        public static CdaPreset DossierLiaisonUrgence { get; } = TypeOnly("dlu-ehpad", "Dossier de liaison d'urgence (EHPAD)", "74207-2", "Document de liaison d'urgence");

        /// <summary>Note de vaccination.</summary>
        public static CdaPreset NoteDeVaccination { get; } = TypeOnly("note-vaccination", "Note de vaccination", "87273-9", "Note de vaccination");

        /// <summary>Compte rendu d'entretien pharmaceutique.</summary>
        public static CdaPreset CompteRenduEntretienPharmaceutique { get; } = TypeOnly("cr-entretien-pharmaceutique", "Compte rendu d'entretien pharmaceutique", "78601-2", "CR d'entretien pharmaceutique");

        /// <summary>Bilan partagé de médication (BPM).</summary>
        public static CdaPreset BilanPartageMedication { get; } = Open(
            "bilan-partage-medication", "Bilan partagé de médication",
            "typeCode: J07 has no entry named for the BPM; 56445-0 'Bilan médicamenteux (Officine)' matches by label only: confirm it before use.",
            Loinc, ("56445-0", "Bilan médicamenteux (Officine)"));

        /// <summary>Directives anticipées.</summary>
        public static CdaPreset DirectivesAnticipees { get; } = new()
        {
            Name = "directives-anticipees", Label = "Directives anticipées",
            TypeCode = new CodedValue("EXPPAT_3", FrenchDocumentTypes, "Directives anticipées"),
            Source = J07, MissingCodesNote = NoClass,
        };

        /// <summary>A patient's own document (personal expression), authored by the patient.</summary>
        public static CdaPreset DocumentDuPatient { get; } = new()
        {
            Name = "document-patient", Label = "Document du patient (expression personnelle)",
            Source = J07 + "; author/custodian/EXP_PATIENT rules from CI-SIS Structuration minimale §3.5.5.13, §3.5.5.16, §3.5.5.22",
            MissingCodesNote = "typeCode: choose the J07 code of the document (EXPPAT_* or DOCPAT*). " + NoClass,
            CandidateTypeCodes = new[]
            {
                new CodedValue("EXPPAT_2", FrenchDocumentTypes, "Autre document du patient"),
                new CodedValue("EXPPAT_1", FrenchDocumentTypes, "Volontés et droits du patient"),
                new CodedValue("DOCPAT03", FrenchDocumentTypes, "CR déposé par le patient"),
            },
            IsPatientDocument = true,
        };

        /// <summary>Every preset, in the order of the DMP's list.</summary>
        public static IReadOnlyList<CdaPreset> All { get; } = new[]
        {
            VoletSyntheseMedicale, CompteRenduConsultation, CompteRenduHospitalisation, LettreDeLiaison, CompteRenduOperatoire,
            CompteRenduAccouchement, CompteRenduBiologie, CompteRenduImagerie, DossierCommunicantCancerologie,
            BilanDiagnosticKinesitherapique, BilanSoinsInfirmiers, DossierLiaisonUrgence, NoteDeVaccination,
            CompteRenduEntretienPharmaceutique, BilanPartageMedication, DirectivesAnticipees, DocumentDuPatient,
        };

        /// <summary>Finds a preset by name (case-insensitive).</summary>
        /// <param name="name">The name, e.g. <c>cr-consultation</c>.</param>
        /// <returns>The preset.</returns>
        /// <exception cref="CdaFormatException">No preset has that name (rule <see cref="CdaRules.UnknownPreset"/>).</exception>
        public static CdaPreset Find(string name) =>
            All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CdaFormatException("preset", CdaRules.UnknownPreset, "unknown preset; the names are: " + string.Join(", ", All.Select(p => p.Name)), name, valueIsSensitive: false);

        /// <summary>
        /// The XDS classCode of a type code, from the pairs the public material shows (official DMP example TD3.1), or
        /// null when it gives none. Display names of the type code are ignored.
        /// </summary>
        /// <param name="typeCode">The type code.</param>
        /// <returns>The class code, or null.</returns>
        public static CodedValue? ClassCodeFor(CodedValue? typeCode)
        {
            if (typeCode is null)
            {
                return null;
            }

            foreach (var (code, system, cls) in KnownPairs)
            {
                if (code == typeCode.Code && system == typeCode.CodeSystem)
                {
                    return cls;
                }
            }

            return null;
        }

        private static CdaPreset Complete(string name, string label, string loinc, string display, CodedValue cls) => new()
        {
            Name = name, Label = label, TypeCode = new CodedValue(loinc, Loinc, display), ClassCode = cls, Source = J07 + "; " + Td31,
        };

        private static CdaPreset TypeOnly(string name, string label, string loinc, string display) => new()
        {
            Name = name, Label = label, TypeCode = new CodedValue(loinc, Loinc, display), Source = J07, MissingCodesNote = NoClass,
        };

        private static CdaPreset Open(string name, string label, string note, string system, params (string Code, string Display)[] candidates) => new()
        {
            Name = name, Label = label, Source = J07, MissingCodesNote = note + " " + NoClass,
            CandidateTypeCodes = candidates.Select(c => new CodedValue(c.Code, system, c.Display)).ToArray(),
        };
    }
}

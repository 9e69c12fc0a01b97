using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using DmpConnector.Identity;
using DmpConnector.Security;

namespace DmpConnector.Cli.Context
{
    /// <summary>
    /// The user context of the dmp tool (<c>--context ctx.json</c>): professional, structure, software, patient and
    /// authentication mode. Format in docs/context-file.md. Without a file, <see cref="BuiltInTest"/> is used (with a
    /// warning): a made-up test professional and the DMP test patient.
    /// </summary>
    internal sealed class CliContext
    {
        private static readonly string[] TestFirstNames = { "LAURENCE" };

        private CliContext(HealthProfessional professional, HealthcareOrganization organization, SoftwareIdentity software, PatientIdentity? patient, VihfAuthenticationMode authenticationMode, bool isBuiltInTest)
        {
            Professional = professional;
            Organization = organization;
            Software = software;
            Patient = patient;
            AuthenticationMode = authenticationMode;
            IsBuiltInTest = isBuiltInTest;
        }

        public HealthProfessional Professional { get; }

        public HealthcareOrganization Organization { get; }

        public SoftwareIdentity Software { get; }

        /// <summary>The patient, or null when the file has none.</summary>
        public PatientIdentity? Patient { get; }

        public VihfAuthenticationMode AuthenticationMode { get; }

        /// <summary>True for the built-in test context (never for a loaded file).</summary>
        public bool IsBuiltInTest { get; }

        /// <summary>The warning printed when the built-in context is used.</summary>
        public const string BuiltInWarning = "dmp: warning: no --context given; using the built-in TEST professional (899900063480 MAX LIBRE, médecin SM26, CABINET DR LIBRE 499900063480001) and the DMP test patient. Never use it outside a test platform.";

        public VihfUserContext ToVihfUserContext() => new(Professional, Organization, Software, AuthenticationMode);

        /// <summary>
        /// The documented test context: the test professional of the official DMP examples (IdNat 899900063480, MAX LIBRE,
        /// médecin qualifié en médecine générale SM26), its cabinet (499900063480001, SA07), a test software identity and
        /// the DMP test patient (INS 207058575627097, NIR test OID), qualified.
        /// </summary>
        public static CliContext BuiltInTest() => new(
            new HealthProfessional(
                ProfessionalId.Parse("899900063480"),
                "LIBRE",
                "MAX",
                new CodedValue("10", HealthProfessional.ProfessionCodeSystem, "Médecin"),
                new CodedValue("SM26", HealthProfessional.SpecialtyCodeSystem, "Qualifié en Médecine Générale (SM)"),
                "DR"),
            new HealthcareOrganization(StructureId.Parse("499900063480001"), "CABINET DR LIBRE", new CodedValue("SA07", HealthcareOrganization.SectorOfActivityCodeSystem, "Cabinet individuel")),
            new SoftwareIdentity("DmpConnector dmp tool", typeof(CliContext).Assembly.GetName().Version?.ToString() ?? "0", "TEST-NON-HOMOLOGUE", "00.00.00.00"),
            new PatientIdentity(
                new IdentityTraits("PATB-QUATRE", TestFirstNames, Sex.Female, new PartialDate(2007, 5, 12), CogCode.Parse("85191")),
                IdentityStatus.Qualified,
                Ins.Parse("207058575627097", InsKind.NirTest)),
            VihfAuthenticationMode.Direct,
            isBuiltInTest: true);

        /// <summary>Loads a context file.</summary>
        /// <exception cref="CliContextException">The file is missing, not JSON, or a field is missing or invalid.</exception>
        public static CliContext Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliContextException(path, "(file)", "the context file cannot be read: " + ex.Message);
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                return Parse(path, document.RootElement);
            }
            catch (JsonException ex)
            {
                throw new CliContextException(path, "(json)", "the context file is not valid JSON: " + ex.Message);
            }
        }

        internal static CliContext Parse(string path, JsonElement root)
        {
            var reader = new Reader(path);
            try
            {
                JsonElement professional = reader.Object(root, "professional", "professional");
                JsonElement organization = reader.Object(root, "organization", "organization");
                JsonElement software = reader.Object(root, "software", "software");
                var healthProfessional = new HealthProfessional(
                    ProfessionalId.Parse(reader.String(professional, "idNat", "professional.idNat")),
                    reader.String(professional, "familyName", "professional.familyName"),
                    reader.OptionalString(professional, "givenName"),
                    reader.Coded(professional, "profession", "professional.profession") ?? throw reader.Missing("professional.profession"),
                    reader.Coded(professional, "specialty", "professional.specialty"),
                    reader.OptionalString(professional, "title"));
                var healthcareOrganization = new HealthcareOrganization(
                    StructureId.Parse(reader.String(organization, "idNat", "organization.idNat")),
                    reader.String(organization, "name", "organization.name"),
                    reader.Coded(organization, "sectorOfActivity", "organization.sectorOfActivity"));
                var softwareIdentity = new SoftwareIdentity(
                    reader.String(software, "name", "software.name"),
                    reader.String(software, "version", "software.version"),
                    reader.String(software, "homologationNumber", "software.homologationNumber"),
                    reader.OptionalString(software, "lpsId"));
                PatientIdentity? patient = root.TryGetProperty("patient", out JsonElement p) && p.ValueKind == JsonValueKind.Object ? reader.Patient(p) : null;
                string modeText = reader.OptionalString(root, "authenticationMode") ?? "DIRECTE";
                if (!VihfCodes.TryParseAuthenticationMode(modeText, out VihfAuthenticationMode mode))
                {
                    throw new CliContextException(path, "authenticationMode", "must be DIRECTE, INDIRECTE or INDIRECTE_RENFORCEE, not '" + modeText + "'");
                }

                return new CliContext(healthProfessional, healthcareOrganization, softwareIdentity, patient, mode, isBuiltInTest: false);
            }
            catch (DmpInputException ex)
            {
                throw new CliContextException(path, ex.Field, $"{ex.Rule}: {ex.Explanation}");
            }
        }

        private sealed class Reader
        {
            private readonly string _path;

            public Reader(string path) => _path = path;

            public CliContextException Missing(string field) => new(_path, field, "is required");

            public JsonElement Object(JsonElement parent, string name, string field) =>
                parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object
                    ? value
                    : throw new CliContextException(_path, field, "is required (a JSON object)");

            public string String(JsonElement parent, string name, string field) =>
                OptionalString(parent, name) ?? throw new CliContextException(_path, field, "is required (a non-empty string)");

            public string? OptionalString(JsonElement parent, string name)
            {
                if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    throw new CliContextException(_path, name, "must be a string");
                }

                string? text = value.GetString();
                return string.IsNullOrWhiteSpace(text) ? null : text;
            }

            public CodedValue? Coded(JsonElement parent, string name, string field)
            {
                if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind != JsonValueKind.Object)
                {
                    throw new CliContextException(_path, field, "must be an object {\"code\", \"codeSystem\", \"displayName\"}");
                }

                return new CodedValue(String(value, "code", field + ".code"), String(value, "codeSystem", field + ".codeSystem"), OptionalString(value, "displayName"));
            }

            public PatientIdentity Patient(JsonElement patient)
            {
                string kindText = OptionalString(patient, "insKind") ?? "nir";
                InsKind kind = kindText.ToLowerInvariant() switch
                {
                    "nir" => InsKind.Nir,
                    "nia" => InsKind.Nia,
                    "nir-test" => InsKind.NirTest,
                    "nir-demo" => InsKind.NirDemo,
                    _ => throw new CliContextException(_path, "patient.insKind", "must be nir, nia, nir-test or nir-demo"),
                };
                string? insText = OptionalString(patient, "ins");
                Ins? ins = insText is null ? null : Ins.Parse(insText, kind);
                var givenNames = new List<string>();
                if (patient.TryGetProperty("givenNames", out JsonElement names) && names.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement name in names.EnumerateArray())
                    {
                        givenNames.Add(name.GetString() ?? string.Empty);
                    }
                }

                Sex sex = (OptionalString(patient, "sex") ?? "U").ToUpperInvariant() switch
                {
                    "M" => Sex.Male,
                    "F" => Sex.Female,
                    "U" => Sex.Unknown,
                    _ => throw new CliContextException(_path, "patient.sex", "must be M, F or U"),
                };
                string birthDate = String(patient, "birthDate", "patient.birthDate").Replace("-", string.Empty, StringComparison.Ordinal);
                string? birthPlace = OptionalString(patient, "birthPlace");
                var traits = new IdentityTraits(
                    String(patient, "birthName", "patient.birthName"),
                    givenNames,
                    sex,
                    PartialDate.Parse(birthDate),
                    birthPlace is null ? null : CogCode.Parse(birthPlace),
                    usedName: OptionalString(patient, "usedName"));
                IdentityStatus status = PatientIdentity.ParseStatusCode(OptionalString(patient, "status") ?? "PROV");
                return new PatientIdentity(traits, status, ins);
            }
        }
    }

    /// <summary>A context file is unusable; names the file, the field and the reason (patient values are not repeated).</summary>
    internal sealed class CliContextException : Exception
    {
        public CliContextException(string path, string field, string reason)
            : base($"context file '{path}': {field} {reason}")
        {
            Field = field;
        }

        public string Field { get; }
    }
}

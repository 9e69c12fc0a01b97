using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DmpConnector.Cda;
using DmpConnector.Cli.Json;
using DmpConnector.Cli.Context;
using DmpConnector.Identity;
using DmpConnector.Xds;

namespace DmpConnector.Cli.Commands
{
    /// <summary><c>dmp cda …</c>: wrap a document into a CI-SIS CDA, unwrap it, inspect a CDA's metadata, list the presets.</summary>
    internal static class CdaCommands
    {
        /// <summary>The preset used by <c>cda pack</c> without <c>--type</c>.</summary>
        public const string DefaultPreset = "cr-consultation";

        // JDV_J04_XdsPracticeSettingCode_CISIS (snapshot 2024-09-27): code → (system, display).
        private static readonly Dictionary<string, (string System, string Display)> PracticeSettings = new(StringComparer.Ordinal)
        {
            ["AMBULATOIRE"] = ("1.2.250.1.213.1.1.4.9", "Ambulatoire"),
            ["AMO"] = ("1.2.250.1.213.1.1.4.9", "Organisme d'assurance maladie obligatoire"),
            ["DEPISTAGE"] = ("1.2.250.1.213.1.1.4.9", "Dépistage"),
            ["ESSMS"] = ("1.2.250.1.213.1.1.4.9", "Etablissement ou Service Social ou Médico-Social"),
            ["ETABLISSEMENT"] = ("1.2.250.1.213.1.1.4.9", "Etablissement de santé"),
            ["HAD"] = ("1.2.250.1.213.1.1.4.9", "Hospitalisation à domicile"),
            ["MAD"] = ("1.2.250.1.213.1.1.4.9", "Maintien à domicile"),
            ["PALLIATIF"] = ("1.2.250.1.213.1.1.4.9", "Soins palliatifs"),
            ["SAD"] = ("1.2.250.1.213.1.1.4.9", "Soins à domicile"),
            ["SAMU_SMUR"] = ("1.2.250.1.213.1.1.4.9", "SAMU/SMUR"),
            ["EXP_PATIENT"] = ("1.2.250.1.213.1.1.4.6", "Expression personnelle du patient"),
            ["SNR"] = ("1.2.250.1.213.1.1.4.6", "Service numérique référencé"),
        };

        public static Command Create(CliConsole console)
        {
            var cda = new Command("cda", "Wrap a document (PDF, text, RTF, JPEG, TIFF) into a CI-SIS CDA R2, unwrap it, inspect a CDA's XDS metadata, list the document presets.");
            cda.Add(CreatePack(console));
            cda.Add(CreateUnpack(console));
            cda.Add(CreateInspect(console));
            cda.Add(CreatePresets(console));
            return cda;
        }

        private static Command CreatePack(CliConsole console)
        {
            var input = new Option<string>("--in") { Description = "The document to wrap (.pdf, .txt, .rtf, .jpg, .tif).", Required = true };
            var output = new Option<string>("--output", "-o") { Description = "The CDA file to write (replaced only when the CDA is complete).", Required = true };
            var type = new Option<string>("--type") { Description = "The document preset (see 'dmp cda presets'). Default: " + DefaultPreset + ".", DefaultValueFactory = _ => DefaultPreset };
            var context = new Option<string?>("--context") { Description = "The user context file (docs/context-file.md): professional, structure, patient. Without it the built-in TEST professional and patient are used, with a warning." };
            var typeCode = new Option<string?>("--type-code") { Description = "The J07 type code, for a preset whose code is not public (or to override it)." };
            var typeSystem = new Option<string>("--type-code-system") { Description = "The type code's system. Default: LOINC 2.16.840.1.113883.6.1.", DefaultValueFactory = _ => CdaPresets.Loinc };
            var typeDisplay = new Option<string?>("--type-display") { Description = "The type code's display name." };
            var classCode = new Option<string?>("--class-code") { Description = "The XDS classCode (J06, code system 1.2.250.1.213.1.1.4.1), when the preset has none." };
            var classDisplay = new Option<string?>("--class-display") { Description = "The class code's display name." };
            var title = new Option<string?>("--title") { Description = "The title (at most 128 characters). Default: the type's display name." };
            var mediaType = new Option<string?>("--media-type") { Description = "The media type. Default: from the file extension." };
            mediaType.AcceptOnlyFromAmong(CdaMediaTypes.All.ToArray());
            var practice = new Option<string>("--practice-setting") { Description = "The practice setting (JDV_J04). Default: AMBULATOIRE.", DefaultValueFactory = _ => "AMBULATOIRE" };
            practice.AcceptOnlyFromAmong(PracticeSettings.Keys.ToArray());
            var documentId = new Option<string?>("--document-id") { Description = "The document id (a root-only OID). Default: a new 2.25 UUID-OID." };
            var setId = new Option<string?>("--set-id") { Description = "For a new version: the set id of version 1 (an OID)." };
            var version = new Option<int>("--version-number") { Description = "The version number (1 for a first version).", DefaultValueFactory = _ => 1 };
            var replaces = new Option<string?>("--replaces") { Description = "For a new version: the id of the document it replaces (written as relatedDocument RPLC)." };
            var json = new Option<bool>("--json") { Description = "Print a JSON summary on stdout." };
            var pack = new Command("pack", "Wrap a document into a non-structured CI-SIS CDA R2 (streamed; any size). Exit 0 on success, 1 when the input or a code is refused (the rule on stderr; no output file is left).")
            {
                input, output, type, context, typeCode, typeSystem, typeDisplay, classCode, classDisplay, title, mediaType, practice, documentId, setId, version, replaces, json,
            };
            pack.SetAction((parse, cancellationToken) => PackAsync(
                console,
                new PackArguments(
                    parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(type)!, parse.GetValue(context), parse.GetValue(typeCode), parse.GetValue(typeSystem)!,
                    parse.GetValue(typeDisplay), parse.GetValue(classCode), parse.GetValue(classDisplay), parse.GetValue(title), parse.GetValue(mediaType),
                    parse.GetValue(practice)!, parse.GetValue(documentId), parse.GetValue(setId), parse.GetValue(version), parse.GetValue(replaces), parse.GetValue(json)),
                cancellationToken));
            return pack;
        }

        private static Command CreateUnpack(CliConsole console)
        {
            var file = new Argument<string>("file") { Description = "The CDA." };
            var output = new Option<string>("--output", "-o") { Description = "Where to write the embedded document.", Required = true };
            var unpack = new Command("unpack", "Extract the document embedded in a CDA's nonXMLBody (streamed). Exit 0 on success, 1 when the CDA has no embedded document or is unreadable (no output file is left).")
            {
                file, output,
            };
            unpack.SetAction((parse, cancellationToken) => UnpackAsync(console, parse.GetValue(file)!, parse.GetValue(output)!, cancellationToken));
            return unpack;
        }

        private static Command CreateInspect(CliConsole console)
        {
            var file = new Argument<string>("file") { Description = "The CDA (bare, signed, or self-presenting)." };
            var json = new Option<bool>("--json") { Description = "Print the DocumentEntry fields as JSON (the names of 'dmp xds inspect')." };
            var inspect = new Command("inspect", "Show the XDS DocumentEntry fields a CDA determines (type, class, format, times in UTC, patient, authors, hash, size). Exit 0 when readable with an INS first, 1 otherwise.")
            {
                file, json,
            };
            inspect.SetAction((parse, cancellationToken) => InspectAsync(console, parse.GetValue(file)!, parse.GetValue(json), cancellationToken));
            return inspect;
        }

        private static Command CreatePresets(CliConsole console)
        {
            var json = new Option<bool>("--json") { Description = "Print the presets as JSON." };
            var presets = new Command("presets", "List the document presets with their type and class codes, and which codes the caller must supply.") { json };
            presets.SetAction(parse =>
            {
                if (parse.GetValue(json))
                {
                    console.WriteJson(w =>
                    {
                        w.WriteStartArray();
                        foreach (CdaPreset p in CdaPresets.All)
                        {
                            w.WriteStartObject();
                            w.WriteString("name", p.Name);
                            w.WriteString("label", p.Label);
                            XdsJson.WriteCode(w, "typeCode", p.TypeCode);
                            XdsJson.WriteCode(w, "classCode", p.ClassCode);
                            XdsJson.WriteCode(w, "formatCode", p.DefaultFormatCode);
                            w.WriteBoolean("patientDocument", p.IsPatientDocument);
                            w.WriteString("missingCodes", p.MissingCodesNote);
                            w.WriteStartArray("candidateTypeCodes");
                            foreach (CodedValue c in p.CandidateTypeCodes)
                            {
                                XdsJson.WriteCodeValue(w, c);
                            }

                            w.WriteEndArray();
                            w.WriteString("source", p.Source);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    });
                }
                else
                {
                    foreach (CdaPreset p in CdaPresets.All)
                    {
                        console.Output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} type {1,-10} class {2,-4} {3}", p.Name, p.TypeCode?.Code ?? "(caller)", p.ClassCode?.Code ?? "(caller)", p.Label));
                        if (p.MissingCodesNote is not null)
                        {
                            console.Output.WriteLine("    caller must supply: " + p.MissingCodesNote);
                        }

                        if (p.CandidateTypeCodes.Count > 0)
                        {
                            console.Output.WriteLine("    candidates: " + string.Join(", ", p.CandidateTypeCodes.Select(c => c.Code + " " + c.DisplayName)));
                        }
                    }
                }

                return ExitCodes.Ok;
            });
            return presets;
        }

        private static async Task<int> PackAsync(CliConsole console, PackArguments a, CancellationToken cancellationToken)
        {
            if (!File.Exists(a.Input))
            {
                await console.Error.WriteLineAsync("dmp: file not found: " + a.Input).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            string? media = a.MediaType ?? CdaMediaTypes.FromFileName(a.Input);
            if (media is null)
            {
                await console.Error.WriteLineAsync("dmp: cannot tell the media type from the file name; give --media-type (application/pdf, text/plain, text/rtf, image/jpeg, image/tiff).").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            try
            {
                CdaPreset preset = CdaPresets.Find(a.Preset);
                CliContext context;
                if (a.Context is null)
                {
                    await console.Error.WriteLineAsync(CliContext.BuiltInWarning).ConfigureAwait(false);
                    context = CliContext.BuiltInTest();
                }
                else
                {
                    context = CliContext.Load(a.Context);
                }

                PatientIdentity patient = context.Patient
                    ?? throw new CliContextException(a.Context ?? "(built-in)", "patient", "is required to pack a CDA");
                (string practiceSystem, string practiceDisplay) = PracticeSettings[a.PracticeSetting];
                CdaDocumentRequest request = CdaDocumentRequest.ForPreset(preset) with
                {
                    TypeCode = a.TypeCode is null ? preset.TypeCode : new CodedValue(a.TypeCode, a.TypeCodeSystem, a.TypeDisplay),
                    ClassCode = a.ClassCode is null ? preset.ClassCode : new CodedValue(a.ClassCode, CdaPresets.ClassCodeSystem, a.ClassDisplay),
                    Title = a.Title,
                    DocumentId = a.DocumentId,
                    SetId = a.SetId,
                    VersionNumber = a.VersionNumber,
                    ReplacedDocumentId = a.Replaces,
                    CreationTime = DateTimeOffset.UtcNow,
                    Patient = patient,
                    Author = preset.IsPatientDocument ? null : context.Professional,
                    AuthorOrganization = preset.IsPatientDocument ? null : context.Organization,
                    PracticeSetting = preset.IsPatientDocument && a.PracticeSetting == "AMBULATOIRE" ? null : new CodedValue(a.PracticeSetting, practiceSystem, practiceDisplay),
                    MediaType = media,
                };
                if (request.EffectiveClassCode is null)
                {
                    // The class code is XDS metadata, not part of the CDA: the CDA is written, the gap is reported.
                    await console.Error.WriteLineAsync("dmp: note: no public source gives the XDS classCode of this type; supply it (JDV_J06) when submitting, or give --class-code.").ConfigureAwait(false);
                }

                CdaBuildResult result;
                using (FileStream source = new(a.Input, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan))
                {
                    result = await OutputFile.WriteAsync(a.Output, target => new CdaBuilder().WriteAsync(request, source, target, cancellationToken)).ConfigureAwait(false);
                }

                if (a.Json)
                {
                    console.WriteJson(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("output", a.Output);
                        w.WriteString("preset", preset.Name);
                        w.WriteString("documentId", result.DocumentId);
                        w.WriteString("setId", result.SetId);
                        w.WriteString("mediaType", media);
                        XdsJson.WriteCode(w, "typeCode", request.EffectiveTypeCode);
                        XdsJson.WriteCode(w, "classCode", request.EffectiveClassCode);
                        XdsJson.WriteCode(w, "formatCode", CdaMediaTypes.FormatCodeFor(media));
                        w.WriteNumber("contentLength", result.ContentLength);
                        w.WriteNumber("size", result.Size);
                        w.WriteString("hash", result.Hash);
                        w.WriteBoolean("testContext", context.IsBuiltInTest);
                        w.WriteEndObject();
                    });
                }
                else
                {
                    await console.Output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "wrote {0} ({1} bytes, sha1 {2}); document id {3}", a.Output, result.Size, result.Hash, result.DocumentId)).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }
            catch (CliContextException ex)
            {
                await console.Error.WriteLineAsync("dmp: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
            catch (DmpInputException ex)
            {
                await console.Error.WriteLineAsync("dmp: " + ex.Rule + ": " + ex.Field + ": " + ex.Explanation + ".").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
            catch (IOException ex)
            {
                await console.Error.WriteLineAsync("dmp: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
        }

        private static async Task<int> UnpackAsync(CliConsole console, string path, string outputPath, CancellationToken cancellationToken)
        {
            if (!File.Exists(path))
            {
                await console.Error.WriteLineAsync("dmp: file not found: " + path).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            try
            {
                CdaEmbeddedDocument document;
                using (FileStream source = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan))
                {
                    document = await OutputFile.WriteAsync(outputPath, target => new CdaReader().ExtractAsync(source, target, cancellationToken)).ConfigureAwait(false);
                }

                await console.Output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "wrote {0} ({1}, {2} bytes)", outputPath, document.MediaType, document.Length)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (DmpInputException ex)
            {
                await console.Error.WriteLineAsync("dmp: " + ex.Rule + ": " + ex.Explanation + ".").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
            catch (IOException ex)
            {
                await console.Error.WriteLineAsync("dmp: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
        }

        private static async Task<int> InspectAsync(CliConsole console, string path, bool json, CancellationToken cancellationToken)
        {
            if (!File.Exists(path))
            {
                await console.Error.WriteLineAsync("dmp: file not found: " + path).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            CdaDocumentMetadata m;
            try
            {
                using FileStream source = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
                m = await new CdaReader().ReadAsync(source, new CdaReaderOptions { RequireIns = false }, cancellationToken).ConfigureAwait(false);
            }
            catch (DmpInputException ex)
            {
                await console.Error.WriteLineAsync("dmp: unreadable CDA: " + ex.Rule + ": " + ex.Explanation + ".").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (json)
            {
                console.WriteJson(w => WriteInspectJson(w, m));
            }
            else
            {
                WriteInspectText(console.Output, m);
            }

            foreach (string deviation in m.Deviations)
            {
                await console.Error.WriteLineAsync("dmp: warning: " + deviation).ConfigureAwait(false);
            }

            if (m.PatientId is null)
            {
                await console.Error.WriteLineAsync("dmp: " + CdaRules.InsMissing + ": the first patient id is not an INS; the DMP cannot take this CDA.").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            return ExitCodes.Ok;
        }

        private static void WriteInspectText(TextWriter o, CdaDocumentMetadata m)
        {
            o.WriteLine("body: " + (m.IsStructured ? "structured (N3)" : "non-structured (N1), " + m.EmbeddedMediaType + ", " + m.EmbeddedLength?.ToString(CultureInfo.InvariantCulture) + " bytes embedded"));
            o.WriteLine("uniqueId: " + m.UniqueId);
            o.WriteLine("setId: " + m.SetId + ", version " + m.VersionNumber?.ToString(CultureInfo.InvariantCulture) + (m.ReplacedDocumentId is null ? string.Empty : ", replaces " + m.ReplacedDocumentId));
            o.WriteLine("title: " + m.Title);
            o.WriteLine("typeCode: " + m.TypeCode);
            o.WriteLine("classCode: " + (m.ClassCode?.ToString() ?? "(unknown: no public type → class pair)"));
            o.WriteLine("formatCode: " + (m.FormatCode?.ToString() ?? "(unknown model)"));
            o.WriteLine("creationTime: " + m.CreationTime + " (UTC)");
            o.WriteLine("serviceStartTime: " + m.ServiceStartTime + ", serviceStopTime: " + m.ServiceStopTime);
            o.WriteLine("confidentialityCode: " + string.Join(", ", m.ConfidentialityCodes));
            o.WriteLine("languageCode: " + m.LanguageCode);
            o.WriteLine("patientId: " + m.PatientId);
            o.WriteLine("sourcePatientId: " + m.SourcePatientId);
            o.WriteLine("practiceSettingCode: " + m.PracticeSettingCode);
            o.WriteLine("healthcareFacilityTypeCode: " + m.HealthcareFacilityTypeCode);
            foreach (CdaParticipant a in m.Authors)
            {
                Author x = a.ToXdsAuthor();
                o.WriteLine("author: " + x.Person + " | " + string.Join(", ", x.Institutions) + " | " + string.Join(", ", x.Specialties));
            }

            o.WriteLine("legalAuthenticator: " + m.LegalAuthenticator?.ToXcn());
            o.WriteLine("hash: " + m.Hash + ", size: " + m.Size?.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// The <c>dmp xds inspect</c> JSON shape (<see cref="XdsJson.WriteDocumentEntry"/>) for the DocumentEntry the CDA
        /// gives (none when the CDA has no INS: the DMP cannot take it), plus a <c>cda</c> object with what only the CDA says.
        /// </summary>
        private static void WriteInspectJson(Utf8JsonWriter w, CdaDocumentMetadata m)
        {
            w.WriteStartObject();
            w.WriteString("kind", "ClinicalDocument");
            w.WriteStartArray("documentEntries");
            if (m.PatientId is not null)
            {
                XdsJson.WriteDocumentEntry(w, m.ToDocumentEntry(string.Empty));
            }

            w.WriteEndArray();

            w.WriteStartObject("cda");
            w.WriteString("setId", m.SetId);
            if (m.VersionNumber is int version)
            {
                w.WriteNumber("versionNumber", version);
            }
            else
            {
                w.WriteNull("versionNumber");
            }

            w.WriteString("replacedDocumentId", m.ReplacedDocumentId);
            XdsJson.WriteStrings(w, "templateIds", m.TemplateIds);
            w.WriteBoolean("structured", m.IsStructured);
            w.WriteString("embeddedMediaType", m.EmbeddedMediaType);
            if (m.EmbeddedLength is long embedded)
            {
                w.WriteNumber("embeddedLength", embedded);
            }
            else
            {
                w.WriteNull("embeddedLength");
            }

            XdsJson.WriteStrings(w, "deviations", m.Deviations);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private sealed record PackArguments(
            string Input, string Output, string Preset, string? Context, string? TypeCode, string TypeCodeSystem, string? TypeDisplay,
            string? ClassCode, string? ClassDisplay, string? Title, string? MediaType, string PracticeSetting, string? DocumentId,
            string? SetId, int VersionNumber, string? Replaces, bool Json);
    }
}

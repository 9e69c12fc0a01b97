using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Diagnostics;
using DmpConnector.Identity;
using DmpConnector.Internal;
using DmpConnector.Xds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DmpConnector.Cda
{
    /// <summary>What <see cref="CdaBuilder.WriteAsync"/> wrote.</summary>
    public sealed record CdaBuildResult
    {
        /// <summary>The document id (<c>ClinicalDocument/id/@root</c>), the XDS uniqueId.</summary>
        public string DocumentId { get; init; } = string.Empty;

        /// <summary>The set id.</summary>
        public string SetId { get; init; } = string.Empty;

        /// <summary>The embedded content's size in bytes.</summary>
        public long ContentLength { get; init; }

        /// <summary>The size of the CDA written, in bytes (XDS <c>size</c>).</summary>
        public long Size { get; init; }

        /// <summary>The SHA-1 of the CDA written, lower-case hex (XDS <c>hash</c>).</summary>
        public string Hash { get; init; } = string.Empty;
    }

    /// <summary>
    /// Wraps a document the software already has (PDF, plain text, RTF, JPEG, TIFF) into a non-structured CDA R2 with the
    /// full CI-SIS header (volet Structuration minimale 1.16.8), streaming: the content is base64-encoded while it is
    /// read, chunk by chunk, and never held whole in memory. Thread-safe (no state between calls).
    /// </summary>
    public partial class CdaBuilder
    {
        /// <summary>The HL7 v3 namespace of CDA.</summary>
        public const string Hl7Namespace = "urn:hl7-org:v3";

        /// <summary>The longest title CI-SIS allows.</summary>
        public const int MaxTitleLength = 128;

        internal const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
        internal const string Hl7FranceTemplate = "2.16.840.1.113883.2.8.2.1";
        internal const string CisisTemplate = "1.2.250.1.213.1.1.1.1";
        internal const string XdsSdTemplate = "1.3.6.1.4.1.19376.1.2.20";
        internal const string DmpCustodianOid = "1.2.250.1.213.4.1";
        internal const string AuthorSpecialtyG15System = "1.2.250.1.213.1.1.4.5";
        internal const string GenderCodeSystem = "2.16.840.1.113883.5.1";

        private const int ChunkSize = 48 * 1024;
        private const int MagicBytes = 1024;
        private readonly ILogger _logger;

        /// <summary>Creates a builder.</summary>
        /// <param name="logger">Where debug events go (never patient data); none when null.</param>
        public CdaBuilder(ILogger? logger = null)
        {
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>
        /// Writes the CDA for <paramref name="request"/> around <paramref name="content"/> to <paramref name="output"/>.
        /// The request and the content's first bytes are checked before anything is written, so bad input leaves the
        /// output untouched.
        /// </summary>
        /// <param name="request">The header values.</param>
        /// <param name="content">The document to embed, read once from its current position (may be non-seekable).</param>
        /// <param name="output">Where the CDA (UTF-8) goes; not closed.</param>
        /// <param name="cancellationToken">Cancels the copy.</param>
        /// <returns>The ids, sizes and hash of what was written.</returns>
        /// <exception cref="CdaFormatException">A header value is missing or invalid, or the content is empty or does not match its media type.</exception>
        /// <exception cref="IdentityNotQualifiedException">The patient has no INS or is not qualified.</exception>
        public virtual async Task<CdaBuildResult> WriteAsync(CdaDocumentRequest request, Stream content, Stream output, CancellationToken cancellationToken = default)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            Header header = Validate(request);
            byte[] buffer = new byte[ChunkSize];
            int head = 0;
            while (head < MagicBytes)
            {
                int n = await content.ReadChunkAsync(buffer, head, buffer.Length - head, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                head += n;
            }

            if (head == 0)
            {
                throw new CdaFormatException("content", CdaRules.ContentEmpty, "the document to embed is empty (0 bytes)", null, valueIsSensitive: false);
            }

            if (!CdaMediaTypes.MatchesMagic(request.MediaType, buffer, head))
            {
                throw new CdaFormatException("content", CdaRules.ContentMagic, $"the document's first bytes are not those of {request.MediaType} (a PDF starts with %PDF-, a JPEG with FF D8 FF, a TIFF with II*/MM*, an RTF with {{\\rtf; plain text has no NUL byte)", request.MediaType, valueIsSensitive: false);
            }

            using var hashing = new HashingStream(output);
            var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
            long length = 0;
            using (XmlWriter w = XmlWriter.Create(hashing, settings))
            {
                await WriteHeaderAsync(w, request, header).ConfigureAwait(false);
                await w.WriteStartElementAsync(null, "component", Hl7Namespace).ConfigureAwait(false);
                await w.WriteStartElementAsync(null, "nonXMLBody", Hl7Namespace).ConfigureAwait(false);
                await w.WriteStartElementAsync(null, "text", Hl7Namespace).ConfigureAwait(false);
                await w.WriteAttributeStringAsync(null, "mediaType", null, request.MediaType).ConfigureAwait(false);
                await w.WriteAttributeStringAsync(null, "representation", null, "B64").ConfigureAwait(false);
                int count = head;
                while (count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await w.WriteBase64Async(buffer, 0, count).ConfigureAwait(false);
                    length += count;
                    count = await content.ReadChunkAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                }

                await w.WriteEndElementAsync().ConfigureAwait(false);
                if (request.ContentLanguageCode is not null)
                {
                    await w.WriteStartElementAsync(null, "languageCode", Hl7Namespace).ConfigureAwait(false);
                    await w.WriteAttributeStringAsync(null, "code", null, request.ContentLanguageCode).ConfigureAwait(false);
                    await w.WriteEndElementAsync().ConfigureAwait(false);
                }

                await w.WriteEndElementAsync().ConfigureAwait(false);
                await w.WriteEndElementAsync().ConfigureAwait(false);
                await w.WriteEndElementAsync().ConfigureAwait(false);
                await w.WriteEndDocumentAsync().ConfigureAwait(false);
                await w.FlushAsync().ConfigureAwait(false);
            }

            await hashing.FlushAsync(cancellationToken).ConfigureAwait(false);
            LogBuilt(_logger, request.MediaType, length, header.TypeCode.Code);
            return new CdaBuildResult { DocumentId = header.DocumentId, SetId = header.SetId, ContentLength = length, Size = hashing.Count, Hash = hashing.HashHex() };
        }

        /// <summary>
        /// The JDV_J01 author specialty of a professional: <c>G15_&lt;profession&gt;[/&lt;specialty&gt;]</c> in
        /// <c>1.2.250.1.213.1.1.4.5</c> for a TRE_G15 profession (display "profession - specialty"), the profession as
        /// given otherwise (e.g. a TRE_A00 producer such as <c>AUTOMATE</c>).
        /// </summary>
        /// <param name="professional">The professional.</param>
        /// <returns>The code.</returns>
        public static CodedValue AuthorSpecialty(HealthProfessional professional)
        {
            if (professional is null)
            {
                throw new ArgumentNullException(nameof(professional));
            }

            CodedValue profession = professional.Profession;
            if (profession.CodeSystem != HealthProfessional.ProfessionCodeSystem)
            {
                return profession;
            }

            CodedValue? specialty = professional.Specialty;
            string code = "G15_" + profession.Code + (specialty is null ? string.Empty : "/" + specialty.Code);
            string? display = specialty?.DisplayName is null ? profession.DisplayName : (profession.DisplayName ?? profession.Code) + " - " + specialty.DisplayName;
            return new CodedValue(code, AuthorSpecialtyG15System, display ?? code);
        }

        private static Header Validate(CdaDocumentRequest r)
        {
            if (!CdaMediaTypes.IsAllowed(r.MediaType))
            {
                throw new CdaFormatException("mediaType", CdaRules.MediaType, "CI-SIS allows application/pdf, text/plain, text/rtf, image/jpeg and image/tiff in a nonXMLBody", r.MediaType, valueIsSensitive: false);
            }

            CodedValue typeCode = r.EffectiveTypeCode ?? throw Required("typeCode", r.Preset?.MissingCodesNote ?? "the document type (JDV_J07) is required");
            string title = r.Title ?? typeCode.DisplayName ?? r.Preset?.Label ?? throw Required("title", "a title is required");
            if (title.Trim().Length == 0 || title.Length > MaxTitleLength)
            {
                throw new CdaFormatException("title", CdaRules.Title, $"the title has 1 to {MaxTitleLength} characters", title, valueIsSensitive: true);
            }

            if (r.CreationTime == default)
            {
                throw Required("creationTime", "the creation time (effectiveTime) is required");
            }

            if (r.ConfidentialityCode is not ("N" or "R" or "V"))
            {
                throw new CdaFormatException("confidentialityCode", CdaRules.InvalidValue, "the CDA confidentiality is N, R or V (the DMP masking codes go in the XDS metadata only)", r.ConfidentialityCode, valueIsSensitive: false);
            }

            if (r.LanguageCode != "fr-FR")
            {
                throw new CdaFormatException("languageCode", CdaRules.InvalidValue, "the document language is fr-FR (set ContentLanguageCode for content in another language)", r.LanguageCode, valueIsSensitive: false);
            }

            string documentId = r.DocumentId ?? XdsIds.NewUuidOid();
            CheckOid("documentId", documentId);
            if (r.VersionNumber < 1)
            {
                throw new CdaFormatException("versionNumber", CdaRules.InvalidValue, "the version number starts at 1", r.VersionNumber.ToString(CultureInfo.InvariantCulture), valueIsSensitive: false);
            }

            if (r.VersionNumber > 1 && (r.SetId is null || r.ReplacedDocumentId is null))
            {
                throw Required(r.SetId is null ? "setId" : "replacedDocumentId", "a new version keeps the set id of version 1 and names the document it replaces (relatedDocument RPLC)");
            }

            string setId = r.SetId ?? documentId;
            CheckOid("setId", setId);
            if (r.ReplacedDocumentId is not null)
            {
                CheckOid("replacedDocumentId", r.ReplacedDocumentId);
                if (r.ReplacedDocumentId == documentId)
                {
                    throw new CdaFormatException("documentId", CdaRules.InvalidValue, "a new version has a new id, different from the one it replaces", documentId, valueIsSensitive: false);
                }
            }

            PatientIdentity patient = r.Patient ?? throw Required("patient", "the patient is required");
            Ins ins = patient.GetInsForExchange(r.InsPolicy);
            if (patient.Traits.BirthPlace is null)
            {
                throw Required("patient.birthPlace", "with the INS, CI-SIS requires every INS trait, including the birth place (COG)");
            }

            if (!r.IsPatientDocument)
            {
                if (r.Author is null || r.AuthorOrganization is null)
                {
                    throw Required(r.Author is null ? "author" : "authorOrganization", "a professional document has an author and the author's structure");
                }

                if (r.PracticeSetting is null)
                {
                    throw Required("practiceSetting", "the practice setting (JDV_J04, e.g. AMBULATOIRE) is required; it feeds the XDS practiceSettingCode");
                }
            }

            CodedValue facility = r.IsPatientDocument
                ? r.HealthcareFacilityType ?? CdaDocumentRequest.PatientExpression
                : r.HealthcareFacilityType ?? r.AuthorOrganization!.SectorOfActivity ?? throw Required("healthcareFacilityType", "the activity sector (JDV_J02, e.g. SA07) is required; the structure has none");
            return new Header(typeCode, title, documentId, setId, ins, facility);
        }

        private static void CheckOid(string field, string value)
        {
            if (!XdsIds.IsOid(value))
            {
                throw new CdaFormatException(field, CdaRules.OidFormat, "a CDA document id is a root-only OID (digits and dots, no leading zero) of at most 64 characters", value, valueIsSensitive: false);
            }
        }

        private static CdaFormatException Required(string field, string explanation) =>
            new(field, CdaRules.Required, explanation, null, valueIsSensitive: false);

        private static async Task WriteHeaderAsync(XmlWriter w, CdaDocumentRequest r, Header h)
        {
            TimeZoneInfo? zone = r.TimeZone;
            string created = CdaTime.Format(r.CreationTime, zone);
            await w.WriteStartDocumentAsync().ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "ClinicalDocument", Hl7Namespace).ConfigureAwait(false);
            await w.WriteAttributeStringAsync("xmlns", "xsi", null, XsiNamespace).ConfigureAwait(false);
            await Empty(w, "realmCode", ("code", "FR")).ConfigureAwait(false);
            await Empty(w, "typeId", ("root", "2.16.840.1.113883.1.3"), ("extension", "POCD_HD000040")).ConfigureAwait(false);
            await Empty(w, "templateId", ("root", Hl7FranceTemplate)).ConfigureAwait(false);
            await Empty(w, "templateId", ("root", CisisTemplate)).ConfigureAwait(false);
            await Empty(w, "templateId", ("root", XdsSdTemplate)).ConfigureAwait(false);
            await Empty(w, "id", ("root", h.DocumentId)).ConfigureAwait(false);
            await Coded(w, "code", h.TypeCode).ConfigureAwait(false);
            await Text(w, "title", h.Title).ConfigureAwait(false);
            await Empty(w, "effectiveTime", ("value", created)).ConfigureAwait(false);
            await Empty(w, "confidentialityCode", ("code", r.ConfidentialityCode), ("displayName", ConfidentialityDisplay(r.ConfidentialityCode)), ("codeSystem", CdaDocumentRequest.ConfidentialityCodeSystem)).ConfigureAwait(false);
            await Empty(w, "languageCode", ("code", r.LanguageCode)).ConfigureAwait(false);
            await Empty(w, "setId", ("root", h.SetId)).ConfigureAwait(false);
            await Empty(w, "versionNumber", ("value", r.VersionNumber.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);

            await WriteRecordTargetAsync(w, r.Patient!, h.Ins).ConfigureAwait(false);

            // author
            await w.WriteStartElementAsync(null, "author", Hl7Namespace).ConfigureAwait(false);
            await Empty(w, "time", ("value", CdaTime.Format(r.AuthorTime ?? r.CreationTime, zone))).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "assignedAuthor", Hl7Namespace).ConfigureAwait(false);
            if (r.IsPatientDocument)
            {
                await InsId(w, h.Ins).ConfigureAwait(false);
                await NoAddressOrTelecom(w).ConfigureAwait(false);
                await PatientPerson(w, "assignedPerson", r.Patient!).ConfigureAwait(false);
            }
            else
            {
                await ProfessionalBody(w, r.Author!, r.AuthorOrganization, writeAddress: true).ConfigureAwait(false);
            }

            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);

            // custodian
            await w.WriteStartElementAsync(null, "custodian", Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "assignedCustodian", Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "representedCustodianOrganization", Hl7Namespace).ConfigureAwait(false);
            HealthcareOrganization? custodian = r.Custodian ?? r.AuthorOrganization;
            if (r.IsPatientDocument && r.Custodian is null)
            {
                await Empty(w, "id", ("root", DmpCustodianOid)).ConfigureAwait(false);
                await Text(w, "name", "DMP").ConfigureAwait(false);
            }
            else
            {
                await Empty(w, "id", ("root", StructureId.Oid), ("extension", custodian!.Id.Value)).ConfigureAwait(false);
                await Text(w, "name", custodian.Name).ConfigureAwait(false);
            }

            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);

            // legalAuthenticator
            await w.WriteStartElementAsync(null, "legalAuthenticator", Hl7Namespace).ConfigureAwait(false);
            await Empty(w, "time", ("value", CdaTime.Format(r.LegalAuthenticationTime ?? r.CreationTime, zone))).ConfigureAwait(false);
            await Empty(w, "signatureCode", ("code", "S")).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "assignedEntity", Hl7Namespace).ConfigureAwait(false);
            if (r.IsPatientDocument && r.LegalAuthenticator is null)
            {
                await InsId(w, h.Ins).ConfigureAwait(false);
                await PatientPerson(w, "assignedPerson", r.Patient!).ConfigureAwait(false);
            }
            else
            {
                await ProfessionalBody(w, r.LegalAuthenticator ?? r.Author!, r.AuthorOrganization, writeAddress: false).ConfigureAwait(false);
            }

            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);

            // documentationOf / serviceEvent (main event first)
            await w.WriteStartElementAsync(null, "documentationOf", Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "serviceEvent", Hl7Namespace).ConfigureAwait(false);
            CodedValue? eventCode = r.ServiceEventCode ?? (r.IsPatientDocument ? CdaDocumentRequest.PatientExpression : null);
            if (eventCode is not null)
            {
                await Coded(w, "code", eventCode).ConfigureAwait(false);
            }

            await Interval(w, "effectiveTime", r.ServiceStartTime ?? r.CreationTime, r.ServiceStopTime, zone).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "performer", Hl7Namespace).ConfigureAwait(false);
            await w.WriteAttributeStringAsync(null, "typeCode", null, "PRF").ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "assignedEntity", Hl7Namespace).ConfigureAwait(false);
            if (r.IsPatientDocument)
            {
                await InsId(w, h.Ins).ConfigureAwait(false);
                await w.WriteStartElementAsync(null, "representedOrganization", Hl7Namespace).ConfigureAwait(false);
                await Coded(w, "standardIndustryClassCode", r.PracticeSetting ?? CdaDocumentRequest.PatientExpression).ConfigureAwait(false);
                await w.WriteEndElementAsync().ConfigureAwait(false);
            }
            else
            {
                await Empty(w, "id", ("root", ProfessionalId.Oid), ("extension", r.Author!.Id.Value)).ConfigureAwait(false);
                await w.WriteStartElementAsync(null, "representedOrganization", Hl7Namespace).ConfigureAwait(false);
                await Empty(w, "id", ("root", StructureId.Oid), ("extension", r.AuthorOrganization!.Id.Value)).ConfigureAwait(false);
                await Text(w, "name", r.AuthorOrganization.Name).ConfigureAwait(false);
                await Coded(w, "standardIndustryClassCode", r.PracticeSetting!).ConfigureAwait(false);
                await w.WriteEndElementAsync().ConfigureAwait(false);
            }

            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);

            if (r.ReplacedDocumentId is not null)
            {
                await w.WriteStartElementAsync(null, "relatedDocument", Hl7Namespace).ConfigureAwait(false);
                await w.WriteAttributeStringAsync(null, "typeCode", null, "RPLC").ConfigureAwait(false);
                await w.WriteStartElementAsync(null, "parentDocument", Hl7Namespace).ConfigureAwait(false);
                await Empty(w, "id", ("root", r.ReplacedDocumentId)).ConfigureAwait(false);
                await w.WriteEndElementAsync().ConfigureAwait(false);
                await w.WriteEndElementAsync().ConfigureAwait(false);
            }

            // componentOf / encompassingEncounter
            await w.WriteStartElementAsync(null, "componentOf", Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "encompassingEncounter", Hl7Namespace).ConfigureAwait(false);
            await Interval(w, "effectiveTime", r.ServiceStartTime ?? r.CreationTime, r.ServiceStopTime, zone).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "location", Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "healthCareFacility", Hl7Namespace).ConfigureAwait(false);
            await Coded(w, "code", h.Facility).ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
        }

        private static async Task WriteRecordTargetAsync(XmlWriter w, PatientIdentity patient, Ins ins)
        {
            await w.WriteStartElementAsync(null, "recordTarget", Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "patientRole", Hl7Namespace).ConfigureAwait(false);
            await InsId(w, ins).ConfigureAwait(false);
            foreach (Cx local in patient.LocalIds)
            {
                string? root = local.AssigningAuthority?.UniversalId;
                if (string.IsNullOrEmpty(root))
                {
                    throw new CdaFormatException("patient.localIds", CdaRules.OidFormat, "a local patient id needs its assigning authority OID (CX.4.2)", null, valueIsSensitive: false);
                }

                await Empty(w, "id", ("root", root!), ("extension", local.Id)).ConfigureAwait(false);
            }

            await w.WriteStartElementAsync(null, "patient", Hl7Namespace).ConfigureAwait(false);
            IdentityTraits t = patient.Traits;
            await w.WriteStartElementAsync(null, "name", Hl7Namespace).ConfigureAwait(false);
            await Qualified(w, "family", t.BirthName, "BR").ConfigureAwait(false);
            await Qualified(w, "given", t.FirstNamesText, null).ConfigureAwait(false);
            await Qualified(w, "given", t.FirstFirstName, "BR").ConfigureAwait(false);
            if (t.UsedName is not null)
            {
                await Qualified(w, "family", t.UsedName, "CL").ConfigureAwait(false);
            }

            if (t.UsedFirstName is not null)
            {
                await Qualified(w, "given", t.UsedFirstName, "CL").ConfigureAwait(false);
            }

            await w.WriteEndElementAsync().ConfigureAwait(false);
            var (sexCode, sexDisplay) = t.Sex switch
            {
                Sex.Male => ("M", "Masculin"),
                Sex.Female => ("F", "Féminin"),
                _ => ("U", "Inconnu"),
            };
            await Empty(w, "administrativeGenderCode", ("code", sexCode), ("displayName", sexDisplay), ("codeSystem", GenderCodeSystem)).ConfigureAwait(false);
            await Empty(w, "birthTime", ("value", t.BirthDate.ToHl7())).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "birthplace", Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "place", Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "addr", Hl7Namespace).ConfigureAwait(false);
            await Text(w, "county", t.BirthPlace!.Value).ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
        }

        private static async Task ProfessionalBody(XmlWriter w, HealthProfessional p, HealthcareOrganization? organization, bool writeAddress)
        {
            await Empty(w, "id", ("root", ProfessionalId.Oid), ("extension", p.Id.Value)).ConfigureAwait(false);
            await Coded(w, "code", AuthorSpecialty(p)).ConfigureAwait(false);
            if (writeAddress)
            {
                await NoAddressOrTelecom(w).ConfigureAwait(false);
            }

            await w.WriteStartElementAsync(null, "assignedPerson", Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "name", Hl7Namespace).ConfigureAwait(false);
            if (p.GivenName is not null)
            {
                await Text(w, "given", p.GivenName).ConfigureAwait(false);
            }

            await Text(w, "family", p.FamilyName).ConfigureAwait(false);
            if (p.Title is not null)
            {
                await Text(w, "suffix", p.Title).ConfigureAwait(false);
            }

            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            if (organization is not null)
            {
                await w.WriteStartElementAsync(null, "representedOrganization", Hl7Namespace).ConfigureAwait(false);
                await Empty(w, "id", ("root", StructureId.Oid), ("extension", organization.Id.Value)).ConfigureAwait(false);
                await Text(w, "name", organization.Name).ConfigureAwait(false);
                await w.WriteEndElementAsync().ConfigureAwait(false);
            }
        }

        private static async Task PatientPerson(XmlWriter w, string element, PatientIdentity patient)
        {
            await w.WriteStartElementAsync(null, element, Hl7Namespace).ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "name", Hl7Namespace).ConfigureAwait(false);
            await Text(w, "given", patient.Traits.UsedFirstName ?? patient.Traits.FirstFirstName).ConfigureAwait(false);
            await Text(w, "family", patient.Traits.UsedName ?? patient.Traits.BirthName).ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
        }

        // CI-SIS: addr and telecom are required for natural persons, nullFlavor allowed (§3.5.5.13.3.3-4).
        private static async Task NoAddressOrTelecom(XmlWriter w)
        {
            await Empty(w, "addr", ("nullFlavor", "NASK")).ConfigureAwait(false);
            await Empty(w, "telecom", ("nullFlavor", "NASK")).ConfigureAwait(false);
        }

        private static Task InsId(XmlWriter w, Ins ins) => Empty(w, "id", ("root", ins.Oid), ("extension", ins.Value));

        private static async Task Interval(XmlWriter w, string name, DateTimeOffset low, DateTimeOffset? high, TimeZoneInfo? zone)
        {
            await w.WriteStartElementAsync(null, name, Hl7Namespace).ConfigureAwait(false);
            await Empty(w, "low", ("value", CdaTime.Format(low, zone))).ConfigureAwait(false);
            if (high is not null)
            {
                await Empty(w, "high", ("value", CdaTime.Format(high.Value, zone))).ConfigureAwait(false);
            }

            await w.WriteEndElementAsync().ConfigureAwait(false);
        }

        private static async Task Empty(XmlWriter w, string name, params (string Name, string Value)[] attributes)
        {
            await w.WriteStartElementAsync(null, name, Hl7Namespace).ConfigureAwait(false);
            foreach (var (attribute, value) in attributes)
            {
                await w.WriteAttributeStringAsync(null, attribute, null, value).ConfigureAwait(false);
            }

            await w.WriteEndElementAsync().ConfigureAwait(false);
        }

        private static Task Coded(XmlWriter w, string name, CodedValue value) =>
            value.DisplayName is null
                ? Empty(w, name, ("code", value.Code), ("codeSystem", value.CodeSystem))
                : Empty(w, name, ("code", value.Code), ("displayName", value.DisplayName), ("codeSystem", value.CodeSystem));

        private static async Task Text(XmlWriter w, string name, string value)
        {
            await w.WriteStartElementAsync(null, name, Hl7Namespace).ConfigureAwait(false);
            await w.WriteStringAsync(value).ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
        }

        private static async Task Qualified(XmlWriter w, string name, string value, string? qualifier)
        {
            await w.WriteStartElementAsync(null, name, Hl7Namespace).ConfigureAwait(false);
            if (qualifier is not null)
            {
                await w.WriteAttributeStringAsync(null, "qualifier", null, qualifier).ConfigureAwait(false);
            }

            await w.WriteStringAsync(value).ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
        }

        private static string ConfidentialityDisplay(string code) => code switch
        {
            "R" => "Restreint",
            "V" => "Très restreint",
            _ => "Normal",
        };

        [LoggerMessage(EventId = DmpLogEvents.CdaDocumentBuilt, EventName = nameof(DmpLogEvents.CdaDocumentBuilt), Level = LogLevel.Debug,
            Message = "CDA written: {MediaType}, {ContentLength} bytes embedded, type {TypeCode}.")]
        private static partial void LogBuilt(ILogger logger, string mediaType, long contentLength, string typeCode);

        private sealed record Header(CodedValue TypeCode, string Title, string DocumentId, string SetId, Ins Ins, CodedValue Facility);
    }
}

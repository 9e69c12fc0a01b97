using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Diagnostics;
using DmpConnector.Identity;
using DmpConnector.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DmpConnector.Cda
{
    /// <summary>Options of <see cref="CdaReader"/>.</summary>
    public sealed record CdaReaderOptions
    {
        /// <summary>
        /// Refuse a CDA whose first <c>patientRole/id</c> is not an INS (rule <see cref="CdaRules.InsMissing"/>). On by
        /// default: a document for the DMP carries the INS first. Turn off to inspect other CDAs.
        /// </summary>
        public bool RequireIns { get; init; } = true;
    }

    /// <summary>What <see cref="CdaReader.ExtractAsync"/> extracted.</summary>
    /// <param name="MediaType">The nonXMLBody's media type.</param>
    /// <param name="Length">The bytes written to the destination.</param>
    public sealed record CdaEmbeddedDocument(string? MediaType, long Length);

    /// <summary>
    /// Reads any CDA R2 (structured or not, bare, signed with <c>ds:Signature</c> as root, or self-presenting with
    /// <c>xsl:stylesheet</c> as root) in one streaming pass: the header becomes <see cref="CdaDocumentMetadata"/> (the
    /// DocumentEntry fields it determines), the hash and size are computed over the bytes as read, and a nonXMLBody's
    /// content is decoded chunk by chunk, never held whole. DTDs are refused. Thread-safe.
    /// </summary>
    public partial class CdaReader
    {
        private const string V3 = CdaBuilder.Hl7Namespace;
        private const int ChunkSize = 48 * 1024;
        private const int MaxHeaderDepth = 64;
        private const int MaxTextLength = 64 * 1024;

        // ASS_A11 (CDA model template → formatCode), for the models whose code the public material gives.
        private static readonly (string Template, CodedValue Format)[] ModelFormats =
        {
            ("1.2.250.1.213.1.1.1.55", new CodedValue("urn:ihe:lab:xd-lab:2008", CdaMediaTypes.IheFormatCodeSystem, "Compte rendu structuré d'examens de biologie médicale")),
            ("1.3.6.1.4.1.19376.1.3.3", new CodedValue("urn:ihe:lab:xd-lab:2008", CdaMediaTypes.IheFormatCodeSystem, "Compte rendu structuré d'examens de biologie médicale")),
            ("1.2.250.1.213.1.1.1.45", new CodedValue("urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013", CdaMediaTypes.IheFormatCodeSystem)),
            ("1.2.250.1.213.1.1.1.29", new CodedValue("urn:asip:ci-sis:ldl-ses:2017", string.Empty)),
            ("1.2.250.1.213.1.1.1.13", new CodedValue("urn:asip:ci-sis:vsm:2012", string.Empty)),
            ("1.2.250.1.213.1.1.1.46", new CodedValue("urn:asip:ci-sis:vac-note:2021", string.Empty)),
        };

        private readonly ILogger _logger;

        /// <summary>Creates a reader.</summary>
        /// <param name="logger">Where debug and deviation events go (never patient data); none when null.</param>
        public CdaReader(ILogger? logger = null)
        {
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>Reads a CDA's metadata, hashing every byte of the stream from its current position.</summary>
        /// <param name="cda">The CDA bytes (may be non-seekable); read to the end, not closed.</param>
        /// <param name="options">The options; defaults when null.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The metadata.</returns>
        /// <exception cref="CdaFormatException">Malformed XML, a DTD, no ClinicalDocument, a bad time, or no INS first (when required).</exception>
        public virtual async Task<CdaDocumentMetadata> ReadAsync(Stream cda, CdaReaderOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (cda is null)
            {
                throw new ArgumentNullException(nameof(cda));
            }

            options ??= new CdaReaderOptions();
            using var hashing = new HashingStream(cda);
            var state = new State();
            try
            {
                using (XmlReader reader = CreateReader(hashing))
                {
                    await WalkAsync(reader, state, null, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (XmlException ex)
            {
                throw Translate(ex);
            }

            byte[] drain = new byte[ChunkSize];
            while (await hashing.ReadChunkAsync(drain, 0, drain.Length, cancellationToken).ConfigureAwait(false) > 0)
            {
            }

            CdaDocumentMetadata metadata = state.ToMetadata(hashing.HashHex(), hashing.Count);
            if (options.RequireIns && metadata.PatientId is null)
            {
                throw MissingIns();
            }

            foreach (string deviation in metadata.Deviations)
            {
                LogDeviation(_logger, deviation);
            }

            LogRead(_logger, metadata.TypeCode?.Code, metadata.IsStructured ? "structured" : metadata.EmbeddedMediaType, metadata.Size ?? 0);
            return metadata;
        }

        /// <summary>
        /// Extracts the document embedded in a nonXMLBody, decoding the base64 chunk by chunk into
        /// <paramref name="destination"/>. Nothing is written when the CDA has no embedded document.
        /// </summary>
        /// <param name="cda">The CDA bytes; not closed.</param>
        /// <param name="destination">Where the decoded bytes go; not closed.</param>
        /// <param name="cancellationToken">Cancels the copy.</param>
        /// <returns>The media type and the number of bytes written.</returns>
        /// <exception cref="CdaFormatException">No embedded document (rule <see cref="CdaRules.NoEmbeddedDocument"/>), invalid base64, malformed XML or a DTD.</exception>
        public virtual async Task<CdaEmbeddedDocument> ExtractAsync(Stream cda, Stream destination, CancellationToken cancellationToken = default)
        {
            if (cda is null)
            {
                throw new ArgumentNullException(nameof(cda));
            }

            if (destination is null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            var state = new State();
            try
            {
                using XmlReader reader = CreateReader(cda);
                await WalkAsync(reader, state, destination, cancellationToken).ConfigureAwait(false);
            }
            catch (XmlException ex)
            {
                throw Translate(ex);
            }

            if (state.EmbeddedLength is null)
            {
                throw new CdaFormatException("component/nonXMLBody/text", CdaRules.NoEmbeddedDocument, state.IsStructured ? "the CDA has a structured body, not an embedded document" : "the CDA has no nonXMLBody/text in base64", null, valueIsSensitive: false);
            }

            return new CdaEmbeddedDocument(state.MediaType, state.EmbeddedLength.Value);
        }

        internal static CdaFormatException MissingIns() =>
            new("recordTarget/patientRole/id", CdaRules.InsMissing, "the first patient id of a CDA for the DMP is the INS (root 1.2.250.1.213.1.4.8, .9, .10 or .11); it is missing (is the identity qualified?)", null, valueIsSensitive: false);

        private static XmlReader CreateReader(Stream stream)
        {
            XmlReaderSettings settings = SafeXml.ReaderSettings();
            settings.Async = true;
            settings.IgnoreComments = true;
            return XmlReader.Create(stream, settings);
        }

        private static CdaFormatException Translate(XmlException ex)
        {
            bool dtd = ex.Message.IndexOf("DTD", StringComparison.OrdinalIgnoreCase) >= 0 || ex.Message.IndexOf("DOCTYPE", StringComparison.OrdinalIgnoreCase) >= 0;
            string where = ex.LineNumber > 0 ? $"line {ex.LineNumber}, position {ex.LinePosition}" : "input";
            if (dtd)
            {
                return new CdaFormatException(where, CdaRules.XmlDtd, "the CDA carries a DTD; DTDs and entity declarations are refused (entity expansion and external entities are attacks)", null, false, ex);
            }

            bool base64 = ex.Message.IndexOf("Base64", StringComparison.OrdinalIgnoreCase) >= 0;
            return base64
                ? new CdaFormatException(where, CdaRules.Base64, "the embedded content is not valid base64", null, false, ex)
                : new CdaFormatException(where, CdaRules.XmlMalformed, "the CDA is not well-formed XML (truncated, or bad characters): " + ex.Message, null, false, ex);
        }

        private static async Task WalkAsync(XmlReader r, State s, Stream? extractTo, CancellationToken cancellationToken)
        {
            var path = new List<string>();
            int rootDepth = -1;
            bool positioned = false;
            byte[]? buffer = null;
            while (positioned || await r.ReadAsync().ConfigureAwait(false))
            {
                positioned = false;
                cancellationToken.ThrowIfCancellationRequested();
                if (r.NodeType == XmlNodeType.EndElement)
                {
                    if (rootDepth >= 0)
                    {
                        if (r.Depth == rootDepth)
                        {
                            break;
                        }

                        path.RemoveAt(path.Count - 1);
                    }

                    continue;
                }

                if (r.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (rootDepth < 0)
                {
                    if (r.LocalName == "ClinicalDocument" && r.NamespaceURI == V3)
                    {
                        rootDepth = r.Depth;
                        s.Found = true;
                        if (r.IsEmptyElement)
                        {
                            break;
                        }
                    }

                    continue;
                }

                string name = r.NamespaceURI == V3 ? r.LocalName : "{" + r.NamespaceURI + "}" + r.LocalName;
                string p = path.Count == 0 ? name : string.Join("/", path) + "/" + name;
                switch (p)
                {
                    case "component/nonXMLBody/text":
                        s.MediaType = r.GetAttribute("mediaType") ?? "text/plain";
                        if (r.GetAttribute("representation") == "B64" && !r.IsEmptyElement)
                        {
                            buffer ??= new byte[ChunkSize];
                            long length = 0;
                            int n;
                            while ((n = await r.ReadElementContentAsBase64Async(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                if (extractTo is not null)
                                {
                                    await extractTo.WriteChunkAsync(buffer, 0, n, cancellationToken).ConfigureAwait(false);
                                }

                                length += n;
                            }

                            s.EmbeddedLength = length;
                            positioned = true;
                            continue;
                        }

                        break;
                    case "component/structuredBody":
                        s.IsStructured = true;
                        await r.SkipAsync().ConfigureAwait(false);
                        positioned = true;
                        continue;
                    default:
                        if (extractTo is null && IsText(p))
                        {
                            string? qualifier = r.GetAttribute("qualifier");
                            string text = (await ReadBoundedTextAsync(r, p).ConfigureAwait(false)).Trim();
                            s.OnText(p, text, qualifier);
                            positioned = true;
                            continue;
                        }

                        if (extractTo is null)
                        {
                            s.OnElement(p, r);
                        }

                        break;
                }

                if (!r.IsEmptyElement)
                {
                    if (path.Count >= MaxHeaderDepth)
                    {
                        throw new CdaFormatException(p.Length > 200 ? p.Substring(0, 200) + "…" : p, CdaRules.XmlDepth, $"header elements are nested deeper than {MaxHeaderDepth} levels", null, valueIsSensitive: false);
                    }

                    path.Add(name);
                }
            }

            if (!s.Found)
            {
                throw new CdaFormatException("ClinicalDocument", CdaRules.NotCda, "no ClinicalDocument element in namespace urn:hl7-org:v3 was found", null, valueIsSensitive: false);
            }
        }

        /// <summary>
        /// The text content of the current element, read in chunks and refused beyond <see cref="MaxTextLength"/>
        /// characters (a hostile title or name is never materialised whole). Leaves the reader on the node after the end tag.
        /// </summary>
        private static async Task<string> ReadBoundedTextAsync(XmlReader r, string where)
        {
            if (r.IsEmptyElement)
            {
                await r.ReadAsync().ConfigureAwait(false);
                return string.Empty;
            }

            int depth = r.Depth;
            var text = new System.Text.StringBuilder();
            char[] chunk = new char[1024];
            while (await r.ReadAsync().ConfigureAwait(false))
            {
                if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
                {
                    await r.ReadAsync().ConfigureAwait(false);
                    break;
                }

                if (r.Depth == depth + 1 && r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    int n;
                    while ((n = await r.ReadValueChunkAsync(chunk, 0, chunk.Length).ConfigureAwait(false)) > 0)
                    {
                        if (text.Length + n > MaxTextLength)
                        {
                            throw new CdaFormatException(where, CdaRules.ValueTooLong, $"a header text value is longer than {MaxTextLength} characters", null, valueIsSensitive: false);
                        }

                        text.Append(chunk, 0, n);
                    }
                }
            }

            return text.ToString();
        }

        private static bool IsText(string p) =>
            p == "title"
            || p.EndsWith("/name/family", StringComparison.Ordinal) || p.EndsWith("/name/given", StringComparison.Ordinal)
            || p.EndsWith("/name/prefix", StringComparison.Ordinal) || p.EndsWith("/name/suffix", StringComparison.Ordinal)
            || p == "recordTarget/patientRole/patient/birthplace/place/addr/county"
            || p.EndsWith("/representedOrganization/name", StringComparison.Ordinal)
            || p.EndsWith("/assignedAuthoringDevice/softwareName", StringComparison.Ordinal)
            || p.EndsWith("/assignedAuthoringDevice/manufacturerModelName", StringComparison.Ordinal);

        [LoggerMessage(EventId = DmpLogEvents.CdaDocumentRead, EventName = nameof(DmpLogEvents.CdaDocumentRead), Level = LogLevel.Debug,
            Message = "CDA read: type {TypeCode}, body {Body}, {Size} bytes.")]
        private static partial void LogRead(ILogger logger, string? typeCode, string? body, long size);

        [LoggerMessage(EventId = DmpLogEvents.CdaDocumentDeviation, EventName = nameof(DmpLogEvents.CdaDocumentDeviation), Level = LogLevel.Warning,
            Message = "CDA deviates from CI-SIS (tolerated): {Deviation}.")]
        private static partial void LogDeviation(ILogger logger, string deviation);

        /// <summary>What the walk collected.</summary>
        private sealed class State
        {
            private readonly List<string> _templates = new();
            private readonly List<CdaPatientId> _patientIds = new();
            private readonly List<CdaParticipant> _authors = new();
            private readonly List<CodedValue> _eventCodes = new();
            private readonly List<string> _deviations = new();
            private CdaParticipant? _legal;
            private int _documentationOf;
            private string? _id;
            private string? _setId;
            private int? _version;
            private string? _replaced;
            private bool _relatedIsReplacement;
            private CodedValue? _type;
            private CodedValue? _confidentiality;
            private string? _language;
            private string? _title;
            private string? _created;
            private string? _start;
            private string? _stop;
            private CodedValue? _practice;
            private CodedValue? _facility;
            private string? _birthName;
            private string? _firstFirstName;
            private string? _firstNames;
            private string? _usedName;
            private string? _sex;
            private string? _birthTime;

            public bool Found { get; set; }

            public bool IsStructured { get; set; }

            public string? MediaType { get; set; }

            public long? EmbeddedLength { get; set; }

            public void OnElement(string p, XmlReader r)
            {
                switch (p)
                {
                    case "templateId":
                        Add(_templates, r.GetAttribute("root"));
                        return;
                    case "id":
                        string? root = r.GetAttribute("root");
                        string? extension = r.GetAttribute("extension");
                        _id = extension is null ? root : root + "^" + extension;
                        if (extension is not null)
                        {
                            _deviations.Add("CDA-ID-EXTENSION: ClinicalDocument/id has an extension; the DMP takes a root-only id");
                        }

                        return;
                    case "code":
                        _type = Coded(r);
                        return;
                    case "effectiveTime":
                        _created = Time(r, "effectiveTime");
                        return;
                    case "confidentialityCode":
                        _confidentiality = Coded(r);
                        return;
                    case "languageCode":
                        _language = r.GetAttribute("code");
                        return;
                    case "setId":
                        _setId = r.GetAttribute("root");
                        return;
                    case "versionNumber":
                        _version = int.TryParse(r.GetAttribute("value"), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : null;
                        return;
                    case "recordTarget/patientRole/id":
                        string? idRoot = r.GetAttribute("root");
                        if (idRoot is not null)
                        {
                            _patientIds.Add(new CdaPatientId(idRoot, r.GetAttribute("extension")));
                        }

                        return;
                    case "recordTarget/patientRole/patient/administrativeGenderCode":
                        _sex = r.GetAttribute("code");
                        return;
                    case "recordTarget/patientRole/patient/birthTime":
                        _birthTime = r.GetAttribute("value");
                        return;
                    case "author":
                        _authors.Add(new CdaParticipant());
                        return;
                    case "legalAuthenticator":
                        _legal = new CdaParticipant();
                        return;
                    case "documentationOf":
                        _documentationOf++;
                        return;
                    case "documentationOf/serviceEvent/code":
                        if (Coded(r) is CodedValue eventCode)
                        {
                            _eventCodes.Add(eventCode);
                        }

                        return;
                    case "relatedDocument":
                        _relatedIsReplacement = r.GetAttribute("typeCode") == "RPLC";
                        return;
                    case "relatedDocument/parentDocument/id":
                        if (_relatedIsReplacement)
                        {
                            _replaced = r.GetAttribute("root");
                        }

                        return;
                    case "componentOf/encompassingEncounter/location/healthCareFacility/code":
                        _facility = Coded(r);
                        return;
                }

                if (_documentationOf == 1)
                {
                    switch (p)
                    {
                        case "documentationOf/serviceEvent/effectiveTime/low":
                            _start = Time(r, "serviceEvent/effectiveTime/low");
                            return;
                        case "documentationOf/serviceEvent/effectiveTime/high":
                            _stop = Time(r, "serviceEvent/effectiveTime/high");
                            return;
                        case "documentationOf/serviceEvent/performer/assignedEntity/representedOrganization/standardIndustryClassCode":
                            _practice = Coded(r);
                            return;
                    }
                }

                if (p.StartsWith("author/", StringComparison.Ordinal) && _authors.Count > 0)
                {
                    _authors[_authors.Count - 1] = Participant(_authors[_authors.Count - 1], p.Substring(7), "assignedAuthor/", r);
                }
                else if (p.StartsWith("legalAuthenticator/", StringComparison.Ordinal) && _legal is not null)
                {
                    _legal = Participant(_legal, p.Substring(19), "assignedEntity/", r);
                }
            }

            public void OnText(string p, string text, string? qualifier)
            {
                if (text.Length == 0)
                {
                    return;
                }

                const string Name = "recordTarget/patientRole/patient/name/";
                if (p.StartsWith(Name, StringComparison.Ordinal))
                {
                    OnPatientName(p.Substring(Name.Length), qualifier, text);
                    return;
                }

                switch (p)
                {
                    case "title":
                        _title = text;
                        return;
                    case "recordTarget/patientRole/patient/birthplace/place/addr/county":
                        return;
                }

                if (p.StartsWith("author/", StringComparison.Ordinal) && _authors.Count > 0)
                {
                    _authors[_authors.Count - 1] = ParticipantText(_authors[_authors.Count - 1], p.Substring(7), "assignedAuthor/", text);
                }
                else if (p.StartsWith("legalAuthenticator/", StringComparison.Ordinal) && _legal is not null)
                {
                    _legal = ParticipantText(_legal, p.Substring(19), "assignedEntity/", text);
                }
            }

            private void OnPatientName(string part, string? qualifier, string text)
            {
                switch (part, qualifier)
                {
                    case ("family", "BR"):
                        _birthName ??= text;
                        break;
                    case ("family", "CL"):
                    case ("family", "SP"):
                        _usedName ??= text;
                        break;
                    case ("family", null):
                        _birthName ??= text;
                        break;
                    case ("given", "BR"):
                        _firstFirstName ??= text;
                        break;
                    case ("given", null):
                        _firstNames ??= text;
                        break;
                }
            }

            public CdaDocumentMetadata ToMetadata(string hash, long size)
            {
                if (_patientIds.Count > 0 && !_patientIds[0].IsIns && _patientIds.Any(i => i.IsIns))
                {
                    _deviations.Add("CDA-INS-NOT-FIRST: the INS is not the first patientRole/id");
                }

                var info = new List<string>();
                string? family = _birthName ?? _usedName;
                string? given = _firstFirstName ?? FirstWord(_firstNames);
                if (family is not null)
                {
                    info.Add("PID-5|" + Hl7Encoding.Escape(family) + "^" + Hl7Encoding.Escape(given ?? string.Empty) + "^^^^^L");
                }

                if (_birthTime is not null)
                {
                    info.Add("PID-7|" + _birthTime);
                }

                if (_sex is not null)
                {
                    info.Add("PID-8|" + _sex);
                }

                CodedValue? format = IsStructured
                    ? ModelFormats.Where(m => _templates.Contains(m.Template)).Select(m => m.Format).FirstOrDefault()
                    : CdaMediaTypes.FormatCodeFor(MediaType);
                return new CdaDocumentMetadata
                {
                    UniqueId = _id,
                    SetId = _setId,
                    VersionNumber = _version,
                    ReplacedDocumentId = _replaced,
                    TypeCode = _type,
                    ClassCode = CdaPresets.ClassCodeFor(_type),
                    FormatCode = format,
                    Title = _title,
                    CreationTime = _created,
                    ServiceStartTime = _start,
                    ServiceStopTime = _stop,
                    ConfidentialityCodes = _confidentiality is null ? Xds.EquatableList<CodedValue>.Empty : new[] { _confidentiality },
                    LanguageCode = _language,
                    PatientIds = _patientIds.ToArray(),
                    SourcePatientInfo = info.ToArray(),
                    Authors = _authors.ToArray(),
                    LegalAuthenticator = _legal,
                    PracticeSettingCode = _practice,
                    HealthcareFacilityTypeCode = _facility,
                    EventCodes = _eventCodes.ToArray(),
                    Hash = hash,
                    Size = size,
                    TemplateIds = _templates.ToArray(),
                    IsStructured = IsStructured,
                    EmbeddedMediaType = IsStructured ? null : MediaType,
                    EmbeddedLength = EmbeddedLength,
                    Deviations = _deviations.ToArray(),
                };
            }

            private static string? FirstWord(string? names)
            {
                if (names is null)
                {
                    return null;
                }

                int space = names.IndexOf(' ');
                return space > 0 ? names.Substring(0, space) : names;
            }

            private static void Add(List<string> list, string? value)
            {
                if (value is not null)
                {
                    list.Add(value);
                }
            }

            private static CodedValue? Coded(XmlReader r)
            {
                string? code = r.GetAttribute("code");
                return string.IsNullOrEmpty(code) ? null : new CodedValue(code!, r.GetAttribute("codeSystem") ?? string.Empty, r.GetAttribute("displayName"));
            }

            private static CdaParticipant Participant(CdaParticipant c, string p, string entity, XmlReader r)
            {
                if (p == "time")
                {
                    return c with { Time = r.GetAttribute("value") };
                }

                if (p == "functionCode")
                {
                    return c with { FunctionCode = Coded(r) };
                }

                if (!p.StartsWith(entity, StringComparison.Ordinal))
                {
                    return c;
                }

                switch (p.Substring(entity.Length))
                {
                    case "id" when c.IdRoot is null:
                        return c with { IdRoot = r.GetAttribute("root"), IdExtension = r.GetAttribute("extension") };
                    case "code":
                        return c with { Code = Coded(r) };
                    case "representedOrganization/id" when c.OrganizationIdRoot is null:
                        return c with { OrganizationIdRoot = r.GetAttribute("root"), OrganizationIdExtension = r.GetAttribute("extension") };
                    default:
                        return c;
                }
            }

            private static CdaParticipant ParticipantText(CdaParticipant c, string p, string entity, string text)
            {
                if (!p.StartsWith(entity, StringComparison.Ordinal))
                {
                    return c;
                }

                return p.Substring(entity.Length) switch
                {
                    "assignedPerson/name/family" => c with { FamilyName = c.FamilyName ?? text },
                    "assignedPerson/name/given" => c with { GivenName = c.GivenName ?? text },
                    "assignedPerson/name/prefix" => c with { Prefix = c.Prefix ?? text },
                    "assignedPerson/name/suffix" => c with { Suffix = c.Suffix ?? text },
                    "representedOrganization/name" => c with { OrganizationName = c.OrganizationName ?? text },
                    "assignedAuthoringDevice/softwareName" => c with { SoftwareName = text },
                    "assignedAuthoringDevice/manufacturerModelName" => c with { ManufacturerModelName = text },
                    _ => c,
                };
            }

            private string? Time(XmlReader r, string where)
            {
                string? value = r.GetAttribute("value");
                if (value is null)
                {
                    return null;
                }

                string utc = CdaTime.ToXdsUtc(value, out bool hadOffset);
                if (!hadOffset)
                {
                    _deviations.Add("CDA-TIME-NO-OFFSET: " + where + " has a time of day without UTC offset (passed through unconverted)");
                }

                return utc;
            }
        }
    }
}

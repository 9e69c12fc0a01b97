using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using DmpConnector.Identity;

namespace DmpConnector.Xds
{
    /// <summary>Options of <see cref="XdsWriter"/>.</summary>
    public sealed class XdsWriterOptions
    {
        /// <summary>The defaults: no inline content, LocalizedString in the official examples' form.</summary>
        public static XdsWriterOptions Default { get; } = new();

        /// <summary>
        /// The bytes of a document written inline (a <see cref="DocumentAttachment"/> without content id): called once
        /// per such document, the stream is read to its end, base64-encoded in chunks, and not disposed.
        /// </summary>
        public Func<DocumentAttachment, Stream?>? InlineContent { get; init; }

        /// <summary>The <c>xml:lang</c> of LocalizedString elements (the official DMP examples use <c>FR</c>).</summary>
        public string LocalizedStringLanguage { get; init; } = "FR";

        /// <summary>The <c>charset</c> of LocalizedString elements (the official DMP examples use <c>UTF8</c>).</summary>
        public string LocalizedStringCharset { get; init; } = "UTF8";
    }

    /// <summary>
    /// Writes the XDS.b messages with a streaming <see cref="XmlWriter"/>, strictly: every object is checked before the
    /// first byte is written (nothing half-written on bad input), and what ebRIM requires but the model leaves
    /// implicit (classification and identifier ids, <c>classifiedObject</c>, <c>registryObject</c>) is generated.
    /// The message element is written bare: the SOAP layer puts it in its envelope.
    /// </summary>
    public static class XdsWriter
    {
        /// <summary>Writes a message into an XmlWriter (at its current position).</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="message">The message.</param>
        /// <param name="options">Options; null for the defaults.</param>
        public static void Write(XmlWriter writer, IXdsMessage message, XdsWriterOptions? options = null)
        {
            if (writer is null)
            {
                throw new ArgumentNullException(nameof(writer));
            }

            if (message is null)
            {
                throw new ArgumentNullException(nameof(message));
            }

            options ??= XdsWriterOptions.Default;
            Check(message, options);
            new Emitter(writer, options).Write(message);
        }

        /// <summary>Writes a message as a UTF-8 XML document (no BOM) into a stream.</summary>
        /// <param name="stream">The stream (left open).</param>
        /// <param name="message">The message.</param>
        /// <param name="options">Options; null for the defaults.</param>
        public static void WriteTo(Stream stream, IXdsMessage message, XdsWriterOptions? options = null)
        {
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false, Indent = false };
            using XmlWriter writer = XmlWriter.Create(stream, settings);
            Write(writer, message, options);
        }

        /// <summary>The message as an XML string (for logs of non-patient messages, tests and tools).</summary>
        /// <param name="message">The message.</param>
        /// <param name="options">Options; null for the defaults.</param>
        /// <returns>The XML.</returns>
        public static string WriteToString(IXdsMessage message, XdsWriterOptions? options = null)
        {
            using var stream = new MemoryStream();
            WriteTo(stream, message, options);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static XdsFormatException Required(string where, string what) =>
            new(where, XdsRules.WriteRequired, what, null, false);

        private static void Check(IXdsMessage message, XdsWriterOptions options)
        {
            switch (message)
            {
                case ProvideAndRegisterDocumentSetRequest pnr:
                    CheckMetadata(pnr.Metadata);
                    foreach (DocumentAttachment d in pnr.Documents)
                    {
                        if (string.IsNullOrEmpty(d.DocumentId))
                        {
                            throw Required("Document/@id", "Every ITI-41 Document needs the id of its DocumentEntry.");
                        }

                        CheckAttachment(d, options);
                    }

                    break;
                case SubmitObjectsRequest sor:
                    CheckMetadata(sor.Metadata);
                    break;
                case AdhocQueryRequest q:
                    if (q.QueryId.Length == 0)
                    {
                        throw Required("AdhocQuery/@id", "A query needs the stored query id.");
                    }

                    foreach (QueryParameter p in q.Parameters)
                    {
                        if (string.IsNullOrEmpty(p.Name) || p.Values.Count == 0)
                        {
                            throw Required("AdhocQuery/Slot", "Every query parameter needs a name and at least one value.");
                        }
                    }

                    break;
                case AdhocQueryResponse r:
                    CheckStatus(r.Status, r.Errors);
                    CheckMetadata(r.Metadata);
                    break;
                case RegistryResponse r:
                    CheckStatus(r.Status, r.Errors);
                    break;
                case RetrieveDocumentSetRequest r:
                    if (r.Documents.Count == 0)
                    {
                        throw Required("RetrieveDocumentSetRequest", "Ask for at least one document.");
                    }

                    foreach (DocumentRequest d in r.Documents)
                    {
                        if (d.RepositoryUniqueId.Length == 0 || d.DocumentUniqueId.Length == 0)
                        {
                            throw Required("DocumentRequest", "A DocumentRequest needs RepositoryUniqueId and DocumentUniqueId (the uniqueId, not the entryUUID).");
                        }
                    }

                    break;
                case RetrieveDocumentSetResponse r:
                    CheckStatus(r.Response.Status, r.Response.Errors);
                    foreach (DocumentResponse d in r.Documents)
                    {
                        if (d.RepositoryUniqueId.Length == 0 || d.DocumentUniqueId.Length == 0 || d.MimeType.Length == 0)
                        {
                            throw Required("DocumentResponse", "A DocumentResponse needs RepositoryUniqueId, DocumentUniqueId and mimeType.");
                        }

                        CheckAttachment(d.Document, options);
                    }

                    break;
                default:
                    throw new ArgumentException("Unknown message type " + message.GetType().Name, nameof(message));
            }
        }

        private static void CheckAttachment(DocumentAttachment d, XdsWriterOptions options)
        {
            if (string.IsNullOrEmpty(d.ContentId) && options.InlineContent is null)
            {
                throw new XdsFormatException("Document", XdsRules.WriteContent, "A document has no content id (for xop:Include) and no inline content was given (XdsWriterOptions.InlineContent).", d.DocumentId, false);
            }
        }

        private static void CheckStatus(string status, EquatableList<RegistryError> errors)
        {
            if (string.IsNullOrEmpty(status))
            {
                throw Required("@status", "A response needs a status.");
            }

            foreach (RegistryError e in errors)
            {
                if (e.ErrorCode.Length == 0 || e.Severity.Length == 0 || e.CodeContext is null)
                {
                    throw Required("RegistryError", "A RegistryError needs errorCode, codeContext and severity (ebRS 3.0).");
                }
            }
        }

        private static void CheckMetadata(XdsMetadata metadata)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            void CheckObject(IXdsObject o, string kind)
            {
                if (string.IsNullOrEmpty(o.Id))
                {
                    throw Required(kind + "/@id", $"Every {kind} needs an id (entryUUID or symbolic id).");
                }

                if (!ids.Add(o.Id))
                {
                    throw new XdsFormatException(kind + "/@id", XdsRules.WriteRequired, "Two objects of the message have the same id.", o.Id, false);
                }

                foreach (ExternalIdentifier e in o.ExtraExternalIdentifiers)
                {
                    if (string.IsNullOrEmpty(e.Scheme) || e.Value is null)
                    {
                        throw Required(kind + "/ExternalIdentifier", "An external identifier needs a scheme and a value.");
                    }
                }

                foreach (Classification c in o.ExtraClassifications)
                {
                    CheckClassification(c, kind);
                }
            }

            void CheckClassification(Classification c, string kind)
            {
                {
                    if (string.IsNullOrEmpty(c.Scheme) && string.IsNullOrEmpty(c.Node))
                    {
                        throw Required(kind + "/Classification", "A classification needs a classificationScheme or classificationNode.");
                    }
                }
            }

            foreach (Classification c in metadata.ExtraClassifications)
            {
                CheckClassification(c, "RegistryObjectList");
                if (string.IsNullOrEmpty(c.ClassifiedObject))
                {
                    throw Required("RegistryObjectList/Classification", "A stand-alone classification needs its classifiedObject.");
                }
            }

            foreach (SubmissionSet s in metadata.SubmissionSets)
            {
                CheckObject(s, "SubmissionSet");
            }

            foreach (DocumentEntry d in metadata.DocumentEntries)
            {
                CheckObject(d, "DocumentEntry");
                if (string.IsNullOrEmpty(d.MimeType))
                {
                    throw Required("DocumentEntry/@mimeType", "A DocumentEntry needs a mimeType (the ebRIM ExtrinsicObject is written with it).");
                }
            }

            foreach (Folder f in metadata.Folders)
            {
                CheckObject(f, "Folder");
            }

            foreach (Association a in metadata.Associations)
            {
                CheckObject(a, "Association");
                if (a.Type.Length == 0 || a.SourceObject.Length == 0 || a.TargetObject.Length == 0)
                {
                    throw Required("Association", "An association needs a type, a sourceObject and a targetObject.");
                }
            }
        }

        private sealed class Emitter
        {
            private readonly XmlWriter _w;
            private readonly XdsWriterOptions _options;
            private int _counter;

            public Emitter(XmlWriter writer, XdsWriterOptions options)
            {
                _w = writer;
                _options = options;
            }

            public void Write(IXdsMessage message)
            {
                switch (message)
                {
                    case ProvideAndRegisterDocumentSetRequest pnr:
                        Start("xdsb", "ProvideAndRegisterDocumentSetRequest", XdsNamespaces.XdsB, rim: true, lcm: true);
                        _w.WriteStartElement("lcm", "SubmitObjectsRequest", XdsNamespaces.Lcm);
                        WriteObjectList(pnr.Metadata);
                        _w.WriteEndElement();
                        foreach (DocumentAttachment d in pnr.Documents)
                        {
                            _w.WriteStartElement("xdsb", "Document", XdsNamespaces.XdsB);
                            _w.WriteAttributeString("id", d.DocumentId);
                            WriteDocumentContent(d);
                            _w.WriteEndElement();
                        }

                        break;
                    case SubmitObjectsRequest sor:
                        Start("lcm", "SubmitObjectsRequest", XdsNamespaces.Lcm, rim: true);
                        WriteObjectList(sor.Metadata);
                        break;
                    case AdhocQueryRequest q:
                        Start("query", "AdhocQueryRequest", XdsNamespaces.Query, rim: true);
                        _w.WriteStartElement("query", "ResponseOption", XdsNamespaces.Query);
                        _w.WriteAttributeString("returnComposedObjects", q.ReturnComposedObjects ? "true" : "false");
                        _w.WriteAttributeString("returnType", q.ReturnType);
                        _w.WriteEndElement();
                        _w.WriteStartElement("rim", "AdhocQuery", XdsNamespaces.Rim);
                        _w.WriteAttributeString("id", q.QueryId);
                        if (q.Home is not null)
                        {
                            _w.WriteAttributeString("home", q.Home);
                        }

                        foreach (QueryParameter p in q.Parameters)
                        {
                            WriteSlot(new Slot(p.Name, p.Values));
                        }

                        _w.WriteEndElement();
                        break;
                    case AdhocQueryResponse r:
                        Start("query", "AdhocQueryResponse", XdsNamespaces.Query, rim: true, rs: true);
                        _w.WriteAttributeString("status", r.Status);
                        WriteOptional("requestId", r.RequestId);
                        WriteOptional("startIndex", r.StartIndex?.ToString(CultureInfo.InvariantCulture));
                        WriteOptional("totalResultCount", r.TotalResultCount?.ToString(CultureInfo.InvariantCulture));
                        WriteErrors(r.Errors);
                        WriteObjectList(r.Metadata);
                        break;
                    case RegistryResponse r:
                        Start("rs", "RegistryResponse", XdsNamespaces.Rs);
                        WriteRegistryResponseBody(r);
                        break;
                    case RetrieveDocumentSetRequest r:
                        Start("xdsb", "RetrieveDocumentSetRequest", XdsNamespaces.XdsB);
                        foreach (DocumentRequest d in r.Documents)
                        {
                            _w.WriteStartElement("xdsb", "DocumentRequest", XdsNamespaces.XdsB);
                            WriteOptionalElement("HomeCommunityId", d.HomeCommunityId);
                            _w.WriteElementString("xdsb", "RepositoryUniqueId", XdsNamespaces.XdsB, d.RepositoryUniqueId);
                            _w.WriteElementString("xdsb", "DocumentUniqueId", XdsNamespaces.XdsB, d.DocumentUniqueId);
                            _w.WriteEndElement();
                        }

                        break;
                    case RetrieveDocumentSetResponse r:
                        Start("xdsb", "RetrieveDocumentSetResponse", XdsNamespaces.XdsB, rs: true);
                        _w.WriteStartElement("rs", "RegistryResponse", XdsNamespaces.Rs);
                        WriteRegistryResponseBody(r.Response);
                        _w.WriteEndElement();
                        foreach (DocumentResponse d in r.Documents)
                        {
                            _w.WriteStartElement("xdsb", "DocumentResponse", XdsNamespaces.XdsB);
                            WriteOptionalElement("HomeCommunityId", d.HomeCommunityId);
                            _w.WriteElementString("xdsb", "RepositoryUniqueId", XdsNamespaces.XdsB, d.RepositoryUniqueId);
                            _w.WriteElementString("xdsb", "DocumentUniqueId", XdsNamespaces.XdsB, d.DocumentUniqueId);
                            WriteOptionalElement("NewRepositoryUniqueId", d.NewRepositoryUniqueId);
                            WriteOptionalElement("NewDocumentUniqueId", d.NewDocumentUniqueId);
                            _w.WriteElementString("xdsb", "mimeType", XdsNamespaces.XdsB, d.MimeType);
                            _w.WriteStartElement("xdsb", "Document", XdsNamespaces.XdsB);
                            WriteDocumentContent(d.Document);
                            _w.WriteEndElement();
                            _w.WriteEndElement();
                        }

                        break;
                }

                _w.WriteEndElement();
                _w.Flush();
            }

            private void Start(string prefix, string name, string ns, bool rim = false, bool lcm = false, bool rs = false)
            {
                _w.WriteStartElement(prefix, name, ns);
                if (rim)
                {
                    _w.WriteAttributeString("xmlns", "rim", null, XdsNamespaces.Rim);
                }

                if (lcm && prefix != "lcm")
                {
                    _w.WriteAttributeString("xmlns", "lcm", null, XdsNamespaces.Lcm);
                }

                if (rs && prefix != "rs")
                {
                    _w.WriteAttributeString("xmlns", "rs", null, XdsNamespaces.Rs);
                }
            }

            private void WriteOptional(string attribute, string? value)
            {
                if (value is not null)
                {
                    _w.WriteAttributeString(attribute, value);
                }
            }

            private void WriteOptionalElement(string name, string? value)
            {
                if (value is not null)
                {
                    _w.WriteElementString("xdsb", name, XdsNamespaces.XdsB, value);
                }
            }

            private void WriteRegistryResponseBody(RegistryResponse r)
            {
                _w.WriteAttributeString("status", r.Status);
                WriteOptional("requestId", r.RequestId);
                WriteErrors(r.Errors);
            }

            private void WriteErrors(EquatableList<RegistryError> errors)
            {
                if (errors.Count == 0)
                {
                    return;
                }

                _w.WriteStartElement("rs", "RegistryErrorList", XdsNamespaces.Rs);
                foreach (RegistryError e in errors)
                {
                    _w.WriteStartElement("rs", "RegistryError", XdsNamespaces.Rs);
                    WriteOptional("codeContext", e.CodeContext);
                    _w.WriteAttributeString("errorCode", e.ErrorCode);
                    WriteOptional("location", e.Location);
                    _w.WriteAttributeString("severity", e.Severity);
                    if (e.Value is not null)
                    {
                        _w.WriteString(e.Value);
                    }

                    _w.WriteEndElement();
                }

                _w.WriteEndElement();
            }

            private void WriteDocumentContent(DocumentAttachment d)
            {
                if (!string.IsNullOrEmpty(d.ContentId))
                {
                    _w.WriteStartElement("xop", "Include", XdsNamespaces.Xop);
                    _w.WriteAttributeString("href", XopReference.ToHref(d.ContentId!));
                    _w.WriteEndElement();
                    return;
                }

                Stream content = _options.InlineContent?.Invoke(d)
                    ?? throw new XdsFormatException("Document", XdsRules.WriteContent, "No inline content was given for a document without content id.", d.DocumentId, false);
                var buffer = new byte[3 * 16384];
                int n;
                while ((n = ReadFull(content, buffer)) > 0)
                {
                    _w.WriteBase64(buffer, 0, n);
                }
            }

            private static int ReadFull(Stream s, byte[] buffer)
            {
                int total = 0;
                int n;
                while (total < buffer.Length && (n = s.Read(buffer, total, buffer.Length - total)) > 0)
                {
                    total += n;
                }

                return total;
            }

            private string NextId(string prefix) => prefix + (++_counter).ToString(CultureInfo.InvariantCulture);

            private void WriteObjectList(XdsMetadata m)
            {
                _w.WriteStartElement("rim", "RegistryObjectList", XdsNamespaces.Rim);
                foreach (SubmissionSet s in m.SubmissionSets)
                {
                    WriteSubmissionSet(s);
                }

                foreach (DocumentEntry d in m.DocumentEntries)
                {
                    WriteDocumentEntry(d);
                }

                foreach (Folder f in m.Folders)
                {
                    WriteFolder(f);
                }

                foreach (Association a in m.Associations)
                {
                    WriteAssociation(a);
                }

                foreach (Classification c in m.ExtraClassifications)
                {
                    WriteClassification(c, c.ClassifiedObject!);
                }

                foreach (string r in m.ObjectRefs)
                {
                    _w.WriteStartElement("rim", "ObjectRef", XdsNamespaces.Rim);
                    _w.WriteAttributeString("id", r);
                    _w.WriteEndElement();
                }

                _w.WriteEndElement();
            }

            private void WriteCommonAttributes(IXdsObject o)
            {
                _w.WriteAttributeString("id", o.Id);
                WriteOptional("home", o.Home);
                WriteOptional("lid", o.LogicalId);
                WriteOptional("status", o.AvailabilityStatus);
            }

            private void WriteSlot(Slot slot)
            {
                _w.WriteStartElement("rim", "Slot", XdsNamespaces.Rim);
                _w.WriteAttributeString("name", slot.Name);
                WriteOptional("slotType", slot.SlotType);
                _w.WriteStartElement("rim", "ValueList", XdsNamespaces.Rim);
                foreach (string v in slot.Values)
                {
                    _w.WriteElementString("rim", "Value", XdsNamespaces.Rim, v);
                }

                _w.WriteEndElement();
                _w.WriteEndElement();
            }

            private void WriteSlot(string name, string? value)
            {
                if (value is not null)
                {
                    WriteSlot(new Slot(name, value));
                }
            }

            private void WriteSlot(string name, EquatableList<string> values)
            {
                if (values.Count > 0)
                {
                    WriteSlot(new Slot(name, values));
                }
            }

            private void WriteLocalized(string element, string? value)
            {
                if (value is null)
                {
                    return;
                }

                _w.WriteStartElement("rim", element, XdsNamespaces.Rim);
                _w.WriteStartElement("rim", "LocalizedString", XdsNamespaces.Rim);
                _w.WriteAttributeString("charset", _options.LocalizedStringCharset);
                _w.WriteAttributeString("xml", "lang", null, _options.LocalizedStringLanguage);
                _w.WriteAttributeString("value", value);
                _w.WriteEndElement();
                _w.WriteEndElement();
            }

            private void WriteVersion(string? version)
            {
                if (version is not null)
                {
                    _w.WriteStartElement("rim", "VersionInfo", XdsNamespaces.Rim);
                    _w.WriteAttributeString("versionName", version);
                    _w.WriteEndElement();
                }
            }

            private void WriteClassification(Classification c, string classifiedObject)
            {
                _w.WriteStartElement("rim", "Classification", XdsNamespaces.Rim);
                _w.WriteAttributeString("id", c.Id ?? NextId("cl"));
                WriteOptional("classificationScheme", c.Scheme);
                WriteOptional("classificationNode", c.Node);
                _w.WriteAttributeString("classifiedObject", classifiedObject);
                WriteOptional("nodeRepresentation", c.NodeRepresentation);
                foreach (Slot s in c.Slots)
                {
                    WriteSlot(s);
                }

                WriteLocalized("Name", c.Name);
                _w.WriteEndElement();
            }

            private void WriteCoded(string scheme, CodedValue? value, string objectId)
            {
                if (value is null)
                {
                    return;
                }

                WriteClassification(
                    new Classification
                    {
                        Scheme = scheme,
                        NodeRepresentation = value.Code,
                        Name = value.DisplayName,
                        Slots = new[] { new Slot("codingScheme", value.CodeSystem) },
                    },
                    objectId);
            }

            private void WriteAuthor(string scheme, Author a, string objectId)
            {
                var slots = new List<Slot>();
                if (a.Person is not null)
                {
                    slots.Add(new Slot("authorPerson", a.Person));
                }

                void Add(string name, EquatableList<string> values)
                {
                    if (values.Count > 0)
                    {
                        slots.Add(new Slot(name, values));
                    }
                }

                Add("authorInstitution", a.Institutions);
                Add("authorRole", a.Roles);
                Add("authorSpecialty", a.Specialties);
                Add("authorTelecommunication", a.Telecommunications);
                slots.AddRange(a.ExtraSlots);
                WriteClassification(new Classification { Scheme = scheme, NodeRepresentation = string.Empty, Slots = slots }, objectId);
            }

            private void WriteIdentifier(ExternalIdentifier e, string objectId)
            {
                _w.WriteStartElement("rim", "ExternalIdentifier", XdsNamespaces.Rim);
                _w.WriteAttributeString("id", e.Id ?? NextId("ei"));
                _w.WriteAttributeString("identificationScheme", e.Scheme);
                _w.WriteAttributeString("registryObject", objectId);
                _w.WriteAttributeString("value", e.Value);
                WriteLocalized("Name", e.Name);
                _w.WriteEndElement();
            }

            private void WriteIdentifier(string scheme, string? value, string name, string objectId)
            {
                if (value is not null)
                {
                    WriteIdentifier(new ExternalIdentifier(scheme, value) { Name = name }, objectId);
                }
            }

            private void WriteExtras(IXdsObject o, bool classifications)
            {
                if (classifications)
                {
                    foreach (Classification c in o.ExtraClassifications)
                    {
                        WriteClassification(c, o.Id);
                    }
                }
                else
                {
                    foreach (ExternalIdentifier e in o.ExtraExternalIdentifiers)
                    {
                        WriteIdentifier(e, o.Id);
                    }
                }
            }

            private void WriteDocumentEntry(DocumentEntry d)
            {
                _w.WriteStartElement("rim", "ExtrinsicObject", XdsNamespaces.Rim);
                WriteCommonAttributes(d);
                _w.WriteAttributeString("objectType", d.ObjectType);
                _w.WriteAttributeString("mimeType", d.MimeType);
                if (d.IsOpaque is bool opaque)
                {
                    _w.WriteAttributeString("isOpaque", opaque ? "true" : "false");
                }

                WriteSlot("creationTime", d.CreationTime);
                WriteSlot("hash", d.Hash);
                WriteSlot("languageCode", d.LanguageCode);
                WriteSlot("legalAuthenticator", d.LegalAuthenticator);
                WriteSlot("repositoryUniqueId", d.RepositoryUniqueId);
                WriteSlot("serviceStartTime", d.ServiceStartTime);
                WriteSlot("serviceStopTime", d.ServiceStopTime);
                WriteSlot("size", d.Size?.ToString(CultureInfo.InvariantCulture));
                WriteSlot("sourcePatientId", d.SourcePatientId);
                WriteSlot("sourcePatientInfo", d.SourcePatientInfo);
                WriteSlot("urn:ihe:iti:xds:2013:referenceIdList", d.ReferenceIds);
                foreach (Slot s in d.ExtraSlots)
                {
                    WriteSlot(s);
                }

                WriteLocalized("Name", d.Title);
                WriteLocalized("Description", d.Comments);
                WriteVersion(d.Version);
                foreach (Author a in d.Authors)
                {
                    WriteAuthor(XdsUuids.DocumentEntryAuthor, a, d.Id);
                }

                WriteCoded(XdsUuids.DocumentEntryClassCode, d.ClassCode, d.Id);
                foreach (CodedValue c in d.ConfidentialityCodes)
                {
                    WriteCoded(XdsUuids.DocumentEntryConfidentialityCode, c, d.Id);
                }

                foreach (CodedValue c in d.EventCodes)
                {
                    WriteCoded(XdsUuids.DocumentEntryEventCode, c, d.Id);
                }

                WriteCoded(XdsUuids.DocumentEntryFormatCode, d.FormatCode, d.Id);
                WriteCoded(XdsUuids.DocumentEntryHealthcareFacilityTypeCode, d.HealthcareFacilityTypeCode, d.Id);
                WriteCoded(XdsUuids.DocumentEntryPracticeSettingCode, d.PracticeSettingCode, d.Id);
                WriteCoded(XdsUuids.DocumentEntryTypeCode, d.TypeCode, d.Id);
                WriteExtras(d, classifications: true);
                WriteIdentifier(XdsUuids.DocumentEntryPatientId, d.PatientId, "XDSDocumentEntry.patientId", d.Id);
                WriteIdentifier(XdsUuids.DocumentEntryUniqueId, d.UniqueId, "XDSDocumentEntry.uniqueId", d.Id);
                WriteExtras(d, classifications: false);
                _w.WriteEndElement();
            }

            private void WriteSubmissionSet(SubmissionSet s)
            {
                _w.WriteStartElement("rim", "RegistryPackage", XdsNamespaces.Rim);
                WriteCommonAttributes(s);
                WriteSlot("submissionTime", s.SubmissionTime);
                WriteSlot("intendedRecipient", s.IntendedRecipients);
                foreach (Slot slot in s.ExtraSlots)
                {
                    WriteSlot(slot);
                }

                WriteLocalized("Name", s.Title);
                WriteLocalized("Description", s.Comments);
                WriteVersion(s.Version);
                foreach (Author a in s.Authors)
                {
                    WriteAuthor(XdsUuids.SubmissionSetAuthor, a, s.Id);
                }

                WriteCoded(XdsUuids.SubmissionSetContentTypeCode, s.ContentTypeCode, s.Id);
                WriteExtras(s, classifications: true);
                WriteClassification(new Classification { Node = XdsUuids.SubmissionSetNode }, s.Id);
                WriteIdentifier(XdsUuids.SubmissionSetPatientId, s.PatientId, "XDSSubmissionSet.patientId", s.Id);
                WriteIdentifier(XdsUuids.SubmissionSetSourceId, s.SourceId, "XDSSubmissionSet.sourceId", s.Id);
                WriteIdentifier(XdsUuids.SubmissionSetUniqueId, s.UniqueId, "XDSSubmissionSet.uniqueId", s.Id);
                WriteExtras(s, classifications: false);
                _w.WriteEndElement();
            }

            private void WriteFolder(Folder f)
            {
                _w.WriteStartElement("rim", "RegistryPackage", XdsNamespaces.Rim);
                WriteCommonAttributes(f);
                WriteSlot("lastUpdateTime", f.LastUpdateTime);
                foreach (Slot slot in f.ExtraSlots)
                {
                    WriteSlot(slot);
                }

                WriteLocalized("Name", f.Title);
                WriteLocalized("Description", f.Comments);
                WriteVersion(f.Version);
                foreach (CodedValue c in f.Codes)
                {
                    WriteCoded(XdsUuids.FolderCodeList, c, f.Id);
                }

                WriteExtras(f, classifications: true);
                WriteClassification(new Classification { Node = XdsUuids.FolderNode }, f.Id);
                WriteIdentifier(XdsUuids.FolderPatientId, f.PatientId, "XDSFolder.patientId", f.Id);
                WriteIdentifier(XdsUuids.FolderUniqueId, f.UniqueId, "XDSFolder.uniqueId", f.Id);
                WriteExtras(f, classifications: false);
                _w.WriteEndElement();
            }

            private void WriteAssociation(Association a)
            {
                _w.WriteStartElement("rim", "Association", XdsNamespaces.Rim);
                WriteCommonAttributes(a);
                WriteOptional("objectType", a.ObjectType);
                _w.WriteAttributeString("associationType", a.Type);
                _w.WriteAttributeString("sourceObject", a.SourceObject);
                _w.WriteAttributeString("targetObject", a.TargetObject);
                WriteSlot("SubmissionSetStatus", a.SubmissionSetStatus);
                WriteSlot("PreviousVersion", a.PreviousVersion);
                WriteSlot("OriginalStatus", a.OriginalStatus);
                WriteSlot("NewStatus", a.NewStatus);
                foreach (Slot slot in a.ExtraSlots)
                {
                    WriteSlot(slot);
                }

                WriteVersion(a.Version);
                WriteExtras(a, classifications: true);
                WriteExtras(a, classifications: false);
                _w.WriteEndElement();
            }
        }
    }
}

using System.Collections.Generic;
using System.Text.Json;
using DmpConnector.Identity;
using DmpConnector.Xds;

namespace DmpConnector.Cli.Json
{
    /// <summary>
    /// The JSON shape of XDS messages and objects printed by <c>dmp xds inspect</c> (and reused by other commands that
    /// show a DocumentEntry, e.g. <c>dmp cda inspect</c>). Field names are stable and documented in docs/cli.md;
    /// absent values are written as JSON null, lists as arrays (possibly empty).
    /// </summary>
    internal static class XdsJson
    {
        /// <summary>Writes a whole message: <c>kind</c>, <c>status</c>, the objects, errors, query id and parameters, documents.</summary>
        public static void WriteMessage(Utf8JsonWriter writer, IXdsMessage message)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", message.Kind.ToString());
            XdsMetadata metadata = XdsMetadata.Empty;
            IReadOnlyList<RegistryError> errors = EquatableList<RegistryError>.Empty;
            string? status = null;
            switch (message)
            {
                case ProvideAndRegisterDocumentSetRequest pnr:
                    metadata = pnr.Metadata;
                    break;
                case SubmitObjectsRequest submit:
                    metadata = submit.Metadata;
                    break;
                case AdhocQueryResponse response:
                    metadata = response.Metadata;
                    errors = response.Errors;
                    status = response.Status;
                    break;
                case RegistryResponse response:
                    errors = response.Errors;
                    status = response.Status;
                    break;
                case RetrieveDocumentSetResponse response:
                    errors = response.Response.Errors;
                    status = response.Response.Status;
                    break;
            }

            writer.WriteString("status", status);
            WriteMetadata(writer, metadata);
            writer.WriteStartArray("errors");
            foreach (RegistryError error in errors)
            {
                WriteRegistryError(writer, error);
            }

            writer.WriteEndArray();
            if (message is AdhocQueryRequest query)
            {
                writer.WriteString("queryId", query.QueryId);
                writer.WriteString("queryName", QueryName(query.QueryId));
                writer.WriteString("returnType", query.ReturnType);
                writer.WriteStartObject("parameters");
                foreach (QueryParameter parameter in query.Parameters)
                {
                    writer.WriteStartArray(parameter.Name);
                    foreach (string value in parameter.Values)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("queryId");
                writer.WriteStartObject("parameters");
                writer.WriteEndObject();
            }

            if (message is AdhocQueryResponse counted)
            {
                WriteNumberOrNull(writer, "totalResultCount", counted.TotalResultCount);
            }

            WriteDocuments(writer, message);
            writer.WriteEndObject();
        }

        /// <summary>Writes the objects of a RegistryObjectList as the properties <c>documentEntries</c>, <c>submissionSets</c>, <c>folders</c>, <c>associations</c>, <c>objectRefs</c>.</summary>
        public static void WriteMetadata(Utf8JsonWriter writer, XdsMetadata metadata)
        {
            writer.WriteStartArray("documentEntries");
            foreach (DocumentEntry entry in metadata.DocumentEntries)
            {
                WriteDocumentEntry(writer, entry);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("submissionSets");
            foreach (SubmissionSet set in metadata.SubmissionSets)
            {
                WriteSubmissionSet(writer, set);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("folders");
            foreach (Folder folder in metadata.Folders)
            {
                WriteFolder(writer, folder);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("associations");
            foreach (Association association in metadata.Associations)
            {
                WriteAssociation(writer, association);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("objectRefs");
            foreach (string id in metadata.ObjectRefs)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        /// <summary>Writes one DocumentEntry as a JSON object (the field names of docs/cli.md).</summary>
        public static void WriteDocumentEntry(Utf8JsonWriter writer, DocumentEntry entry)
        {
            writer.WriteStartObject();
            // An entry that is not (yet) in a registry, e.g. one read from a CDA, has no id: null.
            writer.WriteString("entryUUID", entry.Id.Length == 0 ? null : entry.Id);
            writer.WriteString("uniqueId", entry.UniqueId);
            writer.WriteString("logicalId", entry.LogicalId);
            writer.WriteString("version", entry.Version);
            writer.WriteString("patientId", entry.PatientId);
            writer.WriteString("sourcePatientId", entry.SourcePatientId);
            writer.WriteString("title", entry.Title);
            writer.WriteString("comments", entry.Comments);
            writer.WriteString("mimeType", entry.MimeType);
            writer.WriteString("languageCode", entry.LanguageCode);
            WriteCode(writer, "classCode", entry.ClassCode);
            WriteCode(writer, "typeCode", entry.TypeCode);
            WriteCode(writer, "formatCode", entry.FormatCode);
            WriteCode(writer, "practiceSettingCode", entry.PracticeSettingCode);
            WriteCode(writer, "healthcareFacilityTypeCode", entry.HealthcareFacilityTypeCode);
            WriteCodes(writer, "confidentialityCodes", entry.ConfidentialityCodes);
            WriteCodes(writer, "eventCodes", entry.EventCodes);
            writer.WriteString("creationTime", entry.CreationTime);
            writer.WriteString("serviceStartTime", entry.ServiceStartTime);
            writer.WriteString("serviceStopTime", entry.ServiceStopTime);
            writer.WriteString("availabilityStatus", entry.AvailabilityStatus);
            writer.WriteString("hash", entry.Hash);
            WriteNumberOrNull(writer, "size", entry.Size);
            writer.WriteString("repositoryUniqueId", entry.RepositoryUniqueId);
            writer.WriteString("legalAuthenticator", entry.LegalAuthenticator);
            WriteAuthors(writer, entry.Authors);
            WriteStrings(writer, "referenceIds", entry.ReferenceIds);
            WriteSlots(writer, "extraSlots", entry.ExtraSlots);
            writer.WriteEndObject();
        }

        /// <summary>Writes one SubmissionSet as a JSON object.</summary>
        public static void WriteSubmissionSet(Utf8JsonWriter writer, SubmissionSet set)
        {
            writer.WriteStartObject();
            writer.WriteString("entryUUID", set.Id);
            writer.WriteString("uniqueId", set.UniqueId);
            writer.WriteString("sourceId", set.SourceId);
            writer.WriteString("submissionTime", set.SubmissionTime);
            WriteCode(writer, "contentTypeCode", set.ContentTypeCode);
            writer.WriteString("patientId", set.PatientId);
            writer.WriteString("title", set.Title);
            writer.WriteString("availabilityStatus", set.AvailabilityStatus);
            WriteAuthors(writer, set.Authors);
            WriteSlots(writer, "extraSlots", set.ExtraSlots);
            writer.WriteEndObject();
        }

        /// <summary>Writes one Folder as a JSON object.</summary>
        public static void WriteFolder(Utf8JsonWriter writer, Folder folder)
        {
            writer.WriteStartObject();
            writer.WriteString("entryUUID", folder.Id);
            writer.WriteString("uniqueId", folder.UniqueId);
            writer.WriteString("patientId", folder.PatientId);
            writer.WriteString("title", folder.Title);
            writer.WriteString("lastUpdateTime", folder.LastUpdateTime);
            writer.WriteString("availabilityStatus", folder.AvailabilityStatus);
            WriteCodes(writer, "codes", folder.Codes);
            writer.WriteEndObject();
        }

        /// <summary>Writes one Association: <c>id</c>, <c>type</c>, <c>source</c>, <c>target</c>, <c>slots</c> (typed IHE slots and extra slots, name → values).</summary>
        public static void WriteAssociation(Utf8JsonWriter writer, Association association)
        {
            writer.WriteStartObject();
            writer.WriteString("id", association.Id);
            writer.WriteString("type", association.Type);
            writer.WriteString("source", association.SourceObject);
            writer.WriteString("target", association.TargetObject);
            writer.WriteStartObject("slots");
            WriteSlotIfSet(writer, "SubmissionSetStatus", association.SubmissionSetStatus);
            WriteSlotIfSet(writer, "PreviousVersion", association.PreviousVersion);
            WriteSlotIfSet(writer, "OriginalStatus", association.OriginalStatus);
            WriteSlotIfSet(writer, "NewStatus", association.NewStatus);
            foreach (Slot slot in association.ExtraSlots)
            {
                WriteStrings(writer, slot.Name, slot.Values);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        /// <summary>Writes a coded value as <c>{"code","scheme","display"}</c>.</summary>
        public static void WriteCodeValue(Utf8JsonWriter writer, CodedValue code)
        {
            writer.WriteStartObject();
            writer.WriteString("code", code.Code);
            writer.WriteString("scheme", code.CodeSystem);
            writer.WriteString("display", code.DisplayName);
            writer.WriteEndObject();
        }

        /// <summary>Writes a RegistryError as <c>{"code","severity","context","location"}</c> (severity <c>Error</c> or <c>Warning</c>).</summary>
        public static void WriteRegistryError(Utf8JsonWriter writer, RegistryError error)
        {
            writer.WriteStartObject();
            writer.WriteString("code", error.ErrorCode);
            writer.WriteString("severity", error.IsWarning ? "Warning" : "Error");
            writer.WriteString("context", error.CodeContext);
            writer.WriteString("location", error.Location);
            writer.WriteEndObject();
        }

        /// <summary>Writes a validation issue as <c>{"severity","rule","object","attribute","message","value"}</c> (value null when redacted).</summary>
        public static void WriteValidationIssue(Utf8JsonWriter writer, XdsValidationIssue issue)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", issue.Severity.ToString());
            writer.WriteString("rule", issue.Rule);
            writer.WriteString("object", issue.ObjectId);
            writer.WriteString("attribute", issue.Attribute);
            writer.WriteString("message", issue.Message);
            writer.WriteString("value", issue.Value);
            writer.WriteBoolean("valueRedacted", issue.IsValueRedacted);
            writer.WriteEndObject();
        }

        /// <summary>The stored query's name (e.g. <c>FindDocuments</c>) for its id, or null when unknown.</summary>
        public static string? QueryName(string queryId) => queryId switch
        {
            StoredQueryIds.FindDocuments => "FindDocuments",
            StoredQueryIds.FindSubmissionSets => "FindSubmissionSets",
            StoredQueryIds.FindFolders => "FindFolders",
            StoredQueryIds.GetAll => "GetAll",
            StoredQueryIds.GetDocuments => "GetDocuments",
            StoredQueryIds.GetFolders => "GetFolders",
            StoredQueryIds.GetAssociations => "GetAssociations",
            StoredQueryIds.GetDocumentsAndAssociations => "GetDocumentsAndAssociations",
            StoredQueryIds.GetSubmissionSets => "GetSubmissionSets",
            StoredQueryIds.GetSubmissionSetAndContents => "GetSubmissionSetAndContents",
            StoredQueryIds.GetFolderAndContents => "GetFolderAndContents",
            StoredQueryIds.GetFoldersForDocument => "GetFoldersForDocument",
            StoredQueryIds.GetRelatedDocuments => "GetRelatedDocuments",
            StoredQueryIds.FindDocumentsByReferenceId => "FindDocumentsByReferenceId",
            _ => null,
        };

        private static void WriteDocuments(Utf8JsonWriter writer, IXdsMessage message)
        {
            writer.WriteStartArray("documents");
            switch (message)
            {
                case ProvideAndRegisterDocumentSetRequest pnr:
                    foreach (DocumentAttachment document in pnr.Documents)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", document.DocumentId);
                        WriteAttachment(writer, document);
                        writer.WriteEndObject();
                    }

                    break;
                case RetrieveDocumentSetRequest request:
                    foreach (DocumentRequest document in request.Documents)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("repositoryUniqueId", document.RepositoryUniqueId);
                        writer.WriteString("documentUniqueId", document.DocumentUniqueId);
                        writer.WriteString("homeCommunityId", document.HomeCommunityId);
                        writer.WriteEndObject();
                    }

                    break;
                case RetrieveDocumentSetResponse response:
                    foreach (DocumentResponse document in response.Documents)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("repositoryUniqueId", document.RepositoryUniqueId);
                        writer.WriteString("documentUniqueId", document.DocumentUniqueId);
                        writer.WriteString("homeCommunityId", document.HomeCommunityId);
                        writer.WriteString("mimeType", document.MimeType);
                        WriteAttachment(writer, document.Document);
                        writer.WriteEndObject();
                    }

                    break;
            }

            writer.WriteEndArray();
        }

        private static void WriteAttachment(Utf8JsonWriter writer, DocumentAttachment document)
        {
            writer.WriteString("contentId", document.ContentId);
            writer.WriteBoolean("inline", document.IsInline);
            WriteNumberOrNull(writer, "inlineLength", document.InlineLength);
        }

        private static void WriteAuthors(Utf8JsonWriter writer, IReadOnlyList<Author> authors)
        {
            writer.WriteStartArray("authors");
            foreach (Author author in authors)
            {
                writer.WriteStartObject();
                writer.WriteString("person", author.Person);
                WriteStrings(writer, "institutions", author.Institutions);
                WriteStrings(writer, "roles", author.Roles);
                WriteStrings(writer, "specialties", author.Specialties);
                WriteStrings(writer, "telecommunications", author.Telecommunications);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        /// <summary>Writes a named coded value (<c>{"code","scheme","display"}</c>) or null.</summary>
        public static void WriteCode(Utf8JsonWriter writer, string name, CodedValue? code)
        {
            if (code is null)
            {
                writer.WriteNull(name);
                return;
            }

            writer.WritePropertyName(name);
            WriteCodeValue(writer, code);
        }

        /// <summary>Writes a named array of coded values.</summary>
        public static void WriteCodes(Utf8JsonWriter writer, string name, IReadOnlyList<CodedValue> codes)
        {
            writer.WriteStartArray(name);
            foreach (CodedValue code in codes)
            {
                WriteCodeValue(writer, code);
            }

            writer.WriteEndArray();
        }

        /// <summary>Writes a named array of strings.</summary>
        public static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
        {
            writer.WriteStartArray(name);
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        private static void WriteSlots(Utf8JsonWriter writer, string name, IReadOnlyList<Slot> slots)
        {
            writer.WriteStartObject(name);
            foreach (Slot slot in slots)
            {
                WriteStrings(writer, slot.Name, slot.Values);
            }

            writer.WriteEndObject();
        }

        private static void WriteSlotIfSet(Utf8JsonWriter writer, string name, string? value)
        {
            if (value is not null)
            {
                writer.WriteStartArray(name);
                writer.WriteStringValue(value);
                writer.WriteEndArray();
            }
        }

        private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, long? value)
        {
            if (value is { } v)
            {
                writer.WriteNumber(name, v);
            }
            else
            {
                writer.WriteNull(name);
            }
        }
    }
}

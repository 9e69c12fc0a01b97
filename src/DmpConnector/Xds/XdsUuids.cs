namespace DmpConnector.Xds
{
    /// <summary>
    /// The standard XDS.b UUIDs (classification schemes, identification schemes, object types) and ebRIM/IHE URNs the
    /// DMP uses (spec §4.1). A wrong formatCode UUID circulates in third-party code: these are checked against the
    /// official messages by tests.
    /// </summary>
    public static class XdsUuids
    {
        /// <summary>Classification node that makes a RegistryPackage a SubmissionSet.</summary>
        public const string SubmissionSetNode = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";

        /// <summary>Classification node that makes a RegistryPackage a Folder.</summary>
        public const string FolderNode = "urn:uuid:d9d542f3-6cc4-48b6-8870-ea235fbc94c2";

        /// <summary>SubmissionSet author classification scheme.</summary>
        public const string SubmissionSetAuthor = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";

        /// <summary>SubmissionSet contentTypeCode classification scheme.</summary>
        public const string SubmissionSetContentTypeCode = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";

        /// <summary>SubmissionSet patientId identification scheme.</summary>
        public const string SubmissionSetPatientId = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";

        /// <summary>SubmissionSet sourceId identification scheme.</summary>
        public const string SubmissionSetSourceId = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";

        /// <summary>SubmissionSet uniqueId identification scheme.</summary>
        public const string SubmissionSetUniqueId = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

        /// <summary>DocumentEntry objectType of a stable document.</summary>
        public const string StableDocumentEntry = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";

        /// <summary>DocumentEntry objectType of an on-demand document.</summary>
        public const string OnDemandDocumentEntry = "urn:uuid:34268e47-fdf5-41a6-ba33-82133c465248";

        /// <summary>DocumentEntry author classification scheme.</summary>
        public const string DocumentEntryAuthor = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";

        /// <summary>DocumentEntry classCode classification scheme.</summary>
        public const string DocumentEntryClassCode = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";

        /// <summary>DocumentEntry confidentialityCode classification scheme.</summary>
        public const string DocumentEntryConfidentialityCode = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";

        /// <summary>DocumentEntry eventCodeList classification scheme.</summary>
        public const string DocumentEntryEventCode = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";

        /// <summary>DocumentEntry formatCode classification scheme.</summary>
        public const string DocumentEntryFormatCode = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";

        /// <summary>DocumentEntry healthcareFacilityTypeCode classification scheme.</summary>
        public const string DocumentEntryHealthcareFacilityTypeCode = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";

        /// <summary>DocumentEntry practiceSettingCode classification scheme.</summary>
        public const string DocumentEntryPracticeSettingCode = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";

        /// <summary>DocumentEntry typeCode classification scheme.</summary>
        public const string DocumentEntryTypeCode = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";

        /// <summary>DocumentEntry patientId identification scheme.</summary>
        public const string DocumentEntryPatientId = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";

        /// <summary>DocumentEntry uniqueId identification scheme.</summary>
        public const string DocumentEntryUniqueId = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";

        /// <summary>Folder codeList classification scheme.</summary>
        public const string FolderCodeList = "urn:uuid:1ba97051-7806-41a8-a48b-8fce7af683c5";

        /// <summary>Folder patientId identification scheme.</summary>
        public const string FolderPatientId = "urn:uuid:f64ffdf0-4b97-4e06-b79f-a52b38ec2f8a";

        /// <summary>Folder uniqueId identification scheme.</summary>
        public const string FolderUniqueId = "urn:uuid:75df8f67-9973-4fbe-a900-df66cefecc5a";

        /// <summary>The ebRIM objectType of an Association.</summary>
        public const string AssociationObjectType = "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association";
    }

    /// <summary>Association types (ebRIM HasMember and the IHE document relationships).</summary>
    public static class XdsAssociationTypes
    {
        /// <summary>Membership of a document, folder or association in a submission set or folder.</summary>
        public const string HasMember = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";

        /// <summary>Replacement: the source document replaces the target.</summary>
        public const string Replace = "urn:ihe:iti:2007:AssociationType:RPLC";

        /// <summary>Transformation: the source is a transformation of the target.</summary>
        public const string Transform = "urn:ihe:iti:2007:AssociationType:XFRM";

        /// <summary>Addendum: the source is an addendum to the target.</summary>
        public const string Append = "urn:ihe:iti:2007:AssociationType:APND";

        /// <summary>Transformation that replaces the target.</summary>
        public const string TransformAndReplace = "urn:ihe:iti:2007:AssociationType:XFRM_RPLC";

        /// <summary>Digital signature: the source (a signature document) signs the target (in the DMP, the submission set).</summary>
        public const string Signs = "urn:ihe:iti:2007:AssociationType:signs";

        /// <summary>ITI-57 availability status change (DMP archive and delete).</summary>
        public const string UpdateAvailabilityStatus = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";

        /// <summary>ITI-57 association documentation.</summary>
        public const string SubmitAssociation = "urn:ihe:iti:2010:AssociationType:SubmitAssociation";
    }

    /// <summary>Availability statuses, including the CI-SIS Archived and Deleted statuses the DMP uses.</summary>
    public static class XdsAvailabilityStatus
    {
        /// <summary>Approved: the current, visible version.</summary>
        public const string Approved = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";

        /// <summary>Deprecated: replaced by another document.</summary>
        public const string Deprecated = "urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated";

        /// <summary>Submitted (ebRIM; not used by the DMP).</summary>
        public const string Submitted = "urn:oasis:names:tc:ebxml-regrep:StatusType:Submitted";

        /// <summary>CI-SIS Archived (DMP TD3.3d).</summary>
        public const string Archived = "urn:asip:ci-sis:2010:StatusType:Archived";

        /// <summary>CI-SIS Deleted (DMP TD3.3c).</summary>
        public const string Deleted = "urn:asip:ci-sis:2010:StatusType:Deleted";
    }

    /// <summary>Response statuses and error severities of RegistryResponse and AdhocQueryResponse.</summary>
    public static class XdsResponseStatus
    {
        /// <summary>Success.</summary>
        public const string Success = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";

        /// <summary>Failure.</summary>
        public const string Failure = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";

        /// <summary>Partial success (IHE).</summary>
        public const string PartialSuccess = "urn:ihe:iti:2007:ResponseStatusType:PartialSuccess";

        /// <summary>Error severity.</summary>
        public const string SeverityError = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";

        /// <summary>Warning severity.</summary>
        public const string SeverityWarning = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning";
    }
}

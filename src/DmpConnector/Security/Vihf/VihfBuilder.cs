using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using DmpConnector.Identity;
using DmpConnector.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DmpConnector.Security
{
    /// <summary>
    /// Builds the VIHF 3.0 assertion (SAML 2.0) the DMP requires in <c>wsse:Security</c>: elements, attribute names,
    /// order and value shapes as in the official examples, for the three authentication modes and the three access
    /// modes. The DMP's rules are checked first (<see cref="VihfRuleException"/>), then the assertion is signed through a
    /// <see cref="SigningCredential"/> with the signature after <c>Issuer</c>.
    /// </summary>
    /// <remarks>Thread-safe. Each call produces a new assertion; <c>VihfAssertionCache</c> reuses them.</remarks>
    public class VihfBuilder
    {
        /// <summary>The SAML 2.0 assertion namespace.</summary>
        public const string SamlNamespace = "urn:oasis:names:tc:SAML:2.0:assertion";

        /// <summary>The HL7 v3 namespace of the coded values (<c>Role</c>, <c>PurposeOfUse</c>).</summary>
        public const string Hl7Namespace = "urn:hl7-org:v3";

        private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
        private const string XsNamespace = "http://www.w3.org/2001/XMLSchema";
        private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
        private const string X509SubjectNameFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";

        private static readonly char[] LineBreaks = { '\r', '\n' };
        private readonly ISecurityClock _clock;
        private readonly ILogger _logger;

        /// <summary>Creates a builder.</summary>
        /// <param name="options">Choices; <see cref="VihfOptions.Default"/> when null.</param>
        /// <param name="clock">The clock of IssueInstant; the system clock when null.</param>
        /// <param name="logger">A logger (debug events, never patient data).</param>
        public VihfBuilder(VihfOptions? options = null, ISecurityClock? clock = null, ILogger? logger = null)
        {
            Options = options ?? VihfOptions.Default;
            _clock = clock ?? SystemSecurityClock.Instance;
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>The options.</summary>
        public VihfOptions Options { get; }

        /// <summary>
        /// Checks the DMP's rules for this context without building anything.
        /// </summary>
        /// <param name="user">The user context.</param>
        /// <param name="patient">The patient's INS, or null for a request that concerns no patient.</param>
        /// <param name="accessMode">The access mode.</param>
        /// <exception cref="VihfRuleException">A rule fails; <see cref="DmpInputException.Rule"/> names it.</exception>
        public virtual void Validate(VihfUserContext user, Ins? patient, VihfAccessMode accessMode)
        {
            if (user is null)
            {
                throw new ArgumentNullException(nameof(user));
            }

            HealthProfessional professional = user.Professional;
            if (professional.RequiresSpecialty && professional.Specialty is null)
            {
                throw new VihfRuleException("professional.specialty", VihfRules.Specialty, "doctors and pharmacists need their specialty (savoir-faire) as the second subject:role; the DMP refuses the VIHF without it", professional.Profession.Code, valueIsSensitive: false);
            }

            if (professional.Specialty is { } specialty
                && professional.Profession.CodeSystem == HealthProfessional.ProfessionCodeSystem
                && professional.Profession.Code == HealthProfessional.PhysicianProfessionCode
                && specialty.CodeSystem != HealthProfessional.SpecialtyCodeSystem)
            {
                throw new VihfRuleException("professional.specialty.codeSystem", VihfRules.SpecialtySystem, "a doctor's specialty comes from TRE_R01 EnsembleSavoirFaire-CISIS (1.2.250.1.71.4.2.5)", specialty.CodeSystem, valueIsSensitive: false);
            }

            if (user.Organization.SectorOfActivity is not { } sector)
            {
                throw new VihfRuleException("organization.sectorOfActivity", VihfRules.Sector, "Secteur_Activite is mandatory: give the structure's sector of activity (TRE_R02, e.g. SA07)", null, valueIsSensitive: false);
            }

            if (sector.CodeSystem != HealthcareOrganization.SectorOfActivityCodeSystem)
            {
                throw new VihfRuleException("organization.sectorOfActivity.codeSystem", VihfRules.Sector, "the sector of activity comes from TRE_R02 SecteurActivite (1.2.250.1.71.4.2.4)", sector.CodeSystem, valueIsSensitive: false);
            }

            if (patient is null && accessMode != VihfAccessMode.Normal)
            {
                throw new VihfRuleException("patient", VihfRules.Patient, $"the access mode {VihfCodes.Of(accessMode)} concerns a patient: give the patient's INS", null, valueIsSensitive: false);
            }

            if (string.IsNullOrWhiteSpace(user.SubjectId))
            {
                throw new VihfRuleException("subjectId", VihfRules.SubjectId, "the user's display identity is empty", user.SubjectId, valueIsSensitive: false);
            }
        }

        /// <summary>Builds and signs an assertion.</summary>
        /// <param name="user">The user context.</param>
        /// <param name="patient">The patient's INS (use <c>PatientIdentity.GetInsForExchange()</c>), or null.</param>
        /// <param name="accessMode">The access mode.</param>
        /// <param name="credential">
        /// The signing key: the CPS signature key in DIRECTE, the establishment's signature (cachet) certificate in the
        /// indirect modes. Its certificate's subject becomes the Issuer.
        /// </param>
        /// <returns>The signed assertion.</returns>
        public virtual VihfAssertion BuildSigned(VihfUserContext user, Ins? patient, VihfAccessMode accessMode, SigningCredential credential)
        {
            if (credential is null)
            {
                throw new ArgumentNullException(nameof(credential));
            }

            Validate(user, patient, accessMode);
            credential.EnsurePurpose(KeyPurposes.Signature);
            (XmlDocument document, string id, DateTimeOffset instant) = CreateDocument(user, patient, accessMode, IssuerNameOf(credential.Certificate));
            XmlElement root = document.DocumentElement!;
            new EnvelopedXmlSigner(Options.Signature).Sign(root, "ID", credential, FirstChild(root, "Issuer"));
            string thumbprint = credential.Certificate.Thumbprint;
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                string authentication = VihfCodes.Of(user.AuthenticationMode);
                string access = VihfCodes.Of(accessMode);
                SecurityLog.VihfSigned(_logger, id, authentication, access, thumbprint);
            }

            return new VihfAssertion(document.OuterXml, id, instant, isSigned: true, thumbprint);
        }

        /// <summary>
        /// Builds an unsigned assertion (the official package has an unsigned DIRECTE example: with a CPS card, mutual TLS
        /// carries the authentication).
        /// </summary>
        /// <param name="user">The user context.</param>
        /// <param name="patient">The patient's INS, or null.</param>
        /// <param name="accessMode">The access mode.</param>
        /// <param name="issuer">The Issuer: the subject DN of the card's certificate (see <see cref="IssuerNameOf"/>).</param>
        /// <returns>The unsigned assertion.</returns>
        public virtual VihfAssertion BuildUnsigned(VihfUserContext user, Ins? patient, VihfAccessMode accessMode, string issuer)
        {
            if (string.IsNullOrWhiteSpace(issuer))
            {
                throw new VihfRuleException(nameof(issuer), VihfRules.Issuer, "the Issuer (subject DN of the user's certificate) is required", issuer, valueIsSensitive: false);
            }

            Validate(user, patient, accessMode);
            (XmlDocument document, string id, DateTimeOffset instant) = CreateDocument(user, patient, accessMode, issuer);
            return new VihfAssertion(document.OuterXml, id, instant, isSigned: false, signerThumbprint: null);
        }

        /// <summary>
        /// The Issuer text for a certificate: its subject DN, most specific first, comma-separated without spaces
        /// (RFC 2253 style), with <c>S=</c> written <c>ST=</c> and <c>G=</c> written <c>GN=</c> as the ANS kit does.
        /// </summary>
        /// <param name="certificate">The signing certificate.</param>
        /// <returns>The DN text.</returns>
        public static string IssuerNameOf(X509Certificate2 certificate)
        {
            if (certificate is null)
            {
                throw new ArgumentNullException(nameof(certificate));
            }

            return Rfc2253(certificate.SubjectName);
        }

        internal static string Rfc2253(X500DistinguishedName name)
        {
            string lines = name.Decode(X500DistinguishedNameFlags.Reversed | X500DistinguishedNameFlags.UseNewLines | X500DistinguishedNameFlags.DoNotUsePlusSign);
            var parts = new List<string>();
            foreach (string raw in lines.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries))
            {
                string part = raw.Trim();
                if (part.StartsWith("S=", StringComparison.Ordinal))
                {
                    part = "ST=" + part.Substring(2);
                }
                else if (part.StartsWith("G=", StringComparison.Ordinal))
                {
                    part = "GN=" + part.Substring(2);
                }

                parts.Add(part);
            }

            return string.Join(",", parts);
        }

        private (XmlDocument Document, string Id, DateTimeOffset Instant) CreateDocument(VihfUserContext user, Ins? patient, VihfAccessMode accessMode, string issuer)
        {
            DateTimeOffset now = _clock.UtcNow.ToUniversalTime();
            string instant = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            string id = "_" + Guid.NewGuid().ToString("D");
            XmlDocument document = SafeXml.NewDocument();
            XmlElement root = document.CreateElement("saml2", "Assertion", SamlNamespace);
            document.AppendChild(root);
            Declare(root, "saml2", SamlNamespace);
            Declare(root, "xsi", XsiNamespace);
            root.SetAttribute("ID", id);
            root.SetAttribute("IssueInstant", instant);
            root.SetAttribute("Version", "2.0");

            XmlElement issuerElement = Saml(root, "Issuer");
            issuerElement.SetAttribute("Format", X509SubjectNameFormat);
            issuerElement.InnerText = issuer;

            XmlElement subject = Saml(root, "Subject");
            Saml(subject, "NameID").InnerText = user.Professional.Id.Value;

            XmlElement authn = Saml(root, "AuthnStatement");
            authn.SetAttribute("AuthnInstant", instant);
            XmlElement context = Saml(authn, "AuthnContext");
            Saml(context, "AuthnContextClassRef").InnerText = Options.AuthnContextClassRef;
            if (user.AuthenticationMode == VihfAuthenticationMode.IndirectReinforced && Options.ReinforcedAuthnContextDecl is { } decl)
            {
                Saml(context, "AuthnContextDecl").InnerText = decl;
            }

            XmlElement statement = Saml(root, "AttributeStatement");
            StringAttribute(statement, "Identifiant_Structure", user.Organization.Id.Value);
            CodedValue sector = user.Organization.SectorOfActivity!;
            StringAttribute(statement, "Secteur_Activite", sector.Code + "^" + sector.CodeSystem);
            if (Options.IncludeSubjectId ?? user.AuthenticationMode != VihfAuthenticationMode.Direct)
            {
                StringAttribute(statement, "urn:oasis:names:tc:xspa:1.0:subject:subject-id", user.SubjectId);
            }

            bool roleSystemNames = Options.IncludeRoleCodeSystemNames ?? user.AuthenticationMode == VihfAuthenticationMode.IndirectReinforced;
            XmlElement roles = Attribute(statement, "urn:oasis:names:tc:xacml:2.0:subject:role");
            Coded(Saml(roles, "AttributeValue"), "Role", user.Professional.Profession, roleSystemNames ? Options.ProfessionCodeSystemName : null);
            if (user.Professional.Specialty is { } specialty)
            {
                Coded(Saml(roles, "AttributeValue"), "Role", specialty, roleSystemNames ? Options.SpecialtyCodeSystemName : null);
            }

            StringAttribute(statement, "VIHF_Version", "3.0");
            StringAttribute(statement, Options.AuthenticationModeAttributeName, VihfCodes.Of(user.AuthenticationMode));
            if (patient is not null)
            {
                StringAttribute(statement, "urn:oasis:names:tc:xacml:2.0:resource:resource-id", patient.FormatCx());
            }

            StringAttribute(statement, "Ressource_URN", "urn:dmp");
            XmlElement purpose = Attribute(statement, "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse");
            Coded(
                Saml(purpose, "AttributeValue"),
                "PurposeOfUse",
                new CodedValue(VihfCodes.Of(accessMode), VihfCodes.AccessModeCodeSystem, VihfCodes.DisplayNameOf(accessMode)),
                Options.AccessModeCodeSystemName);
            if (user.Software.InstallationId is { } lpsId)
            {
                StringAttribute(statement, "LPS_ID", lpsId);
            }

            StringAttribute(statement, "LPS_Nom", user.Software.Name);
            StringAttribute(statement, "LPS_Version", user.Software.Version);
            StringAttribute(statement, "LPS_ID_HOMOLOGATION_DMP", user.Software.HomologationNumber);
            return (document, id, new DateTimeOffset(DateTime.SpecifyKind(DateTime.ParseExact(instant, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), DateTimeKind.Utc)));
        }

        private static void Declare(XmlElement element, string prefix, string ns)
        {
            XmlAttribute attribute = element.OwnerDocument.CreateAttribute("xmlns", prefix, XmlnsNamespace);
            attribute.Value = ns;
            element.Attributes.Append(attribute);
        }

        private static XmlElement Saml(XmlElement parent, string localName)
        {
            XmlElement element = parent.OwnerDocument.CreateElement("saml2", localName, SamlNamespace);
            parent.AppendChild(element);
            return element;
        }

        private static XmlElement Attribute(XmlElement statement, string name)
        {
            XmlElement attribute = Saml(statement, "Attribute");
            attribute.SetAttribute("Name", name);
            return attribute;
        }

        private static void StringAttribute(XmlElement statement, string name, string value)
        {
            XmlElement valueElement = Saml(Attribute(statement, name), "AttributeValue");
            Declare(valueElement, "xs", XsNamespace);
            XmlAttribute type = valueElement.OwnerDocument.CreateAttribute("xsi", "type", XsiNamespace);
            type.Value = "xs:string";
            valueElement.Attributes.Append(type);
            valueElement.InnerText = value;
        }

        private static void Coded(XmlElement parent, string localName, CodedValue value, string? codeSystemName)
        {
            XmlDocument document = parent.OwnerDocument;
            XmlElement element = document.CreateElement(localName, Hl7Namespace);
            XmlAttribute xmlns = document.CreateAttribute("xmlns", XmlnsNamespace);
            xmlns.Value = Hl7Namespace;
            element.Attributes.Append(xmlns);
            element.SetAttribute("code", value.Code);
            element.SetAttribute("codeSystem", value.CodeSystem);
            if (codeSystemName is not null)
            {
                element.SetAttribute("codeSystemName", codeSystemName);
            }

            if (value.DisplayName is not null)
            {
                element.SetAttribute("displayName", value.DisplayName);
            }

            XmlAttribute type = document.CreateAttribute("xsi", "type", XsiNamespace);
            type.Value = "CE";
            element.Attributes.Append(type);
            parent.AppendChild(element);
        }

        private static XmlElement FirstChild(XmlElement parent, string localName)
        {
            foreach (XmlNode child in parent.ChildNodes)
            {
                if (child is XmlElement e && e.LocalName == localName && e.NamespaceURI == SamlNamespace)
                {
                    return e;
                }
            }

            throw new InvalidOperationException("saml2:" + localName + " missing");
        }
    }
}

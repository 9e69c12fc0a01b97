// Sample: the VIHF assertion that authenticates every DMP call, signed and verified.
//
// A DMP call carries a SAML assertion (the VIHF) describing who calls (the professional, the structure, the software),
// for which patient and in which access mode, signed with the professional's SIGNATURE key (a CPS card's signature key
// or an establishment certificate). The DMP refuses an assertion signed with an authentication key, so DmpConnector
// refuses it before sending. This program uses a throw-away self-signed certificate made in memory: in production the
// credential is a PFX (CertificateSigningCredential.FromPfxFile) or the card (Pkcs11SigningCredential).
using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DmpConnector.Identity;
using DmpConnector.Security;

// 1. Who calls: a test doctor (IdNat 8 + RPPS), the cabinet, and the software (name, version, DMP homologation number).
var doctor = new HealthProfessional(
    ProfessionalId.Parse("899900063480"), "LIBRE", "MAX",
    new CodedValue("10", HealthProfessional.ProfessionCodeSystem, "Médecin"),
    new CodedValue("SM26", HealthProfessional.SpecialtyCodeSystem, "Qualifié en Médecine Générale (SM)"),
    "DR");
var cabinet = new HealthcareOrganization(
    StructureId.Parse("499900063480001"), "CABINET DR LIBRE",
    new CodedValue("SA07", HealthcareOrganization.SectorOfActivityCodeSystem, "Cabinet individuel"));
var software = new SoftwareIdentity("VihfSigning sample", "1.0", "TEST-NON-HOMOLOGUE");
var user = new VihfUserContext(doctor, cabinet, software, VihfAuthenticationMode.Direct);

// 2. For which patient: the DMP test patient's INS.
Ins patient = Ins.Parse("207058575627097", InsKind.NirTest);

// 3. A demonstration signature key (self-signed, in memory, with the non-repudiation usage of a signature key).
using RSA key = RSA.Create(2048);
var request = new CertificateRequest("CN=MAX LIBRE, SERIALNUMBER=899900063480, O=CABINET DR LIBRE, C=FR", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.DigitalSignature, critical: true));
using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
using var signatureKey = new CertificateSigningCredential(certificate, KeyPurposes.Signature);

// 4. Build and sign (RSA-SHA256, exclusive c14n, the signature right after Issuer), then verify as a server would.
var builder = new VihfBuilder();
VihfAssertion assertion = builder.BuildSigned(user, patient, VihfAccessMode.Normal, signatureKey);
Console.WriteLine($"VIHF {assertion.Id} issued at {assertion.IssueInstant:u}, signed: {assertion.IsSigned}, {assertion.Xml.Length} characters.");

XmlSignatureVerification verification = new XmlSignatureVerifier().Verify(assertion.ToXmlDocument());
Console.WriteLine($"Verified: {verification.SignatureMethod}, signer {verification.SignerCertificate.Subject}.");
if (verification.SignerCertificate.Thumbprint != certificate.Thumbprint)
{
    Console.WriteLine("ERROR: the verifier returned another certificate.");
    return 1;
}

// 5. The same certificate declared as an AUTHENTICATION key (the card's other key pair) is refused before signing.
using var authenticationKey = new CertificateSigningCredential(certificate, KeyPurposes.Authentication);
try
{
    builder.BuildSigned(user, patient, VihfAccessMode.Normal, authenticationKey);
    Console.WriteLine("ERROR: an authentication key signed a VIHF.");
    return 1;
}
catch (KeyPurposeException ex)
{
    Console.WriteLine($"Refused as expected ({KeyPurposeException.Rule}): {ex.Message}");
}

// 6. Bris de glace needs a patient: the rule is checked before anything is signed.
try
{
    builder.BuildSigned(user, null, VihfAccessMode.BrisDeGlace, signatureKey);
    Console.WriteLine("ERROR: bris de glace without a patient was accepted.");
    return 1;
}
catch (VihfRuleException ex)
{
    Console.WriteLine($"Refused as expected ({ex.Rule}): {ex.Explanation}");
}

return 0;

// Sample: from what the INSi teleservice returned to the INS an exchange may carry.
//
// INSi returns the INS as a 13-character number and a 2-digit key, with the identity traits. The practice software
// records the identity, checks it against an identity document (then the identity is "qualified"), and only then may
// the INS go into a DMP exchange. This program walks through those steps with the DMP test patient.
using System;
using DmpConnector;
using DmpConnector.Identity;

// 1. What INSi returned (test platform values; the test OID is mapped to the DMP test OID .10).
Ins ins = Ins.FromNumberAndKey("2070585756270", "97", InsKind.NirTest);
var traits = new IdentityTraits(
    birthName: "PATB-QUATRE",
    firstNames: new[] { "LAURENCE" },
    sex: Sex.Female,
    birthDate: PartialDate.Parse("2007-05-12"),
    birthPlace: CogCode.Parse("85191"));
Console.WriteLine($"INS read: kind {ins.Kind}, OID {ins.Oid}, key {ins.Key} (valid).");

// 2. Retrieved but not yet checked against an identity document: status RECUP. The INS must not be sent.
var recovered = new PatientIdentity(traits, IdentityStatus.Recovered, ins);
try
{
    recovered.GetInsForExchange();
    Console.WriteLine("ERROR: an unqualified identity was allowed through.");
    return 1;
}
catch (IdentityNotQualifiedException ex)
{
    Console.WriteLine($"Refused as expected ({ex.Rule}): {ex.Explanation}.");
}

// 3. Checked against an identity document: status QUAL. The INS can be exchanged, in the DMP's CX form.
var qualified = new PatientIdentity(traits, IdentityStatus.Qualified, ins);
Console.WriteLine("XDS patientId / VIHF resource-id: " + qualified.GetInsForExchange().FormatCx());

// 4. A mistyped INS is caught by its key, and the message does not repeat the patient's number.
try
{
    Ins.Parse("207058575627098");
}
catch (InsFormatException ex)
{
    Console.WriteLine($"Mistyped INS refused ({ex.Rule}): {ex.Message}");
}

// 5. The professional and the structure, as XDS authorPerson and authorInstitution.
Console.WriteLine("authorPerson:      " + ProfessionalId.FromRpps("99900063480").ToXcn("MAX", "LIBRE").Format());
Console.WriteLine("authorInstitution: " + StructureId.Parse("499900063480001").ToXon("CABINET DR LIBRE").Format());
return 0;

using DmpConnector.Identity;

namespace DmpConnector.Tests.Support
{
    /// <summary>
    /// The one place test fixtures come from (one partial file per layer: SampleData.Xds.cs, SampleData.Soap.cs…). Values are public examples (spec §5.2, the official DMP test messages) or
    /// made up for tests; none is a real person.
    /// </summary>
    internal static partial class SampleData
    {
        /// <summary>The six public NIR/NIA examples of the protocol notes (§5.2), as 15 characters.</summary>
        public static readonly string[] PublicInsExamples =
        {
            "207058575627097",
            "277076322082910",
            "279035121518989",
            "109076322088835", // NIA 1090763220888, key 35
            "253072B07300470", // Corsica 2B
            "253072A07300443", // Corsica 2A
        };

        /// <summary>The test patient of every official DMP example message.</summary>
        public const string DmpTestPatientIns = "207058575627097";

        /// <summary>The same patient as an HL7 CX, as the VIHF resource-id carries it.</summary>
        public const string DmpTestPatientCx = "207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH";

        /// <summary>XDS authorPerson of the official TD2.1 example (a test professional).</summary>
        public const string AuthorPersonXcn = "899900063480^MAX^LIBRE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";

        /// <summary>XDS authorInstitution of the official TD2.1 example (a test cabinet).</summary>
        public const string AuthorInstitutionXon = "CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001";

        /// <summary>XDS authorSpecialty of the official examples.</summary>
        public const string AuthorSpecialtyCe = "G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5";

        /// <summary>A qualified test identity for the DMP test patient (traits made up for tests).</summary>
        public static PatientIdentity QualifiedTestPatient(IdentityStatus status = IdentityStatus.Qualified) => new(
            new IdentityTraits("PATB-QUATRE", new[] { "LAURENCE", "MARIE" }, Sex.Female, new PartialDate(2007, 5, 12), CogCode.Parse("85191")),
            status,
            Ins.Parse(DmpTestPatientIns, InsKind.NirTest),
            new[] { Cx.ForLocalPatientId("0456789999", "1.2.250.1.999.1.1.7898.2") });
    }
}

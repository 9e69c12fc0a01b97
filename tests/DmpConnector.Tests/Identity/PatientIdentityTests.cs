using System.Linq;
using DmpConnector.Diagnostics;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DmpConnector.Tests.Identity
{
    public class PatientIdentityTests
    {
        [Test]
        public void A_qualified_identity_gives_its_INS_for_an_exchange()
        {
            PatientIdentity patient = SampleData.QualifiedTestPatient();

            Assert.That(patient.GetInsForExchange().Value, Is.EqualTo(SampleData.DmpTestPatientIns));
        }

        [TestCase(IdentityStatus.Recovered)]
        public void An_identity_that_is_not_qualified_may_not_carry_its_INS(IdentityStatus status)
        {
            PatientIdentity patient = SampleData.QualifiedTestPatient(status);

            var ex = Assert.Throws<IdentityNotQualifiedException>(() => patient.GetInsForExchange());
            Assert.That(ex!.Rule, Is.EqualTo(IdentityNotQualifiedException.NotQualifiedRule));
            Assert.That(ex.Status, Is.EqualTo(status));
            Assert.That(ex.Message, Does.Contain("RECUP"));
        }

        [TestCase(IdentityStatus.Provisional)]
        [TestCase(IdentityStatus.Validated)]
        public void An_identity_without_INS_cannot_be_exchanged(IdentityStatus status)
        {
            var patient = new PatientIdentity(SampleData.QualifiedTestPatient().Traits, status);

            var ex = Assert.Throws<IdentityNotQualifiedException>(() => patient.GetInsForExchange());
            Assert.That(ex!.Rule, Is.EqualTo(IdentityNotQualifiedException.NoInsRule));
        }

        [Test]
        public void The_test_platform_policy_lets_an_unqualified_identity_through_and_warns_every_time()
        {
            var logger = new CapturingLogger();
            InsExchangePolicy policy = InsExchangePolicy.AllowUnqualifiedIdentitiesForTesting(logger);
            PatientIdentity patient = SampleData.QualifiedTestPatient(IdentityStatus.Recovered);

            patient.GetInsForExchange(policy);
            patient.GetInsForExchange(policy);

            Assert.That(logger.WithEvent(DmpLogEvents.UnqualifiedIdentityPolicyCreated).Count(), Is.EqualTo(1));
            var uses = logger.WithEvent(DmpLogEvents.UnqualifiedIdentityAllowed).ToList();
            Assert.That(uses, Has.Count.EqualTo(2));
            Assert.That(uses.All(e => e.Level == LogLevel.Warning), Is.True);
            Assert.That(uses[0].Message, Does.Contain("RECUP"));
            Assert.That(logger.Entries.Any(e => e.Message.Contains("2070585756", System.StringComparison.Ordinal)), Is.False, "no INS in logs");
        }

        [Test]
        public void The_relaxed_policy_still_needs_an_INS()
        {
            var policy = InsExchangePolicy.AllowUnqualifiedIdentitiesForTesting(new CapturingLogger());
            var patient = new PatientIdentity(SampleData.QualifiedTestPatient().Traits, IdentityStatus.Validated);

            Assert.Throws<IdentityNotQualifiedException>(() => patient.GetInsForExchange(policy));
        }

        [Test]
        public void A_qualified_or_recovered_identity_must_have_its_INS()
        {
            var ex = Assert.Throws<DmpInputException>(() => _ = new PatientIdentity(SampleData.QualifiedTestPatient().Traits, IdentityStatus.Qualified));

            Assert.That(ex!.Rule, Is.EqualTo("IDENTITY-INS-MISSING"));
        }

        [TestCase("PROV", IdentityStatus.Provisional)]
        [TestCase("vali", IdentityStatus.Validated)]
        [TestCase("RECUP", IdentityStatus.Recovered)]
        [TestCase("QUAL", IdentityStatus.Qualified)]
        public void Status_codes_are_the_RNIV_ones(string code, IdentityStatus status)
        {
            Assert.That(PatientIdentity.ParseStatusCode(code), Is.EqualTo(status));
            Assert.That(PatientIdentity.StatusCode(status), Is.EqualTo(code.ToUpperInvariant()));
        }

        [Test]
        public void An_unknown_status_code_is_refused()
        {
            Assert.That(Assert.Throws<DmpInputException>(() => PatientIdentity.ParseStatusCode("OK"))!.Rule, Is.EqualTo("IDENTITY-STATUS"));
        }

        [Test]
        public void The_first_first_name_defaults_to_the_first_of_the_list()
        {
            var traits = new IdentityTraits("DUPONT", new[] { "JEAN PIERRE", "MARIE" }, Sex.Male, new PartialDate(1980));

            Assert.That(traits.FirstFirstName, Is.EqualTo("JEAN"));
            Assert.That(traits.FirstNamesText, Is.EqualTo("JEAN PIERRE MARIE"));
            Assert.That(traits.ToString(), Does.Not.Contain("DUPONT"));
        }

        [TestCase("", "TRAITS-NAME")]
        [TestCase("   ", "TRAITS-NAME")]
        [TestCase("DU\nPONT", "TRAITS-NAME")]
        public void Bad_names_are_refused(string name, string rule)
        {
            var ex = Assert.Throws<DmpInputException>(() => _ = new IdentityTraits(name, new[] { "JEAN" }, Sex.Male, new PartialDate(1980)));

            Assert.That(ex!.Rule, Is.EqualTo(rule));
            Assert.That(ex.Field, Is.EqualTo("birthName"));
        }

        [Test]
        public void At_least_one_first_name_is_required()
        {
            var ex = Assert.Throws<DmpInputException>(() => _ = new IdentityTraits("DUPONT", System.Array.Empty<string>(), Sex.Male, new PartialDate(1980)));

            Assert.That(ex!.Rule, Is.EqualTo("TRAITS-FIRST-NAMES"));
        }

        [TestCase("1985", 1985, null, null)]
        [TestCase("198507", 1985, 7, null)]
        [TestCase("19850731", 1985, 7, 31)]
        [TestCase("1985-07-31", 1985, 7, 31)]
        [TestCase("1985-00-00", 1985, null, null)]
        [TestCase("1985-07-00", 1985, 7, null)]
        [TestCase("19850700", 1985, 7, null)]
        public void Partial_birth_dates_are_read_in_HL7_and_INSi_forms(string value, int year, int? month, int? day)
        {
            PartialDate date = PartialDate.Parse(value);

            Assert.That(date, Is.EqualTo(new PartialDate(year, month, day)));
            Assert.That(PartialDate.Parse(date.ToHl7()), Is.EqualTo(date));
        }

        [TestCase("19850230")]
        [TestCase("1985-13-01")]
        [TestCase("0000")]
        [TestCase("1985-00-12")]
        [TestCase("85")]
        [TestCase("198507311")]
        [TestCase("1985/07/31")]
        [TestCase("")]
        public void Impossible_dates_are_refused(string value)
        {
            Assert.That(PartialDate.TryParse(value, out _), Is.False);
            Assert.That(Assert.Throws<DmpInputException>(() => PartialDate.Parse(value))!.Rule, Is.EqualTo("DATE-FORMAT"));
        }

        [TestCase("63220", false)]
        [TestCase("2A004", false)]
        [TestCase("2b033", false)]
        [TestCase("97411", false)]
        [TestCase("99350", true)]
        [TestCase("99999", true)]
        public void Birth_places_are_COG_codes(string value, bool abroad)
        {
            CogCode code = CogCode.Parse(value);

            Assert.That(code.Value, Is.EqualTo(value.ToUpperInvariant()));
            Assert.That(code.IsAbroad, Is.EqualTo(abroad));
        }

        [TestCase("6322")]
        [TestCase("632200")]
        [TestCase("00123")]
        [TestCase("2C004")]
        [TestCase("6322A")]
        public void Bad_COG_codes_are_refused(string value)
        {
            Assert.That(Assert.Throws<DmpInputException>(() => CogCode.Parse(value))!.Rule, Is.EqualTo("COG-FORMAT"));
        }
    }
}

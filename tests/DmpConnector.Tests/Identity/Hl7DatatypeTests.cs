using System;
using System.Linq;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace DmpConnector.Tests.Identity
{
    public class Hl7DatatypeTests
    {
        [TestCase(SampleData.AuthorPersonXcn)]
        [TestCase("30B0041968/XXX123^CHU-GENE^ALAIN^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS")]
        [TestCase("899900062490^MACHEPRO^ULYSSE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^EI")]
        [TestCase("SMITH&VAN&DER^JOHN")]
        [TestCase("^DUPONT^JEAN^^^^^^^^^^")]
        public void Official_and_edge_XCN_values_round_trip_exactly(string value)
        {
            Xcn xcn = Xcn.Parse(value);

            Assert.That(xcn.Format(), Is.EqualTo(value));
            Assert.That(Xcn.Parse(xcn.Format()), Is.EqualTo(xcn));
        }

        [Test]
        public void The_official_authorPerson_reads_as_a_professional_with_an_IdNat()
        {
            Xcn xcn = Xcn.Parse(SampleData.AuthorPersonXcn);

            Assert.Multiple(() =>
            {
                Assert.That(xcn.Id, Is.EqualTo("899900063480"));
                Assert.That(xcn.FamilyName, Is.EqualTo("MAX"));
                Assert.That(xcn.GivenName, Is.EqualTo("LIBRE"));
                Assert.That(xcn.AssigningAuthority, Is.EqualTo(Hd.ForOid(ProfessionalId.Oid)));
                Assert.That(xcn.NameTypeCode, Is.EqualTo(Xcn.PersonNameType));
                Assert.That(xcn.IdentifierTypeCode, Is.EqualTo(Xcn.ProfessionalIdType));
                Assert.That(xcn.GetValue(2, 2), Is.Empty);
                Assert.That(xcn.GetValue(40), Is.Empty);
            });
        }

        [TestCase(SampleData.AuthorInstitutionXon)]
        [TestCase("ETABLISEMENT DE SANTE DE TEST 2013^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^10B0041968")]
        [TestCase("HOPITAL^L^12345^^^&1.2.3&ISO^XX^&9.8&ISO^A^ORG1^extra11")]
        public void Official_and_edge_XON_values_round_trip_exactly(string value)
        {
            Xon xon = Xon.Parse(value);

            Assert.That(xon.Format(), Is.EqualTo(value));
            Assert.That(Xon.Parse(value), Is.EqualTo(xon));
        }

        [Test]
        public void The_official_authorInstitution_carries_the_Struct_IdNat_in_XON10()
        {
            Xon xon = Xon.Parse(SampleData.AuthorInstitutionXon);

            Assert.That(xon.OrganizationName, Is.EqualTo("CABINET DR LIBRE"));
            Assert.That(xon.AssigningAuthority!.UniversalId, Is.EqualTo(StructureId.Oid));
            Assert.That(xon.IdentifierTypeCode, Is.EqualTo(Xon.StructureIdType));
            Assert.That(xon.OrganizationIdentifier, Is.EqualTo("499900063480001"));
        }

        [TestCase(SampleData.DmpTestPatientCx)]
        [TestCase("207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907")]
        [TestCase("0456789999^^^&1.2.250.1.999.1.1.7898.2&ISO^PI")]
        [TestCase("ID^^^NS&1.2&ISO^PI^FAC&3.4&ISO^20200101^20301231^J^A")]
        public void CX_values_round_trip_exactly(string value)
        {
            Cx cx = Cx.Parse(value);

            Assert.That(cx.Format(), Is.EqualTo(value));
            Assert.That(Cx.Parse(value), Is.EqualTo(cx));
        }

        [Test]
        public void The_local_patient_id_has_the_DMP_shape()
        {
            Cx cx = Cx.ForLocalPatientId("0456789999", "1.2.250.1.999.1.1.7898.2");

            Assert.That(cx.Format(), Is.EqualTo("0456789999^^^&1.2.250.1.999.1.1.7898.2&ISO^PI"));
            Assert.That(cx.IdentifierTypeCode, Is.EqualTo("PI"));
        }

        [Test]
        public void The_official_authorSpecialty_reads_as_a_coded_value()
        {
            Ce ce = Ce.Parse(SampleData.AuthorSpecialtyCe);

            Assert.That(ce.ToCodedValue(), Is.EqualTo(new CodedValue("G15_10/SM26", "1.2.250.1.213.1.1.4.5", "Médecin - Qualifié en Médecine Générale (SM)")));
            Assert.That(Ce.FromCodedValue(ce.ToCodedValue()).Format(), Is.EqualTo(SampleData.AuthorSpecialtyCe));
        }

        [Test]
        public void Delimiters_inside_values_are_escaped_and_read_back()
        {
            var xcn = new Xcn("ID|1", "O^BRIEN", "A&B", "R~S", prefix: "C\\D");

            string encoded = xcn.Format();

            Assert.That(encoded, Is.EqualTo("ID\\F\\1^O\\S\\BRIEN^A\\T\\B^R\\R\\S^^C\\E\\D"));
            Xcn back = Xcn.Parse(encoded);
            Assert.That(back.Id, Is.EqualTo("ID|1"));
            Assert.That(back.FamilyName, Is.EqualTo("O^BRIEN"));
            Assert.That(back.GivenName, Is.EqualTo("A&B"));
            Assert.That(back.SecondNames, Is.EqualTo("R~S"));
            Assert.That(back.Prefix, Is.EqualTo("C\\D"));
            Assert.That(back, Is.EqualTo(xcn));
        }

        [Test]
        public void Hexadecimal_escapes_are_read_as_UTF8_and_control_characters_written_as_hex()
        {
            Assert.That(Hl7Encoding.Unescape("A\\X0D0A\\B"), Is.EqualTo("A\r\nB"));
            Assert.That(Hl7Encoding.Unescape("\\XC3A9\\"), Is.EqualTo("é"));
            Assert.That(Hl7Encoding.Unescape("\\XE9\\"), Is.EqualTo("é"), "not UTF-8: read as ISO-8859-1");
            Assert.That(Hl7Encoding.Escape("A\tB"), Is.EqualTo("A\\X09\\B"));
            Assert.That(Hl7Encoding.Unescape(Hl7Encoding.Escape("A\tB\u007f")), Is.EqualTo("A\tB\u007f"));
        }

        [TestCase("ABC\\F", Hl7FormatException.UnterminatedEscapeRule)]
        [TestCase("\\H\\bold\\N\\", Hl7FormatException.UnsupportedEscapeRule)]
        [TestCase("a\\.br\\b", Hl7FormatException.UnsupportedEscapeRule)]
        [TestCase("\\X0\\", Hl7FormatException.UnsupportedEscapeRule)]
        [TestCase("\\XZZ\\", Hl7FormatException.UnsupportedEscapeRule)]
        [TestCase("\\\\", Hl7FormatException.UnsupportedEscapeRule)]
        public void Bad_escape_sequences_are_refused_with_their_rule(string value, string rule)
        {
            var ex = Assert.Throws<Hl7FormatException>(() => Cx.Parse(value));

            Assert.That(ex!.Rule, Is.EqualTo(rule));
        }

        [TestCase("", Hl7FormatException.EmptyRule)]
        [TestCase("A|B", Hl7FormatException.DelimiterRule)]
        [TestCase("A~B", Hl7FormatException.DelimiterRule)]
        [TestCase("^^^&1.2.3&ISO^NH", Hl7FormatException.RequiredRule)]
        public void Bad_CX_values_are_refused_with_their_rule(string value, string rule)
        {
            var ex = Assert.Throws<Hl7FormatException>(() => Cx.Parse(value));

            Assert.That(ex!.Rule, Is.EqualTo(rule));
            Assert.That(ex.IsValueRedacted || value.Length == 0, Is.True, "a CX may hold an INS: redacted by default");
        }

        [Test]
        public void Required_components_are_enforced_for_each_type()
        {
            Assert.That(Assert.Throws<Hl7FormatException>(() => Xcn.Parse("^^GIVEN"))!.Rule, Is.EqualTo(Hl7FormatException.RequiredRule));
            Assert.That(Assert.Throws<Hl7FormatException>(() => Xon.Parse("^^^^^&1.2&ISO"))!.Rule, Is.EqualTo(Hl7FormatException.RequiredRule));
            Assert.That(Assert.Throws<Hl7FormatException>(() => Ce.Parse("^text^1.2"))!.Rule, Is.EqualTo(Hl7FormatException.RequiredRule));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new Cx(string.Empty)), Is.Not.Null);
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new Xon(string.Empty)), Is.Not.Null);
        }

        [Test]
        public void A_10_MB_value_is_refused_on_its_length()
        {
            string huge = new('A', 10 * 1024 * 1024);

            Assert.That(Assert.Throws<Hl7FormatException>(() => Xcn.Parse(huge))!.Rule, Is.EqualTo(Hl7FormatException.LengthRule));
            Assert.That(Assert.Throws<Hl7FormatException>(() => Hd.Parse(huge))!.Rule, Is.EqualTo(Hl7FormatException.LengthRule));
            Assert.That(Xon.TryParse(huge, out _), Is.False);
        }

        [Test]
        public void Equality_ignores_trailing_empty_components_as_HL7_does()
        {
            Assert.That(Cx.Parse("A^^^&1.2&ISO^^"), Is.EqualTo(Cx.Parse("A^^^&1.2&ISO")));
            Assert.That(Cx.Parse("A^^^&1.2&ISO^^").GetHashCode(), Is.EqualTo(Cx.Parse("A^^^&1.2&ISO").GetHashCode()));
            Assert.That(Cx.Parse("A^^^&1.2&ISO^^").Format(), Is.EqualTo("A^^^&1.2&ISO^^"), "but the text is kept as written");
            Assert.That(Cx.Parse("A^^^&1.2&ISO"), Is.Not.EqualTo(Cx.Parse("A^^^&1.3&ISO")));
            Assert.That(Hd.Parse("&1.2&ISO"), Is.EqualTo(Hd.ForOid("1.2")));
        }

        [Test]
        public void Property_parse_of_format_is_identity_for_generated_values()
        {
            // Any text at all, delimiters, escape characters, accents and control characters included.
            Gen<string> text = Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
                Gen.ArrayOf(Gen.Elements('a', 'Z', '0', '^', '&', '|', '~', '\\', ' ', 'é', '\t', '.', '/'), 0).Select(c => new string(c)));
            Gen<string> nonEmpty = text.Where(s => s.Length > 0);
            Gen<Hd?> hd = Gen.OneOf(
                Gen.Constant<Hd?>(null),
                from ns in text from uid in text from type in text select (Hd?)new Hd(ns, uid, type));

            Gen<Hl7Composite> composite = Gen.OneOf(
                from id in nonEmpty from authority in hd from type in text
                select (Hl7Composite)new Cx(id, authority, type),
                from id in nonEmpty from family in text from given in text from prefix in text from authority in hd from type in text
                select (Hl7Composite)new Xcn(id, family, given, prefix: prefix, assigningAuthority: authority, identifierTypeCode: type),
                from name in nonEmpty from authority in hd from type in text from orgId in text
                select (Hl7Composite)new Xon(name, authority, type, orgId),
                from code in nonEmpty from display in text from system in text
                select (Hl7Composite)new Ce(code, display, system));

            Prop.ForAll(
                    composite.ToArbitrary(),
                    value =>
                    {
                        string encoded = value.Format();
                        Hl7Composite back = value switch
                        {
                            Cx => Cx.Parse(encoded),
                            Xcn => Xcn.Parse(encoded),
                            Xon => Xon.Parse(encoded),
                            _ => Ce.Parse(encoded),
                        };
                        return back.Equals(value) && back.Format() == encoded && back.GetHashCode() == value.GetHashCode();
                    })
                .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
        }

        [Test]
        public void Property_random_text_either_parses_or_gives_a_typed_exception()
        {
            Prop.ForAll(
                    ArbMap.Default.ArbFor<string>(),
                    s =>
                    {
                        foreach (Func<string, Hl7Composite> parse in new Func<string, Hl7Composite>[] { Cx.Parse, Xcn.Parse, Xon.Parse, Ce.Parse })
                        {
                            try
                            {
                                Hl7Composite parsed = parse(s);
                                if (parsed.Format().Length == 0)
                                {
                                    return false;
                                }
                            }
                            catch (Hl7FormatException)
                            {
                            }
                        }

                        return true;
                    })
                .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
        }
    }
}

using System;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DmpConnector.Identity;

namespace DmpConnector.Cli.Commands
{
    /// <summary><c>dmp ins …</c>: the patient's national health identifier.</summary>
    internal static class InsCommands
    {
        public static Command Create(CliConsole console)
        {
            var ins = new Command("ins", "Work with an INS (Identifiant National de Santé: NIR or NIA).");
            ins.Add(CreateCheck(console));
            return ins;
        }

        private static Command CreateCheck(CliConsole console)
        {
            var value = new Argument<string[]>("value")
            {
                Description = "The INS: 15 characters (207058575627097), the 13-character number and the key as two words (2070585756270 97), or an HL7 CX (207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH).",
                Arity = new ArgumentArity(1, 2),
            };
            var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
            var kind = new Option<string>("--kind")
            {
                Description = "The kind of INS when not given as a CX: nir (default), nia, nir-test, nir-demo. It decides the OID.",
                DefaultValueFactory = _ => "nir",
            };
            kind.AcceptOnlyFromAmong("nir", "nia", "nir-test", "nir-demo");

            var check = new Command("check", "Check an INS: length, characters, key (97 - number mod 97, Corsica 2A/2B as 19/18), and the NIR structure. Exit 0 when valid, 1 when invalid (the reason on stderr).")
            {
                value,
                json,
                kind,
            };
            check.SetAction(parse =>
            {
                string[] parts = parse.GetValue(value)!;
                InsKind requestedKind = ParseKind(parse.GetValue(kind)!);
                InsCheckResult result = Check(parts, requestedKind);
                if (parse.GetValue(json))
                {
                    console.WriteJson(w => WriteJson(w, result));
                }
                else
                {
                    WriteText(console, result);
                }

                if (!result.Valid)
                {
                    console.Error.WriteLine($"dmp: invalid INS: {result.RuleId}: {result.Reason}.");
                    return ExitCodes.Invalid;
                }

                return ExitCodes.Ok;
            });
            return check;
        }

        internal static InsCheckResult Check(string[] parts, InsKind kind)
        {
            string input = string.Join(" ", parts);
            Ins? ins = null;
            InsRule rule;
            if (parts.Length == 2)
            {
                // "NUMBER KEY": two words, as INSi and the Vitale card print them.
                rule = parts[0].Length == 13 && parts[1].Length == 2 ? Try(parts[0] + parts[1], kind, out ins) : InsRule.Length;
            }
            else if (parts[0].IndexOf('^', StringComparison.Ordinal) >= 0)
            {
                _ = Ins.TryParseCx(parts[0], out ins, out rule);
            }
            else if (parts[0].Length == 16 && parts[0][13] == ' ')
            {
                rule = Try(parts[0].Substring(0, 13) + parts[0].Substring(14), kind, out ins);
            }
            else
            {
                rule = Try(parts[0], kind, out ins);
            }

            return new InsCheckResult(input, ins, rule, kind);
        }

        private static InsRule Try(string value, InsKind kind, out Ins? ins)
        {
            _ = Ins.TryParse(value, kind, out ins, out InsRule rule);
            return rule;
        }

        private static InsKind ParseKind(string kind) => kind switch
        {
            "nia" => InsKind.Nia,
            "nir-test" => InsKind.NirTest,
            "nir-demo" => InsKind.NirDemo,
            _ => InsKind.Nir,
        };

        private static string KindName(InsKind kind) => kind switch
        {
            InsKind.Nir => "NIR",
            InsKind.Nia => "NIA",
            InsKind.NirTest => "NIR_TEST",
            InsKind.NirDemo => "NIR_DEMO",
            _ => kind.ToString(),
        };

        private static void WriteJson(Utf8JsonWriter w, InsCheckResult r)
        {
            w.WriteStartObject();
            w.WriteBoolean("valid", r.Valid);
            InsKind kind = r.Ins?.Kind ?? r.RequestedKind;
            w.WriteString("kind", KindName(kind));
            w.WriteString("oid", Ins.OidOf(kind));
            w.WriteString("value", r.Ins?.Value ?? r.Input);
            if (r.Ins is { } ins)
            {
                w.WriteString("key", ins.Key);
                w.WriteString("sex", ins.Sex == Sex.Male ? "M" : "F");
                w.WriteString("birthYear", ins.BirthYear);
                if (ins.BirthMonth is int month)
                {
                    w.WriteNumber("birthMonth", month);
                }
                else
                {
                    w.WriteNull("birthMonth");
                }

                w.WriteString("birthMonthCode", ins.BirthMonthCode);
                w.WriteString("birthPlace", ins.BirthPlaceCode);
                w.WriteString("birthDepartment", ins.BirthDepartment);
                w.WriteString("birthCommune", ins.BirthCommune);
                w.WriteBoolean("bornAbroad", ins.IsBornAbroad);
                w.WriteString("birthOrder", ins.BirthOrder);
                w.WriteString("cx", ins.FormatCx());
            }
            else
            {
                w.WriteString("rule", r.RuleId);
                w.WriteString("reason", r.Reason);
            }

            w.WriteEndObject();
        }

        private static void WriteText(CliConsole console, InsCheckResult r)
        {
            if (r.Ins is not { } ins)
            {
                console.Output.WriteLine("INVALID");
                return;
            }

            string month = ins.BirthMonth is int m ? m.ToString("00", CultureInfo.InvariantCulture) : $"unknown (code {ins.BirthMonthCode})";
            console.Output.WriteLine($"VALID {KindName(ins.Kind)} ({ins.Oid})");
            console.Output.WriteLine($"  number      {ins.Number}");
            console.Output.WriteLine($"  key         {ins.Key}");
            console.Output.WriteLine($"  sex         {(ins.Sex == Sex.Male ? "M" : "F")}{(ins.IsTemporaryNumber ? " (temporary or pending number)" : string.Empty)}");
            console.Output.WriteLine($"  birth       year ..{ins.BirthYear}, month {month}");
            console.Output.WriteLine($"  birth place {ins.BirthPlaceCode} (department {ins.BirthDepartment}, {(ins.IsBornAbroad ? "country" : "commune")} {ins.BirthCommune}), order {ins.BirthOrder}");
            console.Output.WriteLine($"  HL7 CX      {ins.FormatCx()}");
        }

        internal sealed class InsCheckResult
        {
            public InsCheckResult(string input, Ins? ins, InsRule rule, InsKind requestedKind)
            {
                Input = input;
                Ins = ins;
                Rule = rule;
                RequestedKind = requestedKind;
            }

            public string Input { get; }

            public Ins? Ins { get; }

            public InsRule Rule { get; }

            public InsKind RequestedKind { get; }

            public bool Valid => Ins is not null;

            public string RuleId => InsRules.Id(Rule);

            public string Reason => InsRules.Explain(Rule);
        }
    }
}

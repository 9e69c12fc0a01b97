using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using DmpConnector.Security;

namespace DmpConnector.Cli.Commands
{
    /// <summary><c>dmp token …</c>: what a PKCS#11 module (the CPS card's middleware) sees — the first thing support asks for.</summary>
    internal static class TokenCommands
    {
        /// <summary>The environment variable naming the PKCS#11 module when --module is not given.</summary>
        public const string ModuleVariable = "DMP_PKCS11_MODULE";

        /// <summary>
        /// Usual install paths of the Cryptolib CPS (the ANS card middleware), tried when neither --module nor
        /// DMP_PKCS11_MODULE is given. These are the names the middleware is commonly installed under; they are not
        /// checked against every version (docs/card.md).
        /// </summary>
        internal static readonly string[] UsualModules =
        {
            "/usr/lib/libcps3_pkcs11_lux.so",
            "/usr/local/lib/libcps3_pkcs11_lux.so",
            "/usr/lib64/libcps3_pkcs11_lux.so",
            "/usr/local/lib/libcps3_pkcs11_osx.dylib",
            @"C:\Windows\System32\cps3_pkcs11_w64.dll",
        };

        public static Command Create(CliConsole console)
        {
            var token = new Command("token", "Inspect PKCS#11 tokens (CPS cards in their readers, or any PKCS#11 module).");
            token.Add(CreateList(console));
            return token;
        }

        /// <summary>The module: --module, else DMP_PKCS11_MODULE, else the first usual Cryptolib CPS path that exists; null when none.</summary>
        internal static string? ResolveModule(string? module)
        {
            if (!string.IsNullOrWhiteSpace(module))
            {
                return module;
            }

            string? fromEnvironment = Environment.GetEnvironmentVariable(ModuleVariable);
            return !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment : UsualModules.FirstOrDefault(File.Exists);
        }

        private static Command CreateList(CliConsole console)
        {
            var module = new Option<string?>("--module") { Description = $"The PKCS#11 module (the card middleware's library). Default: ${ModuleVariable}, else the usual Cryptolib CPS path." };
            var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
            var list = new Command("list", "List the module's slots, their tokens and the certificates on them (subject, key usage, CKA_ID, validity). Needs no PIN. Exit 0 when the module loaded, 1 when it could not.")
            {
                module, json,
            };
            list.SetAction(parse =>
            {
                string? path = ResolveModule(parse.GetValue(module));
                if (path is null)
                {
                    console.Error.WriteLine($"dmp: no PKCS#11 module: give --module <path> or set {ModuleVariable} (no Cryptolib CPS found at its usual paths).");
                    return ExitCodes.Usage;
                }

                IReadOnlyList<Pkcs11SlotInfo> slots;
                try
                {
                    slots = Pkcs11Token.ListSlots(path);
                }
                catch (DmpException ex)
                {
                    console.Error.WriteLine("dmp: " + ex.Message);
                    return ExitCodes.Invalid;
                }

                if (parse.GetValue(json))
                {
                    WriteJson(console, path, slots);
                }
                else
                {
                    WriteText(console, path, slots);
                }

                return ExitCodes.Ok;
            });
            return list;
        }

        private static void WriteText(CliConsole console, string module, IReadOnlyList<Pkcs11SlotInfo> slots)
        {
            TextWriter o = console.Output;
            o.WriteLine($"Module {module}: {slots.Count} slot(s)");
            foreach (Pkcs11SlotInfo slot in slots)
            {
                o.WriteLine($"Slot {slot.SlotId.ToString(CultureInfo.InvariantCulture)}: {slot.Description}");
                if (slot.Error is not null)
                {
                    o.WriteLine($"  token present but unreadable ({slot.Error})");
                    continue;
                }

                if (slot.Token is not { } token)
                {
                    o.WriteLine("  (no token)");
                    continue;
                }

                string state = token.PinLocked ? ", PIN LOCKED" : token.PinCountLow ? ", recent wrong PINs" : string.Empty;
                o.WriteLine($"  Token \"{token.Label}\" serial {token.SerialNumber}, {token.Manufacturer} {token.Model}{state}");
                if (token.Certificates.Count == 0)
                {
                    o.WriteLine("    (no certificate)");
                }

                foreach (Pkcs11CertificateInfo certificate in token.Certificates)
                {
                    X509Certificate2 c = certificate.Certificate;
                    o.WriteLine($"    Certificate CKA_ID {certificate.Id} \"{certificate.Label}\": {Purposes(certificate.Purposes)}");
                    o.WriteLine($"      subject    {c.Subject}");
                    o.WriteLine($"      issuer     {c.Issuer}");
                    o.WriteLine($"      key usage  {string.Join(", ", KeyUsages(c))}");
                    o.WriteLine($"      valid      {Utc(c.NotBefore)} to {Utc(c.NotAfter)}{(c.NotAfter < DateTime.Now ? " (EXPIRED)" : string.Empty)}");
                    o.WriteLine($"      thumbprint {c.Thumbprint}");
                }
            }
        }

        private static void WriteJson(CliConsole console, string module, IReadOnlyList<Pkcs11SlotInfo> slots)
        {
            console.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("module", module);
                w.WriteStartArray("slots");
                foreach (Pkcs11SlotInfo slot in slots)
                {
                    w.WriteStartObject();
                    w.WriteNumber("slotId", slot.SlotId);
                    w.WriteString("description", slot.Description);
                    w.WriteString("error", slot.Error);
                    if (slot.Token is not { } token)
                    {
                        w.WriteNull("token");
                        w.WriteEndObject();
                        continue;
                    }

                    w.WriteStartObject("token");
                    w.WriteString("label", token.Label);
                    w.WriteString("serialNumber", token.SerialNumber);
                    w.WriteString("manufacturer", token.Manufacturer);
                    w.WriteString("model", token.Model);
                    w.WriteBoolean("pinLocked", token.PinLocked);
                    w.WriteBoolean("pinCountLow", token.PinCountLow);
                    w.WriteStartArray("certificates");
                    foreach (Pkcs11CertificateInfo certificate in token.Certificates)
                    {
                        X509Certificate2 c = certificate.Certificate;
                        w.WriteStartObject();
                        w.WriteString("id", certificate.Id);
                        w.WriteString("label", certificate.Label);
                        w.WriteString("subject", c.Subject);
                        w.WriteString("issuer", c.Issuer);
                        w.WriteString("serialNumber", c.SerialNumber);
                        w.WriteString("thumbprint", c.Thumbprint);
                        w.WriteStartArray("keyUsage");
                        foreach (string usage in KeyUsages(c))
                        {
                            w.WriteStringValue(usage);
                        }

                        w.WriteEndArray();
                        w.WriteStartArray("purposes");
                        foreach (string purpose in PurposeNames(certificate.Purposes))
                        {
                            w.WriteStringValue(purpose);
                        }

                        w.WriteEndArray();
                        w.WriteString("notBefore", Utc(c.NotBefore));
                        w.WriteString("notAfter", Utc(c.NotAfter));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        private static string Utc(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static IEnumerable<string> PurposeNames(KeyPurposes purposes)
        {
            if ((purposes & KeyPurposes.Authentication) != 0)
            {
                yield return "authentication";
            }

            if ((purposes & KeyPurposes.Signature) != 0)
            {
                yield return "signature";
            }
        }

        private static string Purposes(KeyPurposes purposes)
        {
            string names = string.Join(" + ", PurposeNames(purposes));
            return names.Length == 0 ? "no usable purpose" : names + (purposes == KeyPurposes.Authentication ? " (mutual TLS)" : purposes == KeyPurposes.Signature ? " (VIHF, XAdES)" : string.Empty);
        }

        /// <summary>The key usage bits in RFC 5280 names (camelCase), in bit order.</summary>
        private static List<string> KeyUsages(X509Certificate2 certificate)
        {
            var names = new List<string>();
            X509KeyUsageExtension? usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
            if (usage is null)
            {
                return names;
            }

            (X509KeyUsageFlags Flag, string Name)[] bits =
            {
                (X509KeyUsageFlags.DigitalSignature, "digitalSignature"),
                (X509KeyUsageFlags.NonRepudiation, "nonRepudiation"),
                (X509KeyUsageFlags.KeyEncipherment, "keyEncipherment"),
                (X509KeyUsageFlags.DataEncipherment, "dataEncipherment"),
                (X509KeyUsageFlags.KeyAgreement, "keyAgreement"),
                (X509KeyUsageFlags.KeyCertSign, "keyCertSign"),
                (X509KeyUsageFlags.CrlSign, "cRLSign"),
                (X509KeyUsageFlags.EncipherOnly, "encipherOnly"),
                (X509KeyUsageFlags.DecipherOnly, "decipherOnly"),
            };
            foreach (var (flag, name) in bits)
            {
                if ((usage.KeyUsages & flag) != 0)
                {
                    names.Add(name);
                }
            }

            return names;
        }
    }
}

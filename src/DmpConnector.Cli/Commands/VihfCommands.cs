using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using DmpConnector.Cli.Context;
using DmpConnector.Identity;
using DmpConnector.Security;

namespace DmpConnector.Cli.Commands
{
    /// <summary><c>dmp vihf …</c>: build and verify VIHF assertions.</summary>
    internal static class VihfCommands
    {
        public static Command Create(CliConsole console)
        {
            var vihf = new Command("vihf", "Build and verify VIHF assertions (the SAML 2.0 token the DMP requires in every request).");
            vihf.Add(CreateBuild(console));
            vihf.Add(CreateVerify(console));
            return vihf;
        }

        private static Command CreateBuild(CliConsole console)
        {
            var ins = new Option<string?>("--ins") { Description = "The patient's INS (15 characters). Default: the context file's patient; none when it has no patient." };
            var insKind = new Option<string>("--ins-kind") { Description = "The kind of --ins: nir (default), nia, nir-test (DMP test platform), nir-demo.", DefaultValueFactory = _ => "nir" };
            insKind.AcceptOnlyFromAmong("nir", "nia", "nir-test", "nir-demo");
            var mode = new Option<string>("--mode") { Description = "The access mode: normal (default), bris_de_glace, centre_15.", DefaultValueFactory = _ => "normal" };
            mode.AcceptOnlyFromAmong("normal", "bris_de_glace", "centre_15");
            var context = new Option<string?>("--context") { Description = "The user context file (docs/context-file.md). Without it a built-in TEST professional is used, with a warning." };
            var sign = new Option<string>("--sign") { Description = "How to sign: pfx (a PFX/PKCS#12 file holding a signature key), pkcs11 (the signature key of a CPS card or other PKCS#11 token), or none (an unsigned DIRECTE token).", Required = true };
            sign.AcceptOnlyFromAmong("pfx", "pkcs11", "none");
            var module = new Option<string?>("--module") { Description = $"With --sign pkcs11: the PKCS#11 module (card middleware). Default: ${TokenCommands.ModuleVariable}, else the usual Cryptolib CPS path." };
            var token = new Option<string?>("--token") { Description = "With --sign pkcs11: the token's label (see 'dmp token list'). Needed when the module sees several tokens." };
            var pinEnv = new Option<string?>("--pin-env") { Description = "With --sign pkcs11: the name of an environment variable holding the PIN. Without it the PIN is asked on the terminal. Never give a PIN on the command line." };
            var pfx = new Option<string?>("--pfx") { Description = "The PFX file (with --sign pfx). Its key is used as a signature key." };
            var passwordEnv = new Option<string?>("--password-env") { Description = "The name of an environment variable holding the PFX password (never give a password on the command line)." };
            var issuer = new Option<string?>("--issuer") { Description = "With --sign none: the Issuer (subject DN of the user's certificate). Default: a test DN." };
            var sha1 = new Option<bool>("--sha1") { Description = "Sign with RSA-SHA1 as the 2019–2020 official examples (default RSA-SHA256)." };
            var output = new Option<string?>("--output", "-o") { Description = "Write the assertion to this file (UTF-8) instead of stdout." };
            var json = new Option<bool>("--json") { Description = "Print a JSON summary on stdout (with the assertion in \"xml\" unless -o is given)." };
            var build = new Command("build", "Build a VIHF 3.0 assertion for a patient and sign it. Exit 0 on success, 1 when the context breaks a DMP rule or the key cannot sign (the reason on stderr).")
            {
                ins, insKind, mode, context, sign, pfx, passwordEnv, module, token, pinEnv, issuer, sha1, output, json,
            };
            build.SetAction(parse =>
            {
                try
                {
                    return Build(
                        console,
                        parse.GetValue(ins),
                        parse.GetValue(insKind)!,
                        parse.GetValue(mode)!,
                        parse.GetValue(context),
                        parse.GetValue(sign)!,
                        parse.GetValue(pfx),
                        parse.GetValue(passwordEnv),
                        new CardChoice(parse.GetValue(module), parse.GetValue(token), parse.GetValue(pinEnv)),
                        parse.GetValue(issuer),
                        parse.GetValue(sha1),
                        parse.GetValue(output),
                        parse.GetValue(json));
                }
                catch (CliContextException ex)
                {
                    console.Error.WriteLine("dmp: " + ex.Message);
                    return ExitCodes.Invalid;
                }
                catch (DmpInputException ex)
                {
                    console.Error.WriteLine("dmp: " + ex.Message);
                    return ExitCodes.Invalid;
                }
                catch (DmpException ex)
                {
                    console.Error.WriteLine("dmp: " + ex.Message);
                    return ExitCodes.Invalid;
                }
            });
            return build;
        }

        private static int Build(CliConsole console, string? insText, string insKind, string modeText, string? contextPath, string sign, string? pfxPath, string? passwordEnv, CardChoice card, string? issuer, bool sha1, string? outputPath, bool json)
        {
            CliContext context;
            if (contextPath is null)
            {
                console.Error.WriteLine(CliContext.BuiltInWarning);
                context = CliContext.BuiltInTest();
            }
            else
            {
                context = CliContext.Load(contextPath);
            }

            Ins? patient = insText is not null ? Ins.Parse(insText.Trim(), ParseKind(insKind)) : context.Patient?.GetInsForExchange();
            _ = VihfCodes.TryParseAccessMode(modeText, out VihfAccessMode accessMode);
            var builder = new VihfBuilder(new VihfOptions { Signature = new XmlSignatureOptions { Hash = sha1 ? XmlSignatureHash.Sha1 : XmlSignatureHash.Sha256 } });
            VihfAssertion assertion;
            if (sign == "none")
            {
                assertion = builder.BuildUnsigned(context.ToVihfUserContext(), patient, accessMode, issuer ?? "CN=" + context.Professional.Id.Value + ",O=TEST,C=FR");
            }
            else if (sign == "pkcs11")
            {
                string? modulePath = TokenCommands.ResolveModule(card.Module);
                if (modulePath is null)
                {
                    console.Error.WriteLine($"dmp: --sign pkcs11 needs --module <path> (or {TokenCommands.ModuleVariable}); no Cryptolib CPS found at its usual paths.");
                    return ExitCodes.Usage;
                }

                if (card.PinVariable is not null && Environment.GetEnvironmentVariable(card.PinVariable) is null)
                {
                    console.Error.WriteLine($"dmp: the environment variable {card.PinVariable} (--pin-env) is not set.");
                    return ExitCodes.Invalid;
                }

                if (card.PinVariable is null && Console.IsInputRedirected)
                {
                    console.Error.WriteLine("dmp: --sign pkcs11 needs --pin-env <VAR> when no terminal can ask for the PIN.");
                    return ExitCodes.Usage;
                }

                using Pkcs11Token cardToken = Pkcs11Token.Open(new Pkcs11TokenOptions(modulePath)
                {
                    TokenLabel = card.TokenLabel,
                    PinCallback = request => card.PinVariable is not null ? Environment.GetEnvironmentVariable(card.PinVariable) : AskPin(console, request),
                });
                using Pkcs11SigningCredential credential = cardToken.GetCredential(KeyPurposes.Signature);
                assertion = builder.BuildSigned(context.ToVihfUserContext(), patient, accessMode, credential);
            }
            else
            {
                if (string.IsNullOrEmpty(pfxPath))
                {
                    console.Error.WriteLine("dmp: --sign pfx needs --pfx <file>.");
                    return ExitCodes.Usage;
                }

                string? password = null;
                if (passwordEnv is not null)
                {
                    password = Environment.GetEnvironmentVariable(passwordEnv);
                    if (password is null)
                    {
                        console.Error.WriteLine($"dmp: the environment variable {passwordEnv} (--password-env) is not set.");
                        return ExitCodes.Invalid;
                    }
                }

                using CertificateSigningCredential credential = CertificateSigningCredential.FromPfxFile(pfxPath, password, KeyPurposes.Signature);
                if ((CertificateSigningCredential.InferPurposes(credential.Certificate) & KeyPurposes.Signature) == 0)
                {
                    console.Error.WriteLine("dmp: warning: the PFX certificate's key usage looks like an authentication key (no nonRepudiation); the DMP refuses a VIHF signed with a CPS authentication key. Establishment signature certificates may still be right.");
                }

                assertion = builder.BuildSigned(context.ToVihfUserContext(), patient, accessMode, credential);
            }

            if (outputPath is not null)
            {
                OutputFile.WriteAllBytes(outputPath, assertion.ToUtf8Bytes());
            }

            if (json)
            {
                console.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", assertion.Id);
                    w.WriteString("issueInstant", assertion.IssueInstant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteBoolean("signed", assertion.IsSigned);
                    w.WriteString("signerThumbprint", assertion.SignerThumbprint);
                    w.WriteString("authenticationMode", VihfCodes.Of(context.AuthenticationMode));
                    w.WriteString("accessMode", VihfCodes.Of(accessMode));
                    w.WriteBoolean("testContext", context.IsBuiltInTest);
                    if (outputPath is not null)
                    {
                        w.WriteString("output", outputPath);
                    }
                    else
                    {
                        w.WriteString("xml", assertion.Xml);
                    }

                    w.WriteEndObject();
                });
            }
            else if (outputPath is null)
            {
                console.Output.WriteLine(assertion.Xml);
            }
            else
            {
                console.Output.WriteLine($"VIHF {assertion.Id} written to {outputPath} ({(assertion.IsSigned ? "signed" : "unsigned")}).");
            }

            return ExitCodes.Ok;
        }

        private static Command CreateVerify(CliConsole console)
        {
            var file = new Argument<string>("file") { Description = "A VIHF assertion, or a SOAP message holding exactly one." };
            var cert = new Option<string?>("--cert") { Description = "A certificate (PEM or DER) the signature must have been made with." };
            var allowSha1 = new Option<bool>("--allow-sha1") { Description = "Accept RSA-SHA1 (the 2019–2020 official examples); refused by default." };
            var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
            var verify = new Command("verify", "Verify a VIHF's signature with pinned algorithms and signature-wrapping checks. Exit 0 when valid, 1 when invalid (the rule and reason on stderr). The certificate's chain and revocation are not checked.")
            {
                file, cert, allowSha1, json,
            };
            verify.SetAction(parse => Verify(console, parse.GetValue(file)!, parse.GetValue(cert), parse.GetValue(allowSha1), parse.GetValue(json)));
            return verify;
        }

        private static int Verify(CliConsole console, string path, string? certPath, bool allowSha1, bool json)
        {
            XmlSignatureVerification? result = null;
            string? rule = null;
            string? reason = null;
            try
            {
                X509Certificate2? expected = certPath is null ? null : X509CertificateLoader.LoadCertificateFromFile(certPath);
                XmlDocument document = SignedXmlDocument.Load(File.ReadAllBytes(path));
                XmlNodeList assertions = document.GetElementsByTagName("Assertion", VihfBuilder.SamlNamespace);
                if (assertions.Count != 1)
                {
                    throw new SignatureVerificationException(SignatureRules.Placement, $"expected exactly one saml2:Assertion, found {assertions.Count}");
                }

                result = new XmlSignatureVerifier(new XmlSignatureVerificationOptions { AllowSha1 = allowSha1, ExpectedCertificate = expected }).Verify((XmlElement)assertions[0]!);
            }
            catch (SignatureVerificationException ex)
            {
                rule = ex.Rule;
                reason = ex.Reason;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                rule = "FILE";
                reason = ex.Message;
            }
            catch (XmlException ex)
            {
                rule = "XML";
                reason = "not well-formed XML: " + ex.Message;
            }
            catch (CryptographicException ex)
            {
                rule = "CERT";
                reason = "the --cert file is not a certificate: " + ex.Message;
            }

            if (json)
            {
                console.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("valid", result is not null);
                    if (result is not null)
                    {
                        w.WriteString("assertionId", result.SignedElementId);
                        w.WriteString("signatureMethod", result.SignatureMethod);
                        w.WriteString("digestMethod", result.DigestMethod);
                        w.WriteStartObject("signer");
                        w.WriteString("subject", result.SignerCertificate.Subject);
                        w.WriteString("issuer", result.SignerCertificate.Issuer);
                        w.WriteString("thumbprint", result.SignerCertificate.Thumbprint);
                        w.WriteString("notAfter", result.SignerCertificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                        w.WriteEndObject();
                    }
                    else
                    {
                        w.WriteString("rule", rule);
                        w.WriteString("reason", reason);
                    }

                    w.WriteEndObject();
                });
            }
            else if (result is not null)
            {
                console.Output.WriteLine($"VALID assertion {result.SignedElementId}");
                console.Output.WriteLine($"  signed by   {result.SignerCertificate.Subject}");
                console.Output.WriteLine($"  thumbprint  {result.SignerCertificate.Thumbprint}");
                console.Output.WriteLine($"  algorithms  {result.SignatureMethod}, {result.DigestMethod}");
            }
            else
            {
                console.Output.WriteLine("INVALID");
            }

            if (result is null)
            {
                console.Error.WriteLine($"dmp: invalid VIHF: {rule}: {reason}.");
                return ExitCodes.Invalid;
            }

            return ExitCodes.Ok;
        }

        /// <summary>Asks the PIN on the terminal without echoing it; null when the user gives an empty line (cancel).</summary>
        private static string? AskPin(CliConsole console, Pkcs11PinRequest request)
        {
            if (request.PinFinalTry)
            {
                console.Error.WriteLine("dmp: warning: one more wrong PIN locks the card.");
            }

            console.Error.Write($"PIN for card '{request.TokenLabel}': ");
            var pin = new System.Text.StringBuilder();
            while (true)
            {
                ConsoleKeyInfo key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    if (pin.Length > 0)
                    {
                        pin.Length--;
                    }

                    continue;
                }

                pin.Append(key.KeyChar);
            }

            console.Error.WriteLine();
            return pin.Length == 0 ? null : pin.ToString();
        }

        /// <summary>The --sign pkcs11 options.</summary>
        private sealed record CardChoice(string? Module, string? TokenLabel, string? PinVariable);

        private static InsKind ParseKind(string kind) => kind switch
        {
            "nia" => InsKind.Nia,
            "nir-test" => InsKind.NirTest,
            "nir-demo" => InsKind.NirDemo,
            _ => InsKind.Nir,
        };
    }
}

#!/usr/bin/env bash
# DmpConnector quickstart. Needs only the .NET SDK.
# Today it runs the `dmp` tool on the DMP's official test patient; it grows into the whole flow against the embedded
# stub DMP as the SDK does (see README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/DmpConnector.Cli -nologo -v:q -clp:ErrorsOnly >/dev/null
dmp() { dotnet src/DmpConnector.Cli/bin/Debug/net10.0/dmp.dll "$@"; }

echo "== 1. The INS of the DMP's test patient, as the official example messages carry it (HL7 CX, test OID .10):"
dmp ins check '207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH'
echo
echo "== 2. The same INS with its last digit mistyped: refused by the key check (exit code 1, reason on stderr):"
if dmp ins check 207058575627098; then
  echo "unexpected: a mistyped INS was accepted" >&2
  exit 1
fi
echo
echo "== 3. The same check as JSON, for scripts:"
dmp ins check 2070585756270 97 --json
echo
echo "== 4. The identity sample: INSi result -> qualified identity -> the INS an exchange may carry:"
dotnet run --project samples/IdentityCheck -v:q
echo
echo "== 5. The VIHF sample: the SAML assertion of a DMP call built, signed with a signature key and verified; an"
echo "      authentication key and bris de glace without a patient refused before anything is signed:"
dotnet run --project samples/VihfSigning -v:q
echo
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' > "$work/report.pdf"
echo "== 6. A PDF consultation report wrapped into a CI-SIS CDA R2 (built-in TEST professional and patient, hence the warning):"
dmp cda pack --in "$work/report.pdf" --type cr-consultation -o "$work/report-cda.xml"
echo
echo "== 7. What that CDA gives the XDS DocumentEntry (type, class, format codes, INS as patientId, author, hash, size):"
dmp cda inspect "$work/report-cda.xml"
echo
echo "== 8. The PDF taken back out of the CDA, byte for byte:"
dmp cda unpack "$work/report-cda.xml" -o "$work/back.pdf"
cmp "$work/report.pdf" "$work/back.pdf" && echo "identical"

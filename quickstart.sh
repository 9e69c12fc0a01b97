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

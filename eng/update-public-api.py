#!/usr/bin/env python3
"""Updates PublicAPI.Unshipped.txt of a project from the PublicApiAnalyzers diagnostics.

Usage: eng/update-public-api.py src/DmpConnector/DmpConnector.csproj [more projects...]

Builds the project with the API diagnostics reported as warnings, adds every symbol reported by RS0016 (public but
not declared) and removes every symbol reported by RS0017 (declared but gone) from PublicAPI.Unshipped.txt, keeping
the file sorted. Review the diff: a line added here is a promise to users.
"""
import os
import re
import subprocess
import sys

ADDED = re.compile(r"error RS0016: Symbol '(.*)' is not part of the declared public API|warning RS0016: Symbol '(.*)' is not part of the declared public API")
REMOVED = re.compile(r"(?:error|warning) RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found")


def update(project):
    folder = os.path.dirname(os.path.abspath(project))
    unshipped = os.path.join(folder, "PublicAPI.Unshipped.txt")
    result = subprocess.run(
        ["dotnet", "build", project, "--no-incremental", "-p:TreatWarningsAsErrors=false", "-nologo", "-clp:NoSummary"],
        capture_output=True, text=True)
    added, removed = set(), set()
    for line in result.stdout.splitlines():
        m = ADDED.search(line)
        if m:
            added.add(m.group(1) or m.group(2))
        m = REMOVED.search(line)
        if m:
            removed.add(m.group(1))
    with open(unshipped, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    header = [l for l in lines if l.startswith("#")] or ["#nullable enable"]
    body = {l for l in lines if not l.startswith("#")}
    body |= added
    body -= removed
    with open(unshipped, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + sorted(body, key=lambda s: s.lower().lstrip("~"))) + "\n")
    print(f"{project}: +{len(added)} -{len(removed)}")


if __name__ == "__main__":
    for p in sys.argv[1:] or ["src/DmpConnector/DmpConnector.csproj"]:
        update(p)

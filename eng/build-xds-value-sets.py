#!/usr/bin/env python3
"""Builds src/DmpConnector/Xds/ValueSets/xds-value-sets.tsv, the DMP value sets the SDK embeds.

The ANS JDV files (reference/jdv, IHE SVS XML, ANS NOS publications) are not redistributed: only code, code system
and display name are kept, in our own compact format, with the source named per value set. Value sets absent from
the reference material (J57 classCode, J59 contentTypeCode, J60 formatCode, the DMP typeCode J66) are built from the
protocol spec (dmp-protocol.md 4.2/4.5) and the codes the official DMP example messages carry; they are marked
partial (unknown codes are warnings, not errors). Run: python3 eng/build-xds-value-sets.py [/path/to/reference/jdv]
"""
import os
import sys
import xml.etree.ElementTree as ET

JDV = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference/jdv"
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "DmpConnector", "Xds", "ValueSets", "xds-value-sets.tsv")
SVS = "{urn:ihe:iti:svs:2008}"


def jdv(name, exclude=()):
    root = ET.parse(os.path.join(JDV, name)).getroot()
    vs = root.find(SVS + "ValueSet")
    rows = [(c.get("code"), c.get("codeSystem"), c.get("displayName") or "") for c in vs.iter(SVS + "Concept")]
    return vs.get("id"), vs.get("dateMaj") or vs.get("dateValid"), [r for r in rows if r[0] not in exclude]


def clean(s):
    return s.replace("\t", " ").replace("\r", " ").replace("\n", " ").strip()


sets = []
# key, name, oid, complete, source, rows
oid, date, rows = jdv("JDV_J02_XdsHealthcareFacilityTypeCode_CISIS.xml")
sets.append(("healthcareFacilityTypeCode", "JDV_J02_XdsHealthcareFacilityTypeCode_CISIS", oid, True, f"ANS NOS JDV_J02 snapshot {date} (the DMP's J61 OID was not found; J02 used)", rows))
oid, date, rows = jdv("JDV_J04_XdsPracticeSettingCode_CISIS.xml")
sets.append(("practiceSettingCode", "JDV_J04_XdsPracticeSettingCode_CISIS", oid, True, f"ANS NOS JDV_J04 snapshot {date} (the DMP's J62 OID was not found; J04 used)", rows))
oid, date, rows = jdv("JDV_J08_XdsConfidentialityCode_CISIS.xml", exclude=("R", "V"))
sets.append(("confidentialityCode", "JDV_J58_ConfidentialityCode_DMP", "1.2.250.1.213.1.1.5.9", True,
             f"ANS NOS JDV_J08 snapshot {date} without R and V, as dmp-protocol.md 4.2 lists J58 (N + TRE_A07 visibility codes)", rows))
oid, date, rows = jdv("JDV_J01_XdsAuthorSpecialty_CISIS.xml")
sets.append(("authorSpecialty", "JDV_J01_XdsAuthorSpecialty_CISIS", oid, False, f"ANS NOS JDV_J01 snapshot {date}", rows))
oid, date, rows = jdv("JDV_J231_XdsTypesIdentifiantsReferenceId_DMP.xml")
sets.append(("referenceIdType", "JDV_J231_XdsTypesIdentifiantsReferenceId_DMP", oid, True, f"ANS NOS JDV_J231 snapshot {date}", rows))

oid, date, rows = jdv("JDV_J07_XdsTypeCode_CISIS.xml")
seen = {(c, s) for c, s, _ in rows}
loinc = "2.16.840.1.113883.6.1"
for extra in [("27899-4", loinc, "CR d'acte diagnostique (autre)"), ("29551-9", loinc, "Prescription de médicaments"),
              ("52521-2", loinc, "Prescription de soins"), ("29550-1", loinc, "Dispensation médicamenteuse"),
              ("11493-4", loinc, "CR hospitalier (séjour)"), ("29554-3", loinc, "CR d'acte thérapeutique à visée préventive"),
              ("46241-6", loinc, "CR d'admission"), ("11526-1", loinc, "CR d'anatomie et de cytologie pathologiques")]:
    if (extra[0], extra[1]) not in seen:
        rows.append(extra)
sets.append(("typeCode", "JDV_J66_TypeCode_DMP", None, False,
             f"ANS NOS JDV_J07 snapshot {date} plus the LOINC codes of the official DMP TD3.1 example (J66 itself not found)", rows))

cls = "1.2.250.1.213.1.1.4.1"
sets.append(("classCode", "JDV_J57_ClassCode_DMP", "1.2.250.1.213.1.1.5.6", False, "dmp-protocol.md 4.2 and the official TD2.1/TD3.1 examples (the JDV file was not available)", [
    ("10", cls, "Compte rendu"), ("11", cls, "Synthèse"), ("31", cls, "Imagerie médicale"), ("42", cls, "Prescription"),
    ("43", cls, "Dispensation"), ("44", cls, "Plan de soins, protocole de soins"), ("52", cls, "Certificat, déclaration"),
    ("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1", "URN", "Digital Signature")]))
ihe = "1.3.6.1.4.1.19376.1.2.3"
sets.append(("formatCode", "JDV_J60_FormatCode_DMP", "1.2.250.1.213.1.1.5.8", False, "dmp-protocol.md 4.2/4.5 and the official TD2.1/TD3.1 examples (the JDV file was not available)", [
    ("urn:ihe:iti:xds-sd:pdf:2008", ihe, "Document à corps non structuré en Pdf/A-1"),
    ("urn:ihe:iti:xds-sd:text:2008", ihe, "Document à corps non structuré en texte brut"),
    ("urn:ihe:iti-fr:xds-sd:rtf:2010", ihe, "Document à corps non structuré en format rtf"),
    ("urn:ihe:iti-fr:xds-sd:jpeg:2010", ihe, "Document à corps non structuré en format jpeg"),
    ("urn:ihe:iti-fr:xds-sd:tiff:2010", ihe, "Document à corps non structuré en format tiff"),
    ("urn:ihe:lab:xd-lab:2008", ihe, "Compte rendu structuré d'examens de biologie médicale"),
    ("urn:ihe:qrph:hbs:2009", ihe, "Certificat de santé du 8ème jour de l'enfant"),
    ("urn:ihe:iti:dsg:detached:2014", ihe, "Signature détachée (IHE DSG)"),
    ("1.2.840.10008.5.1.4.1.1.88.59", "1.2.840.10008.2.6.1", "DICOM KOS (Key Object Selection)"),
    ("http://www.w3.org/2000/09/xmldsig#", "URN", "Default Signature Style")]))
oid, date, r02 = jdv("JDV_J02_XdsHealthcareFacilityTypeCode_CISIS.xml")
content = [("04", "1.2.250.1.213.2.2", "Hospitalisation de jour")] + [r for r in r02 if r[1] == "1.2.250.1.71.4.2.4"] + [r for r in r02 if r[0] == "EXP_PATIENT"]
sets.append(("contentTypeCode", "JDV_J59_ContentTypeCode_DMP", "1.2.250.1.213.1.1.5.2", False,
             "dmp-protocol.md 4.2 (TRE_R02 and EXP_PATIENT allowed; code 04 of system 1.2.250.1.213.2.2 as in the official TD2.1 example); TRE_R209/R276 not available", content))

with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    f.write("# DMP XDS value sets: code, code system, display name. Generated by eng/build-xds-value-sets.py; see README.md here.\n")
    for key, name, oid, complete, source, rows in sets:
        f.write(f"@\t{key}\t{name}\t{oid or '-'}\t{'complete' if complete else 'partial'}\t{clean(source)}\n")
        for code, system, display in rows:
            f.write(f"{clean(code)}\t{clean(system)}\t{clean(display)}\n")
print(OUT, sum(len(s[5]) for s in sets), "concepts")

"""JUnit XML, for CI systems that show test reports: one testcase per file, one failure per
finding at or above the fail level (findings below it go to the testcase's system-out), an
error for a file that could not be checked."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Sequence, TextIO

from .concise import headline

# Characters XML 1.0 cannot carry at all (a mojibake finding may quote them).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def document(results: Sequence) -> ET.Element:
    suites = ET.Element("testsuites", name="newslint")
    suite = ET.SubElement(suites, "testsuite", name="newslint")
    failures = errors = 0
    for result in results:
        case = ET.SubElement(suite, "testcase", name=_clean(result.path), classname="newslint", file=_clean(result.path))
        if result.error is not None:
            errors += 1
            ET.SubElement(case, "error", message=_clean(result.error.reason), type="unreadable")
            continue
        notes = []
        failed = False
        for finding in result.findings:
            if finding.severity >= result.fail_on:
                failed = True
                failure = ET.SubElement(case, "failure", message=_clean(f"{finding.rule}: {finding.message}"), type=finding.rule)
                failure.text = _clean(headline(finding))
            else:
                notes.append(_clean(headline(finding)))
        failures += failed
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    tests = str(len(results))
    for element in (suites, suite):
        element.set("tests", tests)
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    suite.set("skipped", "0")
    return suites


def write(results: Sequence, out: TextIO, color: bool = False) -> None:
    tree = document(results)
    ET.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(tree, encoding="unicode"))
    out.write("\n")

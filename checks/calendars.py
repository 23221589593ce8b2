#!/usr/bin/env python3
"""Calendars: every `.ics` file of the output is read by other people's calendar software.

- parses with the strict PyPI `ical` parser, and without errors in the lenient `icalendar` one;
- RFC 5545 byte rules checked here: UTF-8; every line ends with CRLF (no bare LF or CR); no line longer
  than 75 octets (longer ones folded: CRLF then one space or tab); no control characters;
- structure: BEGIN/END balanced, one VCALENDAR with VERSION:2.0 and PRODID exactly once; each VEVENT has
  UID, DTSTAMP, DTSTART and SUMMARY exactly once, not both DTEND and DURATION; UIDs unique in a file;
  DTSTAMP in UTC (…Z); DATE / DATE-TIME values well-formed and real; every TZID used has a VTIMEZONE;
- TEXT values (SUMMARY, DESCRIPTION, LOCATION, …) escape `,` `;` and `\\` with a backslash and hold no
  other backslash escapes than \\n \\N \\\\ \\, \\;.

usage: calendars.py OUTPUT_DIR
"""
from __future__ import annotations

import datetime as dt
import re
import sys
import warnings
from pathlib import Path

from common import Findings, files, require_dir, squash

# .ics files the site must have. Empty until the events issue lands; then, e.g.:
#   REQUIRED_FILES = ["fi/tapahtumat/kalenteri.ics", "sv/evenemang/kalender.ics"]
REQUIRED_FILES: list[str] = ["fi/tapahtumat/kalenteri.ics", "sv/evenemang/kalender.ics"]

TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT", "X-WR-CALNAME",
                   "X-WR-CALDESC", "NAME", "TZNAME"}
LIST_TEXT_PROPERTIES = {"CATEGORIES", "RESOURCES"}  # commas separate values; ; and \ still escaped
DATE_PROPERTIES = {"DTSTART", "DTEND", "DTSTAMP", "DUE", "RECURRENCE-ID", "CREATED", "LAST-MODIFIED"}
REQUIRED = {
    "VCALENDAR": ("VERSION", "PRODID"),
    "VEVENT": ("UID", "DTSTAMP", "DTSTART", "SUMMARY"),
}
CONTENT_LINE = re.compile(r'^(?P<name>[A-Za-z0-9-]+)(?P<params>(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)'
                          r'(?:,(?:"[^"]*"|[^";:,]*))*)*):(?P<value>.*)$')
DATE_TIME = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$")
DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class Calendar:
    def __init__(self, path: Path, findings: Findings):
        self.path = path
        self.findings = findings

    def add(self, line: int, message: str) -> None:
        self.findings.add(self.path, line, message)

    def check(self) -> None:
        data = self.path.read_bytes()
        self.bytes_rules(data)
        text = data.decode("utf-8", "replace")
        logical = self.unfold(text)
        self.structure(logical)
        self.parsers(text)

    def bytes_rules(self, data: bytes) -> None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.add(data.count(b"\n", 0, error.start) + 1, f"not UTF-8 ({error.reason} at byte {error.start})")
        if not data:
            self.add(1, "empty file")
            return
        if not data.endswith(b"\r\n"):
            self.add(data.count(b"\n") + 1, "the last line does not end with CRLF")
        lines = data.split(b"\n")
        bare_lf = []
        for number, raw in enumerate(lines[:-1], 1):
            if not raw.endswith(b"\r"):
                bare_lf.append(number)
            content = raw[:-1] if raw.endswith(b"\r") else raw
            if b"\r" in content:
                self.add(number, "a bare CR (line ends must be CRLF)")
            if len(content) > 75:
                self.add(number, f"line is {len(content)} octets long: fold lines longer than 75 octets "
                                 f"(CRLF + space)")
            if re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", content):
                self.add(number, "control character in a line")
        if bare_lf:
            shown = ", ".join(map(str, bare_lf[:5])) + (" …" if len(bare_lf) > 5 else "")
            self.add(bare_lf[0], f"line ends with a bare LF, not CRLF ({len(bare_lf)} line(s): {shown})")

    def unfold(self, text: str) -> list[tuple[int, str]]:
        logical: list[tuple[int, str]] = []
        for number, line in enumerate(re.split(r"\r\n|\n|\r", text), 1):
            if line[:1] in (" ", "\t"):
                if logical:
                    logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
                else:
                    self.add(number, "the file starts with a continuation line")
            elif line:
                logical.append((number, line))
        return logical

    def structure(self, logical: list[tuple[int, str]]) -> None:
        stack: list[tuple[str, int, dict[str, list[tuple[int, str, str]]]]] = []
        calendars = 0
        uids: dict[str, int] = {}
        tzids_used: dict[str, int] = {}
        tzids_defined: set[str] = set()
        if not logical or logical[0][1] != "BEGIN:VCALENDAR":
            self.add(logical[0][0] if logical else 1, "the file must start with BEGIN:VCALENDAR")
        for number, line in logical:
            match = CONTENT_LINE.match(line)
            if not match:
                self.add(number, f"not a content line NAME;PARAM=…:VALUE: {line[:60]!r}")
                continue
            name, params, value = match["name"].upper(), match["params"], match["value"]
            if name == "BEGIN":
                stack.append((value.upper(), number, {}))
                if value.upper() == "VCALENDAR":
                    calendars += 1
                    if len(stack) > 1:
                        self.add(number, "VCALENDAR inside another component")
                continue
            if name == "END":
                if not stack or stack[-1][0] != value.upper():
                    self.add(number, f"END:{value} does not close {('BEGIN:' + stack[-1][0]) if stack else 'anything'}")
                    continue
                component, start, properties = stack.pop()
                self.component(component, start, properties, uids, tzids_defined)
                continue
            if not stack:
                self.add(number, f"{name} outside any component")
                continue
            stack[-1][2].setdefault(name, []).append((number, params, value))
            for tzid in re.findall(r';TZID=("[^"]*"|[^;:]*)', params, re.I):
                tzids_used.setdefault(tzid.strip('"'), number)
            self.value(number, name, params, value, stack[-1][0])
        for component, start, _ in stack:
            self.add(start, f"BEGIN:{component} is never closed")
        if calendars != 1:
            self.add(1, f"the file holds {calendars} VCALENDAR components, not one")
        for tzid, number in tzids_used.items():
            if tzid not in tzids_defined:
                self.add(number, f"TZID={tzid} has no VTIMEZONE component with that TZID (RFC 5545 3.2.19)")

    def component(self, component, start, properties, uids, tzids_defined) -> None:
        if component == "VTIMEZONE" and "TZID" in properties:
            tzids_defined.add(properties["TZID"][0][2])
        for name in REQUIRED.get(component, ()):
            found = properties.get(name, [])
            if not found:
                self.add(start, f"{component} lacks {name}")
            elif len(found) > 1:
                self.add(found[1][0], f"{component} has {name} more than once")
        if component == "VCALENDAR" and properties.get("VERSION") and properties["VERSION"][0][2] != "2.0":
            self.add(properties["VERSION"][0][0], f"VERSION:{properties['VERSION'][0][2]}: must be 2.0")
        if component == "VEVENT":
            if "DTEND" in properties and "DURATION" in properties:
                self.add(properties["DURATION"][0][0], "VEVENT has both DTEND and DURATION")
            for number, _, value in properties.get("UID", []):
                if value in uids and "RECURRENCE-ID" not in properties:
                    self.add(number, f"UID {value!r} repeats the one on line {uids[value]}")
                uids.setdefault(value, number)
            for number, _, value in properties.get("DTSTAMP", []):
                if not value.endswith("Z"):
                    self.add(number, f"DTSTAMP:{value}: must be in UTC (end with Z)")
            start_value = properties.get("DTSTART", [(0, "", "")])[0]
            end_value = properties.get("DTEND", [(0, "", "")])[0]
            if start_value[2] and end_value[2] and ("VALUE=DATE" in start_value[1].upper()) != (
                    "VALUE=DATE" in end_value[1].upper()):
                self.add(end_value[0], "DTSTART and DTEND must both be dates or both date-times")

    def value(self, number: int, name: str, params: str, value: str, component: str) -> None:
        if name in TEXT_PROPERTIES or name in LIST_TEXT_PROPERTIES:
            index = 0
            while index < len(value):
                char = value[index]
                if char == "\\":
                    following = value[index + 1: index + 2]
                    if following not in ("n", "N", "\\", ",", ";"):
                        self.add(number, f"{name}: '\\{following}' is not a TEXT escape (only \\n \\\\ \\, \\;)")
                    index += 2
                    continue
                if char == ";" or (char == "," and name in TEXT_PROPERTIES):
                    self.add(number, f"{name}: unescaped {char!r} in a TEXT value (write \\{char}): "
                                     f"{value[max(0, index - 25): index + 10]!r}")
                    break
                index += 1
        if name in DATE_PROPERTIES and component != "VTIMEZONE" and component not in ("STANDARD", "DAYLIGHT"):
            is_date = "VALUE=DATE" in params.upper() and "VALUE=DATE-TIME" not in params.upper()
            match = (DATE if is_date else DATE_TIME).match(value)
            if not match:
                self.add(number, f"{name}:{value}: not a {'DATE (YYYYMMDD)' if is_date else 'DATE-TIME (YYYYMMDDTHHMMSS[Z])'}")
                return
            numbers = [int(g) for g in match.groups()[:6] if g and g != "Z"]
            try:
                dt.datetime(*numbers)
            except ValueError as error:
                self.add(number, f"{name}:{value}: not a real date ({error})")
            if not is_date and match.group(7) == "Z" and "TZID=" in params.upper():
                self.add(number, f"{name}: a UTC time (…Z) must not carry TZID")

    def parsers(self, text: str) -> None:
        from ical.calendar_stream import IcsCalendarStream
        from ical.exceptions import CalendarParseError
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                IcsCalendarStream.calendar_from_ics(text)
        except CalendarParseError as error:
            self.add(1, "ical (strict parser) rejects the file: " + squash(str(error), 300))
        except Exception as error:  # noqa: BLE001 - any parser crash is a finding too
            self.add(1, f"ical (strict parser) failed: {type(error).__name__}: " + squash(str(error), 300))
        import icalendar
        try:
            calendar = icalendar.Calendar.from_ical(text)
        except Exception as error:  # noqa: BLE001
            self.add(1, f"icalendar rejects the file: {type(error).__name__}: " + squash(str(error), 300))
            return
        for component in calendar.walk():
            for error in getattr(component, "errors", []) or []:
                self.add(1, f"icalendar: {component.name}: " + squash(str(error), 300))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    root = require_dir(argv[0])
    findings = Findings(root, "calendars")
    for required in REQUIRED_FILES:
        if not (root / required).is_file():
            findings.add(root / required, 1, f"missing: the site must have {required} (REQUIRED_FILES in checks/calendars.py)")
    calendars = files(root, ".ics")
    for path in calendars:
        Calendar(path, findings).check()
    return findings.finish(f"in {len(calendars)} .ics file(s)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

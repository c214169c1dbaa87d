"""Values as apps write them: timestamps in many locales, durations, units and distances.

Each reader returns None for text it cannot read, so the caller can name the cell in its error.
Readers are called once per distinct text (parsers cache them): a workout's date repeats on
every one of its sets.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from backbone.domain.athlete import Units
from backbone.domain.history import SetType
from backbone.domain.loads import KG_PER_LB

# Formats seen besides ISO 8601 (which `datetime.fromisoformat` reads first).
_TIMESTAMP_FORMATS: Final = (
    "%Y-%m-%d %H:%M:%S %z",  # Fitbod: 2026-04-07 18:02:11 +0000
    "%Y-%m-%d %H:%M:%S%z",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
)
_NUMERIC_TIMESTAMP = re.compile(r"[\d\s:./+-]+")


def read_timestamp(text: str) -> datetime | None:
    """ISO 8601 or a numeric layout; aware only when the text carries an offset."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    if not _NUMERIC_TIMESTAMP.fullmatch(text):
        # month names: skip the numeric layouts (a failed strptime costs tens of microseconds)
        return read_locale_datetime(text)
    for layout in _TIMESTAMP_FORMATS:
        try:
            return datetime.strptime(text, layout)
        except ValueError:
            continue
    return read_locale_datetime(text)


_MONTH_NAMES: Final[tuple[tuple[str, ...], ...]] = (
    # en, de, fr, es, it, pt, nl — full names; abbreviations are derived below
    ("january", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari"),
    ("february", "februar", "février", "febrero", "febbraio", "fevereiro", "februari"),
    ("march", "märz", "mars", "marzo", "março", "maart", "mrt"),
    ("april", "avril", "abril", "aprile"),
    ("may", "mai", "mayo", "maggio", "maio", "mei"),
    ("june", "juni", "juin", "junio", "giugno", "junho"),
    ("july", "juli", "juillet", "julio", "luglio", "julho", "juil"),
    ("august", "août", "agosto", "augustus"),
    ("september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "sept"),
    ("october", "oktober", "octobre", "octubre", "ottobre", "outubro"),
    ("november", "novembre", "noviembre", "novembro"),
    ("december", "dezember", "décembre", "diciembre", "dicembre", "dezembro"),
)


def _month_words() -> dict[str, int]:
    """Full names plus 3- and 4-letter abbreviations that point at one month only."""
    words: dict[str, int] = {}
    clashes: set[str] = set()
    for month, names in enumerate(_MONTH_NAMES, start=1):
        for name in names:
            words[name] = month
            for cut in (3, 4):
                short = name[:cut]
                if words.get(short, month) != month:
                    clashes.add(short)
                words.setdefault(short, month)
    for short in clashes:
        del words[short]
    return words


MONTH_WORDS: Final = _month_words()

_CLOCK = re.compile(r"(\d{1,2})\s*[:h]\s*(\d{2})(?::(\d{2}))?")
_WORD = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
_PM = re.compile(r"p\.?\s?m\b|下午|午後", re.IGNORECASE)
_AM = re.compile(r"a\.?\s?m\b|上午|午前", re.IGNORECASE)


def read_locale_datetime(text: str) -> datetime | None:
    """A start time written in the phone's locale, naive local time.

    `7 Apr 2026, 10:14`, `Jun 11, 2026, 1:01 PM`, `11 juin 2026 à 13:01`, `11. Juni 2026, 13:01`,
    `2026年6月11日 13:01`, `11/06/2026 13:01`. Numeric dates read day-first unless that is
    impossible (a US `06/13/2026`).
    """
    clock = _CLOCK.search(text)
    hour = minute = second = 0
    date_part = text
    if clock is not None:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        second = int(clock.group(3) or 0)
        date_part = text[: clock.start()] + " " + text[clock.end() :]
        if _PM.search(date_part) and hour < 12:
            hour += 12
        elif _AM.search(date_part) and hour == 12:
            hour = 0
    month: int | None = None
    for word in _WORD.findall(date_part):
        month = MONTH_WORDS.get(word.casefold())
        if month is not None:
            break
    numbers = [int(n) for n in _DIGITS.findall(date_part)]
    years = [n for n in numbers if n >= 1000]
    if len(years) != 1:
        return None
    year = years[0]
    rest = [n for n in numbers if n < 1000]
    if month is not None:
        if len(rest) != 1:
            return None
        day = rest[0]
    elif len(rest) == 2:
        # year first (2026-06-11, 2026年6月11日), or a US 06/13/2026 that only reads month-first
        if numbers[0] == year or rest[1] > 12:
            month, day = rest
        else:
            day, month = rest
    else:
        return None
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\d\s.,]*)\.?")
_HOURS: Final = frozenset({"h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden"})
_HOURS_ALSO: Final = frozenset({"heure", "heures", "小时", "時間", "ч", "u", "uur"})
_MINUTES: Final = frozenset(
    {"m", "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos", "分钟", "分", "мин"}
)
_SECONDS: Final = frozenset(
    {"s", "sec", "secs", "second", "seconds", "sek", "sekunden", "seconde", "secondes", "秒"}
)
_UNIT_SECONDS: Final[dict[str, int]] = {
    **dict.fromkeys(_HOURS | _HOURS_ALSO, 3600),
    **dict.fromkeys(_MINUTES, 60),
    **dict.fromkeys(_SECONDS, 1),
}


def read_duration_s(text: str, bare_unit_s: int = 1) -> int | None:
    """A duration in seconds: `1h 38m`, `55m`, `57min`, `1小时13分钟`, `1:05:00`, or a bare number
    counted in `bare_unit_s` seconds."""
    if ":" in text:
        return read_clock_s(text)
    total = 0.0
    matched_to = 0
    for amount in _AMOUNT.finditer(text):
        if text[matched_to : amount.start()].strip():
            return None
        unit = amount.group(2).casefold()
        scale = bare_unit_s if not unit else _UNIT_SECONDS.get(unit)
        if scale is None:
            return None
        total += float(amount.group(1).replace(",", ".")) * scale
        matched_to = amount.end()
    if matched_to == 0 or text[matched_to:].strip():
        return None
    return round(total)


def read_clock_s(text: str) -> int | None:
    """`1:30` (m:ss) or `0:01:30` (h:mm:ss) in seconds."""
    parts = text.strip().split(":")
    if not 2 <= len(parts) <= 3 or not all(p.strip().isdigit() for p in parts):
        return None
    total = 0
    for part in parts:
        total = total * 60 + int(part)
    return total


_WEIGHT_UNITS: Final[dict[str, Units]] = {
    "kg": Units.KG,
    "kgs": Units.KG,
    "kilograms": Units.KG,
    "lb": Units.LB,
    "lbs": Units.LB,
    "pounds": Units.LB,
}


def read_weight_unit(text: str) -> Units | None:
    return _WEIGHT_UNITS.get(text.strip().rstrip(".").casefold())


_METRES_PER: Final[dict[str, float]] = {
    "m": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "metres": 1.0,
    "km": 1000.0,
    "kms": 1000.0,
    "kilometers": 1000.0,
    "mi": 1609.344,
    "mile": 1609.344,
    "miles": 1609.344,
    "ft": 0.3048,
    "feet": 0.3048,
    "yd": 0.9144,
    "yds": 0.9144,
    "yards": 0.9144,
}


def metres_per(unit_text: str) -> float | None:
    """Metres in one `unit_text` (`mi.`, `km`, `m`...), None for an unknown unit."""
    return _METRES_PER.get(unit_text.strip().rstrip(".").casefold())


def logged_load(value: float, file_unit: Units, logged_in: Units) -> tuple[float, float]:
    """(load rounded to 0.01 in the unit it was logged in, load in kg).

    A pound lifter's 45 lb written by the app as 20.41168092460379 kg comes back as exactly
    45 lb: rounding happens in the logging unit, before any conversion to kilograms.
    """
    if file_unit is logged_in:
        shown = round(value, 2)
    elif logged_in is Units.LB:
        shown = round(value / KG_PER_LB, 2)
    else:
        shown = round(value * KG_PER_LB, 2)
    shown = shown + 0.0  # -0.0 reads as 0
    return shown, (shown if logged_in is Units.KG else shown * KG_PER_LB)


def rir_from_rpe(rpe: float | None) -> int | None:
    """RIR = 10 - RPE, rounded down: RPE 8.5 claims 1.5 reps left, credit 1."""
    if rpe is None:
        return None
    return max(0, int(10 - rpe))


_SET_TYPE_WORDS: Final[dict[str, SetType]] = {
    "w": SetType.WARMUP,
    "warmup": SetType.WARMUP,
    "warm_up": SetType.WARMUP,
    "warm-up": SetType.WARMUP,
    "d": SetType.DROP,
    "drop": SetType.DROP,
    "dropset": SetType.DROP,
    "drop_set": SetType.DROP,
    "f": SetType.FAILURE,
    "failure": SetType.FAILURE,
    "normal": SetType.WORKING,
    "working": SetType.WORKING,
    "amrap": SetType.AMRAP,
}


def read_set_type(text: str) -> SetType | None:
    """A set number means a working set; `W`/`D`/`F`, `WARM_UP`, `dropset`... name the others."""
    if text.isdigit():
        return SetType.WORKING
    return _SET_TYPE_WORDS.get(text.casefold())


def decode_notes(text: str) -> str:
    """Some apps write a line break inside notes as the two characters `\\n`."""
    return text.replace("\\n", "\n") if "\\n" in text else text

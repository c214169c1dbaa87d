"""The set shorthand a lifter types between sets: `backbone log row 60x8@2 x3 w:40x10`.

One shell token is one set, or a repeat of the set before it:

    [T:] BODY [@RIR] [xN]        a set; the glued `xN` repeats it (60x8x3 = three sets)
    xN                           repeat the previous set N-1 more times (60x8 x3 = three sets)

    T:    set type prefix, default working:  w: warm-up, d: drop, f: failure, a: amrap
    BODY  LOADxREPS         60x8, 62.5x10, 62,5x10     load in the unit the user typed
          bwxREPS           bwx8                       bodyweight (added 0.0)
          bw+ADDEDxREPS     bw+10x6                    weight added to bodyweight
          bw-ASSISTxREPS    bw-20x8                    assistance (band, machine): negative added
          SECONDSs          45s                        a hold
          M:SS              1:30                       a long hold
          LOADxSECONDSs     24x40s                     a loaded carry or hold: load x time
          bw+ADDEDxSECONDSs bw+10x30s                  a hold with weight added
    @RIR  reps in reserve, a whole number 0-10

Case does not matter; `×` and `X` read as `x`, a decimal comma as a point, a Unicode minus sign as `-`.
Ranges: load and added/assistance 0.25-1000 (the smallest real increment up), reps 1-100,
hold 1-3600 s, repeat 1-20, at most 60 sets in all (`backbone.domain.inputs`).
Anything else is an `InputError` naming the token, what was wrong and examples of valid syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from backbone.domain.errors import InputError
from backbone.domain.history import SetType
from backbone.domain.inputs import MAX_SETS_PER_ENTRY, MIN_INCREMENT_KG, check_set_count

EXAMPLES: Final[tuple[str, ...]] = (
    "60x8@2",
    "60x8 x3",
    "bw+10x6",
    "bw-20x8",
    "45s",
    "24x40s",
    "w:40x10",
)

MIN_LOAD: Final = MIN_INCREMENT_KG
"""No real load or added weight is lighter; the service checks the pound minimum once it knows the unit."""
MAX_LOAD: Final = 1000.0
MAX_REPS: Final = 100
MAX_SECONDS: Final = 3600
MAX_RIR: Final = 10
MAX_REPEAT: Final = 20
_MAX_TOKEN_CHARS: Final = 40
"""Longer tokens are typos; the cap also keeps int() away from huge digit strings."""

_PREFIXES: Final[dict[str, SetType]] = {
    "w": SetType.WARMUP,
    "d": SetType.DROP,
    "f": SetType.FAILURE,
    "a": SetType.AMRAP,
}
_PREFIX_OF: Final[dict[SetType, str]] = {kind: prefix for prefix, kind in _PREFIXES.items()}

_NUMBER = r"[0-9]+(?:\.[0-9]+)?"  # 60, 62.5 (a decimal comma is turned into a point first)

# The grammar of one set token, matched against the whole normalised token (re.fullmatch).
_SET = re.compile(
    rf"""
    (?: (?P<prefix>[wdfa]) : )?                           # optional set type: w: d: f: a:
    (?:
        (?P<held>{_NUMBER}) x (?P<held_s>[0-9]+) s        # LOADxSECONDSs      24x40s
      | bw (?: (?P<held_sign>[+-]) (?P<held_added>{_NUMBER}) )? x (?P<bw_held_s>[0-9]+) s
                                                          # bw+ADDEDxSECONDSs  bw+10x30s
      | (?P<load>{_NUMBER}) x (?P<reps>[0-9]+)            # LOADxREPS          60x8
      | bw (?: (?P<sign>[+-]) (?P<added>{_NUMBER}) )?     # bw, bw+ADDED, bw-ASSIST
        x (?P<bw_reps>[0-9]+)                             #   xREPS            bw+10x6
      | (?P<hold_s>[0-9]+) s                              # SECONDSs           45s
      | (?P<hold_m>[0-9]+) : (?P<hold_ss>[0-5][0-9])      # M:SS               1:30
    )
    (?: @ (?P<rir>{_NUMBER}) )?                           # @RIR (a decimal is caught below)
    (?: x (?P<times>[0-9]+) )?                            # glued repeat       60x8x3
    """,
    re.VERBOSE | re.ASCII,
)

# A token of its own that repeats the previous set: x3.
_REPEAT = re.compile(r"x(?P<times>[0-9]+)", re.ASCII)

_BARE_NUMBER = re.compile(_NUMBER, re.ASCII)


@dataclass(frozen=True, slots=True)
class ParsedSet:
    """One set as typed; the service converts units and attaches exercise, date and position."""

    set_type: SetType
    load: float | None
    """in the unit the user typed; None for bodyweight sets and unloaded holds"""
    added: float | None
    """bodyweight sets: +added / -assistance, 0.0 for plain `bw`; None otherwise"""
    reps: int | None
    seconds: int | None
    """hold time; None for rep sets"""
    rir: int | None
    """reps in reserve, 0-10"""


def parse_sets(tokens: Sequence[str]) -> tuple[ParsedSet, ...]:
    """Parse shell tokens such as `60x8@2 x3 w:40x10` into sets, in order.

    Raises InputError naming the first bad token; nothing is returned partially.
    """
    if not tokens:
        raise InputError(
            f"No sets given: type at least one set, e.g. {', '.join(EXAMPLES)}.",
            {"token": "", "examples": list(EXAMPLES)},
        )
    # Refuse a flood of tokens before reading any of them (a pasted file, a runaway script).
    check_set_count(len(tokens))
    sets: list[ParsedSet] = []
    previous_was_repeat = False
    for position, raw in enumerate(tokens, start=1):
        if len(sets) > MAX_SETS_PER_ENTRY:
            break
        token = _normalise(raw)
        if len(token) > _MAX_TOKEN_CHARS:
            raise _bad(raw, position, f"it is longer than {_MAX_TOKEN_CHARS} characters")
        repeat = _REPEAT.fullmatch(token)
        if repeat is not None:
            if not sets:
                raise _bad(raw, position, "a repeat needs a set before it to repeat")
            if previous_was_repeat:
                raise _bad(raw, position, "a repeat must follow a set, not another repeat")
            times = _repeat_count(repeat.group("times"), raw, position)
            sets.extend([sets[-1]] * (times - 1))
            previous_was_repeat = True
            continue
        parsed, times = _parse_one(token, raw, position)
        sets.extend([parsed] * times)
        previous_was_repeat = times > 1
    check_set_count(len(sets))
    return tuple(sets)


def format_set(parsed: ParsedSet) -> str:
    """The canonical shorthand of one set: `parse_sets([format_set(s)]) == (s,)`."""
    prefix = f"{_PREFIX_OF[parsed.set_type]}:" if parsed.set_type in _PREFIX_OF else ""
    if parsed.seconds is not None and parsed.load is not None:
        body = f"{_number(parsed.load)}x{parsed.seconds}s"
    elif parsed.seconds is not None and parsed.added is not None:
        body = f"{_bodyweight(parsed.added)}x{parsed.seconds}s"
    elif parsed.seconds is not None:
        body = f"{parsed.seconds}s"
    elif parsed.load is not None:
        body = f"{_number(parsed.load)}x{parsed.reps}"
    else:
        body = f"{_bodyweight(parsed.added or 0.0)}x{parsed.reps}"
    rir = "" if parsed.rir is None else f"@{parsed.rir}"
    return f"{prefix}{body}{rir}"


def _bodyweight(added: float) -> str:
    sign = "" if added == 0 else ("+" if added > 0 else "-")
    amount = "" if added == 0 else _number(abs(added))
    return f"bw{sign}{amount}"


def format_sets(sets: Iterable[ParsedSet]) -> tuple[str, ...]:
    """Shorthand tokens for sets, runs of equal sets written once with a repeat: `60x8 x3`."""
    tokens: list[str] = []
    runs: list[list[ParsedSet]] = []
    for parsed in sets:
        if runs and runs[-1][0] == parsed and len(runs[-1]) < MAX_REPEAT:
            runs[-1].append(parsed)
        else:
            runs.append([parsed])
    for run in runs:
        tokens.append(format_set(run[0]))
        if len(run) > 1:
            tokens.append(f"x{len(run)}")
    return tuple(tokens)


def _parse_one(token: str, raw: str, position: int) -> tuple[ParsedSet, int]:
    match = _SET.fullmatch(token)
    if match is None:
        raise _bad(raw, position, _why_unreadable(token))
    group = match.group
    set_type = _PREFIXES[group("prefix")] if group("prefix") else SetType.WORKING
    load: float | None = None
    added: float | None = None
    reps: int | None = None
    seconds: int | None = None
    if group("held") is not None:
        load = _amount(group("held"), "load", raw, position)
        seconds = _seconds(int(group("held_s")), raw, position)
    elif group("bw_held_s") is not None:
        added = _added(group("held_sign"), group("held_added"), raw, position)
        seconds = _seconds(int(group("bw_held_s")), raw, position)
    elif group("load") is not None:
        load = _amount(group("load"), "load", raw, position)
        reps = _reps(group("reps"), raw, position)
    elif group("bw_reps") is not None:
        added = _added(group("sign"), group("added"), raw, position)
        reps = _reps(group("bw_reps"), raw, position)
    else:
        if group("hold_s") is not None:
            seconds = int(group("hold_s"))
        else:
            seconds = int(group("hold_m")) * 60 + int(group("hold_ss"))
        seconds = _seconds(seconds, raw, position)
    rir = _rir(group("rir"), raw, position)
    times = 1 if group("times") is None else _repeat_count(group("times"), raw, position)
    return ParsedSet(set_type, load, added, reps, seconds, rir), times


def _added(sign: str | None, text: str | None, raw: str, position: int) -> float:
    """bw = 0.0, bw+10 = 10.0 added, bw-20 = -20.0 (assistance)."""
    if text is None:
        return 0.0
    what = "added load" if sign == "+" else "assistance"
    added = _amount(text, what, raw, position)
    return -added if sign == "-" else added


def _seconds(seconds: int, raw: str, position: int) -> int:
    if not 1 <= seconds <= MAX_SECONDS:
        raise _bad(raw, position, f"a hold must be 1-{MAX_SECONDS} seconds")
    return seconds


def _normalise(raw: str) -> str:
    return (
        raw.strip()
        .lower()
        .replace("×", "x")
        .replace(",", ".")
        .replace("\u2212", "-")  # U+2212 minus sign
    )


def _amount(text: str, what: str, raw: str, position: int) -> float:
    value = float(text)
    if not MIN_LOAD <= value <= MAX_LOAD:
        hint = " (write bwx8 for plain bodyweight)" if what != "load" else ""
        raise _bad(
            raw,
            position,
            f"the {what} must be at least {MIN_LOAD:g} and at most {MAX_LOAD:g}{hint}",
        )
    return value


def _reps(text: str, raw: str, position: int) -> int:
    reps = int(text)
    if not 1 <= reps <= MAX_REPS:
        raise _bad(raw, position, f"reps must be 1-{MAX_REPS}")
    return reps


def _rir(text: str | None, raw: str, position: int) -> int | None:
    if text is None:
        return None
    if "." in text:
        raise _bad(raw, position, "RIR counts whole reps left in the tank: use @1 or @2, not @1.5")
    rir = int(text)
    if not 0 <= rir <= MAX_RIR:
        raise _bad(raw, position, f"RIR must be a whole number 0-{MAX_RIR}")
    return rir


def _repeat_count(text: str, raw: str, position: int) -> int:
    times = int(text)
    if not 1 <= times <= MAX_REPEAT:
        raise _bad(raw, position, f"a repeat count must be 1-{MAX_REPEAT}")
    return times


def _why_unreadable(token: str) -> str:
    """A hint for the common slips; the generic shape otherwise."""
    if _BARE_NUMBER.fullmatch(token):
        return (
            f"a number alone is ambiguous: write {token}s for a hold or {token}x8 for load x reps"
        )
    if token.endswith("@"):
        return "'@' must be followed by the RIR, a whole number 0-10"
    if re.fullmatch(r"[a-z]:", token):
        return "a set-type prefix needs a set after it"
    return (
        "expected [w:|d:|f:|a:] then LOADxREPS, bwxREPS, bw+ADDEDxREPS, bw-ASSISTxREPS, "
        "SECONDSs, M:SS or LOADxSECONDSs, then optional @RIR and xN; or xN alone to repeat the previous set"
    )


def _bad(raw: str, position: int, why: str) -> InputError:
    return InputError(
        f"Set {position} {raw!r} is not valid shorthand: {why}. e.g. {', '.join(EXAMPLES)}",
        {"token": raw, "position": position, "examples": list(EXAMPLES)},
    )


def _number(value: float) -> str:
    """Shortest decimal text that reads back as the same float, without an exponent: 62.5, 60."""
    text = format(Decimal(repr(value)), "f")
    return text.removesuffix(".0")

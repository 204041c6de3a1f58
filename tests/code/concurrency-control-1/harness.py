"""Harness for concurrency-control-1: the seat-booking listing overbooks
when two requests interleave between the check and the write, and fixed.py
never does.

Usage: harness.py LISTING.py FIXED.py

To make the interleaving happen on demand rather than by luck, the harness
subclasses the module's AssessmentSession and turns `seats_left` into a
property whose getter pauses for a moment after reading the value, which
lets other threads run between the read and the write, as a busy server
does now and then. The listing must then overbook (or lose a decrement) in
at least one of the runs; the fixed version must stay exact in every run,
slowed down or not.

The listing is also run as it stands, and how often it went wrong is only
reported, never required: CPython hands the GIL over at few places, so the
plain listing usually books exactly 20 (the kit tells interviewers so: a
clean run is not evidence of safety), while a free-threaded build may
overbook. Either outcome is right, so neither can fail the check.
"""
import importlib.util
import sys
import threading
import time

SEATS, CANDIDATES = 20, 120


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # the __main__ block does not run
    return mod


def slowed(mod):
    """The module's session class, with a pause after each read of the
    seat count, so a thread switch lands between read and write."""
    base = mod.AssessmentSession

    class Slowed(base):
        @property
        def seats_left(self):
            v = self.__dict__["_seats"]
            time.sleep(0.0005)
            return v

        @seats_left.setter
        def seats_left(self, v):
            self.__dict__["_seats"] = v

    return Slowed


def run(cls, open_booking):
    s = cls(SEATS)
    open_booking(s, ["cand-%d" % i for i in range(CANDIDATES)])
    return s


def problems(s):
    """What is wrong with a session after every candidate tried to book."""
    out = []
    booked, left = len(s.booked), s.seats_left
    if booked > SEATS:
        out.append("%d candidates booked into %d seats" % (booked, SEATS))
    if booked + left != SEATS:
        out.append("%d booked + %d left != %d seats (a lost update)"
                   % (booked, left, SEATS))
    if booked < SEATS:
        out.append("only %d of %d seats were booked" % (booked, SEATS))
    if len(set(s.booked)) != booked:
        out.append("a candidate was booked twice")
    return out


def main(listing, fixed):
    ok = True
    lst = load(listing, "listing")
    fix = load(fixed, "fixed")

    # 1. With one request at a time the listing is right: the bug is a race.
    s = lst.AssessmentSession(SEATS)
    for i in range(CANDIDATES):
        s.book("cand-%d" % i)
    if problems(s):
        print("listing is wrong even without threads:", problems(s))
        ok = False

    # 1b. Run as it stands, it may or may not go wrong: report, don't judge.
    plain = sum(1 for _ in range(5)
                if problems(run(lst.AssessmentSession, lst.open_booking)))
    print("listing as it stands went wrong in %d of 5 plain runs "
          "(a clean run proves nothing)" % plain)

    # 2. With a thread switch between read and write, it overbooks.
    cls = slowed(lst)
    seen = []
    for _ in range(5):
        seen += problems(run(cls, lst.open_booking))
        if seen:
            break
    if seen:
        print("listing shows the race:", seen[0])
    else:
        print("listing never overbooked in 5 slowed runs: no race shown")
        ok = False

    # 3. The fixed version is exact, slowed or not, every time.
    runs = [(slowed(fix), 3), (fix.AssessmentSession, 20)]
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        for cls, n in runs:
            for i in range(n):
                p = problems(run(cls, fix.open_booking))
                if p:
                    print("fixed.py is wrong (%s, run %d): %s"
                          % (cls.__name__, i + 1, p[0]))
                    ok = False
                    break
    finally:
        sys.setswitchinterval(old)
    if ok:
        print("fixed.py books exactly %d of %d candidates in every run"
              % (SEATS, CANDIDATES))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

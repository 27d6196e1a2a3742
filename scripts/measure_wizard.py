"""Drives outcry's guided letter in a pseudo-terminal as three people would, and counts.

Used by scripts/measure-wizard (which makes the venv with pexpect and the binaries); run
alone as: python scripts/measure_wizard.py --before BIN --after BIN [--runs N].

Each person starts from a fresh config and data folder, answers what the wizard asks, and
stops when the files are written ("Wrote N letters"). A prompt is one question answered (a
line typed, a menu choice, a yes/no, a list ticked). The time runs from starting `outcry`
to the "Wrote" line, with the answers typed as soon as each prompt shows, so it measures
the program and the path through it, not a person's typing. The retired doctor writes to
her newspaper and her medical regulator: a build that gives everyone one letter needs two
runs for her (one per letter), and both are counted.

The driver reacts to prompts rather than replaying keys, so it drives builds whose wizards
ask different things; a prompt it does not know stops the run with the screen so far.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time

import pexpect

DOWN = "\x1b[B"
ESC = "\x1b"
DATE = "2026-11-28"


class Person:
    """One writer: details, how they find whom to write to, and their answers."""

    def __init__(self, key, who, runs):
        self.key = key
        self.who = who
        # Each run: {"find": [...ways], "letters": [titles], "tick": [names], "place": str,
        #            "others": [(name, org, kind, email)]}
        self.runs = runs


NURSE = Person(
    "nurse",
    "a nurse in Chicago (ZIP 60614): law letter to her senators and her House member",
    [
        {
            "details": ["Maria Lopez", "maria@example.org", "2400 N Lakeview Ave", "Chicago, IL 60614", "", "US"],
            "find": ["mine"],
            "place": "60614",
            "tick": ["Durbin", "Duckworth", "Quigley"],
            "letters": ["Pass a law against transplant tourism"],
            "personal": "As a transplant nurse I see what an organ means; every one must be given freely.",
            "connection": "a nurse in Chicago",
        }
    ],
)
TEACHER = Person(
    "teacher",
    "a teacher in Leeds (LS2 9JT): law letter to her MP",
    [
        {
            "details": ["Sarah Hughes", "sarah@example.org", "1 Park Lane", "Leeds LS2 9JT", "", "GB"],
            "find": ["mine"],
            "place": "LS2 9JT",
            "tick": ["Alex Sobel"],
            "letters": ["Pass a law against transplant tourism"],
            "personal": "I teach sixteen-year-olds, and they deserve a country that refuses to profit from this.",
            "connection": "a teacher in Leeds",
        }
    ],
)
EDITOR = ("The Letters Editor", "The Example Gazette", 4, "letters@example.org")
REGULATOR = ("The Registrar", "The Example Medical Council", 5, "registrar@example.org")
DOCTOR_DETAILS = ["Ruth Adler", "ruth@example.org", "3 Church Road", "Bristol BS1 1AA", "", "GB"]
DOCTOR_WORDS = "I practised medicine for forty years; no patient should ever receive an organ taken by force."


def doctor(two_letters_in_one_run):
    common = {"details": DOCTOR_DETAILS, "personal": DOCTOR_WORDS, "connection": "a retired doctor"}
    if two_letters_in_one_run:
        runs = [dict(common, find=["else", "else"], others=[EDITOR, REGULATOR],
                     letters=["Letter to the editor", "Protect medical integrity"])]
    else:
        runs = [dict(common, find=["else"], others=[EDITOR], letters=["Letter to the editor"]),
                dict(common, find=["else"], others=[REGULATOR], letters=["Protect medical integrity"])]
    return Person("doctor", "a retired doctor: her newspaper and the medical regulator (two letters)", runs)


class Unknown(Exception):
    pass


def drive_once(binary, home, plan, log):
    """One run of the wizard; returns (prompts answered, seconds to the files, letters)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "OUTCRY_CONFIG_DIR": os.path.join(home, "config"),
        "OUTCRY_DATA_DIR": os.path.join(home, "data"),
        "OUTCRY_DATE": DATE,
        "NO_COLOR": "1",
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PAGER": "cat",
    }
    start = time.monotonic()
    child = pexpect.spawn(binary, [], env=env, cwd=home, encoding="utf-8",
                          dimensions=(40, 120), timeout=60)
    # Answers go as soon as a prompt shows (pexpect's default waits 50 ms before each).
    child.delaybeforesend = None
    child.logfile_read = log
    prompts = 0
    finds = list(plan["find"])
    others = list(plan.get("others", []))
    letters = list(plan["letters"])
    details = list(plan["details"])
    typing_other = None
    added = 0
    wanted = len(plan.get("others", [])) or 1
    patterns = [
        r"Wrote (\d+) letters? \(",               # 0 done
        r"Write as this person\?",                 # 1
        r"Your full name",                         # 2
        r"Your email address",                     # 3
        r"Address line \d",                        # 4
        r"Your country",                           # 5
        r"Save these details for next time\?",     # 6
        r"Find them",                              # 7
        r"Your US ZIP code, or your UK postcode",  # 8
        r"Choose with Space[^\r\n]*",              # 9
        r"Add more recipients\?",                  # 10
        r"Choose a letter[^\r\n]*",                # 11
        r"A suggested headline",                   # 12
        r"What prompted you to write\?",           # 13
        r"In your own words, why does this matter to you\?",  # 14
        r"Who you are, in a few words",            # 15
        r"Would you like a written reply\?",       # 16
        r"What next\?",                            # 17
        r"Save the letters in folder",             # 18
        r"Their name, or the office",              # 19
        r"Their title or role",                    # 20
        r"Organisation \(optional",                # 21
        r"What kind of recipient\?",               # 22
        r"Their country",                          # 23
        r"Their published email address",          # 24
        r"How to greet them",                      # 25
        r"to your own recipients",                 # 26
        r"-- more",                                # 27
        r"You have an unfinished letter",          # 28
        pexpect.EOF,                               # 29
    ]
    while True:
        i = child.expect(patterns)
        if i == 0:
            elapsed = time.monotonic() - start
            count = int(child.match.group(1))
            # Leave whatever follows (the end-of-road menu) without counting it.
            j = child.expect([r"What would you like to do\?", pexpect.EOF])
            if j == 0:
                child.send(ESC)
                child.expect(pexpect.EOF)
            child.close()
            return prompts, elapsed, count
        if i == 29:
            raise Unknown("the wizard ended before writing: " + (child.before or "")[-2000:])
        prompts += 1
        if i == 1 or i == 6:
            child.send("y")
        elif i == 2:
            child.sendline(details[0])
        elif i == 3:
            child.sendline(details[1])
        elif i == 4:
            if typing_other:
                child.sendline("")
            else:
                n = int(child.after.split()[-1])
                child.sendline(details[1 + n] if 1 + n < 5 else "")
        elif i == 5:
            child.sendline(details[5])
        elif i == 7:
            way = finds.pop(0)
            downs = {"search": 0, "else": 1, "mine": 2}[way]
            child.send(DOWN * downs + "\r")
        elif i == 8:
            child.sendline(plan["place"])
        elif i == 9:
            tick_rows(child, plan["tick"])
        elif i == 10:
            added += 1
            child.send("y" if added < wanted else "n")
        elif i == 11:
            title = letters.pop(0)
            child.expect(re.escape(title))
            above = child.before.count(" — ")
            child.send(DOWN * above + "\r")
        elif i in (12, 13):
            child.sendline("")
        elif i == 14:
            child.sendline(plan["personal"])
        elif i == 15:
            child.sendline(plan["connection"])
        elif i == 16:
            child.send("y")
        elif i == 17:
            child.send("\r")
        elif i == 18:
            child.sendline("")
        elif i == 19:
            typing_other = others.pop(0)
            child.sendline(typing_other[0])
        elif i == 20:
            child.sendline("")
        elif i == 21:
            child.sendline(typing_other[1])
        elif i == 22:
            child.send(DOWN * typing_other[2] + "\r")
        elif i == 23:
            child.sendline("gb")
        elif i == 24:
            child.sendline(typing_other[3])
        elif i == 25:
            child.sendline("")
        elif i == 26:
            child.send("n")
            typing_other = None
        elif i == 27:
            prompts -= 1  # paging is not a question
            child.send(" ")
        elif i == 28:
            raise Unknown("a draft was offered in a fresh data folder")
        if i != 27:
            # dialoguer redraws a prompt on every key and then reports the answer on one line
            # ("✔ prompt · answer"): wait for that line, so a redraw is not taken for a new
            # question.
            child.expect("\u2714[^\n]*\n")


def tick_rows(child, wanted):
    """Makes the ticked rows of a multi-select exactly those naming one of `wanted`."""
    rows = []
    while True:
        # A row: "> [x] name" (the cursor's), "  [ ] name"; older builds draw no cursor mark.
        k = child.expect([r"\[([ x])\] ([^\r\n]*)\r?\n", pexpect.TIMEOUT], timeout=0.3)
        if k == 1:
            break
        rows.append((child.match.group(1) == "x", child.match.group(2)))
    cursor = 0
    keys = ""
    for n, (ticked, text) in enumerate(rows):
        want = any(w in text for w in wanted)
        if want != ticked:
            keys += DOWN * (n - cursor) + " "
            cursor = n
    child.send(keys + "\r")


def measure(binary, person, log):
    prompts, seconds, letters = 0, 0.0, 0
    with tempfile.TemporaryDirectory(prefix="outcry-measure-") as home:
        for plan in person.runs:
            p, s, n = drive_once(binary, home, plan, log)
            prompts, seconds, letters = prompts + p, seconds + s, letters + n
    return prompts, seconds, letters


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--log", default=os.devnull)
    args = ap.parse_args()
    log = open(args.log, "w")
    sides = [("before", args.before, False), ("after", args.after, True)]
    results = {}
    for _ in range(args.runs):
        # Interleaved: before and after take turns, person by person.
        for person_key in ("nurse", "teacher", "doctor"):
            for side, binary, grouping in sides:
                person = {"nurse": NURSE, "teacher": TEACHER, "doctor": doctor(grouping)}[person_key]
                try:
                    r = measure(binary, person, log)
                except (Unknown, pexpect.TIMEOUT) as e:
                    print(f"{side} {person_key}: could not finish: {e}", file=sys.stderr)
                    r = None
                results.setdefault((person_key, side), []).append(r)
    print(f"{'person':<9} {'build':<7} {'runs':>4} {'letters':>7} {'prompts':>7} {'median s':>9}  all s")
    for person_key, label in (("nurse", NURSE.who), ("teacher", TEACHER.who), ("doctor", doctor(True).who)):
        print(f"# {label}")
        for side, _, _ in sides:
            rs = [r for r in results[(person_key, side)] if r]
            if not rs:
                print(f"{person_key:<9} {side:<7} {0:>4}   (no run finished)")
                continue
            secs = [r[1] for r in rs]
            print(f"{person_key:<9} {side:<7} {len(rs):>4} {rs[0][2]:>7} {rs[0][0]:>7} "
                  f"{statistics.median(secs):>9.2f}  {' '.join(f'{s:.2f}' for s in secs)}")
    log.close()


if __name__ == "__main__":
    main()

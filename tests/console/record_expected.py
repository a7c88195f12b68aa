#!/usr/bin/env python3
"""Records the expected output of tests/console/scripts/*.exs with real `elixir` (1.14 / OTP 25).

For each NAME.exs writes NAME.out (normalised stdout), NAME.err (normalised stderr, only when not
empty) and NAME.status (the exit status, only when not 0). tst_console applies the same
normalisation to the output of our runner. Usage: record_expected.py [NAME ...]
record_expected.py --scenarios records resources/scenarios/*.exs into tests/console/scenarios/.
record_expected.py --sessions [NAME ...] records the console transcripts sessions/NAME.iex (the lines
a teacher types) as `iex < NAME.iex` prints them into sessions/NAME.out (and .err, .status).
record_expected.py --nodes [NAME ...] records the distributed-Erlang scripts nodes/NAME.exs as
scripts/ are recorded (run in nodes/); it starts epmd first (`epmd -daemon`), which Node.start needs.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
HERE = os.path.join(ROOT, "scripts")
SCENARIOS = os.path.join(ROOT, "..", "..", "resources", "scenarios")
SESSIONS = os.path.join(ROOT, "sessions")
NODES = os.path.join(ROOT, "nodes")


def normalise_ids(text):
    """#PID<0.N.M> -> #PID<k>, #Reference<...> -> #Reference<k> and #Function<...> -> #Function<k>,
    k in order of first appearance. A pid of another node, #PID<X.N.M> with X != 0 (the BEAM prints
    the same X for every pid of one node), -> #PID<j.k>: j numbers the distinct non-zero X in order
    of first appearance (1, 2, ...) and k is the counter the local pids share, so that
    "#PID<0.96.0> #PID<15505.92.0> #PID<15505.93.0> #PID<0.96.0>" reads
    "#PID<1> #PID<1.2> #PID<1.3> #PID<1>"."""
    seen = {}
    node_numbers = {}

    def pid(m):
        k = seen.setdefault(m.group(0), len(seen) + 1)
        parts = m.group(1).split(".")
        if len(parts) == 3 and parts[0] != "0":
            return "#PID<%d.%d>" % (node_numbers.setdefault(parts[0], len(node_numbers) + 1), k)
        return "#PID<%d>" % k

    text = re.sub(r"#PID<([0-9.]+)>", pid, text)
    for pattern, label in ((r"#Reference<[0-9.]+>", "Reference"), (r"#Function<[^>]*>", "Function")):
        seen = {}

        def repl(m):
            return "#%s<%d>" % (label, seen.setdefault(m.group(0), len(seen) + 1))

        text = re.sub(pattern, repl, text)
    return text


def normalise_out(text):
    """Logger reports in stdout: no timestamps, no stacktrace lines under a "** (" line, and no
    blank or stacktrace lines under a GenServer report's "Client #PID<...> is alive" line."""
    out = []
    in_stack = False
    in_client = False
    for line in text.split("\n"):
        if in_stack and line.startswith("    "):
            continue
        if in_client and (line == "" or line.startswith("    ")):
            continue
        in_stack = line.startswith("** (")
        in_client = re.match(r"^Client #PID<[0-9.]+> is (alive|dead)$", line) is not None
        out.append(re.sub(r"^\d\d:\d\d:\d\d\.\d\d\d ", "", line))
    return normalise_ids("\n".join(out))


def normalise_err(text):
    """Keeps the lines that say what happened: no stack lines, no blank lines, no compiler warnings,
    no logger timestamps."""
    out = []
    skip_warning = False
    for line in text.splitlines():
        if line.startswith("warning:"):
            skip_warning = True
            continue
        if not line.strip():
            skip_warning = False
            continue
        if line[0] in " \t":
            continue
        if skip_warning:
            continue
        out.append(re.sub(r"^\d\d:\d\d:\d\d\.\d\d\d ", "", line))
    return normalise_ids("\n".join(out) + ("\n" if out else ""))


def record(name, here=HERE):
    """Runs NAME.exs in `here` (scripts/ or nodes/) and writes what it printed next to it."""
    p = subprocess.run(["elixir", name + ".exs"], cwd=here, capture_output=True, text=True, timeout=60)
    with open(os.path.join(here, name + ".out"), "w") as f:
        f.write(normalise_out(p.stdout))
    err = normalise_err(p.stderr)
    for ext, content in ((".err", err), (".status", "%d\n" % p.returncode if p.returncode else "")):
        target = os.path.join(here, name + ext)
        if content:
            with open(target, "w") as f:
                f.write(content)
        elif os.path.exists(target):
            os.remove(target)
    print("%-40s status %d" % (name, p.returncode))


def normalise_session(text):
    """What `iex < NAME.iex` printed: normalise_out's rules, without the banner lines
    ("Interactive Elixir (...) - press Ctrl+C to exit ...", printed again after the shell restarts;
    Actorscope's reads "... - press Ctrl+C to interrupt")
    and the final empty prompt; the bytecode of a module a session defines, which depends on the
    Elixir version, is cut to its "FOR1" header: <<70, 79, 82, 49, ...>>."""
    text = re.sub(r"(?m)^Interactive Elixir \(.*\) - press Ctrl\+C to (exit|interrupt).*\n", "", text)
    text = re.sub(r"(iex|\.\.\.)\(\d+\)> $", "", text)
    text = re.sub(r"<<70, 79, 82, 49,[0-9,\s]*\.\.\.>>", "<<70, 79, 82, 49, ...>>", text)
    # normalise_out's rules, applied to each line after the prompts that start it
    prompts = re.compile(r"^(?:(?:iex|\.\.\.)\(\d+\)> )*")
    out = []
    in_stack = False
    in_client = False
    for line in text.split("\n"):
        prompt = prompts.match(line).group(0)
        bare = line[len(prompt):]
        if not prompt and in_stack and bare.startswith("    "):
            continue
        if not prompt and in_client and (bare == "" or bare.startswith("    ")):
            continue
        in_stack = bare.startswith("** (")
        in_client = re.match(r"^Client #PID<[0-9.]+> is (alive|dead)$", bare) is not None
        out.append(prompt + re.sub(r"^\d\d:\d\d:\d\d\.\d\d\d ", "", bare))
    return normalise_ids("\n".join(out))


def record_session(name):
    """Types sessions/NAME.iex into a fresh iex (run in sessions/, without any .iex.exs), then
    System.halt(): after the shell has restarted (a linked crash), iex does not stop at the end of
    its input."""
    with open(os.path.join(SESSIONS, name + ".iex")) as f:
        typed = f.read()
    if typed and not typed.endswith("\n"):
        typed += "\n"
    p = subprocess.run(["iex", "--dot-iex", ""], cwd=SESSIONS, input=typed + "System.halt()\n",
                       capture_output=True, text=True, timeout=60)
    with open(os.path.join(SESSIONS, name + ".out"), "w") as f:
        f.write(normalise_session(p.stdout))
    err = normalise_err(p.stderr)
    for ext, content in ((".err", err), (".status", "%d\n" % p.returncode if p.returncode else "")):
        target = os.path.join(SESSIONS, name + ext)
        if content:
            with open(target, "w") as f:
                f.write(content)
        elif os.path.exists(target):
            os.remove(target)
    print("%-40s status %d" % (name, p.returncode))


def record_scenarios():
    """resources/scenarios/NAME.exs -> tests/console/scenarios/NAME.out (they must exit with 0)."""
    os.makedirs(os.path.join(ROOT, "scenarios"), exist_ok=True)
    for f in sorted(os.listdir(SCENARIOS)):
        if not f.endswith(".exs"):
            continue
        p = subprocess.run(["elixir", f], cwd=SCENARIOS, capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, f + ": " + p.stderr
        with open(os.path.join(ROOT, "scenarios", f[:-4] + ".out"), "w") as out:
            out.write(normalise_out(p.stdout))
        print("%-40s status %d" % (f, p.returncode))


if __name__ == "__main__":
    if sys.argv[1:] == ["--scenarios"]:
        record_scenarios()
        sys.exit(0)
    if sys.argv[1:2] == ["--sessions"]:
        for n in sys.argv[2:] or sorted(f[:-4] for f in os.listdir(SESSIONS) if f.endswith(".iex")):
            record_session(n)
        sys.exit(0)
    if sys.argv[1:2] == ["--nodes"]:
        subprocess.run(["epmd", "-daemon"], check=True)  # Node.start fails without epmd
        for n in sys.argv[2:] or sorted(f[:-4] for f in os.listdir(NODES) if f.endswith(".exs")):
            record(n, NODES)
        sys.exit(0)
    names = sys.argv[1:] or sorted(f[:-4] for f in os.listdir(HERE) if f.endswith(".exs"))
    for n in names:
        record(n)

#!/usr/bin/env python3
"""Drives the load servers and the demos with wrk and prints medians and ratios.

Run through `run`, which builds the binaries and passes their paths in the environment.
Everything listens on 127.0.0.1 and every run is bounded in time or in count.
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))

# (name, path, status the default arm answers, status ours answers)
SCENARIOS = [
    ("happy path", "/hello", 200, 200),
    ("thrown 4xx", "/thrown", 404, 404),
    ("unknown route 404", "/no/such/route", 404, 404),
    ("422, three errors", "/invalid", 422, 422),
    ("generic 500", "/boom", 500, 500),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port, path="/hello", seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered on port {port} within {seconds} s")


def status_of(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Server:
    def __init__(self, command, port, up_path="/hello"):
        self.port = port
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(command, stdout=self.log, stderr=self.log)
        wait_until_up(port, up_path)

    def rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def cpu_seconds(self):
        """User and system CPU time the server has used: what a request costs, whatever the load
        generator on the same machine takes."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def seconds(text):
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def wrk(port, path, duration, connections, threads, script=None, script_args=()):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    if script:
        command += ["-s", script]
    command.append(f"http://127.0.0.1:{port}{path}")
    if script_args:
        command += ["--", *script_args]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"output": output}
    result["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    result["p99"] = seconds(re.search(r"\s99%\s+(\S+)", output).group(1))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    result["socket_errors"] = sum(int(n) for n in errors.groups()) if errors else 0
    return result


def table(rows, header):
    widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(len(header))]
    line = lambda row: "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths))
    print(line(header))
    print("  ".join("-" * width for width in widths))
    for row in rows:
        print(line(row))


def verdict(value, target, spread=None):
    text = f"{value:.3f} {'ok' if value >= target else 'MISSED'} (>= {target})"
    if spread:
        text += f" [{spread[0]:.2f}-{spread[1]:.2f}]"
    return text


def spread(numerators, denominators):
    """The interquartile range of the ratios of the samples taken in the same round: how far one
    round's ratio strays, which says how much a median ratio can be trusted on this machine."""
    ratios = sorted(n["rps"] / d["rps"] for n, d in zip(numerators, denominators))
    if len(ratios) < 4:
        return (ratios[0], ratios[-1])
    quartiles = statistics.quantiles(ratios, n=4)
    return (quartiles[0], quartiles[2])


def start_arms(binary, args):
    """Both arms of one load server, each a fresh process on a port of its own."""
    ports = {"default": free_port(), "problems": free_port()}
    servers = {
        arm: Server([binary, "--mode", arm, "--port", str(port), "--log-level", args.log_level], port)
        for arm, port in ports.items()
    }
    return ports, servers


def check_statuses(framework, ports):
    """Each arm answers each scenario with the status it should, before anything is timed."""
    for name, path, default_status, problems_status in SCENARIOS:
        for arm, expected in (("default", default_status), ("problems", problems_status)):
            status, headers, body = status_of(ports[arm], path)
            if status != expected:
                raise SystemExit(f"{framework} {arm} {path}: status {status}, expected {expected}")
            if arm == "problems" and status >= 400 and "problem+json" not in headers.get("Content-Type", ""):
                raise SystemExit(f"{framework} ours {path}: not a problem response: {headers}")
            if status == 500 and b"secret" in body:
                raise SystemExit(f"{framework} {arm} /boom leaks the error: {body!r}")


def warm_up(ports, requests=200):
    """A few hundred sequential requests per scenario, so that a fresh process's first lookups
    and allocations are not timed."""
    for port in ports.values():
        for _, path, *_ in SCENARIOS:
            for _ in range(requests):
                status_of(port, path)


def ratios(framework, binary, args):
    """Runs every scenario against both arms, alternating, and prints the table.

    Both arms are started afresh for every round: one launch of a server can run a few per cent
    faster or slower than the next for as long as it lives (where its threads and memory land), so
    servers that lived through all rounds made every round repeat that launch's luck.
    """
    samples = {(arm, name): [] for arm in ("default", "problems") for name, *_ in SCENARIOS}
    socket_errors = 0
    for round_number in range(args.rounds):
        ports, servers = start_arms(binary, args)
        try:
            if round_number == 0:
                check_statuses(framework, ports)
            warm_up(ports)
            for name, path, *_ in SCENARIOS:
                # ABBA: the arm that goes first alternates from round to round.
                order = ["default", "problems"] if round_number % 2 == 0 else ["problems", "default"]
                for arm in order:
                    cpu_before = servers[arm].cpu_seconds()
                    result = wrk(ports[arm], path, args.duration, args.connections, args.threads)
                    requests = result["rps"] * args.duration
                    result["cpu_us"] = (servers[arm].cpu_seconds() - cpu_before) / requests * 1e6
                    samples[(arm, name)].append(result)
                    socket_errors += result["socket_errors"]
        finally:
            for server in servers.values():
                server.stop()
        print(f"  {framework}: round {round_number + 1} of {args.rounds} done", file=sys.stderr)

    median = lambda arm, name, key: statistics.median(sample[key] for sample in samples[(arm, name)])
    rows = []
    happy_default = median("default", "happy path", "rps")
    happy_ours = median("problems", "happy path", "rps")
    for name, *_ in SCENARIOS:
        default_rps, ours_rps = median("default", name, "rps"), median("problems", name, "rps")
        default_p99, ours_p99 = median("default", name, "p99"), median("problems", name, "p99")
        versus_default_spread = spread(samples[("problems", name)], samples[("default", name)])
        if name == "happy path":
            versus_default = verdict(ours_rps / default_rps, 0.98, versus_default_spread)
            versus_happy = "-"
        else:
            versus_default = verdict(ours_rps / default_rps, 1.0, versus_default_spread)
            versus_happy = verdict(
                ours_rps / happy_ours, 0.95, spread(samples[("problems", name)], samples[("problems", "happy path")])
            )
        rows.append([
            name,
            f"{default_rps:,.0f}",
            f"{ours_rps:,.0f}",
            versus_default,
            versus_happy,
            f"{default_rps / happy_default:.3f}",
            f"{default_p99 * 1e3:.2f}",
            f"{ours_p99 * 1e3:.2f}",
            "ok" if ours_p99 <= default_p99 * 1.05 else "WORSE",
            f"{median('default', name, 'cpu_us'):.1f}",
            f"{median('problems', name, 'cpu_us'):.1f}",
        ])
    print()
    print(
        f"{framework}: wrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
        f"{args.rounds} rounds, fresh servers each round, medians, log level {args.log_level}, "
        f"socket errors {socket_errors}; "
        f"[brackets]: interquartile range of the same round's ratios"
    )
    table(rows, [
        "scenario", "default req/s", "ours req/s", "ours/default", "ours/ours happy",
        "default/default happy", "default p99 ms", "ours p99 ms", "p99",
        "default CPU µs/req", "ours CPU µs/req",
    ])
    return rows


def h2load(port, paths, requests, connections, threads):
    """Sends exactly `requests` requests over HTTP/1.1, round-robin over `paths`, and returns the
    counts h2load reports (wrk cannot stop after a count)."""
    command = [
        "h2load", "--h1", "-n", str(requests), "-c", str(connections), "-t", str(threads),
        *[f"http://127.0.0.1:{port}{path}" for path in paths],
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    done = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, "
                     r"(\d+) errored, (\d+) timeout", output)
    statuses = re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", output)
    rate = re.search(r"finished in ([\d.]+)s, ([\d.]+) req/s", output)
    return {
        "done": int(done.group(3)),
        "errored": int(done.group(6)) + int(done.group(7)),
        "4xx": int(statuses.group(3)),
        "other": int(statuses.group(1)) + int(statuses.group(2)) + int(statuses.group(4)),
        "seconds": float(rate.group(1)),
        "rps": float(rate.group(2)),
    }


def memory(name, command, port, args):
    """A million error responses at -c256: resident memory after them equals after warm-up."""
    # Error responses only, all 4xx: a book that is not there (the database is asked), a route
    # that is not there, and an id that is not a UUID.
    paths = ["/books/00000000-0000-4000-8000-000000000000", "/no/such/route", "/books/not-a-uuid"]
    server = Server(command, port, up_path="/health")
    try:
        warm = h2load(port, paths, args.warmup, args.memory_connections, args.threads)
        time.sleep(1)
        after_warmup = server.rss_kib()
        run = h2load(port, paths, args.requests, args.memory_connections, args.threads)
        time.sleep(1)
        after = server.rss_kib()
    finally:
        server.stop()
    growth_mb = (after - after_warmup) / 1024
    unexpected = args.requests - run["4xx"]
    ok = (
        growth_mb <= 10 and run["errored"] == 0 and run["other"] == 0 and run["4xx"] == args.requests
        and warm["errored"] == 0 and warm["other"] == 0
    )
    print(
        f"{name}: {run['4xx']:,} of {args.requests:,} error responses (4xx) at -c{args.memory_connections} "
        f"in {run['seconds']:.0f} s ({run['rps']:,.0f} req/s); RSS after warm-up ({args.warmup:,}) "
        f"{after_warmup / 1024:.1f} MB, after {after / 1024:.1f} MB, growth {growth_mb:+.1f} MB; "
        f"socket errors and timeouts {run['errored']}, unexpected statuses {unexpected}: "
        f"{'ok' if ok else 'FAILED'}"
    )
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=int, default=5, help="seconds per arm, scenario and round")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--log-level", default="critical")
    parser.add_argument("--frameworks", default="vapor,hummingbird")
    parser.add_argument("--scenarios", default="all", help="comma-separated scenario names, or all")
    parser.add_argument("--memory", action="store_true", help="also the million-response memory check")
    parser.add_argument("--memory-only", action="store_true")
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--warmup", type=int, default=100_000)
    parser.add_argument("--memory-connections", type=int, default=256)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    global SCENARIOS
    if args.scenarios != "all":
        wanted = args.scenarios.split(",")
        SCENARIOS = [scenario for scenario in SCENARIOS if scenario[0] in wanted or scenario[1].strip("/") in wanted]
    missed = False
    if not args.memory_only:
        binaries = {"vapor": os.environ["VAPOR_LOAD_SERVER"], "hummingbird": os.environ["HUMMINGBIRD_LOAD_SERVER"]}
        for framework in args.frameworks.split(","):
            rows = ratios(framework, binaries[framework], args)
            missed |= any("MISSED" in cell or "WORSE" in cell for row in rows for cell in row)
    if args.memory or args.memory_only:
        print()
        for name, binary in (("bookshelf", os.environ["BOOKSHELF"]), ("bookshelf-hummingbird", os.environ["BOOKSHELF_HUMMINGBIRD"])):
            port = free_port()
            database = os.path.join(tempfile.mkdtemp(), "bookshelf.sqlite")
            command = [binary, "--port", str(port), "--database", database, "--log-level", args.log_level]
            missed |= not memory(name, command, port, args)
    sys.exit(1 if missed and args.strict else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Soaks each demo app under mixed concurrent traffic and checks correctness, data and memory.

Run through `soak`, which builds the release demos and passes their paths in the environment
(BOOKSHELF, BOOKSHELF_HUMMINGBIRD), or point it at a running server with --url.

For a bounded time per app, worker threads on keep-alive connections send a weighted mix of
successes (every route of the contract), every problem type in the contract's table (with
negotiation variants and echoed request IDs), concurrent races for one ISBN, rate-limited bursts
and slow requests that hit the route timeout. Every response is checked: the status expected for
the request (so the only 5xx are /boom's 500, /maintenance's 503 and the timeout's 504), and for a
problem its media type, `status` and `request_id`.

The client keeps a ledger of the books the server acknowledged, each owned by one worker at a time
while it is read or written, so the ledger is exact. Failed writes are followed by a read of the
book they aimed at; GET /books is compared with the ledger periodically (books not in flight) and
at the end (all of them); the Vapor app is then stopped with SIGTERM, its SQLite file checked and
the server restarted on it to compare again. The server's resident memory is sampled every 5 s:
growth from after warm-up to the end must stay within 10 MB.

Everything listens on 127.0.0.1; every request times out after 10 s; servers are stopped on exit.
"""
import argparse
import collections
import datetime
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import uuid
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))

# name -> (environment variable with the binary, whether it keeps its books in an SQLite file)
APPS = {
    "bookshelf": ("BOOKSHELF", True),
    "bookshelf-hummingbird": ("BOOKSHELF_HUMMINGBIRD", False),
}

REQUEST_TIMEOUT = 10.0
RSS_EVERY = 5.0
GROWTH_LIMIT_MB = 10.0
MAX_FAILURES_SHOWN = 20  # in detail: the first few of each operation, up to this many in all
MAX_FAILURES_SHOWN_PER_OPERATION = 3
SECRET = b"SECRET-7f3a"
CURRENT_YEAR = datetime.datetime.now(datetime.timezone.utc).year
MAX_BODY = 64 * 1024

# The API's own problem types; the others are about:blank.
SLUGS = [
    "validation-error", "malformed-body", "invalid-parameter", "unauthorized", "forbidden",
    "resource-not-found", "conflict", "unsupported-media-type", "rate-limit-exceeded",
    "internal-error", "service-unavailable", "timeout",
]
# Problem variants a request may ask for, and the media type each answers with.
VARIANTS = {
    "json": ({"Accept": "application/problem+json"}, "application/problem+json"),
    "xml": ({"Accept": "application/problem+xml"}, "application/problem+xml"),
    "html": ({"Accept": "text/html"}, "text/html"),
    "legacy": ({"Accept": "application/vnd.bookshelf.legacy+json"}, "application/vnd.bookshelf.legacy+json"),
    "de": ({"Accept": "application/json", "Accept-Language": "de"}, "application/problem+json"),
}
TITLES = [
    "Der Zauberberg", "Cien años de soledad", "Война и мир", "吾輩は猫である", "L'Étranger",
    "Ulysses", "Moby-Dick; or, The Whale", 'A "quoted" title \\ with a backslash', "📚 Shelf life",
    "Pride and Prejudice", "Das Glasperlenspiel", "Ficciones",
]
TAGS = ["novel", "classic", "poetry", "essay", "sci-fi", "history", "ünïcode", "短編", "to-read", "x" * 30]
MEMBER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# The titles of about:blank problems: RFC 9110's status phrases.
STATUS_PHRASES = {404: "Not Found", 405: "Method Not Allowed", 413: "Content Too Large"}


# Servers -----------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(host, port, process=None, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"the server exited with status {process.returncode} before answering")
        try:
            connection = http.client.HTTPConnection(host, port, timeout=2)
            connection.request("GET", "/health")
            status = connection.getresponse().status
            connection.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"nothing answered on {host}:{port} within {seconds} s")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class Server:
    """A demo app on 127.0.0.1, its output in a temporary file."""

    running = []  # every server started, stopped on exit whatever happens

    def __init__(self, command, port):
        self.command = command
        self.port = port
        self.log = tempfile.NamedTemporaryFile(prefix="soak-server-", suffix=".log", delete=False)
        self.process = None

    def start(self):
        self.process = subprocess.Popen(self.command, stdout=self.log, stderr=self.log, stdin=subprocess.DEVNULL)
        Server.running.append(self)
        wait_until_up("127.0.0.1", self.port, self.process)

    @property
    def pid(self):
        return self.process.pid

    def terminate(self, seconds=10):
        """SIGTERM, then the exit status and how long it took; killed (status None) past `seconds`."""
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            status = None
        if self in Server.running:
            Server.running.remove(self)
        return status, time.monotonic() - started

    def log_tail(self, lines=15):
        self.log.flush()
        with open(self.log.name, "rb") as log:
            return b"".join(log.readlines()[-lines:]).decode("utf-8", "replace")

    def log_lines(self):
        with open(self.log.name, "rb") as log:
            return sum(1 for _ in log)

    @classmethod
    def stop_all(cls):
        for server in list(cls.running):
            if server.process.poll() is None:
                server.process.kill()
                server.process.wait()
        cls.running.clear()


# HTTP --------------------------------------------------------------------------------------------

class RequestError(Exception):
    """The request got no response: connection refused, reset or closed, or a timeout."""


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds
        self._json = None

    def header(self, name):
        return self.headers.get(name)

    def json(self):
        if self._json is None:
            self._json = json.loads(self.body.decode("utf-8"))
        return self._json


class Client:
    """One keep-alive connection, reopened when the server closes it."""

    def __init__(self, host, port):
        self.connection = http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT)
        self.opened = 0

    def request(self, method, path, body=None, headers=None):
        if self.connection.sock is None:
            self.opened += 1
        started = time.monotonic()
        try:
            self.connection.request(method, path, body=body, headers=headers or {})
            response = self.connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            raise RequestError(f"{type(error).__name__}: {error}") from None
        return Response(response.status, response.headers, body, time.monotonic() - started)

    def close(self):
        self.connection.close()


class Request:
    """What is sent, kept for the checks and for the failure report."""

    def __init__(self, method, path, body=None, headers=None, variant=None):
        self.method = method
        self.path = path
        self.body = body
        self.headers = dict(headers or {})
        self.variant = variant  # a key of VARIANTS for a request that may get a problem
        if variant:
            self.headers.update(VARIANTS[variant][0])
        self.request_id = None
        self.correlation_id = None
        self.trace_id = None

    def describe(self):
        headers = " ".join(f"{name}: {value}" for name, value in self.headers.items())
        text = f"{self.method} {self.path}" + (f" [{headers}]" if headers else "")
        if self.body is not None:
            text += f" body {excerpt(self.body, 160)}"
        return text


def excerpt(data, limit=300):
    if isinstance(data, bytes):
        text = data[:limit].decode("utf-8", "replace")
    else:
        text = str(data)[:limit]
    return repr(text) + ("…" if len(data) > limit else "")


def json_body(value, rng=None):
    """JSON as UTF-8, with non-ASCII characters escaped or not (half of the time, given an rng)."""
    ascii_only = rng.random() < 0.5 if rng else True
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8")


def send(client, request):
    try:
        return client.request(request.method, request.path, request.body, request.headers)
    except RequestError as error:
        return error


def together(soak, requests):
    """Sends the requests at once, each on a new connection of its own thread."""
    barrier = threading.Barrier(len(requests))
    results = [RequestError("not sent")] * len(requests)

    def run(index):
        client = Client(soak.host, soak.port)
        try:
            client.connection.connect()  # connect first, so the barrier lines up the requests
            barrier.wait(timeout=REQUEST_TIMEOUT)
            results[index] = send(client, requests[index])
        except (OSError, threading.BrokenBarrierError) as error:
            results[index] = RequestError(f"{type(error).__name__}: {error}")
        finally:
            client.close()

    threads = [threading.Thread(target=run, args=(index,), daemon=True) for index in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT * 3)
    return results


# Books -------------------------------------------------------------------------------------------

def isbn13(twelve):
    total = sum(int(digit) * (1 if index % 2 == 0 else 3) for index, digit in enumerate(twelve))
    return twelve + str((10 - total % 10) % 10)


def book_input(rng, isbn):
    """A valid body for POST or PUT; sometimes with a title to trim and without tags."""
    title = f"{rng.choice(TITLES)} {rng.randrange(1_000_000)}"
    if rng.random() < 0.2:
        title = "  " + title + " \t"
    body = {"title": title, "isbn": isbn, "year": rng.randint(1450, CURRENT_YEAR)}
    tags = rng.sample(TAGS, rng.randint(0, 4))
    if tags or rng.random() < 0.5:
        body["tags"] = tags
    return body


def expected_book(book_id, body):
    return {
        "id": book_id,
        "title": body["title"].strip(),
        "isbn": body["isbn"],
        "year": body["year"],
        "tags": body.get("tags", []),
    }


def invalid_input(rng, isbn):
    """A body breaking several members at once, and the pointers its 422 must list."""
    wrong_check = isbn[:12] + str((int(isbn[12]) + 1) % 10)
    cases = [
        ({"title": "   ", "isbn": "97800000000", "year": 1200, "tags": ["", "y" * 31], "subtitle": "x"},
         {"#/title", "#/isbn", "#/year", "#/tags/0", "#/tags/1", "#/subtitle"}),
        ({"title": 42, "isbn": wrong_check, "year": "1999", "tags": [f"t{n}" for n in range(11)]},
         {"#/title", "#/isbn", "#/year", "#/tags"}),
        ({"tags": [1]}, {"#/title", "#/isbn", "#/year", "#/tags/0"}),
        ({"title": "t" * 201, "isbn": isbn, "year": CURRENT_YEAR + 1, "tags": "novel"},
         {"#/title", "#/year", "#/tags"}),
        ({"title": "Fine", "isbn": "978-0-306-40615-7", "year": 2000, "author": "Nobody", "pages": 3},
         {"#/isbn", "#/author", "#/pages"}),
    ]
    return rng.choice(cases)


def is_lowercase_uuid(text):
    try:
        return isinstance(text, str) and str(uuid.UUID(text)) == text
    except ValueError:
        return False


class Ledger:
    """The books the client believes exist, with their exact members.

    A worker takes a book before reading or writing it and gives it back after, so no two
    requests touch one book at once and the ledger stays exact. Books the server acknowledged
    deleting are remembered, so that a row coming back is noticed.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.books = {}
        self.pool = []  # ids nobody holds
        self.touches = collections.Counter()  # times each book was taken
        self.deleted = {}  # id -> sequence number of the acknowledgement
        self.sequence = 0
        self.uncertain_ids = set()  # a write got no response: the book may or may not have changed
        self.uncertain_isbns = set()  # a create got no response: the book may or may not exist

    def __len__(self):
        return len(self.books)

    def add(self, book):
        with self.lock:
            self.books[book["id"]] = book
            self.pool.append(book["id"])

    def take(self, rng, count=1):
        with self.lock:
            if len(self.pool) < count:
                return None
            taken = []
            for _ in range(count):
                index = rng.randrange(len(self.pool))
                self.pool[index], self.pool[-1] = self.pool[-1], self.pool[index]
                book_id = self.pool.pop()
                self.touches[book_id] += 1
                taken.append(book_id)
            return taken

    def get(self, book_id):
        with self.lock:
            return dict(self.books[book_id])

    def give_back(self, book_id, book=None, deleted=False, uncertain=False):
        """Returns a taken book, changed to `book` when given, or forgets a deleted one."""
        with self.lock:
            if deleted:
                del self.books[book_id]
                self.sequence += 1
                self.deleted[book_id] = self.sequence
            elif uncertain:
                self.uncertain_ids.add(book_id)
            else:
                if book is not None:
                    self.books[book_id] = book
                self.pool.append(book_id)

    def idle_snapshot(self):
        """The books nobody holds: id -> (times taken, book); and the last deletion's number."""
        with self.lock:
            return {book_id: (self.touches[book_id], dict(self.books[book_id])) for book_id in self.pool}, self.sequence

    def deleted_by(self, sequence):
        with self.lock:
            return {book_id for book_id, number in self.deleted.items() if number <= sequence}


def compare_books(listed, expected, ignore_ids=(), ignore_isbns=()):
    """Differences between GET /books and the books expected, as readable lines."""
    problems = []
    by_id = {}
    for book in listed:
        if not isinstance(book, dict) or set(book) != {"id", "title", "isbn", "year", "tags"}:
            problems.append(f"malformed book in GET /books: {excerpt(json.dumps(book))}")
            continue
        if book["id"] in by_id:
            problems.append(f"id {book['id']} listed twice")
        by_id[book["id"]] = book
    isbns = collections.Counter(book["isbn"] for book in by_id.values())
    problems += [f"ISBN {isbn} held by {count} books" for isbn, count in isbns.items() if count > 1]
    for book_id, book in expected.items():
        if book_id in ignore_ids:
            continue
        if book_id not in by_id:
            problems.append(f"lost: {book_id} {excerpt(json.dumps(book, ensure_ascii=False), 120)}")
        elif by_id[book_id] != book:
            problems.append(
                f"changed: {book_id} expected {excerpt(json.dumps(book, ensure_ascii=False), 150)} "
                f"listed {excerpt(json.dumps(by_id[book_id], ensure_ascii=False), 150)}"
            )
    for book_id, book in by_id.items():
        if book_id not in expected and book_id not in ignore_ids and book["isbn"] not in ignore_isbns:
            problems.append(f"extra: {book_id} {excerpt(json.dumps(book, ensure_ascii=False), 120)}")
    return problems


# Statistics --------------------------------------------------------------------------------------

class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = collections.defaultdict(collections.Counter)  # op -> status -> count
        self.slowest = collections.defaultdict(float)  # op -> seconds
        self.failures = []  # the first few, in detail
        self.failure_count = collections.Counter()  # op -> count
        self.unexpected_5xx = 0
        self.requests = 0
        self.races = collections.Counter()  # run, correct, wrong
        self.bursts = collections.Counter()
        self.notes = collections.Counter()  # informational counts

    def count(self, op, status, seconds=0.0, unexpected_5xx=False):
        with self.lock:
            self.requests += 1
            self.statuses[op][status] += 1
            self.slowest[op] = max(self.slowest[op], seconds)
            if unexpected_5xx:
                self.unexpected_5xx += 1

    def fail(self, op, why, request=None, response=None):
        with self.lock:
            self.failure_count[op] += 1
            shown = self.failure_count[op] <= MAX_FAILURES_SHOWN_PER_OPERATION
            if shown and len(self.failures) < MAX_FAILURES_SHOWN:
                detail = {"op": op, "why": why}
                if request is not None:
                    detail["request"] = request.describe()
                if response is not None:
                    detail["status"] = response.status
                    detail["body"] = excerpt(response.body)
                self.failures.append(detail)

    def total_failures(self):
        with self.lock:
            return sum(self.failure_count.values())


# Traffic -----------------------------------------------------------------------------------------

class Soak:
    """One app's soak: what the workers and the monitor share."""

    def __init__(self, name, host, port, args, pid=None, baseline=None):
        self.name = name
        self.host = host
        self.port = port
        self.args = args
        self.pid = pid
        self.stats = Stats()
        self.ledger = Ledger()
        self.baseline = baseline or {}  # books there before the soak (--url); never touched
        self.stop = threading.Event()
        self.counter_lock = threading.Lock()
        self.isbn_counter = 0
        self.taken_isbns = {book["isbn"] for book in self.baseline.values()}
        self.burst_counter = 0
        self.checks = []  # (seconds into the run, books compared, problems)

    def new_isbn(self):
        """A valid ISBN-13 no book of this run has had: from the seed and a counter."""
        with self.counter_lock:
            while True:
                self.isbn_counter += 1
                nine = (self.args.seed * 1_000_003 + self.isbn_counter) % 1_000_000_000
                isbn = isbn13(f"978{nine:09d}")
                if isbn not in self.taken_isbns:
                    return isbn

    def burst_client_id(self, worker):
        with self.counter_lock:
            self.burst_counter += 1
            return f"soak-{self.args.seed}-{worker}-{self.burst_counter}"


class Worker:
    """A client thread: picks weighted random operations until the soak stops."""

    def __init__(self, soak, index):
        self.soak = soak
        self.index = index
        self.rng = random.Random(f"{soak.args.seed}/{index}")
        self.client = Client(soak.host, soak.port)
        self.sent = 0
        self.ledger = soak.ledger
        self.stats = soak.stats
        operations = [
            # successes
            (self.health, 4), (self.list_books, 1), (self.create, 8), (self.show, 8), (self.replace, 6),
            (self.delete, 6), (self.admin, 2), (self.problem_index, 1), (self.problem_page, 2),
            (self.openapi, 0.3), (self.metrics, 0.5), (self.slow_ok, 1),
            # problems
            (self.malformed, 2), (self.invalid_parameter, 2), (self.unauthorized, 1.5), (self.forbidden, 1.5),
            (self.not_found, 2), (self.unknown_route, 2), (self.method_not_allowed, 1.5), (self.conflict, 2),
            (self.too_large, 1), (self.unsupported, 1.5), (self.invalid, 2), (self.boom, 1.5),
            (self.maintenance, 1.5), (self.slow_timeout, 0.7), (self.failed_write, 3), (self.head, 0.5),
            # concurrency
            (self.race, 0.3), (self.burst, 0.5),
        ]
        self.functions = [function for function, _ in operations]
        self.weights = [weight for _, weight in operations]

    def run(self):
        try:
            while not self.soak.stop.is_set():
                operation = self.rng.choices(self.functions, self.weights)[0]
                try:
                    operation()
                except Exception:  # a bug in the script or a response it cannot read: report it
                    self.stats.fail(operation.__name__, "exception: " + traceback.format_exc(limit=3).strip()[-600:])
        finally:
            self.client.close()

    # Requests, and the checks every response gets ----------------------------------------------

    def prepare(self, method, path, body=None, headers=None, variant=None):
        """A request, with a request ID, correlation ID or traceparent now and then."""
        request = Request(method, path, body, headers, variant)
        self.sent += 1
        roll = self.rng.random()
        if roll < 0.25:
            request.request_id = f"soak.{self.index}.{self.sent}"
            request.headers["X-Request-ID"] = request.request_id
        elif roll < 0.30:
            request.correlation_id = f"corr:{self.index}:{self.sent}"
            request.headers["X-Correlation-ID"] = request.correlation_id
        if variant in ("json", "de") and self.rng.random() < 0.1:
            request.trace_id = "%032x" % self.rng.getrandbits(128)
            request.headers["traceparent"] = f"00-{request.trace_id}-{self.rng.getrandbits(64):016x}-01"
        return request

    def problem_variant(self, json_only=False):
        if json_only or self.rng.random() < 0.75:
            return "json"
        return self.rng.choice(["xml", "html", "legacy", "de"])

    def call(self, op, method, path, expect, body=None, headers=None, variant=None, client=None):
        request = self.prepare(method, path, body, headers, variant)
        return self.check(op, request, send(client or self.client, request), expect)

    def check(self, op, request, result, expect):
        """Counts and checks a response; returns it when its status is one expected, else None."""
        if isinstance(result, RequestError):
            self.stats.count(op, "error")
            self.stats.fail(op, f"no response: {result}", request)
            return None
        response = result
        unexpected_5xx = response.status >= 500 and response.status not in expect
        self.stats.count(op, response.status, response.seconds, unexpected_5xx)
        problems = []
        if response.status not in expect:
            problems.append(f"status {response.status}, expected {' or '.join(map(str, sorted(expect)))}")
        if SECRET in response.body:
            problems.append("the body leaks SECRET-7f3a")
        echoed = response.header("X-Request-ID")
        if not echoed:
            problems.append("no X-Request-ID")
        elif request.request_id and echoed != request.request_id:
            problems.append(f"X-Request-ID {echoed!r}, sent {request.request_id!r}")
        elif request.correlation_id and response.header("X-Correlation-ID") != request.correlation_id:
            echoed = response.header("X-Correlation-ID")
            problems.append(f"X-Correlation-ID {echoed!r}, sent {request.correlation_id!r}")
        if response.status >= 400 and not problems:
            problems += problem_shape(request, response)
        if problems:
            self.stats.fail(op, "; ".join(problems), request, response)
        return response if response.status in expect else None

    def fail(self, op, why, request=None, response=None):
        self.stats.fail(op, why, request, response)

    # Successes ---------------------------------------------------------------------------------

    def health(self):
        response = self.call("health", "GET", "/health", {200})
        if response and response.json() != {"status": "ok"}:
            self.fail("health", "body is not {\"status\": \"ok\"}", response=response)

    def list_books(self):
        response = self.call("list", "GET", "/books", {200})
        if response:
            listed = response.json()
            if not isinstance(listed, list):
                self.fail("list", "not a JSON array", response=response)
                return
            # One snapshot: never two rows for an id or an ISBN.
            problems = [line for line in compare_books(listed, {}) if not line.startswith("extra")]
            if problems:
                self.fail("list", "; ".join(problems[:3]))

    def create(self):
        if len(self.ledger) >= self.soak.args.books:
            return self.delete()
        body = book_input(self.rng, self.soak.new_isbn())
        request = self.prepare("POST", "/books", json_body(body, self.rng), {"Content-Type": "application/json"})
        result = send(self.client, request)
        if isinstance(result, RequestError):
            self.ledger.uncertain_isbns.add(body["isbn"])
        response = self.check("create", request, result, {201})
        if not response:
            return
        book = response.json()
        expected = expected_book(book.get("id"), body)
        if book != expected or not is_lowercase_uuid(book.get("id")):
            self.fail("create", f"created {excerpt(json.dumps(book))}, expected {excerpt(json.dumps(expected))}",
                      request, response)
            self.ledger.uncertain_isbns.add(body["isbn"])
            return
        if response.header("Location") != f"/books/{book['id']}":
            self.fail("create", f"Location {response.header('Location')!r}", request, response)
        self.ledger.add(expected)

    def show(self):
        taken = self.ledger.take(self.rng)
        if not taken:
            return self.create()
        try:
            self.verify_unchanged("show", taken[0])
        finally:
            self.ledger.give_back(taken[0])

    def verify_unchanged(self, op, book_id):
        """GET /books/{id} answers the ledger's book, member for member."""
        expected = self.ledger.get(book_id)
        response = self.call(op, "GET", f"/books/{book_id}", {200})
        if response and response.json() != expected:
            self.fail(op, f"GET /books/{book_id} differs from the ledger: expected "
                      f"{excerpt(json.dumps(expected, ensure_ascii=False), 200)}", response=response)

    def replace(self):
        taken = self.ledger.take(self.rng)
        if not taken:
            return self.create()
        book_id = taken[0]
        try:
            old = self.ledger.get(book_id)
            isbn = old["isbn"] if self.rng.random() < 0.5 else self.soak.new_isbn()
            body = book_input(self.rng, isbn)
            request = self.prepare("PUT", f"/books/{book_id}", json_body(body, self.rng),
                                   {"Content-Type": "application/json"})
            result = send(self.client, request)
            response = self.check("replace", request, result, {200})
        except BaseException:
            self.ledger.give_back(book_id)
            raise
        if isinstance(result, RequestError):
            self.ledger.uncertain_isbns.add(isbn)
            return self.ledger.give_back(book_id, uncertain=True)
        if not response:
            return self.ledger.give_back(book_id)  # reported; it must have changed nothing
        expected = expected_book(book_id, body)
        try:
            answered = response.json()
        except ValueError:
            answered = None
        if answered != expected:
            self.fail("replace", f"answered {excerpt(response.body)}, expected {excerpt(json.dumps(expected))}",
                      request, response)
        self.ledger.give_back(book_id, expected)

    def delete(self):
        if len(self.ledger) < self.soak.args.books // 4:
            return self.create()
        taken = self.ledger.take(self.rng)
        if not taken:
            return self.create()
        book_id = taken[0]
        try:
            request = self.prepare("DELETE", f"/books/{book_id}")
            result = send(self.client, request)
            response = self.check("delete", request, result, {204})
        except BaseException:
            self.ledger.give_back(book_id)
            raise
        if isinstance(result, RequestError):
            return self.ledger.give_back(book_id, uncertain=True)
        if not response:
            return self.ledger.give_back(book_id)
        if response.body:
            self.fail("delete", "204 with a body", request, response)
        self.ledger.give_back(book_id, deleted=True)
        if self.rng.random() < 0.3:
            method = self.rng.choice(["GET", "DELETE"])
            gone = self.call("delete.after", method, f"/books/{book_id}", {404}, variant="json")
            if gone and (gone.json().get("resource_id") != book_id or gone.json().get("resource") != "book"):
                self.fail("delete.after", "404 without resource \"book\" and the deleted id", response=gone)

    def admin(self):
        response = self.call("admin", "GET", "/admin", {200}, headers={"Authorization": "Bearer admin"})
        if response and response.json() != {"role": "admin"}:
            self.fail("admin", "body is not {\"role\": \"admin\"}", response=response)

    def problem_index(self):
        response = self.call("problems", "GET", "/problems", {200})
        if response:
            check_html(self, "problems", response)

    def problem_page(self):
        response = self.call("problems.slug", "GET", f"/problems/{self.rng.choice(SLUGS)}", {200})
        if response:
            check_html(self, "problems.slug", response)

    def openapi(self):
        response = self.call("openapi", "GET", "/openapi.json", {200})
        if response and not str(response.json().get("openapi", "")).startswith("3.1"):
            self.fail("openapi", "not an OpenAPI 3.1 document", response=response)

    def metrics(self):
        response = self.call("metrics", "GET", "/metrics", {200})
        if response and (b"problem_details_responses" not in response.body
                         or not (response.header("Content-Type") or "").startswith("text/plain")):
            self.fail("metrics", "not Prometheus text with problem_details_responses", response=response)

    def slow_ok(self):
        seconds = self.rng.choice([0, 0.05, 0.1])
        response = self.call("slow.ok", "GET", f"/slow?seconds={seconds}", {200})
        if response and response.json().get("slept_seconds") != seconds:
            self.fail("slow.ok", "slept_seconds differs from the seconds asked", response=response)

    # Problems ----------------------------------------------------------------------------------

    def problem(self, op, method, path, status, slug, body=None, headers=None, json_only=False):
        """A request that must be answered with one problem; returns the problem when JSON was asked."""
        variant = self.problem_variant(json_only)
        response = self.call(op, method, path, {status}, body, headers, variant)
        if not response or variant not in ("json", "de"):
            return None
        problem = response.json()
        if slug is None:
            if problem.get("type") != "about:blank":
                self.fail(op, f"type {problem.get('type')!r}, expected about:blank", response=response)
            elif variant == "json" and problem.get("title") != STATUS_PHRASES[status]:
                self.fail(op, f"about:blank title {problem.get('title')!r} is not the status phrase", response=response)
        elif not str(problem.get("type", "")).endswith(f"/problems/{slug}"):
            self.fail(op, f"type {problem.get('type')!r}, expected …/problems/{slug}", response=response)
        return problem

    def malformed(self):
        broken = self.rng.choice([b'{"title": "x",', b'{"title" "x"}', b"[1, 2", b'{"year": 19x9}', b"\n\n  {nope"])
        path = "/books" if self.rng.random() < 0.7 else f"/books/{uuid.uuid4()}"
        problem = self.problem("malformed", "POST" if path == "/books" else "PUT", path, 400, "malformed-body",
                               broken, {"Content-Type": "application/json"})
        if problem and not ("line" in problem.get("detail", "") and "column" in problem.get("detail", "")):
            self.fail("malformed", f"detail does not name line and column: {problem.get('detail')!r}")

    def invalid_parameter(self):
        method = self.rng.choice(["GET", "GET", "DELETE", "PUT"])
        bad = self.rng.choice(["not-a-uuid", "12345", "3f2504e0-4f89-41d3-9a0c-0305e82c330", "%E2%9C%93"])
        body = json_body(book_input(self.rng, self.soak.new_isbn())) if method == "PUT" else None
        headers = {"Content-Type": "application/json"} if body else None
        problem = self.problem("invalid-parameter", method, f"/books/{bad}", 400, "invalid-parameter", body, headers)
        if problem and not any(error.get("parameter") == "id" for error in problem.get("errors", [])):
            self.fail("invalid-parameter", f"errors do not name the id parameter: {problem.get('errors')!r}")

    def unauthorized(self):
        headers = self.rng.choice([{}, {"Authorization": "Bearer nobody"}, {"Authorization": "Basic YWRtaW46YWRtaW4="}])
        self.problem("unauthorized", "GET", "/admin", 401, "unauthorized", headers=headers)  # and its challenge

    def forbidden(self):
        self.problem("forbidden", "GET", "/admin", 403, "forbidden", headers={"Authorization": "Bearer reader"})

    def not_found(self):
        kind = self.rng.choice(["get", "put", "delete", "slug"])
        if kind == "slug":
            self.problem("not-found", "GET", f"/problems/no-such-type-{self.rng.randrange(1000)}", 404,
                         "resource-not-found")
            return
        missing = str(uuid.uuid4())
        body, headers = None, None
        if kind == "put":  # a valid body for a book that is not there: 404, and no row made
            body = json_body(book_input(self.rng, self.soak.new_isbn()), self.rng)
            headers = {"Content-Type": "application/json"}
        problem = self.problem("not-found", kind.upper(), f"/books/{missing}", 404, "resource-not-found", body, headers)
        if problem and (problem.get("resource") != "book" or problem.get("resource_id") != missing):
            self.fail("not-found", f"resource {problem.get('resource')!r} resource_id {problem.get('resource_id')!r}, "
                      f"expected book {missing}")

    def unknown_route(self):
        method = self.rng.choice(["GET", "GET", "POST", "DELETE"])
        path = self.rng.choice(["/no/such/route", "/book", "/books/x/y", "/healthz", "/problems/a/b"])
        self.problem("unknown-route", method, path, 404, None)

    def method_not_allowed(self):
        method, path = self.rng.choice([
            ("PATCH", "/books"), ("DELETE", "/books"), ("PATCH", f"/books/{uuid.uuid4()}"),
            ("POST", "/health"), ("PUT", "/admin"), ("POST", "/boom"),
        ])
        self.problem("method-not-allowed", method, path, 405, None)

    def conflict(self):
        """POST, or PUT of another book, with the ISBN a book holds: 409 naming it, nothing changed."""
        use_put = self.rng.random() < 0.5
        taken = self.ledger.take(self.rng, 2 if use_put else 1)
        if not taken:
            return self.create()
        try:
            holder = self.ledger.get(taken[0])
            body = book_input(self.rng, holder["isbn"])
            path = f"/books/{taken[1]}" if use_put else "/books"
            request = self.prepare("PUT" if use_put else "POST", path, json_body(body, self.rng),
                                   {"Content-Type": "application/json"}, "json")
            response = self.check("conflict", request, send(self.client, request), {409})
            if response:
                problem = response.json()
                if not str(problem.get("type", "")).endswith("/problems/conflict"):
                    self.fail("conflict", f"type {problem.get('type')!r}", request, response)
                if problem.get("conflicting_id") != holder["id"]:
                    self.fail("conflict", f"conflicting_id {problem.get('conflicting_id')!r}, expected {holder['id']}",
                              request, response)
            for book_id in taken:
                self.verify_unchanged("conflict.after", book_id)
        finally:
            for book_id in taken:
                self.ledger.give_back(book_id)

    def too_large(self):
        filler = "x" * (MAX_BODY + self.rng.randrange(1, 8192))
        body = json.dumps({"title": filler, "isbn": self.soak.new_isbn(), "year": 2000}).encode()
        path = "/books" if self.rng.random() < 0.7 else f"/books/{uuid.uuid4()}"
        self.problem("too-large", "POST" if path == "/books" else "PUT", path, 413, None, body,
                     {"Content-Type": "application/json"})

    def unsupported(self):
        media_type = self.rng.choice(["text/plain", "application/xml", "application/x-www-form-urlencoded"])
        body = json.dumps(book_input(self.rng, self.soak.new_isbn())).encode()
        problem = self.problem("unsupported", "POST", "/books", 415, "unsupported-media-type", body,
                               {"Content-Type": media_type})
        if problem and media_type not in problem.get("detail", ""):
            self.fail("unsupported", f"detail does not name the type received: {problem.get('detail')!r}")

    def invalid(self):
        body, pointers = invalid_input(self.rng, self.soak.new_isbn())
        path = "/books" if self.rng.random() < 0.7 else f"/books/{uuid.uuid4()}"
        problem = self.problem("invalid", "POST" if path == "/books" else "PUT", path, 422, "validation-error",
                               json_body(body, self.rng), {"Content-Type": "application/json"})
        if problem is not None:
            check_pointers(self, "invalid", problem, pointers)

    def boom(self):
        self.problem("boom", "GET", "/boom", 500, "internal-error")

    def maintenance(self):
        problem = self.problem("maintenance", "GET", "/maintenance", 503, "service-unavailable")
        if problem is not None and problem.get("retry_after") != 120:
            self.fail("maintenance", f"retry_after {problem.get('retry_after')!r}, expected 120")

    def slow_timeout(self):
        seconds = self.rng.choice([1.5, 2, 3, 10])
        problem = self.problem("slow.timeout", "GET", f"/slow?seconds={seconds}", 504, "timeout")
        if problem is not None and problem.get("timeout_seconds") != 1:
            self.fail("slow.timeout", f"timeout_seconds {problem.get('timeout_seconds')!r}")

    def head(self):
        path, status = self.rng.choice([
            ("/boom", 500), ("/no/such/route", 404), ("/maintenance", 503), ("/health", 200),
        ])
        response = self.call("head", "HEAD", path, {status}, variant="json")
        if response and response.body:
            self.fail("head", "HEAD answered with a body", response=response)
        # RFC 9110 §8.6: a HEAD response's Content-Length, when sent, is what GET would send.
        if response and status >= 400 and response.header("Content-Length") in (None, "0"):
            self.fail("head", f"Content-Length {response.header('Content-Length')!r} for a problem", response=response)

    def failed_write(self):
        """A write to a book that must fail and change nothing; then the book is read back."""
        taken = self.ledger.take(self.rng)
        if not taken:
            return self.create()
        book_id = taken[0]
        try:
            changed = book_input(self.rng, self.soak.new_isbn())
            path = f"/books/{book_id}"
            kind = self.rng.choice(["422", "413", "415", "400"])
            if kind == "422":
                body, pointers = invalid_input(self.rng, self.soak.new_isbn())
                problem = self.problem("failed-write", "PUT", path, 422, "validation-error", json_body(body, self.rng),
                                       {"Content-Type": "application/json"})
                if problem is not None:
                    check_pointers(self, "failed-write", problem, pointers)
            elif kind == "413":
                changed["title"] = "x" * (MAX_BODY + 10)
                self.problem("failed-write", "PUT", path, 413, None, json_body(changed),
                             {"Content-Type": "application/json"})
            elif kind == "415":
                self.problem("failed-write", "PUT", path, 415, "unsupported-media-type", json_body(changed),
                             {"Content-Type": "text/plain"})
            else:
                self.problem("failed-write", "PUT", path, 400, "malformed-body", json_body(changed)[:-1],
                             {"Content-Type": "application/json"})
            self.verify_unchanged("failed-write.after", book_id)
        finally:
            self.ledger.give_back(book_id)

    # Concurrency -------------------------------------------------------------------------------

    def race(self):
        """K writes at once for one new ISBN: creates, replaces of other books, or half of each.
        Exactly one succeeds; every other gets 409 naming the winner; the losers are unchanged."""
        size = self.soak.args.race
        isbn = self.soak.new_isbn()
        roll = self.rng.random()
        replaces = 0 if roll < 0.5 else size // 2 if roll < 0.75 else size
        puts = (self.ledger.take(self.rng, replaces) if replaces else None) or []
        try:
            requests = []
            for index in range(size):
                body = book_input(self.rng, isbn)
                method, path = ("PUT", f"/books/{puts[index]}") if index < len(puts) else ("POST", "/books")
                requests.append((self.prepare(method, path, json_body(body, self.rng),
                                              {"Content-Type": "application/json"}, "json"), body))
            results = together(self.soak, [request for request, _ in requests])
            self.stats.races["run"] += 1
            winners, losers, correct = [], [], True
            for (request, body), result in zip(requests, results):
                success = 200 if request.method == "PUT" else 201
                response = self.check("race", request, result, {success, 409})
                if isinstance(result, RequestError):
                    correct = False
                    self.ledger.uncertain_isbns.add(isbn)
                    if request.method == "PUT":
                        self.ledger.uncertain_ids.add(request.path.rsplit("/", 1)[1])
                elif response is None:
                    correct = False
                elif response.status == success:
                    winners.append((request, body, response))
                else:
                    losers.append((request, response))
            if len(winners) != 1:
                correct = False
                self.fail("race", f"{len(winners)} of {size} writes of ISBN {isbn} succeeded, expected exactly one")
            if winners:
                request, body, response = winners[0]
                winner = response.json()
                book_id = request.path.rsplit("/", 1)[1] if request.method == "PUT" else winner.get("id")
                expected = expected_book(book_id, body)
                if winner != expected:
                    correct = False
                    self.fail("race", f"the winner answered {excerpt(response.body)}", request, response)
                if request.method == "PUT":
                    puts.remove(book_id)
                    self.ledger.give_back(book_id, expected)
                elif len(winners) == 1:
                    self.ledger.add(expected)
                for loser_request, loser in losers:
                    conflicting = loser.json().get("conflicting_id")
                    if conflicting != book_id:
                        correct = False
                        self.fail("race", f"409 names {conflicting!r}, the winner is {book_id}", loser_request, loser)
            for book_id in puts:
                if book_id not in self.ledger.uncertain_ids:
                    self.verify_unchanged("race.after", book_id)
            self.stats.races["correct" if correct else "wrong"] += 1
        finally:
            for book_id in puts:
                self.ledger.give_back(book_id, uncertain=book_id in self.ledger.uncertain_ids)

    def burst(self):
        """Six requests to /limited as a fresh client: three 200, three 429 with Retry-After."""
        client_id = self.soak.burst_client_id(self.index)
        headers = {"X-Client-ID": client_id}
        self.stats.bursts["run"] += 1
        if self.rng.random() < 0.5:  # all at once: the limiter counts exactly
            requests = [self.prepare("GET", "/limited", headers=headers, variant="json") for _ in range(6)]
            results = together(self.soak, requests)
            responses = [self.check("burst", request, result, {200, 429}) for request, result in zip(requests, results)]
            statuses = sorted(response.status if response else 0 for response in responses)
            correct = statuses == [200, 200, 200, 429, 429, 429]
        else:  # one after another
            responses = [
                self.call("burst", "GET", "/limited", {200} if n < 3 else {429}, headers=headers, variant="json")
                for n in range(6)
            ]
            statuses = [response.status if response else None for response in responses]
            correct = all(responses)
        if not correct:
            self.fail("burst", f"client {client_id}: statuses {statuses}, expected three 200 and three 429")
        for response in responses:
            if response and response.status == 429:
                problem = response.json()
                retry_after = problem.get("retry_after")
                if not (isinstance(retry_after, int) and 1 <= retry_after <= 60
                        and response.header("Retry-After") == str(retry_after)):
                    correct = False
                    self.fail("burst", f"retry_after {retry_after!r}, Retry-After {response.header('Retry-After')!r}",
                              response=response)
                if not (response.header("RateLimit-Policy") and response.header("RateLimit")):
                    correct = False
                    self.fail("burst", "no RateLimit-Policy or RateLimit header", response=response)
                if not str(problem.get("type", "")).endswith("/problems/rate-limit-exceeded"):
                    correct = False
                    self.fail("burst", f"type {problem.get('type')!r}", response=response)
        self.stats.bursts["correct" if correct else "wrong"] += 1


def check_html(worker, op, response):
    if not (response.header("Content-Type") or "").startswith("text/html") or b"<html" not in response.body:
        worker.fail(op, "not an HTML page", response=response)


def check_pointers(worker, op, problem, expected):
    errors = problem.get("errors")
    if not isinstance(errors, list) or not all(isinstance(error, dict) and error.get("detail") for error in errors):
        worker.fail(op, f"errors is not a list of entries with detail: {errors!r}")
        return
    pointers = {error.get("pointer") for error in errors}
    if pointers != expected:
        worker.fail(op, f"pointers {sorted(map(str, pointers))}, expected {sorted(expected)} (one per failing member)")


def problem_shape(request, response):
    """What every problem response must be, in the representation the request asked for, and the
    headers its status calls for."""
    problems = []
    variant = request.variant or "json"
    media_type = VARIANTS[variant][1]
    content_type = response.header("Content-Type") or ""
    if not content_type.startswith(media_type):
        return [f"Content-Type {content_type!r}, expected {media_type}"]
    vary = {part.strip().lower() for part in (response.header("Vary") or "").split(",")}
    if not {"accept", "accept-language"} <= vary:
        problems.append(f"Vary {response.header('Vary')!r}")
    # German for the API's own types when asked; about:blank titles may stay English.
    languages = {"de", "en"} if variant == "de" else {"en"}
    if response.header("Content-Language") not in languages:
        expected = " or ".join(sorted(languages))
        problems.append(f"Content-Language {response.header('Content-Language')!r}, expected {expected}")
    status = response.status
    if status == 401 and not (response.header("WWW-Authenticate") or "").startswith('Bearer realm="bookshelf"'):
        problems.append(f"WWW-Authenticate {response.header('WWW-Authenticate')!r}")
    if status == 405 and not response.header("Allow"):
        problems.append("no Allow header")
    if status == 415 and request.method == "POST" and response.header("Accept-Post") != "application/json":
        problems.append(f"Accept-Post {response.header('Accept-Post')!r}")
    if status == 503 and response.header("Retry-After") != "120":
        problems.append(f"Retry-After {response.header('Retry-After')!r}")
    if request.method == "HEAD":
        return problems
    request_id = response.header("X-Request-ID")
    try:
        if variant in ("json", "de"):
            problem = response.json()
            if not isinstance(problem, dict):
                return problems + ["the problem is not a JSON object"]
            if problem.get("status") != status:
                problems.append(f"status member {problem.get('status')!r}")
            if problem.get("request_id") != request_id or not request_id:
                problems.append(f"request_id {problem.get('request_id')!r}, header {request_id!r}")
            if not isinstance(problem.get("type"), str) or not isinstance(problem.get("title"), str):
                problems.append("no type or title")
            if problem.get("instance") != request.path.split("?")[0]:
                problems.append(f"instance {problem.get('instance')!r}")
            names = [name for name in problem if not MEMBER_NAME.match(name)]
            if names:
                problems.append(f"member names not snake_case: {names}")
            if variant == "de" and problem.get("type") != "about:blank" and response.header("Content-Language") != "de":
                problems.append("Accept-Language: de, but the API's own type is not in German")
            if request.trace_id and problem.get("trace_id") != request.trace_id:
                problems.append(f"trace_id {problem.get('trace_id')!r}, traceparent had {request.trace_id}")
        elif variant == "legacy":
            error = response.json().get("error")
            if not isinstance(error, dict) or not error.get("code") or not error.get("message"):
                problems.append("not the legacy envelope")
            elif error.get("request_id") != request_id:
                problems.append(f"legacy request_id {error.get('request_id')!r}, header {request_id!r}")
        elif variant == "xml":
            root = ElementTree.fromstring(response.body)
            namespace = "{urn:ietf:rfc:7807}"
            if root.tag != namespace + "problem":
                problems.append(f"XML root {root.tag}")
            elif root.findtext(namespace + "status") != str(status):
                problems.append(f"XML status {root.findtext(namespace + 'status')!r}")
            elif root.findtext(namespace + "request_id") != request_id:
                problems.append(f"XML request_id {root.findtext(namespace + 'request_id')!r}")
        elif variant == "html":
            text = response.body.decode("utf-8", "replace")
            if "<html" not in text or str(status) not in text or request_id not in text:
                problems.append("the HTML page does not show the status and request ID")
    except (ValueError, AttributeError, ElementTree.ParseError) as error:
        problems.append(f"unreadable {variant} body: {error}")
    return problems


# The monitor: memory, periodic ledger checks, liveness -------------------------------------------

class Monitor(threading.Thread):
    def __init__(self, soak, server, started):
        super().__init__(daemon=True)
        self.soak = soak
        self.server = server
        self.started = started
        self.samples = []  # (seconds into the run, KiB)
        self.client = Client(soak.host, soak.port)
        self.done = threading.Event()

    def sample(self):
        if self.soak.pid is None:
            return
        try:
            self.samples.append((time.monotonic() - self.started, rss_kib(self.soak.pid)))
        except (OSError, RuntimeError):
            pass

    def run(self):
        next_sample = time.monotonic() + RSS_EVERY
        next_check = time.monotonic() + self.soak.args.check_every
        next_progress = time.monotonic() + 30
        while not self.done.wait(0.5):
            now = time.monotonic()
            if self.server and self.server.process.poll() is not None:
                self.soak.stats.fail("server", f"the server exited with status {self.server.process.returncode}")
                self.soak.stop.set()
                return
            if now >= next_sample:
                self.sample()
                next_sample += RSS_EVERY
            if now >= next_check and not self.soak.stop.is_set():
                periodic_check(self.soak, self.client, now - self.started)
                next_check = time.monotonic() + self.soak.args.check_every
            if now >= next_progress:
                rss = f", RSS {self.samples[-1][1] / 1024:.1f} MB" if self.samples else ""
                print(f"  {self.soak.name}: {now - self.started:.0f} s, {self.soak.stats.requests:,} requests, "
                      f"{len(self.soak.ledger)} books{rss}, failures {self.soak.stats.total_failures()}",
                      file=sys.stderr, flush=True)
                next_progress += 30
        self.client.close()


def get_books(soak, client, op):
    try:
        response = client.request("GET", "/books")
    except RequestError as error:
        soak.stats.count(op, "error")
        soak.stats.fail(op, f"no response: {error}")
        return None
    soak.stats.count(op, response.status, response.seconds, response.status >= 500)
    if response.status != 200:
        soak.stats.fail(op, f"GET /books answered {response.status}", response=response)
        return None
    return response.json()


def periodic_check(soak, client, at):
    """GET /books against the books nobody held from before the request to after it, and no
    book whose deletion was acknowledged before it."""
    before, sequence = soak.ledger.idle_snapshot()
    listed = get_books(soak, client, "ledger.periodic")
    if listed is None:
        return
    after, _ = soak.ledger.idle_snapshot()
    stable = {book_id: book for book_id, (touches, book) in before.items()
              if book_id in after and after[book_id][0] == touches}
    stable.update(soak.baseline)
    problems = [line for line in compare_books(listed, stable) if not line.startswith("extra")]
    resurrected = soak.ledger.deleted_by(sequence) & {book.get("id") for book in listed if isinstance(book, dict)}
    problems += [f"deleted book {book_id} is listed again" for book_id in sorted(resurrected)]
    soak.checks.append((at, len(stable), problems))
    for line in problems[:5]:
        soak.stats.fail("ledger.periodic", line)


def final_check(soak, client, op):
    """GET /books equals the ledger exactly; returns the differences."""
    listed = get_books(soak, client, op)
    if listed is None:
        return ["GET /books failed"]
    expected = dict(soak.ledger.books)
    expected.update(soak.baseline)
    problems = compare_books(listed, expected, soak.ledger.uncertain_ids, soak.ledger.uncertain_isbns)
    for line in problems[:5]:
        soak.stats.fail(op, line)
    return problems


def sqlite_check(path, ledger):
    """The database file after shutdown: intact, and holding exactly the ledger's ISBNs."""
    try:
        database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            integrity = database.execute("PRAGMA integrity_check").fetchone()[0]
            isbns = [row[0] for row in database.execute("SELECT isbn FROM books")]
        finally:
            database.close()
    except sqlite3.Error as error:
        return [f"SQLite: {error}"]
    problems = [] if integrity == "ok" else [f"PRAGMA integrity_check: {integrity}"]
    if len(isbns) != len(set(isbns)):
        problems.append("an ISBN in more than one row")
    expected = {book["isbn"] for book in ledger.books.values()}
    ignored = ledger.uncertain_isbns | {ledger.books[book_id]["isbn"] for book_id in ledger.uncertain_ids
                                        if book_id in ledger.books}
    missing = expected - set(isbns) - ignored
    extra = set(isbns) - expected - ignored
    if missing:
        problems.append(f"{len(missing)} ISBNs of the ledger not in the file, e.g. {sorted(missing)[:3]}")
    if extra:
        problems.append(f"{len(extra)} ISBNs in the file not in the ledger, e.g. {sorted(extra)[:3]}")
    return problems


def least_squares_slope(points):
    if len(points) < 2:
        return 0.0
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    denominator = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / denominator if denominator else 0.0


# One app -----------------------------------------------------------------------------------------

def soak_app(name, args):
    """Runs the soak against one app, prints its summary and returns whether it passed."""
    server = restarted = database = None
    if args.url:
        url = urllib.parse.urlsplit(args.url)
        host, port, pid = url.hostname, url.port or 80, args.pid
    else:
        variable, persistent = APPS[name]
        binary = os.environ.get(variable)
        if not binary:
            raise SystemExit(f"{variable} is not set: run Benchmarks/HTTP/soak, or set it to the {name} binary")
        host, port = "127.0.0.1", free_port()
        # As loadtest.py starts the demos; the Hummingbird app keeps its default, in-memory storage.
        command = [binary, "--hostname", host, "--port", str(port), "--log-level", args.log_level]
        if persistent:
            database = os.path.join(tempfile.mkdtemp(prefix="soak-"), "bookshelf.sqlite")
            command += ["--database", database]
        server = Server(command, port)
        server.start()
        pid = server.pid
    baseline = {}
    if args.url:  # books already there are left alone, and must stay as they are
        listed = get_books(Soak(name, host, port, args), Client(host, port), "baseline") or []
        baseline = {book["id"]: book for book in listed}

    soak = Soak(name, host, port, args, pid, baseline)
    duration = args.minutes * 60
    print(f"{name}: soaking for {duration:.0f} s with {args.workers} workers on {host}:{port}, seed {args.seed}"
          + (f", server log {server.log.name}" if server else ""), file=sys.stderr, flush=True)
    started = time.monotonic()
    monitor = Monitor(soak, server, started)
    monitor.sample()
    monitor.start()
    workers = [Worker(soak, index) for index in range(args.workers)]
    threads = [threading.Thread(target=worker.run, daemon=True) for worker in workers]
    for thread in threads:
        thread.start()
    soak.stop.wait(duration)
    soak.stop.set()
    stuck = 0
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT * 4)
        stuck += thread.is_alive()
    elapsed = time.monotonic() - started
    monitor.done.set()
    monitor.join(timeout=REQUEST_TIMEOUT * 2)
    monitor.sample()  # the end: the traffic has stopped
    if stuck:
        soak.stats.fail("workers", f"{stuck} workers still busy {REQUEST_TIMEOUT * 4:.0f} s after the end")
    soak.stats.notes["connections"] = sum(worker.client.opened for worker in workers)

    # Quiescent: the whole ledger; then shutdown, the file, a restart on it and the ledger again.
    results = {}
    client = Client(host, port)
    results["final"] = final_check(soak, client, "ledger.final")
    client.close()
    if server:
        status, seconds = server.terminate()
        results["shutdown"] = (status, seconds)
        if status != 0:
            soak.stats.fail("shutdown", f"SIGTERM: exit status {status} after {seconds:.1f} s, expected 0 within 10 s")
        if database:
            results["sqlite"] = sqlite_check(database, soak.ledger)
            for line in results["sqlite"][:5]:
                soak.stats.fail("sqlite", line)
            restarted = Server(server.command, port)
            try:
                restarted.start()
                client = Client(host, port)
                results["restart"] = final_check(soak, client, "ledger.restart")
                client.close()
            except SystemExit as error:  # it did not come up
                soak.stats.fail("restart", str(error))
            finally:
                if restarted.process:
                    status, seconds = restarted.terminate()
                    results["restart-shutdown"] = (status, seconds)
                    if status != 0:
                        soak.stats.fail("shutdown", f"SIGTERM after the restart: exit status {status}")
    passed = report(soak, server, restarted, monitor, elapsed, duration, results)
    if passed and server:  # a failed soak keeps its database and logs
        for log in (server, restarted):
            if log:
                os.unlink(log.log.name)
        if database:
            shutil.rmtree(os.path.dirname(database), ignore_errors=True)
    return passed


def report(soak, server, restarted, monitor, elapsed, duration, results):
    stats = soak.stats
    print()
    print(f"{soak.name}: {elapsed:.0f} s, {stats.requests:,} requests ({stats.requests / elapsed:,.1f} req/s), "
          f"{soak.args.workers} workers, seed {soak.args.seed}")
    header = ("operation", "requests", "max ms")
    rows = []
    for op in sorted(stats.statuses):
        histogram = "  ".join(f"{status}×{count:,}" for status, count in sorted(stats.statuses[op].items(), key=str))
        rows.append((op, f"{sum(stats.statuses[op].values()):,}", f"{stats.slowest[op] * 1000:,.0f}", histogram))
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(3)]
    print(f"  {header[0].ljust(widths[0])}  {header[1].rjust(widths[1])}  {header[2].rjust(widths[2])}  statuses")
    for op, count, slowest, histogram in rows:
        print(f"  {op.ljust(widths[0])}  {count.rjust(widths[1])}  {slowest.rjust(widths[2])}  {histogram}")
    all_5xx = sum(count for op in stats.statuses for status, count in stats.statuses[op].items()
                  if isinstance(status, int) and status >= 500)
    errors = sum(stats.statuses[op]["error"] for op in stats.statuses)
    print(f"  5xx: {all_5xx - stats.unexpected_5xx:,} designed (/boom 500, /maintenance 503, /slow 504), "
          f"{stats.unexpected_5xx} other; requests without a response: {errors}")
    races, bursts = stats.races, stats.bursts
    print(f"  races: {races['run']} ({soak.args.race} writes for one ISBN each), "
          f"{'all correct' if races['wrong'] == 0 else str(races['wrong']) + ' WRONG'}; "
          f"bursts: {bursts['run']}, {'all correct' if bursts['wrong'] == 0 else str(bursts['wrong']) + ' WRONG'}")
    compared = sum(count for _, count, _ in soak.checks)
    periodic_bad = sum(1 for _, _, problems in soak.checks if problems)
    ledger = soak.ledger
    line = (f"  ledger: {len(ledger.books)} books at the end, {len(ledger.deleted):,} deleted; "
            f"{len(soak.checks)} checks during the run ({compared:,} books compared) "
            f"{'ok' if not periodic_bad else str(periodic_bad) + ' FAILED'}; "
            f"at the end {verdict(results.get('final'))}")
    if "sqlite" in results:
        line += f"; SQLite file {verdict(results['sqlite'])}"
    if database_restarted(results):
        line += f"; after a restart on it {verdict(results.get('restart'))}"
    uncertain = len(ledger.uncertain_ids) + len(ledger.uncertain_isbns)
    if uncertain:
        line += f"; {uncertain} books of unknown state left out"
    print(line)
    if "shutdown" in results:
        status, seconds = results["shutdown"]
        text = f"  SIGTERM: exit status {status} in {seconds:.1f} s"
        if "restart-shutdown" in results:
            status, seconds = results["restart-shutdown"]
            text += f"; after the restart: {status} in {seconds:.1f} s"
        print(text)

    memory_ok = True
    samples = monitor.samples
    if samples:
        warm_at = min(60.0, 0.1 * duration)
        warm = next(((t, kib) for t, kib in samples if t >= warm_at), samples[-1])
        end = samples[-1]
        highest = max(kib for _, kib in samples)
        growth = (end[1] - warm[1]) / 1024
        second_half = [(t / 60, kib / 1024) for t, kib in samples if t >= duration / 2]
        slope = least_squares_slope(second_half)
        memory_ok = growth <= GROWTH_LIMIT_MB
        print(f"  RSS: start {samples[0][1] / 1024:.1f} MB, after warm-up ({warm[0]:.0f} s) {warm[1] / 1024:.1f} MB, "
              f"end {end[1] / 1024:.1f} MB, max {highest / 1024:.1f} MB; growth {growth:+.1f} MB "
              f"({'ok' if memory_ok else 'TOO MUCH'}, limit {GROWTH_LIMIT_MB:.0f}); second-half slope "
              f"{slope:+.2f} MB/min ({len(second_half)} samples)")
    else:
        print("  RSS: not measured (give --pid with --url)")
    print(f"  connections opened by the workers: {stats.notes['connections']:,}"
          + (f"; server log: {server.log_lines():,} lines" if server else ""))

    reasons = []
    if stats.total_failures():
        reasons.append(f"{stats.total_failures()} failed checks ("
                       + ", ".join(f"{op} {count}" for op, count in stats.failure_count.most_common()) + ")")
    if not memory_ok:
        reasons.append(f"memory grew by more than {GROWTH_LIMIT_MB:.0f} MB")
    if stats.requests == 0:
        reasons.append("no requests")
    for failure in stats.failures:
        print(f"  FAILURE {failure['op']}: {failure['why']}")
        if "request" in failure:
            print(f"      request: {failure['request']}")
        if "status" in failure:
            print(f"      response: {failure['status']} {failure['body']}")
    if stats.total_failures() > len(stats.failures):
        print(f"  … and {stats.total_failures() - len(stats.failures)} more")
    if reasons and server:
        print(f"  server log {server.log.name}" + (f" (after the restart: {restarted.log.name})" if restarted else "")
              + ", last lines:")
        print("\n".join("    " + line for line in server.log_tail().splitlines()))
    print(f"{soak.name}: {'PASS' if not reasons else 'FAIL: ' + '; '.join(reasons)}")
    sys.stdout.flush()
    return not reasons


def database_restarted(results):
    return "restart" in results or "restart-shutdown" in results


def verdict(problems):
    if problems is None:
        return "not run"
    return "ok" if not problems else f"FAILED ({len(problems)} differences)"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0, help="traffic time per app (fractions allowed)")
    parser.add_argument("--apps", default="bookshelf,bookshelf-hummingbird")
    parser.add_argument("--workers", type=int, default=16, help="concurrent client threads")
    parser.add_argument("--url", help="soak a running server instead of starting the apps")
    parser.add_argument("--pid", type=int, help="with --url: the server's process id, for the memory check")
    parser.add_argument("--log-level", default="error",
                        help="the servers' log level, trace … critical (default error: the 5xx only, to a file)")
    parser.add_argument("--seed", type=int, default=None, help="for the random choices and the ISBNs (default: random)")
    parser.add_argument("--books", type=int, default=300,
                        help="about how many books to keep; creates and deletes balance")
    parser.add_argument("--race", type=int, default=8, help="concurrent writes in each ISBN race")
    parser.add_argument("--check-every", type=float, default=None,
                        help="seconds between ledger checks during the run (default 30, less for short runs)")
    args = parser.parse_args()
    if args.seed is None:
        args.seed = random.randrange(1_000_000)
    if args.check_every is None:
        args.check_every = min(30.0, max(5.0, args.minutes * 60 / 4))
    if args.pid and not args.url:
        parser.error("--pid goes with --url")
    if args.race < 2 or args.workers < 1 or args.minutes <= 0:
        parser.error("--race needs at least 2, --workers at least 1, --minutes more than 0")

    def terminate(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, terminate)

    passed = True
    try:
        names = [args.url] if args.url else [name.strip() for name in args.apps.split(",") if name.strip()]
        for name in names:
            if not args.url and name not in APPS:
                raise SystemExit(f"unknown app {name!r}; the apps are {', '.join(APPS)}")
        for name in names:
            passed &= soak_app(name, args)
            print()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        passed = False
    finally:
        Server.stop_all()
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()

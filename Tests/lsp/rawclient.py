"""A bare JSON-RPC client over a server's stdio, for what a well-behaved client library cannot
send: bytes that are not JSON inside a correct Content-Length frame, a stdin that closes without
shutdown. Reads run on a thread so every wait has a deadline."""
import json
import queue
import subprocess
import threading
import time


class RawServer:
    """`bearing lsp` as a subprocess, spoken to frame by frame."""

    def __init__(self, argv, cwd):
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages = queue.Queue()  # parsed messages from the server; None at end of stream
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()
        self.next_id = 0

    # Writing

    def send_bytes(self, body: bytes):
        """One frame with the given body, whatever it is."""
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message):
        self.send_bytes(json.dumps(message).encode("utf-8"))

    def request(self, method, params=None):
        """Sends a request; returns its id."""
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.next_id

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def close_stdin(self):
        self.proc.stdin.close()

    # Reading

    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        self.messages.put(None)
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                body = out.read(length or 0)
                try:
                    self.messages.put(json.loads(body))
                except ValueError:
                    self.messages.put({"unparsable": body.decode("utf-8", "replace")})
        except Exception as error:  # a broken stream ends the reading; the test sees None
            self.messages.put({"reader-error": repr(error)})
            self.messages.put(None)

    def _read_stderr(self):
        for chunk in iter(lambda: self.proc.stderr.read(4096), b""):
            self.stderr += chunk

    def receive(self, predicate, timeout, seen=None):
        """The first message that satisfies predicate within timeout (None if none came or the
        stream ended); every message read on the way is appended to seen."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                return None
            if message is None:
                self.messages.put(None)  # keep the end visible to later calls
                return None
            if seen is not None:
                seen.append(message)
            if predicate(message):
                return message

    def response(self, msg_id, timeout, seen=None):
        return self.receive(lambda m: m.get("id") == msg_id and "method" not in m, timeout, seen)

    def wait_exit(self, timeout):
        """The exit status, or None when the process is still running after timeout."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

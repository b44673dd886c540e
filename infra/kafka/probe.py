"""Cheap Kafka health probe for scripts/kafka.sh (no JVM: a JVM tool costs seconds).

    python3 probe.py PORT [TOPIC ...]

Speaks two requests of the Kafka wire protocol to 127.0.0.1:PORT:
  ApiVersions v0, then Metadata v4 for the given topics with auto-creation off.
Exit codes:
  0  the broker answers and is registered (unfenced); every given topic exists
  1  nothing answers, or the broker is not serving yet
  2  the broker is ready but some topics are missing; their names go to stdout
Metadata v4 is the oldest version Kafka 4 still accepts (KIP-896) and the newest
without the flexible (tagged-field) encoding, so it stays simple to write by hand.
"""

import socket
import struct
import sys

CLIENT_ID = b"todo-probe"


class Reader:
    def __init__(self, buf: bytes):
        self.buf, self.pos = buf, 0

    def take(self, fmt: str):
        (v,) = struct.unpack_from(fmt, self.buf, self.pos)
        self.pos += struct.calcsize(fmt)
        return v

    def string(self):
        n = self.take(">h")
        if n < 0:
            return None
        s = self.buf[self.pos : self.pos + n].decode()
        self.pos += n
        return s

    def int32_array(self):
        return [self.take(">i") for _ in range(max(self.take(">i"), 0))]


def request(sock: socket.socket, api_key: int, version: int, corr: int, body: bytes) -> Reader:
    header = struct.pack(">hhih", api_key, version, corr, len(CLIENT_ID)) + CLIENT_ID
    msg = header + body
    sock.sendall(struct.pack(">i", len(msg)) + msg)
    size = struct.unpack(">i", recv_exact(sock, 4))[0]
    r = Reader(recv_exact(sock, size))
    if r.take(">i") != corr:
        raise OSError("correlation id mismatch")
    return r


def recv_exact(sock: socket.socket, n: int) -> bytes:
    out = b""
    while len(out) < n:
        chunk = sock.recv(n - len(out))
        if not chunk:
            raise OSError("connection closed")
        out += chunk
    return out


def main() -> int:
    port, topics = int(sys.argv[1]), sys.argv[2:]
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
            sock.settimeout(3)
            if request(sock, 18, 0, 1, b"").take(">h") != 0:  # ApiVersions error_code
                return 1
            body = struct.pack(">i", len(topics))
            for t in topics:
                body += struct.pack(">h", len(t.encode())) + t.encode()
            body += b"\x00"  # allow_auto_topic_creation = false
            r = request(sock, 3, 4, 2, body)
            r.take(">i")  # throttle_time_ms
            brokers = r.take(">i")
            for _ in range(brokers):
                r.take(">i"), r.string(), r.take(">i"), r.string()
            r.string()  # cluster_id
            r.take(">i")  # controller_id
            missing = []
            for _ in range(r.take(">i")):
                err, name = r.take(">h"), r.string()
                r.take(">b")  # is_internal
                for _ in range(r.take(">i")):
                    r.take(">h"), r.take(">i"), r.take(">i")
                    r.int32_array(), r.int32_array()
                if err != 0:
                    missing.append(name)
    except (OSError, struct.error, UnicodeDecodeError):
        return 1
    if brokers < 1:
        return 1  # answering, but this broker is not registered/unfenced yet
    if missing:
        print(" ".join(missing))
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

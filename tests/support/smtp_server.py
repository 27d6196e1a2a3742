"""A real SMTP server for outcry's tests, on 127.0.0.1 only (aiosmtpd).

Prints "PORT <n>" once listening, then serves until stdin closes or it is killed.
Every accepted message is written to --out as NNNN.eml (the raw bytes) and NNNN.json
(envelope). Options make it misbehave the way real servers do.
"""
import argparse
import asyncio
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--tls-cert")
    ap.add_argument("--tls-key")
    ap.add_argument("--require-starttls", action="store_true")
    ap.add_argument("--auth", help="USER:PASSWORD; logging in is then required")
    ap.add_argument("--fail-451-once", action="append", default=[], help="reply 451 to the first RCPT of ADDR")
    ap.add_argument("--fail-550", action="append", default=[], help="reply 550 to every RCPT of ADDR")
    ap.add_argument("--drop-at", type=int, default=0, help="drop the connection instead of answering the Nth DATA (once)")
    ap.add_argument("--delay-data", type=float, default=0.0, help="seconds to wait before answering each DATA")
    ap.add_argument("--count-only", action="store_true",
                    help="benchmarks: keep no files, only write the count to OUT/count at exit")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    state = {"count": 0, "data_seen": 0, "failed_once": set(), "dropped": False}

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address in args.fail_550:
                return "550 5.1.1 Mailbox unavailable"
            if address in args.fail_451_once and address not in state["failed_once"]:
                state["failed_once"].add(address)
                return "451 4.3.0 Try again later"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            state["data_seen"] += 1
            if args.drop_at and state["data_seen"] == args.drop_at and not state["dropped"]:
                state["dropped"] = True
                server.transport.abort()
                return "421 dropped"
            state["count"] += 1
            n = state["count"]
            if args.count_only:
                return "250 2.0.0 Message accepted"
            with open(os.path.join(args.out, f"{n:04}.eml"), "wb") as f:
                f.write(envelope.original_content)
            with open(os.path.join(args.out, f"{n:04}.json"), "w") as f:
                json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
            if args.delay_data:
                await asyncio.sleep(args.delay_data)
            return "250 2.0.0 Message accepted"

    def authenticator(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword) or not args.auth:
            return AuthResult(success=False, handled=False)
        user, password = args.auth.split(":", 1)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    tls_context = None
    if args.tls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(args.tls_cert, args.tls_key)

    def factory():
        kwargs = dict(hostname="localhost", enable_SMTPUTF8=True, decode_data=False)
        if tls_context:
            kwargs.update(tls_context=tls_context, require_starttls=args.require_starttls)
        if args.auth:
            kwargs.update(authenticator=authenticator, auth_required=True,
                          auth_require_tls=bool(tls_context))
        return SMTP(Handler(), **kwargs)

    async def serve():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(factory, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        print(f"PORT {port}", flush=True)
        # Stop when the test closes our stdin (or kills us).
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        await reader.read()
        server.close()
        with open(os.path.join(args.out, "count"), "w") as f:
            f.write(str(state["count"]))

    try:
        import uvloop  # optional: a faster event loop, used by the benchmark when installed
        uvloop.run(serve())
    except ImportError:
        asyncio.run(serve())


if __name__ == "__main__":
    main()

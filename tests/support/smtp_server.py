"""A real SMTP server for outcry's tests, on 127.0.0.1 only (aiosmtpd).

Prints "PORT <n>" once listening, then serves until stdin closes or it is killed.
Every accepted message is written to --out as NNNN.eml (the raw bytes) and NNNN.json
(envelope). Options make it misbehave the way real servers do.
"""
import argparse
import asyncio
import base64
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
    ap.add_argument("--drop-after-store", action="store_true",
                    help="store every message, then drop the connection instead of answering")
    ap.add_argument("--no-reply-after-data", action="store_true",
                    help="store every message, then never answer")
    ap.add_argument("--delay-data", type=float, default=0.0, help="seconds to wait before answering each DATA")
    ap.add_argument("--delay-replies", type=float, default=0.0,
                    help="seconds to wait before every reply, the greeting included")
    ap.add_argument("--silent-after-greeting", action="store_true",
                    help="send the 220 greeting, then never answer anything")
    ap.add_argument("--stall-starttls", action="store_true",
                    help="answer STARTTLS with 220, then never start the TLS handshake")
    ap.add_argument("--no-quit-reply", action="store_true", help="never answer QUIT")
    ap.add_argument("--fail-auth", help="answer every login with this reply, e.g. '535 5.7.139 ...'")
    ap.add_argument("--fail-data", help="answer the end of every message with this reply (the message is not kept)")
    ap.add_argument("--relay-denied", action="store_true", help="refuse every RCPT as a relay")
    ap.add_argument("--no-smtputf8", action="store_true", help="do not offer SMTPUTF8")
    ap.add_argument("--xoauth2", help="USER:TOKEN; offer AUTH XOAUTH2 and accept this token")
    ap.add_argument("--implicit-tls", action="store_true",
                    help="TLS from the first byte (port 465 style) with --tls-cert/--tls-key")
    ap.add_argument("--log-commands", action="store_true",
                    help="write every command line the client sends to OUT/commands.log")
    ap.add_argument("--count-only", action="store_true",
                    help="benchmarks: keep no files, only write the count to OUT/count at exit")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    state = {"count": 0, "data_seen": 0, "failed_once": set(), "dropped": False}

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if args.relay_denied:
                return f"554 5.7.1 <{address}>: Relay access denied"
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
            if args.fail_data:
                return args.fail_data
            state["count"] += 1
            n = state["count"]
            if args.count_only:
                return "250 2.0.0 Message accepted"
            with open(os.path.join(args.out, f"{n:04}.eml"), "wb") as f:
                f.write(envelope.original_content)
            with open(os.path.join(args.out, f"{n:04}.json"), "w") as f:
                json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
            if args.drop_after_store:
                server.transport.abort()
                return "421 dropped"
            if args.no_reply_after_data:
                await asyncio.Event().wait()
            if args.delay_data:
                await asyncio.sleep(args.delay_data)
            return "250 2.0.0 Message accepted"

        async def auth_XOAUTH2(self, server, auth_args):
            if not args.xoauth2 or len(auth_args) != 2:
                return AuthResult(success=False, handled=False)
            user, token = args.xoauth2.split(":", 1)
            try:
                raw = base64.b64decode(auth_args[1]).decode()
            except Exception:
                return AuthResult(success=False, handled=False)
            expected = f"user={user}\x01auth=Bearer {token}\x01\x01"
            return AuthResult(success=raw == expected, handled=False)

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

    class Server(SMTP):
        """aiosmtpd's server with the faults the options ask for."""

        async def push(self, status):
            if args.delay_replies:
                await asyncio.sleep(args.delay_replies)
            if args.silent_after_greeting and getattr(self, "_greeted", False):
                await asyncio.Event().wait()
            self._greeted = True
            await super().push(status)

        async def smtp_QUIT(self, arg):
            if args.no_quit_reply:
                await asyncio.Event().wait()
            await super().smtp_QUIT(arg)

        async def smtp_STARTTLS(self, arg):
            if args.stall_starttls:
                await super().push("220 Ready to start TLS")
                await asyncio.Event().wait()
            await super().smtp_STARTTLS(arg)

    if args.log_commands:
        # Every byte the client sends, as received (what it says of itself, EHLO included).
        commands = open(os.path.join(args.out, "commands.log"), "ab", buffering=0)

        def data_received(self, data, _orig=SMTP.data_received):
            commands.write(data)
            return _orig(self, data)

        Server.data_received = data_received

    def factory():
        kwargs = dict(hostname="localhost", enable_SMTPUTF8=not args.no_smtputf8, decode_data=False)
        if tls_context and not args.implicit_tls:
            kwargs.update(tls_context=tls_context, require_starttls=args.require_starttls)
        if args.auth or args.xoauth2:
            kwargs.update(authenticator=authenticator, auth_required=True,
                          auth_require_tls=bool(tls_context) and not args.implicit_tls)
        if args.fail_auth:
            kwargs.update(authenticator=lambda *a: AuthResult(success=False, handled=False, message=args.fail_auth),
                          auth_required=True, auth_require_tls=False)
        return Server(Handler(), **kwargs)

    async def serve():
        loop = asyncio.get_running_loop()
        ssl_arg = tls_context if args.implicit_tls else None
        server = await loop.create_server(factory, "127.0.0.1", 0, ssl=ssl_arg)
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

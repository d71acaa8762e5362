"""A loopback SMTP server for clarity-report's tests: aiosmtpd with STARTTLS from a throw-away CA, AUTH PLAIN/LOGIN.

With --silent it accepts connections and never answers. Writes its port to DIR/port once it listens, and each accepted message as DIR/NNN.json (envelope) and DIR/NNN.eml (DATA as
received, dot-stuffing undone). Every AUTH attempt is appended to DIR/auth.log (mechanism, login, whether it passed).
"""
import argparse
import asyncio
import json
import os
import subprocess
import signal
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def make_certificates(folder):
    """A CA and a server certificate for 127.0.0.1 and localhost signed by it, made with the openssl command."""
    def run(*arguments):
        subprocess.run(["openssl", *arguments], check=True, capture_output=True)
    ca_key, ca, key, request, cert = (os.path.join(folder, name) for name in ("ca.key", "ca.pem", "server.key", "server.csr", "server.pem"))
    extensions = os.path.join(folder, "server.ext")
    with open(extensions, "w") as file:
        file.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
    run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", ca_key, "-out", ca,
        "-days", "2", "-subj", "/CN=clarity-report test CA")
    run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", request,
        "-subj", "/CN=localhost")
    run("x509", "-req", "-in", request, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-out", cert, "-days", "2",
        "-extfile", extensions)
    return cert, key


class Recorder:
    def __init__(self, folder, defer_once):
        self.folder = folder
        self.defer_once = defer_once
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.defer_once:
            self.defer_once = False
            return "451 4.3.0 Try again later"
        self.count += 1
        base = os.path.join(self.folder, "%03d" % self.count)
        with open(base + ".eml", "wb") as file:
            file.write(envelope.original_content)
        with open(base + ".json", "w") as file:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "tls": session.ssl is not None,
                       "authenticated": session.authenticated}, file)
        return "250 2.0.0 OK"


def main():
    # A process started from a Swift Testing thread inherits that thread's blocked signals; let SIGTERM and SIGINT work.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parent = os.getppid()
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--mechanism", choices=["PLAIN", "LOGIN"], help="offer only this AUTH mechanism")
    parser.add_argument("--defer-once", action="store_true", help="answer the first DATA with 451")
    parser.add_argument("--silent", action="store_true", help="accept connections and never answer, to test timeouts")
    arguments = parser.parse_args()

    cert, key = make_certificates(arguments.dir)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    log = open(os.path.join(arguments.dir, "auth.log"), "a")

    def authenticator(server, session, envelope, mechanism, data):
        passed = (isinstance(data, LoginPassword) and data.login.decode() == arguments.user
                  and data.password.decode() == arguments.password)
        log.write("%s %s %s\n" % (mechanism, data.login.decode() if isinstance(data, LoginPassword) else "?", passed))
        log.flush()
        return AuthResult(success=passed, handled=False)

    handler = Recorder(arguments.dir, arguments.defer_once)
    excluded = [] if not arguments.mechanism else [m for m in ("PLAIN", "LOGIN") if m != arguments.mechanism]

    def factory():
        if arguments.silent:
            return asyncio.Protocol()
        return SMTP(handler, hostname="localhost", tls_context=context, require_starttls=True,
                    authenticator=authenticator, auth_required=arguments.user is not None, auth_require_tls=True,
                    auth_exclude_mechanism=excluded, data_size_limit=64 * 1024 * 1024)

    async def serve():
        server = await asyncio.get_running_loop().create_server(factory, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        with open(os.path.join(arguments.dir, "port.partial"), "w") as file:
            file.write(str(port))
        os.rename(os.path.join(arguments.dir, "port.partial"), os.path.join(arguments.dir, "port"))
        # The tests stop the server; should the test process die first, the server goes too.
        while os.getppid() == parent:
            await asyncio.sleep(0.5)
        os._exit(0)

    asyncio.run(serve())


if __name__ == "__main__":
    main()

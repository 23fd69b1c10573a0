#!/usr/bin/env python3
"""Run a command next to a fresh MT test server (mt_server.py).

    with_server.py COMMAND [ARGS...]

Starts the server on 127.0.0.1 with free ports, exports MT_TEST_PORT,
MT_TEST_TLS_PORT, MT_TEST_DIR (an empty scratch directory) and MT_TEST_SRC
(this directory), points XDG_CACHE_HOME and XDG_CONFIG_HOME into the scratch
directory (no test touches the user's cache or config, nor another test's),
runs the command, stops the server and exits with the
command's status."""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    scratch = tempfile.mkdtemp(prefix="degloss-mt-")
    port_file = os.path.join(scratch, "port")
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "mt_server.py"),
                               "--port-file", port_file])
    try:
        deadline = time.monotonic() + 20
        while not os.path.exists(port_file):
            if server.poll() is not None:
                print("with_server: the test server did not start", file=sys.stderr)
                return 1
            if time.monotonic() > deadline:
                print("with_server: the test server did not report its port", file=sys.stderr)
                return 1
            time.sleep(0.02)
        with open(port_file) as f:
            port, tls_port = f.read().split()
        env = dict(os.environ)
        # tests must never see real keys or proxies
        for k in ("DEEPL_AUTH_KEY", "GOOGLE_API_KEY", "LIBRETRANSLATE_API_KEY", "OPENAI_API_KEY",
                  "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
            env.pop(k, None)
        env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
        env.update(MT_TEST_PORT=port, MT_TEST_TLS_PORT=tls_port, MT_TEST_DIR=scratch,
                   MT_TEST_SRC=HERE, XDG_CACHE_HOME=os.path.join(scratch, "xdg-cache"),
                   XDG_CONFIG_HOME=os.path.join(scratch, "xdg-config"))
        return subprocess.call(sys.argv[1:], env=env)
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

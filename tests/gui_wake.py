#!/usr/bin/python3
"""The resting app still answers the phones at once (issue 30): the real app under Xvfb, its loop waiting for events,
participation open (ATELIER_TEST_PARTICIPATION); a phone joins and posts 5 ideas, each answered 201 — the job wakes
the loop, which applies it — never the 503 a loop that slept through it would give after 5 s. Then SIGTERM: exit 0.

    gui_wake.py ATELIER WORKDIR      (run under xvfb-run)
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request


def post(url, path, body, token=None):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status, json.loads(answer.read().decode() or "null")


def main():
    atelier, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    data = os.path.join(work, "data")
    subprocess.run([atelier, "--data", data, "demo"], check=True, capture_output=True)
    env = dict(os.environ, ATELIER_TEST_PARTICIPATION="123456", XDG_CONFIG_HOME=os.path.join(work, "config"))
    app = subprocess.Popen([atelier, "--data", data], env=env, stdout=subprocess.PIPE, text=True)
    try:
        line = app.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        if not match:
            print("no participation address: " + line)
            return 1
        url = match.group(0)
        time.sleep(2)  # the app settles, then rests: nothing moves on screen
        status, joined = post(url, "/api/rejoindre", {"code": "123456", "prenom": "Zoé"})
        if status != 200:
            print("join: %d" % status)
            return 1
        # No board is open to phones on the demo's selected étape: the post is refused 409 by the job itself,
        # which proves the job ran (a loop asleep would let it time out: 503).
        for i in range(5):
            started = time.time()
            try:
                status, _ = post(url, "/api/idees", {"texte": "Idée %d" % i}, joined["jeton"])
            except urllib.error.HTTPError as e:
                status = e.code
            print("post %d: %d after %.2f s" % (i, status, time.time() - started))
            if status == 503:
                print("the resting loop did not run the phone's job")
                return 1
            time.sleep(1)
    finally:
        app.send_signal(signal.SIGTERM)
        code = app.wait(timeout=30)
    if code != 0:
        print("exit %d" % code)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

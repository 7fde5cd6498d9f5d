"""Calls shortlease as Dify's Python SDK (PyPI ``dify-client``) sends its requests.

The SDK is a thin layer over ``httpx``: one ``httpx.Client`` with the API's base URL, every call
``Authorization: Bearer <key>`` and ``Content-Type: application/json`` (GET and DELETE too),
``json=`` bodies with ``None`` fields left in, query parameters with ``None`` values (httpx
sends them empty), uploads as ``files=`` plus ``data={"user": ...}``, and a stream read whole,
then split with ``iter_lines``. PyPI is not reachable from this project's build, so these
requests are written here in that shape, on Debian's ``python3-httpx``, one test per SDK method
(docs/compatibility.md). Environment: SHORTLEASE_API, SHORTLEASE_CHAT_KEY,
SHORTLEASE_COMPLETION_KEY, SHORTLEASE_FILES_KEY, SHORTLEASE_UPLOAD_LIMIT_BYTES.
"""

import json
import os
import unittest

import httpx

API = os.environ["SHORTLEASE_API"]
CHAT_KEY = os.environ["SHORTLEASE_CHAT_KEY"]
COMPLETION_KEY = os.environ["SHORTLEASE_COMPLETION_KEY"]
FILES_KEY = os.environ["SHORTLEASE_FILES_KEY"]
UPLOAD_LIMIT = int(os.environ["SHORTLEASE_UPLOAD_LIMIT_BYTES"])
USER = "python-sdk"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


class Sdk:
    """The SDK's two request paths: JSON (``_send_request``) and multipart (``..._with_files``)."""

    def __init__(self, key):
        self.key = key
        self.http = httpx.Client(base_url=API, timeout=httpx.Timeout(60.0, connect=5.0))

    def send(self, method, path, json=None, params=None):
        headers = {"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"}
        return self.http.request(method, path, json=json, params=params, headers=headers)

    def send_files(self, path, data, files):
        headers = {"Authorization": f"Bearer {self.key}"}
        return self.http.request("POST", path, data=data, files=files, headers=headers)

    def chat(self, query, mode="blocking", conversation_id=None, files=None):
        data = {"inputs": {}, "query": query, "user": USER, "response_mode": mode, "files": files}
        if conversation_id:
            data["conversation_id"] = conversation_id
        return self.send("POST", "/chat-messages", data)


_CLIENTS = {}


def sdk_for(key):
    """One SDK client per key, as an application keeps one; all closed when the module ends."""
    if key not in _CLIENTS:
        _CLIENTS[key] = Sdk(key)
    return _CLIENTS[key]


def tearDownModule():
    for client in _CLIENTS.values():
        client.http.close()


def events(response):
    """A stream's ``data:`` events, as an application reads the SDK's response."""
    return [json.loads(line[len("data: "):]) for line in response.iter_lines() if line.startswith("data: ")]


class ChatClientTest(unittest.TestCase):
    def setUp(self):
        self.sdk = sdk_for(CHAT_KEY)

    def test_create_chat_message_blocking_and_continued(self):
        first = self.sdk.chat("Hello")
        self.assertEqual(first.status_code, 200, first.text)
        body = first.json()
        self.assertTrue(body["answer"])
        again = self.sdk.chat("And again", conversation_id=body["conversation_id"])
        self.assertEqual(again.status_code, 200, again.text)
        self.assertEqual(again.json()["conversation_id"], body["conversation_id"])

    def test_create_chat_message_streaming(self):
        response = self.sdk.chat("Stream it", mode="streaming")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertTrue(response.headers["content-type"].startswith("text/event-stream"))
        received = events(response)
        self.assertEqual(received[-1]["event"], "message_end", received[-1])
        answer = "".join(e["answer"] for e in received if e["event"] == "message")
        self.assertTrue(answer)
        self.assertIn("usage", received[-1]["metadata"])

    def test_conversations_messages_rename_feedback_suggested_delete(self):
        body = self.sdk.chat("Keep this").json()
        conversation, message = body["conversation_id"], body["message_id"]

        listed = self.sdk.send(
            "GET", "/conversations", params={"user": USER, "last_id": None, "limit": None, "pinned": None})
        self.assertEqual(listed.status_code, 200, listed.text)
        self.assertIn(conversation, [c["id"] for c in listed.json()["data"]])

        history = self.sdk.send("GET", "/messages", params={"user": USER, "conversation_id": conversation})
        self.assertEqual(history.status_code, 200, history.text)
        self.assertEqual(history.json()["data"][-1]["id"], message)

        renamed = self.sdk.send(
            "POST", f"/conversations/{conversation}/name",
            {"name": "From Python", "auto_generate": False, "user": USER})
        self.assertEqual(renamed.status_code, 200, renamed.text)
        self.assertEqual(renamed.json()["name"], "From Python")

        feedback = self.sdk.send("POST", f"/messages/{message}/feedbacks", {"rating": "like", "user": USER})
        self.assertEqual(feedback.json(), {"result": "success"})

        suggested = self.sdk.send("GET", f"/messages/{message}/suggested", params={"user": USER})
        self.assertIn(suggested.status_code, (200, 400), suggested.text)
        if suggested.status_code == 400:  # suggestions off for this app: Dify's error, not a crash
            self.assertEqual(suggested.json()["code"], "bad_request")

        variables = self.sdk.send("GET", f"/conversations/{conversation}/variables", params={"user": USER})
        self.assertEqual(variables.status_code, 200, variables.text)
        self.assertIn("data", variables.json())

        deleted = self.sdk.send("DELETE", f"/conversations/{conversation}", {"user": USER})
        self.assertIn(deleted.status_code, (200, 204), deleted.text)
        gone = self.sdk.send("GET", "/messages", params={"user": USER, "conversation_id": conversation})
        self.assertEqual(gone.status_code, 404, gone.text)

    def test_stop_message(self):
        stopped = self.sdk.send("POST", "/chat-messages/00000000-0000-4000-8000-000000000000/stop", {"user": USER})
        self.assertEqual(stopped.status_code, 200, stopped.text)
        self.assertEqual(stopped.json(), {"result": "success"})

    def test_annotations(self):
        created = self.sdk.send("POST", "/apps/annotations", json={"question": "Q?", "answer": "A."})
        self.assertEqual(created.status_code, 201, created.text)
        annotation = created.json()["id"]
        listed = self.sdk.send("GET", "/apps/annotations", params={"page": 1, "limit": 20})
        self.assertIn(annotation, [a["id"] for a in listed.json()["data"]])
        updated = self.sdk.send("PUT", f"/apps/annotations/{annotation}", json={"question": "Q?", "answer": "B."})
        self.assertEqual(updated.json()["answer"], "B.")
        job = self.sdk.send(
            "POST", "/apps/annotation-reply/enable",
            json={"score_threshold": 0.9, "embedding_provider_name": "simulated",
                  "embedding_model_name": "simulated"})
        self.assertEqual(job.status_code, 200, job.text)
        status = self.sdk.send("GET", f"/apps/annotation-reply/enable/status/{job.json()['job_id']}")
        self.assertEqual(status.status_code, 200, status.text)
        self.assertIn(status.json()["job_status"], ("waiting", "processing", "completed"))
        deleted = self.sdk.send("DELETE", f"/apps/annotations/{annotation}")
        self.assertEqual(deleted.status_code, 204, deleted.text)


class DifyClientTest(unittest.TestCase):
    def test_application_reads(self):
        sdk = sdk_for(CHAT_KEY)
        for path, params in (("/parameters", {"user": USER}), ("/meta", {"user": USER}),
                             ("/info", None), ("/site", None)):
            response = sdk.send("GET", path, params=params)
            self.assertEqual(response.status_code, 200, f"{path}: {response.text}")
            self.assertIsInstance(response.json(), dict)

    def test_file_upload_then_chat_with_it(self):
        sdk = sdk_for(FILES_KEY)
        uploaded = sdk.send_files("/files/upload", {"user": USER}, {"file": ("pic.png", PNG, "image/png")})
        self.assertEqual(uploaded.status_code, 201, uploaded.text)
        self.assertEqual(uploaded.json()["extension"], "png")
        files = [{"type": "image", "transfer_method": "local_file", "upload_file_id": uploaded.json()["id"]}]
        answer = sdk.chat("What is in it?", files=files)
        self.assertEqual(answer.status_code, 200, answer.text)

    def test_upload_above_the_limit_gets_its_413(self):
        # httpx writes the whole body before it reads: the 413 must still arrive, not a reset.
        sdk = sdk_for(FILES_KEY)
        too_big = b"\0" * (UPLOAD_LIMIT * 2 + 16 * 1024 * 1024)
        refused = sdk.send_files("/files/upload", {"user": USER}, {"file": ("big.png", too_big, "image/png")})
        self.assertEqual(refused.status_code, 413, refused.text)
        self.assertEqual(refused.json()["code"], "file_too_large")

    def test_wrong_key_is_difys_401(self):
        response = sdk_for("app-not-a-key").send("GET", "/parameters", params={"user": USER})
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["code"], "unauthorized")


class CompletionClientTest(unittest.TestCase):
    def test_create_completion_message_blocking_and_streaming(self):
        sdk = sdk_for(COMPLETION_KEY)
        for mode in ("blocking", "streaming"):
            response = sdk.send(
                "POST", "/completion-messages",
                {"inputs": {"query": "Write a haiku"}, "response_mode": mode, "user": USER, "files": None})
            self.assertEqual(response.status_code, 200, response.text)
            if mode == "blocking":
                self.assertTrue(response.json()["answer"])
            else:
                self.assertEqual(events(response)[-1]["event"], "message_end")


if __name__ == "__main__":
    unittest.main()

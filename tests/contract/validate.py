#!/usr/bin/python3
"""Contract check: real responses of a running Rapport service against
openapi/openapi.yaml.

usage: validate.py URL

Makes a fresh organization with `$RAPPORT_BIN org create` (which needs
MIGRATE_DATABASE_URL), then sends real requests (urllib only) that exercise
a sample of operations and their error responses. Each response is matched
to its operation in the document (method + path template); its status must
be documented, its body must validate against the documented schema for
that status and content type (OpenAPI 3.1 schemas are JSON Schema 2020-12,
$refs resolved against the whole document), and the headers the document
marks `required` must be there (and match their schemas when present).

Prints one line per check and `contract: N passed, M failed`; exits 1 when
anything failed.

Runs with Debian's /usr/bin/python3 and its python3-yaml and
python3-jsonschema (4.10): no pip packages.
"""
import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import jsonschema
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DOC_PATH = os.path.join(HERE, "..", "..", "openapi", "openapi.yaml")
METHODS = ("get", "put", "post", "patch", "delete")


class Contract:
    """The OpenAPI document and the lookups the checks need."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            # Round-trip through JSON: YAML dates etc. become strings, as
            # in the JSON the service serves.
            self.doc = json.loads(json.dumps(yaml.safe_load(f), default=str))
        self.resolver = jsonschema.RefResolver("", self.doc)
        self.ops = []
        for tmpl, item in self.doc["paths"].items():
            rx = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(tmpl)) + "$"
            for m in METHODS:
                if m in item:
                    self.ops.append((m.upper(), tmpl, re.compile(rx), item[m]))
        # Fixed paths first, so /v1/accounts/by-external-id/x is not read
        # as /v1/accounts/{id}... (both have the same segment count).
        self.ops.sort(key=lambda o: o[1].count("{"))

    def deref(self, obj):
        while isinstance(obj, dict) and "$ref" in obj:
            _, obj = self.resolver.resolve(obj["$ref"])
        return obj

    def operation(self, method, path):
        m = "GET" if method == "HEAD" else method
        for meth, tmpl, rx, op in self.ops:
            if meth == m and rx.match(path):
                return tmpl, op
        return None, None

    def validate(self, schema, instance):
        v = jsonschema.Draft202012Validator(
            schema, resolver=self.resolver,
            format_checker=jsonschema.FormatChecker())
        out = []
        for e in v.iter_errors(instance):
            e = jsonschema.exceptions.best_match([e])
            out.append("at /%s: %s (schema %s)" % (
                "/".join(map(str, e.absolute_path)), e.message[:160],
                "/".join(map(str, e.schema_path))))
        return out


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body) if self.body else None

    def header(self, name):
        return self.headers.get(name)


class Checker:
    def __init__(self, base, contract):
        self.base = base.rstrip("/")
        self.c = contract
        self.passed = 0
        self.failed = 0

    def send(self, method, path, key=None, body=None, raw=None,
             ctype="application/json", headers=None):
        data = raw if raw is not None else (
            None if body is None else json.dumps(body).encode())
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None and ctype:
            req.add_header("Content-Type", ctype)
        if key:
            req.add_header("Authorization", "Bearer " + key)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read())

    def send_announced(self, method, path, key, length):
        """Announces a body of @length bytes but sends none: the service
        answers 413 from the headers alone (and would close the connection
        under a client still writing)."""
        u = urllib.parse.urlsplit(self.base)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        try:
            conn.putrequest(method, path)
            conn.putheader("Authorization", "Bearer " + key)
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Content-Length", str(length))
            conn.endheaders()
            r = conn.getresponse()
            return Response(r.status, r.headers, r.read())
        finally:
            conn.close()

    def report(self, ok, label, problems):
        if ok:
            self.passed += 1
            print("ok    %s" % label)
        else:
            self.failed += 1
            print("FAIL  %s: %s" % (label, "; ".join(problems)))

    def check_headers(self, resp, spec, problems):
        for name, h in (spec.get("headers") or {}).items():
            h = self.c.deref(h)
            value = resp.header(name)
            if value is None:
                if h.get("required"):
                    problems.append("required header %s missing" % name)
                continue
            schema = h.get("schema", {})
            inst = value
            if schema.get("type") == "integer":
                try:
                    inst = int(value)
                except ValueError:
                    problems.append("header %s=%r is not an integer" % (name, value))
                    continue
            for err in self.c.validate(schema, inst):
                problems.append("header %s=%r: %s" % (name, value, err))

    def check_body(self, resp, spec, method, problems):
        content = spec.get("content")
        body = resp.body
        if method == "HEAD" or not content:
            if body and method != "HEAD":
                problems.append("body sent where the document has none")
            return
        if not body:
            problems.append("empty body; the document has %s" % ", ".join(content))
            return
        ctype = resp.header("Content-Type") or ""
        media = content.get(ctype)
        if media is None:  # match without parameters
            base = ctype.split(";")[0].strip()
            for k, v in content.items():
                if k.split(";")[0].strip() == base:
                    media = v
                    break
        if media is None:
            problems.append("Content-Type %r not documented (%s)" % (ctype, ", ".join(content)))
            return
        if "json" not in ctype:
            inst = body.decode("utf-8", "replace")
        else:
            try:
                inst = json.loads(body)
            except ValueError as e:
                problems.append("body is not JSON: %s" % e)
                return
        problems.extend(self.c.validate(media.get("schema", {}), inst))

    def check(self, label, method, path, expect, resp=None, spec=None,
              expect_headers=(), **kw):
        """Sends one request (unless @resp) and checks it against the
        document; @expect is the status the scenario needs."""
        if resp is None:
            resp = self.send(method, path, **kw)
        problems = []
        label = "%s %s -> %d %s" % (method, label or path, resp.status,
                                    "" if resp.status == expect else "(expected %d)" % expect)
        if resp.status != expect:
            problems.append("status %d, expected %d (body %s)" % (resp.status, expect, resp.body[:300]))
        if spec is None:
            tmpl, op = self.c.operation(method, path.split("?")[0])
            if op is None:
                self.report(False, label, ["no operation in the document"])
                return resp
            responses = op["responses"]
            spec = responses.get(str(resp.status), responses.get("default"))
            if spec is None:
                problems.append("status %d is not documented for %s %s"
                                % (resp.status, method, tmpl))
        if spec is not None:
            spec = self.c.deref(spec)
            self.check_headers(resp, spec, problems)
            self.check_body(resp, spec, method, problems)
        for h in expect_headers:
            if resp.header(h) is None:
                problems.append("header %s missing" % h)
        self.report(not problems, label.strip(), problems)
        return resp

    def note(self, text):
        print("note  %s" % text)


def org_create():
    binary = os.environ.get("RAPPORT_BIN")
    if not binary:
        sys.exit("validate.py: set RAPPORT_BIN (and MIGRATE_DATABASE_URL)")
    env = dict(os.environ)
    # `rapport` insists on DATABASE_URL even for org create, which uses
    # MIGRATE_DATABASE_URL; scripts/test sets both.
    env.setdefault("DATABASE_URL", env.get("MIGRATE_DATABASE_URL", ""))
    p = subprocess.run([binary, "org", "create", "contract check"], env=env,
                       capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        sys.exit("validate.py: org create failed (%d): %s" % (p.returncode, p.stderr.strip()))
    out = p.stdout
    vals = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    return vals["RAPPORT_ORG_ID"], vals["RAPPORT_API_KEY"]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: validate.py URL")
    started = time.monotonic()
    c = Contract(DOC_PATH)
    k = Checker(sys.argv[1], c)
    comp = c.doc["components"]["responses"]
    nobody = str(uuid.uuid4())
    tag = uuid.uuid4().hex[:8]

    # Operations: no key.
    k.check(None, "GET", "/healthz", 200)
    k.check(None, "HEAD", "/healthz", 200)
    k.check(None, "GET", "/readyz", 200)
    k.check(None, "GET", "/metrics", 200)
    r = k.check(None, "GET", "/v1/openapi.json", 200)
    if r.status == 200:
        served = r.json()
        same = set(served.get("paths", {})) == set(c.doc["paths"])
        k.report(same, "GET /v1/openapi.json serves the paths of openapi.yaml",
                 ["served paths differ from the file's"])

    _, admin = org_create()
    k.report(True, "org create (admin key %s...)" % admin[:12], [])

    # API keys.
    r = k.check(None, "POST", "/v1/api-keys", 201, key=admin,
                body={"name": "contract write", "scope": "write"},
                expect_headers=("Location",))
    write = r.json()["secret"] if r.status == 201 else admin
    r = k.check(None, "POST", "/v1/api-keys", 201, key=admin,
                body={"name": "contract read", "scope": "read"})
    read = r.json()["secret"] if r.status == 201 else admin
    read_id = r.json()["id"] if r.status == 201 else nobody
    k.check(None, "GET", "/v1/api-keys?limit=10", 200, key=admin)
    k.check(None, "GET", "/v1/api-keys/" + read_id, 200, key=admin)
    k.check("/v1/api-keys (read key)", "GET", "/v1/api-keys", 403, key=read)
    k.check("/v1/api-keys (scope bogus)", "POST", "/v1/api-keys", 422, key=admin,
            body={"scope": "superuser"})

    # Webhooks (the shared service delivers none: RAPPORT_WEBHOOK_THREADS=0).
    r = k.check(None, "POST", "/v1/webhooks", 201, key=admin,
                body={"url": "https://hooks.example.com/contract",
                      "event_types": ["organization_values.deleted"],
                      "description": "contract"},
                expect_headers=("Location", "ETag"))
    hook = r.json()["id"] if r.status == 201 else nobody
    k.check(None, "GET", "/v1/webhooks?limit=5", 200, key=admin)
    r = k.check(None, "GET", "/v1/webhooks/" + hook, 200, key=admin,
                expect_headers=("ETag",))
    k.check(None, "PATCH", "/v1/webhooks/" + hook, 200, key=admin,
            body={"description": None, "status": "disabled"},
            ctype="application/merge-patch+json",
            headers={"If-Match": r.header("ETag") or '"1"'}, expect_headers=("ETag",))
    k.check(None, "POST", "/v1/webhooks/" + hook + "/rotate-secret", 200, key=admin,
            body={})
    # A delivery queued (and never sent: nothing delivers here), then
    # dropped with its endpoint.
    r = k.check(None, "POST", "/v1/webhooks", 201, key=admin,
                body={"url": "https://hooks.example.com/contract",
                      "event_types": ["account.created"]})
    queued = r.json()["id"] if r.status == 201 else nobody
    k.check(None, "POST", "/v1/accounts", 201, key=admin,
            body={"name": "Webhook contract " + tag})
    r = k.check(None, "GET", "/v1/webhooks/" + queued + "/deliveries?status=pending",
                200, key=admin)
    k.report(r.status == 200 and len(r.json()["data"]) == 1,
             "a pending delivery is listed", ["none listed"])
    k.check(None, "DELETE", "/v1/webhooks/" + queued, 204, key=admin)
    k.check("/v1/webhooks (http URL)", "POST", "/v1/webhooks", 422, key=admin,
            body={"url": "http://127.0.0.1/x", "event_types": ["*"]})
    k.check("/v1/webhooks/{unknown}", "GET", "/v1/webhooks/" + nobody, 404, key=admin)
    k.check(None, "DELETE", "/v1/webhooks/" + hook, 204, key=admin)

    # Sellers.
    r = k.check(None, "POST", "/v1/sellers", 201, key=write,
                body={"name": "Dana Whitfield", "email": "dana@example.com",
                      "external_id": "cc-seller-" + tag},
                expect_headers=("ETag", "Location"))
    seller = r.json()["id"]
    k.check(None, "GET", "/v1/sellers/" + seller, 200, key=read, expect_headers=("ETag",))
    k.check(None, "GET", "/v1/sellers?limit=5&q=Dana", 200, key=read)
    k.check(None, "PATCH", "/v1/sellers/" + seller, 200, key=write,
            body={"email": "dana.w@example.com"}, ctype="application/merge-patch+json",
            headers={"If-Match": r.header("ETag") or '"1"'}, expect_headers=("ETag",))
    k.check(None, "PUT", "/v1/sellers/by-external-id/cc-seller2-" + tag, 201, key=write,
            body={"name": "Sam Ortiz"}, expect_headers=("ETag", "Location"))
    k.check(None, "PUT", "/v1/sellers/by-external-id/cc-seller2-" + tag, 200, key=write,
            body={"name": "Sam Ortiz"}, expect_headers=("ETag",))
    k.check(None, "GET", "/v1/sellers/by-external-id/cc-seller2-" + tag, 200, key=read)
    k.check(None, "GET", "/v1/sellers/" + seller + "/assessment", 200, key=read)

    # Accounts.
    acct_body = {"name": "Northwind Traders", "external_id": "cc-acct-" + tag,
                 "industry": "Wholesale", "owner_id": seller, "stage": "customer",
                 "purchase_stage": "post_purchase", "annual_value": 120000,
                 "currency": "EUR", "renewal_date": "2027-03-31"}
    idem = {"Idempotency-Key": str(uuid.uuid4())}
    r = k.check(None, "POST", "/v1/accounts", 201, key=write, body=acct_body,
                headers=idem, expect_headers=("ETag", "Location"))
    account = r.json()["id"]
    etag = r.header("ETag")
    k.check("/v1/accounts (idempotent replay)", "POST", "/v1/accounts", 201, key=write,
            body=acct_body, headers=idem,
            expect_headers=("ETag", "Location", "Idempotent-Replayed"))
    k.check("/v1/accounts (idempotency key reused)", "POST", "/v1/accounts", 422,
            key=write, body=dict(acct_body, name="Other"), headers=idem)
    k.check("/v1/accounts (external id clash)", "POST", "/v1/accounts", 409, key=write,
            body={"name": "Clash", "external_id": "cc-acct-" + tag})
    k.check(None, "GET", "/v1/accounts/" + account, 200, key=read, expect_headers=("ETag",))
    k.check("/v1/accounts/{id} (HEAD)", "HEAD", "/v1/accounts/" + account, 200, key=read)
    k.check(None, "GET", "/v1/accounts?limit=2&stage=customer&owner_id=" + seller, 200, key=read)
    k.check(None, "GET", "/v1/accounts/by-external-id/cc-acct-" + tag, 200, key=read)
    r = k.check(None, "PATCH", "/v1/accounts/" + account, 200, key=write,
                body={"stage": "former", "renewal_date": None},
                headers={"If-Match": etag or '"1"'}, expect_headers=("ETag",))
    k.check("/v1/accounts/{id} (stale If-Match)", "PATCH", "/v1/accounts/" + account, 412,
            key=write, body={"stage": "customer"}, headers={"If-Match": etag or '"1"'})
    k.check(None, "PUT", "/v1/accounts/by-external-id/cc-acct2-" + tag, 201, key=write,
            body={"name": "Contoso", "stage": "prospect"}, expect_headers=("ETag", "Location"))
    r = k.check(None, "PUT", "/v1/accounts/by-external-id/cc-acct2-" + tag, 200, key=write,
                body={"name": "Contoso", "stage": "prospect"})
    account2 = r.json()["id"] if r.status == 200 else nobody

    # Values.
    k.check(None, "GET", "/v1/accounts/%s/values" % account, 200, key=read)
    k.check(None, "PUT", "/v1/accounts/%s/values" % account, 200, key=write,
            body={"priorities": {"quality": 0.8, "partnership": 0.6},
                  "answers": {"What matters most?": "Uptime"}}, expect_headers=("ETag",))
    k.check(None, "GET", "/v1/organization/values", 200, key=read)
    k.check(None, "PUT", "/v1/organization/values", 200, key=admin,
            body={"priorities": {"reliability": 0.9}, "answers": {}})
    k.check("/v1/organization/values (write key)", "PUT", "/v1/organization/values", 403,
            key=write, body={"priorities": {}})

    # Contacts.
    r = k.check(None, "POST", "/v1/accounts/%s/contacts" % account, 201, key=write,
                body={"name": "Priya Raman", "title": "CFO", "role": "decision_maker",
                      "influence": 0.9, "external_id": "cc-contact-" + tag},
                expect_headers=("ETag", "Location"))
    contact = r.json()["id"]
    k.check(None, "GET", "/v1/contacts/" + contact, 200, key=read, expect_headers=("ETag",))
    k.check(None, "GET", "/v1/accounts/%s/contacts?role=decision_maker" % account, 200, key=read)
    k.check(None, "PATCH", "/v1/contacts/" + contact, 200, key=write, body={"title": "CEO"})
    k.check(None, "PUT", "/v1/contacts/by-external-id/cc-contact-" + tag, 200, key=write,
            body={"account_id": account, "name": "Priya Raman", "role": "decision_maker"})
    k.check(None, "GET", "/v1/contacts/by-external-id/cc-contact-" + tag, 200, key=read)
    k.check("/v1/contacts/by-external-id/{x} (no account_id)", "PUT",
            "/v1/contacts/by-external-id/cc-contact-" + tag, 422, key=write,
            body={"name": "Priya Raman"})

    # Calls.
    r = k.check(None, "POST", "/v1/accounts/%s/calls" % account, 201, key=write,
                body={"occurred_at": "2026-05-04T14:00:00Z", "seller_id": seller,
                      "contact_ids": [contact], "channel": "video", "kind": "discovery",
                      "duration_minutes": 45, "notes": "Asked about uptime and price.",
                      "transcript": [
                          {"speaker": "Priya Raman", "role": "buyer", "contact_id": contact,
                           "text": "What happens when it goes down?"},
                          {"speaker": "Dana", "role": "seller", "text": "What did it cost you last time?"},
                          {"speaker": "Notetaker", "role": "other", "contact_id": None, "text": ""}],
                      "external_id": "cc-call-" + tag},
                expect_headers=("ETag", "Location"))
    call = r.json()["id"] if r.status == 201 else nobody
    k.check(None, "GET", "/v1/calls/" + call, 200, key=read)
    k.check("/v1/accounts/{id}/calls (a turn of no known role)", "POST",
            "/v1/accounts/%s/calls" % account, 422, key=write,
            body={"occurred_at": "2026-05-04T14:00:00Z",
                  "transcript": [{"speaker": "Priya Raman", "role": "boss", "text": "Hi"}]})
    k.check(None, "GET", "/v1/accounts/%s/calls?since=2026-01-01T00:00:00Z&contact_id=%s"
            % (account, contact), 200, key=read)
    k.check(None, "PATCH", "/v1/calls/" + call, 200, key=write, body={"next_step": "Send the plan"})
    k.check(None, "GET", "/v1/calls/by-external-id/cc-call-" + tag, 200, key=read)
    k.check(None, "PUT", "/v1/calls/by-external-id/cc-call2-" + tag, 201, key=write,
            body={"account_id": account, "occurred_at": "2026-05-05T10:00:00Z"})

    # Report cards.
    r = k.check(None, "POST", "/v1/accounts/%s/report-cards" % account, 201, key=write,
                body={"received_at": "2026-05-06T09:00:00Z", "contact_id": contact,
                      "seller_id": seller, "ratings": {"overall": 4, "responsiveness": 5},
                      "recommend_score": 8}, expect_headers=("ETag", "Location"))
    card = r.json()["id"] if r.status == 201 else nobody
    k.check(None, "GET", "/v1/report-cards/" + card, 200, key=read)
    k.check(None, "GET", "/v1/accounts/%s/report-cards" % account, 200, key=read)
    k.check(None, "PATCH", "/v1/report-cards/" + card, 200, key=write,
            body={"ratings": {"overall": 3}})
    k.check("/v1/report-cards/{id} (rating out of range)", "PATCH", "/v1/report-cards/" + card,
            422, key=write, body={"ratings": {"overall": 9}})

    # Commitments.
    r = k.check(None, "POST", "/v1/accounts/%s/commitments" % account, 201, key=write,
                body={"description": "Send the pilot plan", "made_at": "2026-05-04T14:40:00Z",
                      "due_date": "2026-05-11", "seller_id": seller},
                expect_headers=("ETag", "Location"))
    commitment = r.json()["id"] if r.status == 201 else nobody
    k.check(None, "GET", "/v1/commitments/" + commitment, 200, key=read)
    k.check(None, "GET", "/v1/accounts/%s/commitments?status=open" % account, 200, key=read)
    k.check(None, "PATCH", "/v1/commitments/" + commitment, 200, key=write, body={"status": "kept"})

    # Assessments and scoring.
    k.check(None, "GET", "/v1/accounts/%s/assessment" % account, 200, key=read)
    k.check(None, "GET", "/v1/accounts/%s/assessment?as_of=2026-05-31&include=orientation,pillars"
            % account, 200, key=read)
    k.check(None, "GET", "/v1/contacts/%s/assessment" % contact, 200, key=read)
    k.check(None, "GET", "/v1/sellers/%s/assessment" % seller, 200, key=read)
    k.check("/v1/accounts/{id}/assessment (bad as_of)", "GET",
            "/v1/accounts/%s/assessment?as_of=yesterday" % account, 400, key=read)
    k.check(None, "GET", "/v1/scoring-model", 200, key=read)
    k.check(None, "GET", "/v1/organization/scoring-weights", 200, key=read)
    k.check(None, "PUT", "/v1/organization/scoring-weights", 200, key=admin,
            body={"half_lives_days": {"risk": 60}})

    # Batch.
    k.check(None, "POST", "/v1/batch", 200, key=write, body={"items": [
        {"op": "upsert", "resource": "sellers",
         "data": {"name": "Lee Chen", "external_id": "cc-seller3-" + tag}},
        {"op": "create", "resource": "commitments", "account_id": account,
         "data": {"description": "Call back", "made_at": "2026-05-07T10:00:00Z"}},
        {"op": "upsert", "resource": "contacts", "account_id": account,
         "data": {"name": "Ann Lee", "external_id": "cc-contact2-" + tag}}]})
    k.check("/v1/batch (invalid items)", "POST", "/v1/batch", 422, key=write, body={"items": [
        {"op": "create", "resource": "accounts", "data": {}},
        {"op": "upsert", "resource": "commitments", "account_id": account, "data": {}}]})

    # Errors.
    k.check("/v1/accounts?limit=0", "GET", "/v1/accounts?limit=0", 400, key=read)
    k.check("/v1/accounts?bogus=1", "GET", "/v1/accounts?bogus=1", 400, key=read)
    k.check("/v1/accounts (malformed JSON)", "POST", "/v1/accounts", 400, key=write,
            raw=b'{"name": ')
    k.check("/v1/accounts (duplicate member)", "POST", "/v1/accounts", 400, key=write,
            raw=b'{"name": "a", "name": "b"}')
    k.check("/v1/accounts (nested 3000 deep)", "POST", "/v1/accounts", 400, key=write,
            raw=b"[" * 3000 + b"]" * 3000)
    k.check("/v1/accounts (no key)", "GET", "/v1/accounts", 401)
    k.check("/v1/accounts (unknown key)", "GET", "/v1/accounts", 401,
            key="rk_live_" + "A" * 43)
    k.check("/v1/accounts (read key writes)", "POST", "/v1/accounts", 403, key=read,
            body={"name": "Nope"})
    k.check("/v1/accounts/{unknown}", "GET", "/v1/accounts/" + nobody, 404, key=read)
    k.check("/v1/accounts/not-a-uuid", "GET", "/v1/accounts/not-a-uuid", 404, key=read)
    k.check("/v1/accounts/{unknown}/contacts", "GET", "/v1/accounts/%s/contacts" % nobody,
            404, key=read)
    k.check("/v1/accounts (text/plain)", "POST", "/v1/accounts", 415, key=write,
            raw=b"name=x", ctype="text/plain")
    k.check("/v1/accounts (invalid fields)", "POST", "/v1/accounts", 422, key=write,
            body={"annual_value": -1, "bogus": True, "id": nobody})
    k.check("/v1/accounts (owner is no seller)", "POST", "/v1/accounts", 422, key=write,
            body={"name": "X", "owner_id": nobody})
    k.check("/v1/accounts/{2100-byte id}", "GET", "/v1/accounts/" + "a" * 2100, 414, key=read)
    k.check("/v1/accounts (Content-Length 1 MiB + 1)", "POST", "/v1/accounts", 413,
            resp=k.send_announced("POST", "/v1/accounts", write, 1024 * 1024 + 1))
    k.check("/v1/batch (Content-Length 32 MiB + 1)", "POST", "/v1/batch", 413,
            resp=k.send_announced("POST", "/v1/batch", write, 32 * 1024 * 1024 + 1))
    # 2 MiB is over the general cap but well under the batch cap: the batch
    # gets past the size check (and fails validation instead).
    big = {"items": [{"op": "create", "resource": "accounts",
                      "data": {"name": "n", "bogus": "x" * (2 * 1024 * 1024)}}]}
    k.check("/v1/batch (2 MiB body, under its own cap)", "POST", "/v1/batch", 422,
            key=write, body=big)
    # Responses that belong to no single operation.
    k.check("/v1/nothing-here", "GET", "/v1/nothing-here", 404, key=read,
            spec=comp["EndpointNotFound"])
    # 405 belongs to no operation (the document's introduction describes
    # it): a problem with the Allow header.
    k.check("/v1/scoring-model (DELETE)", "DELETE", "/v1/scoring-model", 405, key=read,
            spec={"headers": {"Allow": {"required": True,
                                        "schema": {"type": "string", "minLength": 3}}},
                  "content": {"application/problem+json": {
                      "schema": {"$ref": "#/components/schemas/Problem"}}}})
    r = k.send("OPTIONS", "/v1/accounts/" + account,
               headers={"Origin": "https://crm.example.com",
                        "Access-Control-Request-Method": "PATCH"})
    problems = []
    if r.status != 204:
        problems.append("status %d, expected 204" % r.status)
    for h in ("Allow", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
              "X-Request-Id"):
        if r.header(h) is None:
            problems.append("header %s missing" % h)
    if "PATCH" not in (r.header("Allow") or ""):
        problems.append("Allow %r lacks PATCH" % r.header("Allow"))
    k.report(not problems, "OPTIONS /v1/accounts/{id} (preflight, no key) -> %d" % r.status,
             problems)

    # Deletes, last.
    for path in ("/v1/commitments/" + commitment, "/v1/report-cards/" + card,
                 "/v1/calls/" + call, "/v1/contacts/" + contact,
                 "/v1/accounts/" + account2):
        k.check(None, "DELETE", path, 204, key=write)
    k.check("/v1/contacts/{deleted}", "GET", "/v1/contacts/" + contact, 404, key=read)
    k.check("/v1/sellers/{id} (stale If-Match)", "DELETE", "/v1/sellers/" + seller, 412,
            key=write, headers={"If-Match": '"999"'})
    k.check(None, "DELETE", "/v1/sellers/" + seller, 204, key=write)
    k.check(None, "DELETE", "/v1/accounts/" + account, 204, key=write)
    k.check(None, "DELETE", "/v1/api-keys/" + read_id, 204, key=admin)
    k.check("/v1/accounts (revoked key)", "GET", "/v1/accounts", 401, key=read)

    print("note  took %.1f s" % (time.monotonic() - started))
    print("contract: %d passed, %d failed" % (k.passed, k.failed))
    return 1 if k.failed else 0


if __name__ == "__main__":
    sys.exit(main())

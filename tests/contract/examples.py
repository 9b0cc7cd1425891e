"""Every response of openapi/openapi.yaml shows an example, and
every example of a schema or a media type conforms to its schema: the
examples are what a reader copies and what mock servers serve, so a wrong
one misleads. Run by tests/contract/client/run.sh (scripts/test)."""
import sys

import jsonschema
import yaml

doc = yaml.safe_load(open(sys.argv[1]))
comp = doc["components"]


def deref(x):
    if isinstance(x, dict) and "$ref" in x:
        node = doc
        for part in x["$ref"][2:].split("/"):
            node = node[part]
        return node
    return x


def check(schema, example, where):
    v = jsonschema.Draft202012Validator({**schema, "components": comp})
    errs = list(v.iter_errors(example))
    for e in errs[:3]:
        print("FAIL  %s: example %s: %s" % (where, list(e.absolute_path), e.message[:160]))
    return len(errs)


bad = 0
missing = []
for path, item in doc["paths"].items():
    for method, op in item.items():
        if method == "parameters":
            continue
        for code, resp in op["responses"].items():
            resp = deref(resp)
            for ctype, media in (resp.get("content") or {}).items():
                schema = media.get("schema") or {}
                shown = "example" in media or "examples" in media or "example" in deref(schema)
                if not shown:
                    missing.append("%s %s %s" % (method.upper(), path, code))
                if "example" in media:
                    bad += check(schema, media["example"], "%s %s %s" % (method.upper(), path, code))
                for name, e in (media.get("examples") or {}).items():
                    e = deref(e)
                    if "value" in e:
                        bad += check(schema, e["value"], "%s %s %s (%s)" % (method.upper(), path, code, name))
for name, schema in comp["schemas"].items():
    if "example" in schema:
        bad += check({"$ref": "#/components/schemas/" + name}, schema["example"], "schema " + name)
for m in missing:
    print("FAIL  %s: a response without an example" % m)
if bad or missing:
    sys.exit(1)
print("ok    every response has an example, and every example fits its schema")

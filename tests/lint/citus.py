#!/usr/bin/env python3
"""Citus compatibility and sharding discipline, checked on the text.

The service must run on Citus with every tenant table (every table with an
org_id column) distributed by org_id and colocated with organizations
(distributed by id).  This lint reads migrations/*.sql and every statement
the service prepares (tests/golden/sql/*.sql, exactly their text) and fails
on what Citus refuses or what would not route to one shard:

  migrations (every file)
    split             the file splits cleanly into statements (the runner
                      sends them one at a time): no unterminated string,
                      identifier, dollar quote or comment, no BEGIN ATOMIC
                      body, no psql meta-command, no COPY FROM STDIN, no
                      transaction control or CONCURRENTLY
  migrations numbered above MIGRATIONS_CHECKED_FROM (not applied anywhere
  yet), as written:
    fk-set-null       a foreign key including the distribution column with
                      ON DELETE SET NULL/SET DEFAULT (or ON UPDATE SET
                      NULL/SET DEFAULT/CASCADE)
    fk-colocation     a foreign key between distributed tables that does
                      not pair org_id with the referenced distribution
                      column
    unique-no-org     a UNIQUE/PRIMARY KEY/EXCLUDE constraint or unique
                      index of a distributed table without its distribution
                      column
    trigger           a trigger on a distributed table not in
                      TRIGGER_ALLOW
    trigger-notify    pg_notify in the function of a trigger on a
                      distributed table (it runs on a worker: the
                      coordinator's LISTEN never hears it)
    dynamic-ddl       triggers, keys or constraints made by a DO block's
                      dynamic SQL (the lint cannot check them)
    sql-function      a LANGUAGE sql function with parameters that reads a
                      distributed table
  statements the service prepares (tests/golden/sql):
    set-config        set_config() (not propagated to the workers)
    non-immutable     a non-immutable function in an INSERT, UPDATE or
                      DELETE or in a statement with a data-modifying CTE
    update-from-function  a function (jsonb_to_record, ...) in an UPDATE's
                      FROM or a DELETE's USING
    sql-function      a call of a LANGUAGE sql function with parameters
                      that reads a distributed table
    notify            pg_notify() in a statement that touches a
                      distributed table (it would run on a worker)
    sharding          a distributed table read or written without
                      org_id = $n (organizations: id = $n), or a function
                      that touches distributed tables, unless the
                      statement is in CROSS_ORG_ALLOW
    stale-allow-list  an allow-list entry nothing needs any more

The live schema (the sum of every migration, dynamic SQL included) is
checked by tests/integration/test_citus_schema.c, whose TRIGGER_ALLOW and
NOTIFY_ALLOW must equal the ones here (this lint compares them).

usage: citus.py [SOURCE_DIR]      lint the tree (default: the checkout)
       citus.py --self-test       run the built-in examples
       citus.py --all-migrations  also check migrations 0001.. as written
"""

import os
import re
import sys
import tempfile

# Migrations up to this number are applied in deployments as they are; the
# schema they left is checked live (test_citus_schema.c).  Later files are
# checked here as written.
MIGRATIONS_CHECKED_FROM = 12

# ---- allow-lists ----------------------------------------------------------
# Keep them short, each with its reason.  TRIGGER_ALLOW and NOTIFY_ALLOW are
# repeated in tests/integration/test_citus_schema.c (same patterns, same
# order); this lint fails when the two differ.

# Triggers on distributed tables (table, trigger; POSIX extended regular
# expressions matched whole).  Under Citus they need
# citus.enable_unsafe_triggers and may touch rows of the triggering row's
# organization only (colocated shards).
TRIGGER_ALLOW = [
    ("accounts|calls|report_cards|commitments", "[a-z_]+_touch",
     "BEFORE UPDATE: changes only NEW, the row being updated"),
    ("contacts", "contacts_deleted",
     "BEFORE DELETE: lets go of OLD in calls and report cards of OLD.org_id"),
    ("sellers", "sellers_deleted",
     "BEFORE DELETE: nulls references to OLD in rows of OLD.org_id"),
    ("[a-z_]+", "[a-z_]+_events",
     "row trigger: writes events and queue rows of its row's own org_id"),
    ("account_assessments", "account_assessments_changed",
     "inserts events of NEW.org_id only"),
    ("events", "events_webhooks",
     "row trigger: queues deliveries to endpoints of the event's own "
     "org_id, as the invoking role"),
]

# Trigger functions of distributed tables allowed to call pg_notify
# (function name, POSIX ERE matched whole).  Empty on purpose: under Citus
# the notification is sent by a worker, where nobody listens and where it
# keeps a two-phase commit from preparing; the service notifies instead
# (tx.wake, api_keys.changed).
NOTIFY_ALLOW = []

# Statements (tests/golden/sql/<name>.sql) that by design do not route to
# one organization's shard.
CROSS_ORG_ALLOW = {
    "refresh.claim":
        "the refresher claims queued accounts of every organization",
    "refresh.expand":
        "the refresher expands any organization's queued weight change",
    "refresh.sweep":
        "the sweeper queues stale accounts and ends old events everywhere",
    "webhooks.claim":
        "delivery threads claim due deliveries of every organization",
    "webhooks.finish":
        "one organization's delivery ($1), through a plpgsql function",
    "webhooks.prune":
        "ends the delivery log of every organization",
}

# ---- what the rules look for ---------------------------------------------

NON_IMMUTABLE_CALLS = {"now", "clock_timestamp", "statement_timestamp",
                       "transaction_timestamp", "to_char", "random",
                       "gen_random_uuid", "timeofday"}
NON_IMMUTABLE_WORDS = {"current_timestamp", "localtimestamp", "current_date",
                       "current_time", "localtime"}

HINTS = {
    "distribution": "name the table in docs/citus/distribute.sql: "
                    "create_distributed_table('t', 'org_id', colocate_with "
                    "=> 'organizations') for a tenant table, "
                    "create_reference_table('t') for one read without an "
                    "organization",
    "split": "end every statement with ';', write function bodies as "
             "AS $$ ... $$, and leave transactions to the runner",
    "fk-set-null": "use ON DELETE CASCADE/RESTRICT/NO ACTION, or drop the "
                   "foreign key and clear the reference in the service's "
                   "own statement (UPDATE ... SET x = NULL WHERE org_id = $1 "
                   "AND x = $2)",
    "fk-colocation": "reference (org_id, ...) of the other tenant table "
                     "(organizations: org_id REFERENCES organizations (id))",
    "unique-no-org": "lead the key with org_id (organizations: id), e.g. "
                     "UNIQUE (org_id, key_hash)",
    "trigger": "do the work in the service's statements, or add the "
               "trigger to TRIGGER_ALLOW in tests/lint/citus.py and "
               "test_citus_schema.c with the reason it touches only its "
               "own organization's rows",
    "trigger-notify": "notify from the service on the coordinator after "
                      "the write (SELECT pg_notify(...) as its own "
                      "statement), not from a trigger",
    "dynamic-ddl": "write the CREATE TRIGGER / constraint as a plain "
                   "statement so it can be checked",
    "sql-function": "make it LANGUAGE plpgsql (RETURN QUERY ...): Citus "
                    "cannot plan an inlined SQL function's parameters",
    "set-config": "use SET LOCAL name = value (propagated to the workers "
                  "with citus.propagate_set_commands = 'local'; set_config "
                  "is not)",
    "non-immutable": "pass the value as a parameter computed in the "
                     "service, let a column DEFAULT supply it, or format "
                     "with rapport_rfc3339() (IMMUTABLE) or in C",
    "update-from-function": "bind the values as parameters (SET col = $3, "
                            "...) or read them from ($3::jsonb ->> 'col')",
    "notify": "send pg_notify in a statement of its own that touches no "
              "distributed table",
    "sharding": "filter every distributed table by org_id = $n (t.org_id "
                "= $n, or joined on org_id to one that is; INSERT: an "
                "org_id column fed by a parameter), or add the statement "
                "to CROSS_ORG_ALLOW in tests/lint/citus.py with its reason",
    "stale-allow-list": "remove the entry from tests/lint/citus.py",
    "unreadable": "write the statement more plainly, or teach "
                  "tests/lint/citus.py its form",
    "allow-list-mismatch": "make the allow-lists of tests/lint/citus.py and "
                           "tests/integration/test_citus_schema.c equal",
}


class Violation:
    def __init__(self, path, name, pattern, detail):
        self.path, self.name, self.pattern, self.detail = (
            path, name, pattern, detail)

    def __str__(self):
        return "%s: %s: [%s] %s\n    fix: %s" % (
            self.path, self.name, self.pattern, self.detail,
            HINTS.get(self.pattern, ""))


# ---- lexer -----------------------------------------------------------------

class LexError(Exception):
    def __init__(self, line, what):
        Exception.__init__(self, "line %d: %s" % (line, what))
        self.line = line


class Tok:
    __slots__ = ("kind", "val", "raw", "pos", "line")

    def __init__(self, kind, val, raw, pos, line):
        self.kind, self.val, self.raw, self.pos, self.line = (
            kind, val, raw, pos, line)

    def __repr__(self):
        return "%s:%r" % (self.kind, self.val)


IDENT_START = re.compile(r"[A-Za-z_\u0080-\uffff]")
IDENT = re.compile(r"[A-Za-z_\u0080-\uffff][A-Za-z_0-9$\u0080-\uffff]*")
DOLLAR_TAG = re.compile(r"\$([A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*)?\$")
NUMBER = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
OP_CHARS = set("+-*/<>=~!@#%^&|`?")


def lex(text, keep_comments=False):
    """Tokens of @text: ident (lower-cased), qid ("quoted"), str, dollar,
    param ($n), num, op, punct ( ) , ; [ ] . : and, if asked, comment."""
    toks = []
    i, n, line = 0, len(text), 1

    def add(kind, val, start):
        toks.append(Tok(kind, val, text[start:i], start, line))

    while i < n:
        c = text[i]
        start, sline = i, line
        if c in " \t\r\f\v\n":
            line += c == "\n"
            i += 1
            continue
        if text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            if keep_comments:
                toks.append(Tok("comment", text[start:i], text[start:i],
                                start, sline))
            continue
        if text.startswith("/*", i):
            depth, i = 1, i + 2
            while depth:
                if i >= n:
                    raise LexError(sline, "unterminated /* comment")
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += text[i] == "\n"
                    i += 1
            if keep_comments:
                toks.append(Tok("comment", text[start:i], text[start:i],
                                start, sline))
            continue
        # E'...' (backslash escapes), B'', X'', N'', U&'' and U&"".
        prefix_end = None
        if c in "eEbBxXnN" and i + 1 < n and text[i + 1] == "'" and (
                i == 0 or not re.match(r"[A-Za-z_0-9$]", text[i - 1])):
            prefix_end = i + 1
        elif c in "uU" and text.startswith("&'", i + 1) or (
                c in "uU" and text.startswith('&"', i + 1)):
            prefix_end = i + 2
        if c == "'" or (prefix_end is not None and text[prefix_end] == "'"):
            backslash = prefix_end is not None and c in "eE"
            i = (prefix_end if prefix_end is not None else i) + 1
            buf = []
            while True:
                if i >= n:
                    raise LexError(sline, "unterminated string")
                ch = text[i]
                if backslash and ch == "\\" and i + 1 < n:
                    buf.append(text[i + 1])
                    i += 2
                    continue
                if ch == "'":
                    if text.startswith("''", i):
                        buf.append("'")
                        i += 2
                        continue
                    i += 1
                    # 'a' 'b' on separate lines continue one string
                    m = re.match(r"[ \t\r\f]*\n\s*'", text[i:])
                    if m:
                        line += m.group(0).count("\n")
                        i += len(m.group(0))
                        continue
                    break
                line += ch == "\n"
                buf.append(ch)
                i += 1
            line_now = line
            line = sline
            add("str", "".join(buf), start)
            line = line_now
            continue
        if c == '"' or (prefix_end is not None and text[prefix_end] == '"'):
            i = (prefix_end if prefix_end is not None else i) + 1
            buf = []
            while True:
                if i >= n:
                    raise LexError(sline, 'unterminated "identifier"')
                if text[i] == '"':
                    if text.startswith('""', i):
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                line += text[i] == "\n"
                buf.append(text[i])
                i += 1
            line_now, line = line, sline
            add("qid", "".join(buf), start)
            line = line_now
            continue
        if c == "$":
            m = re.match(r"\$(\d+)", text[i:])
            if m:
                i += len(m.group(0))
                add("param", int(m.group(1)), start)
                continue
            m = DOLLAR_TAG.match(text, i)
            if m:
                tag = m.group(0)
                j = text.find(tag, m.end())
                if j < 0:
                    raise LexError(sline, "unterminated dollar quote %s" % tag)
                body = text[m.end():j]
                i = j + len(tag)
                line_now = line + text[start:i].count("\n")
                add("dollar", body, start)
                line = line_now
                continue
            i += 1
            add("op", "$", start)
            continue
        if IDENT_START.match(c):
            m = IDENT.match(text, i)
            i = m.end()
            add("ident", m.group(0).lower(), start)
            continue
        if c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            m = NUMBER.match(text, i)
            i = m.end()
            add("num", m.group(0), start)
            continue
        if text.startswith("::", i):
            i += 2
            add("op", "::", start)
            continue
        if c in "(),;[].:":
            i += 1
            add("punct", c, start)
            continue
        if c in OP_CHARS:
            j = i
            while j < n and text[j] in OP_CHARS and not (
                    text.startswith("--", j) or text.startswith("/*", j)):
                j += 1
            if j == i:  # a lone '-' of '--' cannot happen (handled above)
                j = i + 1
            i = j
            add("op", text[start:i], start)
            continue
        if c == "\\":
            raise LexError(line, "a backslash outside any string (a psql "
                           "meta-command?)")
        raise LexError(line, "unexpected character %r" % c)
    return toks


def is_kw(tok, *words):
    return tok is not None and tok.kind == "ident" and tok.val in words


def name_of(tok):
    if tok is not None and tok.kind in ("ident", "qid"):
        return tok.val
    return None


# ---- statements ------------------------------------------------------------

class Statement:
    def __init__(self, text, toks, line, index):
        self.text, self.toks, self.line, self.index = text, toks, line, index

    def head(self, k=6):
        words = []
        for t in self.toks[:k]:
            words.append(t.raw if t.kind != "dollar" else "$$...$$")
        return " ".join(words)


def split_statements(text):
    """(statements, problems): the file's statements, and what keeps it from
    splitting cleanly (each a (line, message))."""
    problems = []
    try:
        toks = lex(text)
    except LexError as e:
        return [], [(e.line, str(e))]
    stmts, cur, atomic = [], [], 0
    for t in toks:
        if atomic:
            cur.append(t)
            if is_kw(t, "begin", "case"):
                atomic += 1
            elif is_kw(t, "end"):
                atomic -= 1
            continue
        if t.kind == "punct" and t.val == ";":
            if cur:
                stmts.append(cur)
            cur = []
            continue
        cur.append(t)
        if (is_kw(t, "atomic") and len(cur) >= 2 and is_kw(cur[-2], "begin")
                and is_kw(cur[0], "create")):
            atomic = 1
            problems.append((t.line, "BEGIN ATOMIC body: a splitter that "
                             "knows only quotes cuts it at its first ';'"))
    if atomic:
        problems.append((cur[0].line, "unterminated BEGIN ATOMIC body"))
    if cur:
        problems.append((cur[0].line, "the last statement has no ';'"))
        stmts.append(cur)
    out = []
    for k, st in enumerate(stmts):
        s = Statement(text[st[0].pos:st[-1].pos + len(st[-1].raw)], st,
                      st[0].line, k + 1)
        out.append(s)
        first = st[0]
        if is_kw(first, "begin", "commit", "rollback", "end", "savepoint",
                 "start") and (len(st) == 1 or is_kw(st[1], "transaction",
                                                     "work", "isolation")
                               or first.val in ("commit", "rollback")):
            problems.append((first.line, "transaction control (%s): the "
                             "runner owns the transaction" % first.val.upper()))
        if is_kw(first, "copy") and any(is_kw(t, "stdin") for t in st):
            problems.append((first.line, "COPY ... FROM STDIN"))
        if is_kw(first, "vacuum") or (is_kw(first, "create", "drop", "reindex")
                                      and any(is_kw(t, "concurrently")
                                              for t in st[:6])):
            problems.append((first.line, "%s cannot run in the runner's "
                             "transaction" % s.head(4)))
    return out, problems


# ---- the schema the migrations build ----------------------------------------

class Function:
    def __init__(self, name, nargs, language, volatility, body, path, line):
        self.name, self.nargs, self.language = name, nargs, language
        self.volatility, self.body, self.path, self.line = (
            volatility, body, path, line)
        try:
            self.body_toks = lex(body)
        except LexError:
            self.body_toks = [Tok("ident", w.lower(), w, 0, 0)
                              for w in re.findall(r"[A-Za-z_][A-Za-z_0-9]*",
                                                  body)]

    def tables(self, distributed):
        return sorted({t.val for t in self.body_toks
                       if t.kind in ("ident", "qid") and t.val in distributed})


class Schema:
    def __init__(self):
        self.columns = {}      # table -> list of columns
        self.pkey = {}         # table -> list of primary key columns
        self.functions = {}    # name -> Function (the latest definition)
        self.triggers = {}     # (table, trigger) -> function name

    def tenant_tables(self):
        return {t for t, cols in self.columns.items() if "org_id" in cols}

    def distributed(self):
        return self.tenant_tables() | {"organizations"}

    def dist_col(self, table):
        if table == "organizations":
            return "id"
        if "org_id" in self.columns.get(table, ()):
            return "org_id"
        return None


def paren_match(toks):
    match, stack = {}, []
    for i, t in enumerate(toks):
        if t.kind == "punct" and t.val in "([":
            stack.append(i)
        elif t.kind == "punct" and t.val in ")]" and stack:
            j = stack.pop()
            match[i], match[j] = j, i
    return match


def split_commas(toks, s, e, match):
    """Index ranges of the comma-separated items of toks[s:e]."""
    items, start, i = [], s, s
    while i < e:
        t = toks[i]
        if t.kind == "punct" and t.val in "([" and i in match:
            i = match[i] + 1
            continue
        if t.kind == "punct" and t.val == ",":
            items.append((start, i))
            start = i + 1
        i += 1
    if start < e:
        items.append((start, e))
    return items


def qualified_name(toks, i):
    """(name, next index) of a possibly schema-qualified name at i."""
    name = name_of(toks[i]) if i < len(toks) else None
    j = i + 1
    while (j + 1 < len(toks) and toks[j].kind == "punct" and toks[j].val == "."
           and name_of(toks[j + 1])):
        name = name_of(toks[j + 1])
        j += 2
    return name, j


class Constraint:
    """A key or foreign key as written."""

    def __init__(self, kind, table, cols, line, ref_table=None, ref_cols=None,
                 on_delete=None, on_update=None, exclude_ops=None):
        self.kind, self.table, self.cols, self.line = kind, table, cols, line
        self.ref_table, self.ref_cols = ref_table, ref_cols
        self.on_delete, self.on_update = on_delete, on_update
        self.exclude_ops = exclude_ops or {}


def parse_ref_action(toks, i):
    """The action at toks[i] (after ON DELETE/UPDATE) and the next index."""
    if is_kw(toks[i] if i < len(toks) else None, "set"):
        act = "set " + toks[i + 1].val
        i += 2
        if i < len(toks) and toks[i].kind == "punct" and toks[i].val == "(":
            depth = 0
            while i < len(toks):
                if toks[i].val == "(":
                    depth += 1
                elif toks[i].val == ")":
                    depth -= 1
                    if depth == 0:
                        i += 1
                        break
                i += 1
        return act, i
    if is_kw(toks[i], "no"):
        return "no action", i + 2
    return toks[i].val, i + 1


def parse_references(toks, i, match):
    """After REFERENCES at toks[i-1]: (table, cols, on_delete, on_update, end)."""
    table, i = qualified_name(toks, i)
    cols = None
    if i < len(toks) and toks[i].kind == "punct" and toks[i].val == "(":
        cols = [name_of(toks[a]) for a, b in
                split_commas(toks, i + 1, match[i], match)]
        i = match[i] + 1
    on_delete = on_update = None
    while i < len(toks):
        if is_kw(toks[i], "match"):
            i += 2
        elif is_kw(toks[i], "on") and is_kw(toks[i + 1], "delete"):
            on_delete, i = parse_ref_action(toks, i + 2)
        elif is_kw(toks[i], "on") and is_kw(toks[i + 1], "update"):
            on_update, i = parse_ref_action(toks, i + 2)
        else:
            break
    return table, cols, on_delete, on_update, i


def column_list(toks, i, match):
    """Names in the parenthesised list at toks[i]; expressions give None."""
    out = []
    for a, b in split_commas(toks, i + 1, match[i], match):
        out.append(name_of(toks[a]) if b - a >= 1 else None)
    return out


def parse_table_constraint(toks, s, e, table, match):
    """A table constraint in toks[s:e] (CONSTRAINT name may lead), or None."""
    i = s
    if is_kw(toks[i], "constraint"):
        i += 2
    t = toks[i]
    if is_kw(t, "unique", "primary"):
        kind = "primary key" if t.val == "primary" else "unique"
        i += 2 if t.val == "primary" else 1
        if is_kw(toks[i], "nulls"):
            i += 3 if is_kw(toks[i + 1], "not") else 2
        if is_kw(toks[i], "using"):     # UNIQUE USING INDEX name
            return None
        return Constraint(kind, table, column_list(toks, i, match), t.line)
    if is_kw(t, "exclude"):
        i += 1
        if is_kw(toks[i], "using"):
            i += 2
        cols, ops = [], {}
        for a, b in split_commas(toks, i + 1, match[i], match):
            col = name_of(toks[a])
            cols.append(col)
            w = [k for k in range(a, b) if is_kw(toks[k], "with")]
            if w:
                ops[col] = toks[w[-1] + 1].val
        return Constraint("exclude", table, cols, t.line, exclude_ops=ops)
    if is_kw(t, "foreign"):
        i += 2
        cols = column_list(toks, i, match)
        i = match[i] + 1
        if is_kw(toks[i], "references"):
            rt, rc, od, ou, _ = parse_references(toks, i + 1, match)
            return Constraint("foreign key", table, cols, t.line, rt, rc,
                              od, ou)
    return None


def parse_column_def(toks, s, e, table, match):
    """(column name, constraints) of a column definition in toks[s:e]."""
    col = name_of(toks[s])
    out = []
    i = s + 1
    while i < e:
        t = toks[i]
        if t.kind == "punct" and t.val == "(" and i in match:
            i = match[i] + 1
            continue
        if is_kw(t, "primary") and is_kw(toks[i + 1], "key"):
            out.append(Constraint("primary key", table, [col], t.line))
            i += 2
            continue
        if is_kw(t, "unique"):
            out.append(Constraint("unique", table, [col], t.line))
        if is_kw(t, "references"):
            rt, rc, od, ou, i = parse_references(toks, i + 1, match)
            out.append(Constraint("foreign key", table, [col], t.line, rt, rc,
                                  od, ou))
            continue
        i += 1
    return col, out


CONSTRAINT_WORDS = ("constraint", "primary", "unique", "foreign", "check",
                    "exclude", "like")


def parse_create_function(st):
    """(name, Function) of a CREATE [OR REPLACE] FUNCTION/PROCEDURE."""
    toks = st.toks
    match = paren_match(toks)
    i = 1
    if is_kw(toks[i], "or"):
        i += 2
    i += 1  # FUNCTION / PROCEDURE
    name, i = qualified_name(toks, i)
    nargs = 0
    if toks[i].val == "(":
        for a, b in split_commas(toks, i + 1, match[i], match):
            words = [t for t in toks[a:b]]
            if words and not any(is_kw(t, "out") for t in words[:1]):
                nargs += 1
        i = match[i] + 1
    language, volatility, body = "sql", "volatile", ""
    while i < len(toks):
        t = toks[i]
        if t.kind == "punct" and t.val == "(" and i in match:
            i = match[i] + 1
            continue
        if is_kw(t, "language"):
            language = toks[i + 1].val.lower()
        elif is_kw(t, "immutable", "stable", "volatile"):
            volatility = t.val
        elif is_kw(t, "as") and i + 1 < len(toks) and toks[i + 1].kind in (
                "str", "dollar"):
            body = toks[i + 1].val
        elif is_kw(t, "begin") and is_kw(toks[i + 1], "atomic"):
            body = st.text[t.pos - st.toks[0].pos:]
        i += 1
    return name, Function(name, nargs, language, volatility, body, None,
                          st.line)


class MigrationChecker:
    """Applies statements to a Schema and checks the later ones as written."""

    def __init__(self, schema, violations):
        self.schema, self.violations = schema, violations

    def flag(self, path, st, pattern, detail, line=None):
        self.violations.append(Violation(
            path, "statement %d (line %d)" % (st.index, line or st.line),
            pattern, detail))

    def apply(self, path, st, check):
        toks = st.toks
        if not toks:
            return
        match = paren_match(toks)
        cons = []
        w = [t.val if t.kind == "ident" else None for t in toks[:8]]
        if w[0] == "create" and "table" in w[:5] and "index" not in w[:5]:
            cons = self.create_table(toks, match)
        elif w[0] == "alter" and w[1] == "table":
            cons = self.alter_table(toks, match)
        elif w[0] == "create" and "index" in w[:4]:
            cons = self.create_index(toks, match)
        elif w[0] == "create" and ("function" in w[:4] or
                                   "procedure" in w[:4]):
            name, fn = parse_create_function(st)
            fn.path = path
            self.schema.functions[name] = fn
            if check:
                self.check_function(path, st, fn)
        elif w[0] == "create" and "trigger" in w[:5]:
            self.create_trigger(path, st, toks, check)
        elif w[0] == "drop" and w[1] == "trigger":
            i = 2
            if is_kw(toks[i], "if"):
                i += 2
            trig = name_of(toks[i])
            on = [k for k, t in enumerate(toks) if is_kw(t, "on")]
            if on:
                table, _ = qualified_name(toks, on[0] + 1)
                self.schema.triggers.pop((table, trig), None)
        elif w[0] == "do" and check:
            body = " ".join(t.val for t in toks if t.kind in ("str", "dollar"))
            found = re.findall(
                r"(?i)create\s+(?:or\s+replace\s+)?(?:constraint\s+)?trigger"
                r"|set\s+(?:null|default)|\bunique\b|primary\s+key"
                r"|\bexclude\b|foreign\s+key|\breferences\b", body)
            if found:
                self.flag(path, st, "dynamic-ddl", "DO block builds %s"
                          % ", ".join(sorted({" ".join(f.upper().split())
                                              for f in found})))
        if check:
            for c in cons:
                self.check_constraint(path, st, c)

    def create_table(self, toks, match):
        i = [k for k, t in enumerate(toks[:8]) if is_kw(t, "table")][0] + 1
        if is_kw(toks[i], "if"):
            i += 3
        table, i = qualified_name(toks, i)
        if i >= len(toks) or toks[i].val != "(":
            return []
        cols, cons = [], []
        for a, b in split_commas(toks, i + 1, match[i], match):
            if is_kw(toks[a], *CONSTRAINT_WORDS):
                c = parse_table_constraint(toks, a, b, table, match)
                if c:
                    cons.append(c)
            else:
                col, cc = parse_column_def(toks, a, b, table, match)
                cols.append(col)
                cons.extend(cc)
        self.schema.columns[table] = cols
        for c in cons:
            if c.kind == "primary key":
                self.schema.pkey[table] = c.cols
        return cons

    def alter_table(self, toks, match):
        i = 2
        if is_kw(toks[i], "if"):
            i += 2
        if is_kw(toks[i], "only"):
            i += 1
        table, i = qualified_name(toks, i)
        cols = self.schema.columns.setdefault(table, [])
        cons = []
        for a, b in split_commas(toks, i, len(toks), match):
            t = toks[a]
            if is_kw(t, "add"):
                a += 1
                if is_kw(toks[a], *CONSTRAINT_WORDS):
                    c = parse_table_constraint(toks, a, b, table, match)
                    if c:
                        cons.append(c)
                        if c.kind == "primary key":
                            self.schema.pkey[table] = c.cols
                    continue
                if is_kw(toks[a], "column"):
                    a += 1
                if is_kw(toks[a], "if"):
                    a += 3
                col, cc = parse_column_def(toks, a, b, table, match)
                cols.append(col)
                cons.extend(cc)
            elif is_kw(t, "drop") and not is_kw(toks[a + 1], "constraint"):
                a += 1
                if is_kw(toks[a], "column"):
                    a += 1
                if is_kw(toks[a], "if"):
                    a += 2
                col = name_of(toks[a])
                if col in cols:
                    cols.remove(col)
            elif is_kw(t, "rename"):
                if is_kw(toks[a + 1], "to"):
                    self.schema.columns[name_of(toks[a + 2])] = (
                        self.schema.columns.pop(table))
                else:
                    k = a + 1 + is_kw(toks[a + 1], "column")
                    old, new = name_of(toks[k]), name_of(toks[k + 2])
                    if old in cols:
                        cols[cols.index(old)] = new
        return cons

    def create_index(self, toks, match):
        unique = is_kw(toks[1], "unique")
        on = [k for k, t in enumerate(toks) if is_kw(t, "on")]
        if not unique or not on:
            return []
        i = on[0] + 1
        if is_kw(toks[i], "only"):
            i += 1
        table, i = qualified_name(toks, i)
        if is_kw(toks[i], "using"):
            i += 2
        return [Constraint("unique index", table, column_list(toks, i, match),
                           toks[0].line)]

    def create_trigger(self, path, st, toks, check):
        i = [k for k, t in enumerate(toks[:5]) if is_kw(t, "trigger")][0] + 1
        trig = name_of(toks[i])
        on = [k for k, t in enumerate(toks) if is_kw(t, "on")]
        table, _ = qualified_name(toks, on[0] + 1)
        ex = [k for k, t in enumerate(toks) if is_kw(t, "execute")]
        fn, _ = qualified_name(toks, ex[0] + 2)
        self.schema.triggers[(table, trig)] = fn
        if not check or table not in self.schema.distributed():
            return
        if not trigger_allowed(table, trig):
            self.flag(path, st, "trigger", "trigger %s on %s (function %s) "
                      "is not in TRIGGER_ALLOW" % (trig, table, fn))
        f = self.schema.functions.get(fn)
        if f and "pg_notify" in f.body.lower() and not notify_allowed(fn):
            self.flag(path, st, "trigger-notify", "trigger %s on %s runs %s, "
                      "which calls pg_notify" % (trig, table, fn))

    def check_function(self, path, st, fn):
        dist = self.schema.distributed()
        if fn.language == "sql" and fn.nargs > 0 and fn.tables(dist):
            self.flag(path, st, "sql-function", "LANGUAGE sql function %s "
                      "has parameters and reads %s" % (
                          fn.name, ", ".join(fn.tables(dist))))
        if "pg_notify" in fn.body.lower() and not notify_allowed(fn.name):
            for (table, trig), f in self.schema.triggers.items():
                if f == fn.name and table in dist:
                    self.flag(path, st, "trigger-notify", "%s calls "
                              "pg_notify and is the function of trigger %s "
                              "on %s" % (fn.name, trig, table))

    def check_constraint(self, path, st, c):
        dc = self.schema.dist_col(c.table)
        if dc is None:
            return
        if c.kind == "foreign key":
            if dc in c.cols:
                bad = []
                if c.on_delete in ("set null", "set default"):
                    bad.append("ON DELETE " + c.on_delete.upper())
                if c.on_update in ("set null", "set default", "cascade"):
                    bad.append("ON UPDATE " + c.on_update.upper())
                if bad:
                    self.flag(path, st, "fk-set-null", "%s: foreign key (%s) "
                              "references %s with %s" % (
                                  c.table, ", ".join(c.cols), c.ref_table,
                                  " and ".join(bad)), c.line)
            rdc = self.schema.dist_col(c.ref_table)
            if rdc is not None:
                ref_cols = c.ref_cols or self.schema.pkey.get(c.ref_table, [])
                ok = dc in c.cols and c.cols.index(dc) < len(ref_cols) and (
                    ref_cols[c.cols.index(dc)] == rdc)
                if not ok:
                    self.flag(path, st, "fk-colocation", "%s: foreign key "
                              "(%s) references %s (%s) without pairing %s "
                              "with %s" % (c.table, ", ".join(c.cols),
                                           c.ref_table, ", ".join(ref_cols),
                                           dc, rdc), c.line)
            return
        ok = dc in c.cols
        if c.kind == "exclude":
            ok = ok and c.exclude_ops.get(dc) == "="
        if not ok:
            self.flag(path, st, "unique-no-org", "%s on %s (%s) does not "
                      "include %s%s" % (
                          c.kind.upper(), c.table,
                          ", ".join(x or "expression" for x in c.cols), dc,
                          " WITH =" if c.kind == "exclude" else ""), c.line)


def trigger_allowed(table, trig):
    return any(re.fullmatch(t, table) and re.fullmatch(g, trig)
               for t, g, _ in TRIGGER_ALLOW)


def notify_allowed(fn):
    return any(re.fullmatch(f, fn) for f, _ in NOTIFY_ALLOW)


def migration_number(path):
    m = re.match(r"(\d+)", os.path.basename(path))
    return int(m.group(1)) if m else 0


def load_migrations(mdir, violations, check_from):
    schema = Schema()
    checker = MigrationChecker(schema, violations)
    files = sorted(f for f in os.listdir(mdir)
                   if f.endswith(".sql") and f[:1].isdigit())
    for f in files:
        path = os.path.join(mdir, f)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        stmts, problems = split_statements(text)
        for line, msg in problems:
            violations.append(Violation(path, "line %d" % line, "split", msg))
        check = migration_number(path) >= check_from
        for st in stmts:
            try:
                checker.apply(path, st, check)
            except (IndexError, KeyError) as e:
                violations.append(Violation(
                    path, "statement %d (line %d)" % (st.index, st.line),
                    "split", "the lint cannot read %s (%r)" % (st.head(), e)))
    return schema


# ---- the statements the service prepares --------------------------------

CLAUSE_END = {"where", "group", "having", "order", "limit", "offset", "fetch",
              "window", "union", "intersect", "except", "returning", "for",
              "on", "using", "set", "values", "select", "from"}
JOIN_WORDS = {"natural", "inner", "left", "right", "full", "outer", "cross",
              "join"}
NOT_ALIAS = CLAUSE_END | JOIN_WORDS | {"lateral", "tablesample", "with",
                                       "default", "overriding", "do",
                                       "conflict", "as"}
QUERY_START = {"select", "with", "values", "insert", "update", "delete",
               "table"}


class Ref:
    """A table, CTE, subquery or function in a FROM list (or a target)."""

    def __init__(self, kind, name, alias, block, query=None, target=False):
        self.kind, self.name, self.alias = kind, name, alias
        self.block, self.query, self.target = block, query, target
        self.visible = True

    @property
    def label(self):
        return self.alias or self.name


class Block:
    """One SELECT/INSERT/UPDATE/DELETE: a scope of FROM items."""

    def __init__(self, parent, env, verb):
        self.parent, self.env, self.verb = parent, env, verb
        self.refs, self.queries, self.conds = [], [], []
        self.insert = None   # (target ref, columns, source query or rows)
        self.select_list = None
        self.update_from = []  # function refs in UPDATE FROM / DELETE USING


class Query:
    def __init__(self):
        self.arms, self.ctes = [], []


class StatementAnalysis:
    def __init__(self, toks, dist, schema):
        self.toks, self.dist, self.schema = toks, dist, schema
        self.match = paren_match(toks)
        self.blocks, self.queries = [], []
        self.root = self.query(0, len(toks), None, {})

    # -- parsing --
    def tok(self, i):
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def skip_group(self, i):
        t = self.toks[i]
        if t.kind == "punct" and t.val in "([" and i in self.match:
            return self.match[i] + 1
        return i + 1

    def starts_query(self, i, e):
        return i < e and is_kw(self.toks[i], *QUERY_START)

    def query(self, s, e, parent, env):
        q = Query()
        self.queries.append(q)
        env = dict(env)
        i = s
        while (i < e and self.toks[i].val == "(" and self.match.get(i) == e - 1):
            s, e = i + 1, e - 1
            i = s
        if is_kw(self.tok(i), "with"):
            i += 1
            if is_kw(self.tok(i), "recursive"):
                i += 1
            while i < e:
                name = name_of(self.toks[i])
                i += 1
                if self.toks[i].val == "(":
                    i = self.match[i] + 1
                i += 1  # AS
                if is_kw(self.tok(i), "not"):
                    i += 1
                if is_kw(self.tok(i), "materialized"):
                    i += 1
                j = self.match[i]
                cte = self.query(i + 1, j, parent, env)
                env[name] = cte
                q.ctes.append(cte)
                i = j + 1
                if self.tok(i) is not None and self.toks[i].val == ",":
                    i += 1
                    continue
                break
        arms, a = [], i
        k = i
        while k < e:
            t = self.toks[k]
            if is_kw(t, "union", "intersect", "except"):
                arms.append((a, k))
                k += 1
                if is_kw(self.tok(k), "all", "distinct"):
                    k += 1
                a = k
                continue
            k = self.skip_group(k)
        arms.append((a, e))
        for a, b in arms:
            if a < b and self.toks[a].val == "(" and self.match.get(a) == b - 1:
                sub = self.query(a + 1, b - 1, parent, env)
                q.arms.extend(sub.arms)
            else:
                q.arms.append(self.arm(a, b, parent, env))
        return q

    def arm(self, s, e, parent, env):
        verb = self.toks[s].val if s < e else ""
        b = Block(parent, env, verb)
        self.blocks.append(b)
        i = s
        if verb == "insert":
            i += 2  # INSERT INTO
            table, i = qualified_name(self.toks, i)
            alias = None
            if is_kw(self.tok(i), "as"):
                alias = name_of(self.toks[i + 1])
                i += 2
            target = Ref("table", table, alias, b, target=True)
            target.visible = False
            b.refs.append(target)
            cols = None
            if self.tok(i) is not None and self.toks[i].val == "(":
                cols = column_list(self.toks, i, self.match)
                i = self.match[i] + 1
            if is_kw(self.tok(i), "overriding"):
                i += 3
            # the source runs to ON CONFLICT or RETURNING
            k = i
            while k < e and not (
                    is_kw(self.toks[k], "returning") or (
                        is_kw(self.toks[k], "on")
                        and is_kw(self.tok(k + 1), "conflict"))):
                k = self.skip_group(k)
            source = None
            if is_kw(self.tok(i), "values"):
                rows = []
                j = i + 1
                while j < k:
                    if self.toks[j].val == "(":
                        rows.append([(x, y) for x, y in split_commas(
                            self.toks, j + 1, self.match[j], self.match)])
                        self.scan(j + 1, self.match[j], b)
                        j = self.match[j] + 1
                    else:
                        j += 1
                source = ("values", rows)
            elif self.starts_query(i, k) or self.tok(i).val == "(":
                source = ("query", self.query(i, k, b, env))
            b.insert = (target, cols, source)
            self.scan(k, e, b)   # ON CONFLICT ... and RETURNING
            return b
        if verb == "update":
            i += 1
            if is_kw(self.tok(i), "only"):
                i += 1
            table, i = qualified_name(self.toks, i)
            if self.tok(i) is not None and self.toks[i].val == "*":
                i += 1
            alias = None
            if is_kw(self.tok(i), "as"):
                i += 1
            if name_of(self.tok(i)) and not is_kw(self.toks[i], "set"):
                alias = name_of(self.toks[i])
                i += 1
            b.refs.append(Ref("table", table, alias, b, target=True))
        elif verb == "delete":
            i += 2  # DELETE FROM
            if is_kw(self.tok(i), "only"):
                i += 1
            table, i = qualified_name(self.toks, i)
            alias = None
            if is_kw(self.tok(i), "as"):
                i += 1
            if (name_of(self.tok(i)) and not is_kw(self.toks[i], *NOT_ALIAS)):
                alias = name_of(self.toks[i])
                i += 1
            b.refs.append(Ref("table", table, alias, b, target=True))
        elif verb == "select":
            i += 1
            if is_kw(self.tok(i), "distinct"):
                i += 1
                if is_kw(self.tok(i), "on"):
                    self.scan(i + 1, self.match[i + 1], b)
                    i = self.match[i + 1] + 1
            elif is_kw(self.tok(i), "all"):
                i += 1
            k = i
            while k < e and not is_kw(self.toks[k], "from", "where", "group",
                                      "having", "order", "limit", "offset",
                                      "fetch", "for", "window", "into"):
                k = self.skip_group(k)
            b.select_list = split_commas(self.toks, i, k, self.match)
            self.scan(i, k, b)
            i = k
        self.clauses(i, e, b)
        return b

    def clauses(self, i, e, b):
        state = None
        cond_start = None

        def close_cond(k):
            if cond_start is not None:
                b.conds.append((cond_start, k))

        while i < e:
            t = self.toks[i]
            if t.kind == "ident" and t.val in {
                    "from", "using", "where", "group", "having", "order",
                    "limit", "offset", "fetch", "for", "window", "returning",
                    "set", "on", "join"} | JOIN_WORDS:
                v = t.val
                if v == "from" or (v == "using" and b.verb == "delete"
                                   and state is None):
                    close_cond(i)
                    cond_start = None
                    state = "from"
                    i = self.from_item(i + 1, e, b)
                    continue
                if v in JOIN_WORDS and state in ("from", "on"):
                    close_cond(i)
                    cond_start = None
                    while is_kw(self.tok(i), *JOIN_WORDS):
                        i += 1
                    state = "from"
                    i = self.from_item(i, e, b)
                    continue
                if v == "on" and state == "from":
                    state, cond_start = "on", i + 1
                    i += 1
                    continue
                if v == "using" and state == "from":
                    # JOIN ... USING (cols): org_id there joins both sides
                    cols = column_list(self.toks, i + 1, self.match)
                    if "org_id" in cols and len(b.refs) >= 2:
                        b.conds.append(("using", b.refs[-2], b.refs[-1]))
                    i = self.match[i + 1] + 1
                    continue
                if v == "where":
                    close_cond(i)
                    state, cond_start = "where", i + 1
                    i += 1
                    continue
                if v in ("group", "having", "order", "limit", "offset",
                         "fetch", "for", "window", "returning", "set"):
                    close_cond(i)
                    cond_start = None
                    state = v
                    i += 1
                    continue
            if t.kind == "punct" and t.val == "," and state == "from":
                i = self.from_item(i + 1, e, b)
                continue
            if t.kind == "punct" and t.val in "([" and i in self.match:
                self.scan_group(i, b)
                i = self.match[i] + 1
                continue
            i += 1
        close_cond(e)

    def from_item(self, i, e, b):
        """Parses one FROM item at i; returns the index after it."""
        while is_kw(self.tok(i), "lateral", "only"):
            i += 1
        t = self.tok(i)
        if t is None or i >= e:
            return i
        ref = None
        if t.kind == "punct" and t.val == "(":
            j = self.match[i]
            if self.starts_query(i + 1, j):
                sub = self.query(i + 1, j, b, b.env)
                ref = Ref("derived", None, None, b, query=sub)
            else:
                self.scan_group(i, b)
            i = j + 1
        elif is_kw(t, "rows") and is_kw(self.tok(i + 1), "from"):
            self.scan_group(i + 2, b)
            ref = Ref("func", "rows from", None, b)
            i = self.match[i + 2] + 1
        else:
            name, j = qualified_name(self.toks, i)
            if self.tok(j) is not None and self.toks[j].val == "(":
                self.scan_group(j, b)
                ref = Ref("func", name, None, b)
                i = self.match[j] + 1
                if is_kw(self.tok(i), "with") and is_kw(self.tok(i + 1),
                                                         "ordinality"):
                    i += 2
            else:
                i = j
                if self.tok(i) is not None and self.toks[i].val == "*":
                    i += 1
                if name in b.env and j == i:
                    ref = Ref("cte", name, None, b, query=b.env[name])
                elif name in b.env:
                    ref = Ref("cte", name, None, b, query=b.env[name])
                else:
                    ref = Ref("table", name, None, b)
        if ref is None:
            return i
        if is_kw(self.tok(i), "as"):
            i += 1
        t = self.tok(i)
        if t is not None and i < e and name_of(t) and not (
                t.kind == "ident" and t.val in NOT_ALIAS):
            ref.alias = name_of(t)
            i += 1
        if self.tok(i) is not None and i < e and self.toks[i].val == "(":
            i = self.match[i] + 1   # column aliases / definitions
        if is_kw(self.tok(i), "tablesample"):
            i += 2
            i = self.match[i] + 1
        b.refs.append(ref)
        if ref.kind == "func" and b.verb in ("update", "delete"):
            b.update_from.append(ref)
        return i

    def scan_group(self, i, b):
        j = self.match[i]
        if self.starts_query(i + 1, j):
            b.queries.append(self.query(i + 1, j, b, b.env))
        else:
            self.scan(i + 1, j, b)

    def scan(self, s, e, b):
        """Finds the subqueries in the expressions of toks[s:e]."""
        i = s
        while i < e:
            t = self.toks[i]
            if t.kind == "punct" and t.val in "([" and i in self.match:
                self.scan_group(i, b)
                i = self.match[i] + 1
                continue
            i += 1

    # -- predicates --
    def operand(self, s, e):
        """('param', n), ('col', qual, name) or None for toks[s:e]."""
        k = s
        while k < e and not (self.toks[k].kind == "op"
                             and self.toks[k].val == "::"):
            k += 1
        ts = self.toks[s:k]
        if len(ts) == 1 and ts[0].kind == "param":
            return ("param", ts[0].val)
        if len(ts) == 1 and name_of(ts[0]):
            return ("col", None, name_of(ts[0]))
        if (len(ts) == 3 and name_of(ts[0]) and ts[1].val == "."
                and name_of(ts[2])):
            return ("col", name_of(ts[0]), name_of(ts[2]))
        return None

    def conjuncts(self, s, e):
        """Top-level AND-ed parts of toks[s:e], or [] when an OR joins them."""
        parts, a, i, between = [], s, s, False
        while i < e:
            t = self.toks[i]
            if is_kw(t, "or"):
                return []
            if is_kw(t, "between"):
                between = True
            if is_kw(t, "and"):
                if between:
                    between = False
                else:
                    parts.append((a, i))
                    a = i + 1
            i = self.skip_group(i)
        parts.append((a, e))
        return parts

    def equalities(self, b):
        out = []
        for c in b.conds:
            if c[0] == "using":
                out.append((("ref", c[1]), ("ref", c[2])))
                continue
            s, e = c
            for a, z in self.conjuncts(s, e):
                eq = [k for k in range(a, z)
                      if self.toks[k].kind == "op" and self.toks[k].val == "="]
                if len(eq) != 1:
                    continue
                lhs = self.operand(a, eq[0])
                rhs = self.operand(eq[0] + 1, z)
                if lhs and rhs:
                    out.append((lhs, rhs))
        return out

    def ref_dist_col(self, ref):
        if ref.kind == "table":
            return self.schema.dist_col(ref.name)
        if ref.kind in ("cte", "derived"):
            return "org_id"
        return None

    def resolve(self, b, qual, col):
        """The ref whose distribution column qual.col names, or None."""
        blk = b
        while blk is not None:
            refs = [r for r in blk.refs if r.visible]
            if qual is not None:
                for r in refs:
                    if r.label == qual:
                        return r if self.ref_dist_col(r) == col else None
            else:
                cands = [r for r in refs if self.ref_dist_col(r) == col]
                if col == "id":
                    cands = [r for r in refs if r.kind == "table"
                             and r.name == "organizations"]
                    if cands and len(refs) > 1:
                        return None
                if len(cands) == 1:
                    return cands[0]
                tables = [r for r in cands if r.kind == "table"]
                if len(tables) == 1:
                    return tables[0]
                if cands:
                    return None
            blk = blk.parent
        return None

    def sharding(self):
        """The distributed table refs not routed to one organization."""
        parent = {}

        def find(x):
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        def union(x, y):
            parent[find(x)] = find(y)

        anchors = set()
        for b in self.blocks:
            for lhs, rhs in self.equalities(b):
                sides = []
                for o in (lhs, rhs):
                    if o[0] == "param":
                        sides.append("param")
                    elif o[0] == "ref":
                        sides.append(o[1])
                    else:
                        sides.append(self.resolve(b, o[1], o[2]))
                x, y = sides
                if x is None or y is None:
                    continue
                if x == "param" and y == "param":
                    continue
                if x == "param" or y == "param":
                    anchors.add(id(y if x == "param" else x))
                    parent.setdefault(id(y if x == "param" else x),
                                      id(y if x == "param" else x))
                else:
                    union(id(x), id(y))
            if b.insert:
                target, cols, source = b.insert
                dc = self.ref_dist_col(target)
                if dc is None or not cols or dc not in cols:
                    continue
                k = cols.index(dc)
                if source and source[0] == "values":
                    rows = source[1]
                    if rows and all(k < len(r) and self.operand(*r[k])
                                    and self.operand(*r[k])[0] == "param"
                                    for r in rows):
                        anchors.add(id(target))
                elif source and source[0] == "query":
                    for arm in source[1].arms:
                        if not arm.select_list or k >= len(arm.select_list):
                            continue
                        o = self.operand(*arm.select_list[k])
                        if o is None:
                            continue
                        if o[0] == "param":
                            anchors.add(id(target))
                        else:
                            r = self.resolve(arm, o[1], o[2])
                            if r is not None:
                                union(id(target), id(r))
        all_refs = [r for b in self.blocks for r in b.refs]
        members = {}
        for q in self.queries:
            members[id(q)] = self.query_refs(q)
        clean = set()
        while True:
            good_roots = {find(a) for a in anchors}
            good_roots |= {find(id(r)) for r in all_refs
                           if r.kind in ("cte", "derived")
                           and id(r.query) in clean}
            ok = {id(r) for r in all_refs if find(id(r)) in good_roots}
            new = set()
            for q in self.queries:
                dist_refs = [r for r in members[id(q)] if r.kind == "table"
                             and r.name in self.dist]
                if dist_refs and all(id(r) in ok for r in dist_refs):
                    new.add(id(q))
            if new == clean:
                break
            clean = new
        return [r for r in all_refs if r.kind == "table" and r.name in
                self.dist and id(r) not in ok]

    def query_refs(self, q):
        out = []
        for sub in q.ctes:
            out.extend(self.query_refs(sub))
        for arm in q.arms:
            out.extend(self.block_refs(arm))
        return out

    def block_refs(self, b):
        out = list(b.refs)
        for r in b.refs:
            if r.kind == "derived":
                out.extend(self.query_refs(r.query))
        for q in b.queries:
            out.extend(self.query_refs(q))
        if b.insert and b.insert[2] and b.insert[2][0] == "query":
            out.extend(self.query_refs(b.insert[2][1]))
        return out


def modifying(toks):
    """Whether the statement writes: INSERT/UPDATE/DELETE/MERGE as a
    statement or a CTE, not FOR UPDATE or DO UPDATE."""
    prev = None
    for t in toks:
        if is_kw(t, "insert", "update", "delete", "merge") and (
                prev is None or (prev.kind == "punct" and prev.val in "();")):
            return True
        prev = t
    return False


def calls(toks):
    """(index, function name) of every call f(...) in toks."""
    out = []
    for i, t in enumerate(toks[:-1]):
        if (t.kind in ("ident", "qid") and toks[i + 1].kind == "punct"
                and toks[i + 1].val == "("):
            out.append((i, t.val))
    return out


def argc(toks, i, match):
    """The number of arguments of the call whose name is at toks[i]."""
    return len(split_commas(toks, i + 2, match[i + 1], match))


def check_statement(path, name, text, schema, violations):
    def flag(pattern, detail):
        violations.append(Violation(path, name, pattern, detail))

    try:
        toks = lex(text)
    except LexError as e:
        flag("split", str(e))
        return
    while toks and toks[-1].kind == "punct" and toks[-1].val == ";":
        toks.pop()
    if any(t.kind == "punct" and t.val == ";" for t in toks):
        flag("split", "more than one statement")
    match = paren_match(toks)
    dist = schema.distributed()
    fcalls = calls(toks)

    if any(n == "set_config" for _, n in fcalls):
        flag("set-config", "calls set_config()")

    if modifying(toks):
        found = []
        for i, n in fcalls:
            if n in NON_IMMUTABLE_CALLS or (n == "age"
                                            and argc(toks, i, match) == 1):
                found.append(n + "()")
            elif n in schema.functions and (
                    schema.functions[n].volatility != "immutable"):
                found.append("%s() (%s)" % (n, schema.functions[n].volatility))
        found += [t.val for t in toks
                  if t.kind == "ident" and t.val in NON_IMMUTABLE_WORDS]
        if found:
            flag("non-immutable", "writes, and calls %s" % ", ".join(
                sorted(set(found))))

    try:
        an = StatementAnalysis(toks, dist, schema)
    except (IndexError, KeyError, TypeError, AttributeError) as e:
        flag("unreadable", "the lint cannot read this statement (%r)" % (e,))
        return
    for b in an.blocks:
        for r in b.update_from:
            flag("update-from-function", "%s ... %s %s(...)" % (
                b.verb.upper(), "FROM" if b.verb == "update" else "USING",
                r.name))

    touched = set()
    for b in an.blocks:
        for r in b.refs:
            if r.kind == "table" and r.name in dist:
                touched.add(r.name)
    via = {}
    for _, n in fcalls:
        f = schema.functions.get(n)
        if f is None:
            continue
        tables = f.tables(dist)
        if f.language == "sql" and f.nargs > 0 and tables:
            flag("sql-function", "calls %s(), a LANGUAGE sql function with "
                 "parameters that reads %s" % (n, ", ".join(tables)))
        if tables:
            via[n] = tables
    if any(n == "pg_notify" for _, n in fcalls) and (touched or via):
        flag("notify", "calls pg_notify() beside %s" % ", ".join(
            sorted(touched | {t for ts in via.values() for t in ts})))

    problems = ["%s%s is not filtered by %s = $n" % (
        r.name, " " + r.alias if r.alias else "",
        schema.dist_col(r.name)) for r in an.sharding()]
    problems += ["calls %s(), which touches %s" % (n, ", ".join(ts))
                 for n, ts in sorted(via.items())]
    if problems and name not in CROSS_ORG_ALLOW:
        flag("sharding", "; ".join(problems))
    if not problems and name in CROSS_ORG_ALLOW:
        flag("stale-allow-list", "CROSS_ORG_ALLOW lists %s, which routes "
             "to one organization" % name)
    return


def check_golden(gdir, schema, violations):
    names = set()
    for f in sorted(os.listdir(gdir)):
        if not f.endswith(".sql"):
            continue
        name = f[:-4]
        names.add(name)
        path = os.path.join(gdir, f)
        with open(path, encoding="utf-8") as fh:
            check_statement(path, name, fh.read(), schema, violations)
    for name in sorted(set(CROSS_ORG_ALLOW) - names):
        violations.append(Violation(gdir, name, "stale-allow-list",
                                    "CROSS_ORG_ALLOW lists %s, which is no "
                                    "statement any more" % name))


def check_c_allow_lists(cpath, violations):
    """The live test's allow-lists must equal ours."""
    if not os.path.exists(cpath):
        violations.append(Violation(cpath, "allow-lists",
                                    "allow-list-mismatch", "file missing"))
        return
    with open(cpath, encoding="utf-8") as fh:
        text = fh.read()

    def entries(label, width):
        m = re.search(r"/\* BEGIN %s \*/(.*?)/\* END %s \*/" % (label, label),
                      text, re.S)
        if not m:
            return None
        out = []
        for entry in re.findall(r"\{([^{}]*)\}", m.group(1)):
            strs = re.findall(r'"((?:[^"\\]|\\.)*)"', entry)
            if strs:
                out.append(tuple(s.replace("\\\\", "\\") for s in strs[:width]))
        return out

    ours = {"TRIGGER_ALLOW": [e[:2] for e in TRIGGER_ALLOW],
            "NOTIFY_ALLOW": [e[:1] for e in NOTIFY_ALLOW]}
    for label, want in ours.items():
        got = entries(label, len(want[0]) if want else 1)
        if got != want:
            violations.append(Violation(
                cpath, label, "allow-list-mismatch",
                "test_citus_schema.c has %r, citus.py has %r" % (got, want)))


def lint(root, check_from=MIGRATIONS_CHECKED_FROM, c_test=True):
    violations = []
    schema = load_migrations(os.path.join(root, "migrations"), violations,
                             check_from)
    check_golden(os.path.join(root, "tests", "golden", "sql"), schema,
                 violations)
    if c_test:
        check_c_allow_lists(os.path.join(root, "tests", "integration",
                                         "test_citus_schema.c"), violations)
        check_distribution(os.path.join(root, "docs", "citus",
                                        "distribute.sql"), schema, violations)
    return violations, schema


def check_distribution(path, schema, violations):
    """docs/citus/distribute.sql distributes every tenant table by org_id
    (colocated with organizations) and makes every other table the
    service reads a reference table: a new table cannot be forgotten."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError:
        violations.append(Violation(path, "distribute.sql", "distribution",
                                    "missing"))
        return
    dist = set(re.findall(r"create_distributed_table\('(\w+)', 'org_id', "
                          r"colocate_with => 'organizations'\)", text))
    ref = set(re.findall(r"create_reference_table\('(\w+)'\)", text))
    if "create_distributed_table('organizations', 'id')" not in text:
        violations.append(Violation(path, "organizations", "distribution",
                                    "organizations is not distributed by id"))
    for t in sorted(schema.tenant_tables() - dist):
        violations.append(Violation(path, t, "distribution",
                                    "a tenant table that is not distributed "
                                    "by org_id"))
    for t in sorted(dist - schema.tenant_tables()):
        violations.append(Violation(path, t, "distribution",
                                    "distributed by org_id but has none"))
    local = {"schema_migrations"}
    for t in sorted(set(schema.columns) - schema.tenant_tables() - ref
                    - local - {"organizations"}):
        violations.append(Violation(path, t, "distribution",
                                    "neither distributed nor a reference "
                                    "table"))


# ---- self-test -----------------------------------------------------------

SELF_MIGRATIONS = {
    "0001_base.sql": """
CREATE TABLE organizations (id uuid PRIMARY KEY, name text);
CREATE TABLE accounts (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL, name text, owner_id uuid,
  PRIMARY KEY (org_id, id));
CREATE TABLE sellers (org_id uuid NOT NULL, id uuid NOT NULL,
  PRIMARY KEY (org_id, id));
CREATE TABLE keys (org_id uuid NOT NULL, id uuid NOT NULL, hash bytea UNIQUE,
  PRIMARY KEY (org_id, id));
CREATE TABLE secrets (name text PRIMARY KEY);
-- old sins stay unchecked: this file is below MIGRATIONS_CHECKED_FROM
ALTER TABLE accounts ADD FOREIGN KEY (org_id, owner_id)
  REFERENCES sellers (org_id, id) ON DELETE SET NULL (owner_id);
CREATE FUNCTION auth(p bytea) RETURNS SETOF keys LANGUAGE sql STABLE
  AS $$ SELECT * FROM keys WHERE hash = p $$;
CREATE FUNCTION claim(n integer) RETURNS integer LANGUAGE plpgsql
  AS $body$ BEGIN UPDATE accounts SET name = 'x;y' WHERE id IS NULL;
  RETURN n; END $body$;
CREATE FUNCTION fmt(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY') $$;
CREATE FUNCTION noisy() RETURNS trigger LANGUAGE plpgsql
  AS $$ BEGIN PERFORM pg_notify('c', ''); RETURN NULL; END $$;
""",
    "0012_good.sql": """
/* a comment; with a semicolon /* nested; */ still comment */
CREATE TABLE notes (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL, "text;" text DEFAULT 'it''s; fine', e text DEFAULT E'\\';',
  seller_id uuid,
  PRIMARY KEY (org_id, id), UNIQUE (org_id, "text;"),
  FOREIGN KEY (org_id, seller_id) REFERENCES sellers (org_id, id)
    ON DELETE CASCADE);
CREATE UNIQUE INDEX notes_e ON notes (org_id, e);
CREATE INDEX notes_plain ON notes (e);
CREATE UNIQUE INDEX secrets_name ON secrets (name);
CREATE FUNCTION f2(p uuid) RETURNS integer LANGUAGE plpgsql AS $f$
BEGIN RETURN (SELECT count(*) FROM notes WHERE org_id = p); END $f$;
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes
  FOR EACH ROW EXECUTE FUNCTION claim();
""",
    "0013_bad.sql": """
CREATE TABLE bad (org_id uuid NOT NULL, id uuid NOT NULL, k text UNIQUE,
  seller_id uuid, PRIMARY KEY (id),
  FOREIGN KEY (org_id, seller_id) REFERENCES sellers (org_id, id)
    ON DELETE SET NULL (seller_id));
ALTER TABLE bad ADD CONSTRAINT bad_x EXCLUDE USING gist (id WITH &&);
ALTER TABLE bad ADD CONSTRAINT bad_s FOREIGN KEY (seller_id, org_id)
  REFERENCES sellers (org_id, id);
ALTER TABLE organizations ADD CONSTRAINT org_name UNIQUE (name);
CREATE UNIQUE INDEX bad_k ON bad (k);
CREATE TRIGGER bad_trigger AFTER INSERT ON bad
  FOR EACH STATEMENT EXECUTE FUNCTION noisy();
CREATE FUNCTION lookup(p uuid) RETURNS bigint LANGUAGE sql
  AS $$ SELECT count(*) FROM bad WHERE id = p $$;
DO $$ BEGIN EXECUTE 'CREATE TRIGGER t AFTER INSERT ON bad FOR EACH ROW '
  'EXECUTE FUNCTION noisy()'; END $$;
""",
    "0014_unsplittable.sql": "CREATE TABLE x (a text DEFAULT 'oops);\n",
    "0016_psql.sql": "SELECT 1;\n\\i other.sql\n",
    "0017_tx.sql": "BEGIN;\nSELECT 1;\nCOMMIT;\n"
                   "CREATE INDEX CONCURRENTLY i ON accounts (name);\n",
    "0015_atomic.sql": """
CREATE FUNCTION a(p int) RETURNS int LANGUAGE sql
BEGIN ATOMIC SELECT p; SELECT p + 1; END;
SELECT 1
""",
}

# name -> (text, the patterns it must raise; [] = none)
SELF_STATEMENTS = {
    "good.select": ("""-- good.select
SELECT a.id, fmt(a.created_at) FROM accounts a
  JOIN sellers s ON s.org_id = a.org_id AND s.id = a.owner_id
 WHERE a.org_id = $1 AND (a.name = $2 OR a.name IS NULL)
   AND EXISTS (SELECT 1 FROM notes n WHERE n.org_id = a.org_id)
UNION ALL
SELECT id, to_char(now(), 'YYYY') FROM keys WHERE org_id = $1::uuid""", []),
    "good.insert": ("""WITH input AS (
  SELECT e.ord, e.v FROM jsonb_array_elements($2::jsonb)
    WITH ORDINALITY AS e(v, ord)),
ins AS (INSERT INTO accounts AS t (org_id, id, name)
  SELECT $1, (i.v->>'id')::uuid, i.v->>'name' FROM input i
  RETURNING t.id)
SELECT count(*) FROM ins""", []),
    "good.values": ("INSERT INTO notes (org_id, id, e) VALUES ($1, $2, $3)"
                    " ON CONFLICT (org_id, id) DO UPDATE SET e = EXCLUDED.e"
                    " RETURNING fmt(created_at)", []),
    "good.update": ("UPDATE accounts SET name = $3 ->> 'name', owner_id = "
                    "($3 ->> 'owner_id')::uuid WHERE org_id = $1 AND id = $2"
                    " RETURNING id", []),
    "good.cte": ("""WITH acct AS (SELECT org_id, id FROM accounts
  WHERE org_id = $1 AND id = $2 FOR KEY SHARE),
done AS (DELETE FROM notes q USING acct a WHERE q.org_id = a.org_id
  RETURNING q.org_id, q.id)
INSERT INTO keys AS k (org_id, id) SELECT org_id, id FROM done""", []),
    "good.org": ("SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE", []),
    "good.org_insert": ("INSERT INTO organizations (id, name) VALUES ($1, $2)",
                        []),
    "good.notify": ("SELECT pg_notify('rapport_x', '')", []),
    "good.other": ("SELECT name FROM secrets WHERE name = 'cursor'", []),
    "bad.set_config": ("SELECT set_config('app.org_id', $1, true)",
                       ["set-config"]),
    "bad.now": ("UPDATE accounts SET name = $3 WHERE org_id = $1 AND id = $2"
                " RETURNING to_char(now(), 'YYYY')", ["non-immutable"]),
    "bad.current_date": ("DELETE FROM notes WHERE org_id = $1 AND e < "
                         "current_date::text", ["non-immutable"]),
    "bad.cte_uuid": ("WITH i AS (INSERT INTO notes (org_id, id) VALUES "
                     "($1, $2) RETURNING id) SELECT gen_random_uuid() FROM i",
                     ["non-immutable"]),
    "bad.age": ("UPDATE accounts SET name = age($3)::text WHERE org_id = $1",
                ["non-immutable"]),
    "bad.update_from": ("UPDATE accounts t SET name = r.name FROM "
                        "jsonb_to_record($3) AS r(name text) WHERE "
                        "t.org_id = $1 AND t.id = $2",
                        ["update-from-function"]),
    "bad.sql_function": ("SELECT * FROM auth($1)",
                         ["sql-function", "sharding"]),
    "bad.unfiltered": ("SELECT count(*) FROM accounts WHERE name = $1",
                       ["sharding"]),
    "bad.or": ("SELECT 1 FROM accounts WHERE org_id = $1 OR id = $2",
               ["sharding"]),
    "bad.join": ("SELECT 1 FROM accounts a JOIN sellers s ON s.id = a.owner_id"
                 " WHERE a.org_id = $1", ["sharding"]),
    "bad.subquery": ("SELECT 1 FROM accounts a WHERE a.org_id = $1 AND EXISTS"
                     " (SELECT 1 FROM keys k WHERE k.id = a.id)",
                     ["sharding"]),
    "bad.insert": ("INSERT INTO accounts (id, name) VALUES ($1, $2)",
                   ["sharding"]),
    "bad.insert_select": ("INSERT INTO notes (org_id, id) SELECT org_id, id"
                          " FROM accounts", ["sharding"]),
    "bad.org": ("SELECT 1 FROM organizations WHERE name = $1", ["sharding"]),
    "bad.function": ("SELECT claim($1)", ["sharding"]),
    "bad.notify": ("WITH r AS (UPDATE notes SET e = $3 WHERE org_id = $1 "
                   "RETURNING 1) SELECT pg_notify('x', '') FROM r",
                   ["notify"]),
    "cross.allowed": ("SELECT claim($1)", []),
    "cross.stale": ("SELECT 1 FROM accounts WHERE org_id = $1",
                    ["stale-allow-list"]),
}

SELF_MIGRATION_EXPECT = {
    # (file, pattern) -> how many
    ("0013_bad.sql", "fk-set-null"): 1,
    ("0013_bad.sql", "fk-colocation"): 1,
    ("0013_bad.sql", "unique-no-org"): 5,
    ("0013_bad.sql", "trigger"): 1,
    ("0013_bad.sql", "trigger-notify"): 1,
    ("0013_bad.sql", "sql-function"): 1,
    ("0013_bad.sql", "dynamic-ddl"): 1,
    ("0014_unsplittable.sql", "split"): 1,
    ("0015_atomic.sql", "split"): 2,
    ("0016_psql.sql", "split"): 1,
    ("0017_tx.sql", "split"): 3,
}


def self_test():
    global CROSS_ORG_ALLOW, TRIGGER_ALLOW, NOTIFY_ALLOW
    saved = (CROSS_ORG_ALLOW, TRIGGER_ALLOW, NOTIFY_ALLOW)
    CROSS_ORG_ALLOW = {"cross.allowed": "a test", "cross.stale": "a test",
                       "cross.gone": "a test"}
    TRIGGER_ALLOW = [("notes", "notes_touch", "a test")]
    NOTIFY_ALLOW = []
    failures = []
    try:
        with tempfile.TemporaryDirectory(prefix="citus-lint.") as root:
            os.makedirs(os.path.join(root, "migrations"))
            gdir = os.path.join(root, "tests", "golden", "sql")
            os.makedirs(gdir)
            for f, text in SELF_MIGRATIONS.items():
                with open(os.path.join(root, "migrations", f), "w") as fh:
                    fh.write(text)
            for name, (text, _) in SELF_STATEMENTS.items():
                with open(os.path.join(gdir, name + ".sql"), "w") as fh:
                    fh.write(text + "\n")
            vs, schema = lint(root, c_test=False)
            got = {}
            for v in vs:
                key = os.path.basename(v.path)
                if key.endswith(".sql") and "golden" in v.path:
                    key = key[:-4]
                got.setdefault(key, []).append(v)
            for name, (_, want) in SELF_STATEMENTS.items():
                have = sorted({v.pattern for v in got.get(name, [])})
                if have != sorted(set(want)):
                    failures.append("%s: want %s, got %s" % (
                        name, sorted(set(want)),
                        "; ".join(str(v) for v in got.get(name, []))
                        or "nothing"))
            for (f, pattern), n in SELF_MIGRATION_EXPECT.items():
                have = [v for v in got.get(f, []) if v.pattern == pattern]
                if len(have) != n:
                    failures.append("%s: want %d %s, got %d:\n%s" % (
                        f, n, pattern, len(have),
                        "\n".join(str(v) for v in got.get(f, []))))
            for f in ("0001_base.sql", "0012_good.sql"):
                if got.get(f):
                    failures.append("%s: want nothing, got %s" % (
                        f, "; ".join(str(v) for v in got[f])))
            extra = [v for v in got.get("0013_bad.sql", [])
                     if (v.path, v.pattern) and
                     ("0013_bad.sql", v.pattern) not in SELF_MIGRATION_EXPECT]
            if extra:
                failures.append("0013_bad.sql: unexpected %s" % "; ".join(
                    str(v) for v in extra))
            stale = [v for v in vs if v.name == "cross.gone"]
            if len(stale) != 1:
                failures.append("cross.gone: a stale CROSS_ORG_ALLOW entry "
                                "of no statement was not reported")
            if schema.tenant_tables() != {"accounts", "sellers", "keys",
                                          "notes", "bad"}:
                failures.append("tenant tables: %s" % sorted(
                    schema.tenant_tables()))
            # the splitter on its own
            stmts, problems = split_statements(
                "SELECT ';' AS \"a;b\"; -- x;\nSELECT $t$;$t$ /* ; */;"
                "SELECT $1;")
            if problems or len(stmts) != 3:
                failures.append("splitter: %d statements, %s" % (
                    len(stmts), problems))
            # the C allow-list reader
            cfile = os.path.join(root, "t.c")
            with open(cfile, "w") as fh:
                fh.write('/* BEGIN TRIGGER_ALLOW */\n{ "notes", "notes_touch",'
                         '\n  "a test" },\n/* END TRIGGER_ALLOW */\n'
                         '/* BEGIN NOTIFY_ALLOW */\n{ NULL, NULL }\n'
                         '/* END NOTIFY_ALLOW */\n')
            cv = []
            check_c_allow_lists(cfile, cv)
            if cv:
                failures.append("C allow-lists: %s" % cv[0])
    finally:
        CROSS_ORG_ALLOW, TRIGGER_ALLOW, NOTIFY_ALLOW = saved
    for f in failures:
        print("self-test: " + f, file=sys.stderr)
    if failures:
        print("citus self-test: %d failure(s)" % len(failures),
              file=sys.stderr)
        return 1
    print("citus self-test: %d statements and %d migrations behave" % (
        len(SELF_STATEMENTS), len(SELF_MIGRATIONS)))
    return 0


def main(argv):
    args = argv[1:]
    if "--self-test" in args:
        return self_test()
    check_from = MIGRATIONS_CHECKED_FROM
    if "--all-migrations" in args:
        check_from = 0
        args.remove("--all-migrations")
    root = args[0] if args else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "..", "..")
    root = os.path.normpath(root)
    violations, schema = lint(root, check_from)
    for v in violations:
        v.path = os.path.relpath(v.path, root)
        print(v, file=sys.stderr)
    if violations:
        by = {}
        for v in violations:
            by[v.pattern] = by.get(v.pattern, 0) + 1
        print("citus: %d violation(s): %s" % (len(violations), ", ".join(
            "%s %d" % kv for kv in sorted(by.items()))), file=sys.stderr)
        return 1
    print("citus: %d tenant tables, %d statements: ok" % (
        len(schema.tenant_tables()),
        len([f for f in os.listdir(os.path.join(root, "tests", "golden",
                                                "sql"))
             if f.endswith(".sql")])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

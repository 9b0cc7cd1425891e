#!/usr/bin/env bash
# Nothing from a request is ever formatted into SQL (docs/code.md, "SQL"):
# values travel as numbered parameters.  This lint reads every C file of
# service/store and lists each place that hands SQL text to libpq or
# writes it: every call of PQexec, PQexecParams, PQprepare, PQsendQuery*,
# PQsendPrepare (and, for completeness, PQexecPrepared and
# PQsendQueryPrepared, which send a statement's name, not its text), every
# snprintf/vsnprintf/sprintf whose format is SQL (or is not a literal),
# every sqlf and buf_append, every `struct store_statement` initializer
# and every assignment to a statement's `.sql`.  The SQL text and every
# value formatted into it must be fixed:
#
#   (a) string literals (also concatenated with macros whose bodies are
#       literals, such as STORE_TS or MIGRATION_LOCK), numbers, elements
#       of static arrays of literals, ternaries of those, and the `sql` of
#       a `struct store_statement` (whose initializers are checked too);
#   (b) in service/store/resource.c only, the generator: its sqlf
#       arguments may also be names from the compiled-in resource table
#       (`->table`, `->spec.name`, `->column`, `->order_column`),
#       `sql_type (...)`, and parameter numbers;
#   (c) an expression on the allow-list below, each with its reason.
#
# A name is followed to where its value comes from: a local to its
# initializers, assignments and the snprintf/strcpy/... that write it, a
# parameter of a static function to the arguments of every call in the
# file (a function that is not static, or is used other than by calling
# it, has callers we cannot see: its parameters are not fixed).  Anything
# else (a member, a call's result, a global) is not fixed.
#
#   sql_formatting.sh SOURCE_DIR
set -u
cd "${1:?usage: sql_formatting.sh SOURCE_DIR}" || exit 2

# The allow-list (rule c): "file|function|expression", the expression as
# the lint prints it (tokens joined by single spaces where C needs them).
# Each entry needs the comment above it that says why it is safe; an entry
# that no longer matches anything fails the lint, so the list cannot rot.
ALLOW=$(cat <<'EOF'
# The migration runner executes the migration files themselves: SQL we
# ship in migrations/, read by `rapport migrate` (an operator's command,
# under the admin role) and recorded with its SHA-256, one statement at a
# time as store_sql_next() finds them in the file.  No request reaches it.
service/store/migrate.c|run_each|store_sql_next (p, &end)
# The session's statement_timeout: a long from the configuration table
# (RAPPORT_STATEMENT_TIMEOUT_MS, CFG_LONG, checked to 10..600000 when the
# service starts), formatted with %ld, so only digits reach the text, and
# never anything from a request.  It is a number we parse, not an
# identifier: allowed here by name rather than by a rule for all numbers.
# SET takes no bind parameter; SELECT set_config('statement_timeout', $1,
# false) would remove this entry.
service/store/pool.c|prepare_conn|c->statement_timeout_ms
# The organization of a transaction, in SET LOCAL app.org_id (SET takes
# no bind parameter, and set_config() is not passed on to Citus workers
# nor, with a transaction pooler, is anything outside the transaction):
# an id the database made (the authenticated key's organization), and
# send_opening() refuses, before formatting, anything but hexadecimal
# digits and dashes, at most 36 (org_literal_ok).
service/store/tx.c|send_opening|c->org_id
# The statement timeout again, per transaction when statements are
# unnamed (a transaction pooler keeps no session setting): the same
# checked long as in prepare_conn, formatted with %ld.
service/store/tx.c|send_opening|c->statement_timeout_ms
# sqlf is the generator's formatter (vsnprintf of its caller's format and
# arguments into the statement being built); every sqlf call is checked
# under rule (b), so the va_list holds only what those checks allowed.
service/store/resource.c|sqlf|ap
# row_json.c writes the API's JSON of a row the database answered (values
# out of a result, into the response body); its buffers never become SQL
# and never reach libpq.
service/store/row_json.c|put|s
EOF
)

mapfile -t FILES < <(find service/store -name '*.[ch]' | sort)
ALLOW="$ALLOW" perl -w - "${FILES[@]}" <<'PERL'
use strict;
$| = 1;

my @files = @ARGV;
my (%tok, %macro, %funcs, %arrays);
my (@report, @violations);
my %allow; my @allow_order;

# ----------------------------------------------------------- allow-list
{
  my $why = '';
  for my $line (split /\n/, $ENV{ALLOW}) {
    if ($line =~ /^#\s?(.*)$/) { $why .= "$1 "; next; }
    next if $line =~ /^\s*$/;
    my ($f, $fn, $expr) = split /\|/, $line, 3;
    push @violations, "allow-list entry without a reason: $line"
      if $why =~ /^\s*$/;
    $allow{"$f|$fn|$expr"} = { why => $why, used => 0 };
    push @allow_order, "$f|$fn|$expr";
    $why = '';
  }
}

# ------------------------------------------------------------ tokenizer
sub tokenize {
  my ($file, $src, $bol) = @_;    # $bol: a directive may start here
  my @t;
  my $line = 1;
  pos($src) = 0;
  while (pos($src) < length $src) {
    if ($src =~ /\G(\n)/gc) { $line++; $bol = 1; next; }
    if ($src =~ /\G[ \t\r\f\v]+/gc) { next; }
    if ($src =~ /\G\/\*(.*?)\*\//gcs) { $line += ($1 =~ tr/\n//); next; }
    if ($src =~ /\G\/\/[^\n]*/gc) { next; }
    if ($bol && $src =~ /\G#((?:[^\n\\]|\\.)*)/gcs) {
      my $d = $1; my $l = $line;
      $line += ($d =~ tr/\n//);
      $d =~ s/\\\n/ /g;
      if ($d =~ /^\s*define\s+([A-Za-z_]\w*)(\(([^)]*)\))?\s*(.*)$/s) {
        my ($name, $params, $body) = ($1, $3, $4);
        my @p = defined $params ? map { s/^\s+|\s+$//g; $_ } split /,/, $params : ();
        $macro{$name} = { params => (defined $params ? \@p : undef),
                          body => [tokenize("$file:$l", $body, 0)] };
      }
      next;
    }
    $bol = 0;
    if ($src =~ /\G("(?:[^"\\\n]|\\.)*")/gc) { push @t, ['str', $1, $line]; next; }
    if ($src =~ /\G('(?:[^'\\\n]|\\.)*')/gc) { push @t, ['chr', $1, $line]; next; }
    if ($src =~ /\G([0-9][0-9A-Za-z_.]*)/gc) { push @t, ['num', $1, $line]; next; }
    if ($src =~ /\G([A-Za-z_]\w*)/gc) { push @t, ['id', $1, $line]; next; }
    if ($src =~ /\G(->|\+\+|--|<<=|>>=|<=|>=|==|!=|&&|\|\||\+=|-=|\*=|\/=|%=|&=|\|=|\^=|<<|>>|\.\.\.|.)/gcs) {
      push @t, ['p', $1, $line]; next;
    }
  }
  return @t;
}

# Joins tokens as a reader writes them: "f (a, b)", "r->table".
sub show {
  my $s = '';
  my $prev = '';
  for my $t (@_) {
    my $x = $t->[1];
    my $glue = ($x =~ /^(->|\.|,|\)|\]|\+\+|--)$/ || $prev =~ /^(->|\.|\(|\[|!|&|~)$/ || $s eq '')
               ? '' : ' ';
    $glue = ' ' if $prev eq ',';
    $glue = '' if $x eq '[' ;
    $glue = ' ' if $x eq '(' && $prev =~ /^\w/;
    $s .= $glue . $x;
    $prev = $x;
  }
  $s =~ s/\( /(/g;
  return $s;
}

# Index of the token that closes the bracket at $i.
sub close_of {
  my ($t, $i) = @_;
  my $depth = 0;
  for (my $k = $i; $k < @$t; $k++) {
    my $x = $t->[$k][1];
    next unless $t->[$k][0] eq 'p';
    $depth++ if $x eq '(' || $x eq '[' || $x eq '{';
    $depth-- if $x eq ')' || $x eq ']' || $x eq '}';
    return $k if $depth == 0;
  }
  return $#$t;
}

# Splits tokens at top-level commas.
sub split_commas {
  my @t = @_;
  my (@out, @cur);
  my $depth = 0;
  for my $x (@t) {
    if ($x->[0] eq 'p') {
      $depth++ if $x->[1] =~ /^[(\[{]$/;
      $depth-- if $x->[1] =~ /^[)\]}]$/;
      if ($depth == 0 && $x->[1] eq ',') { push @out, [@cur]; @cur = (); next; }
    }
    push @cur, $x;
  }
  push @out, [@cur] if @cur;
  return @out;
}

# ----------------------------------------------------- read every file
for my $f (@files) {
  open my $fh, '<', $f or die "$f: $!";
  local $/;
  my $src = <$fh>;
  close $fh;
  $tok{$f} = [tokenize($f, $src, 1)];
}

# Functions (name, static, parameters, body range) and arrays with
# initializers, per file.
for my $f (@files) {
  my $t = $tok{$f};
  my $depth = 0;
  my $start = 0;    # first token of the current top-level declaration
  for (my $i = 0; $i < @$t; $i++) {
    my $x = $t->[$i];
    if ($x->[0] eq 'p' && $x->[1] eq '{') { $depth++; next; }
    if ($x->[0] eq 'p' && $x->[1] eq '}') { $depth--; $start = $i + 1 if $depth == 0; next; }
    if ($depth == 0 && $x->[0] eq 'p' && $x->[1] eq ';') { $start = $i + 1; next; }
    if ($depth == 0 && $x->[0] eq 'id' && $i + 1 < @$t && $t->[$i + 1][1] eq '(') {
      my $c = close_of($t, $i + 1);
      if ($c + 1 < @$t && $t->[$c + 1][1] eq '{') {
        my @params;
        for my $p (split_commas(@{$t}[$i + 2 .. $c - 1])) {
          my @ids = grep { $_->[0] eq 'id' } @$p;
          next unless @ids;
          next if @$p == 1 && $ids[0][1] eq 'void';
          # the name is the last identifier outside brackets, or the
          # one in "(*name)" of a function pointer
          my ($name, $d) = (undef, 0);
          for (my $k = 0; $k < @$p; $k++) {
            my $q = $p->[$k];
            if ($q->[1] eq '(' && $k + 2 < @$p && $p->[$k + 1][1] eq '*'
                && $p->[$k + 2][0] eq 'id') { $name = $p->[$k + 2][1]; last; }
            $d++ if $q->[1] =~ /^[(\[]$/; $d-- if $q->[1] =~ /^[)\]]$/;
            $name = $q->[1] if $d == 0 && $q->[0] eq 'id';
          }
          push @params, [$name, [@$p]];
        }
        my $is_static = grep { $_->[1] eq 'static' } @{$t}[$start .. $i - 1];
        my $end = close_of($t, $c + 1);
        $funcs{$f}{$x->[1]} = { name => $x->[1], static => $is_static ? 1 : 0,
                                params => \@params, def => $i,
                                body => [$c + 1, $end] };
      }
    }
  }
  # NAME [ ... ] = { ... } anywhere
  for (my $i = 0; $i + 1 < @$t; $i++) {
    next unless $t->[$i][0] eq 'id' && $t->[$i + 1][1] eq '[';
    my $c = close_of($t, $i + 1);
    next unless $c + 2 < @$t && $t->[$c + 1][1] eq '=' && $t->[$c + 2][1] eq '{';
    my $e = close_of($t, $c + 2);
    my @elems;
    for my $el (split_commas(@{$t}[$c + 3 .. $e - 1])) {
      my @v = @$el;
      # designated: [X] = value
      if (@v && $v[0][1] eq '[') {
        my $k = 0; my $d = 0;
        for ($k = 0; $k < @v; $k++) {
          $d++ if $v[$k][1] eq '['; $d-- if $v[$k][1] eq ']';
          last if $d == 0;
        }
        @v = @v[$k + 2 .. $#v];
      }
      push @elems, [@v];
    }
    $arrays{$f}{$t->[$i][1]} = { elems => \@elems, const => (grep { $_->[1] eq 'const' } @{$t}[($i > 6 ? $i - 6 : 0) .. $i]) ? 1 : 0 };
  }
}

sub func_at {
  my ($f, $i) = @_;
  for my $fn (values %{$funcs{$f}}) {
    return $fn if $i > $fn->{body}[0] && $i < $fn->{body}[1];
  }
  return undef;
}

# ------------------------------------------------------------ evaluator
# fixed(file, function or undef, tokens, chain, seen) returns '' when the
# value is fixed, else a description of what is not.
my $GEN = 'service/store/resource.c';
my %why_ok;    # kinds of fixedness seen, for the report

my $CTYPE = qr/^(const|char|int|long|unsigned|signed|short|size_t|void|double|float|u?int\d+_t)$/;

sub strip {
  my @t = @_;
  while (@t >= 2 && $t[0][1] eq '(' && close_of(\@t, 0) == $#t) { @t = @t[1 .. $#t - 1]; }
  # casts: "(const char *) x", "(size_t) n"
  while (@t > 2 && $t[0][1] eq '(') {
    my $c = close_of(\@t, 0);
    last unless $c < $#t;
    my @in = @t[1 .. $c - 1];
    last if grep { !($_->[0] eq 'id' && $_->[1] =~ $CTYPE || $_->[1] eq '*') } @in;
    @t = @t[$c + 1 .. $#t];
  }
  return @t;
}

sub fixed {
  my ($f, $fn, $tref, $chain, $seen) = @_;
  my @t = strip(@$tref);
  my $text = show(@t);
  return "an empty expression" unless @t;
  my $fname = $fn ? $fn->{name} : '(file scope)';
  my $key = "$f|$fname|$text";
  return '' if $seen->{$key};
  local $seen->{$key} = 1;

  # top-level ternary: both branches
  {
    my ($d, $q) = (0, -1);
    for (my $k = 0; $k < @t; $k++) {
      $d++ if $t[$k][1] =~ /^[(\[{]$/; $d-- if $t[$k][1] =~ /^[)\]}]$/;
      if ($d == 0 && $t[$k][1] eq '?') { $q = $k; last; }
    }
    if ($q >= 0) {
      my ($d2, $nest, $col) = (0, 0, -1);
      for (my $k = $q + 1; $k < @t; $k++) {
        $d2++ if $t[$k][1] =~ /^[(\[{]$/; $d2-- if $t[$k][1] =~ /^[)\]}]$/;
        next unless $d2 == 0;
        $nest++ if $t[$k][1] eq '?';
        if ($t[$k][1] eq ':') { if ($nest == 0) { $col = $k; last; } $nest--; }
      }
      if ($col > 0) {
        my $a = fixed($f, $fn, [@t[$q + 1 .. $col - 1]], $chain, $seen);
        return $a if $a ne '';
        return fixed($f, $fn, [@t[$col + 1 .. $#t]], $chain, $seen);
      }
    }
  }
  # arithmetic on fixed parts: "p + 1", "sql + off"
  {
    my $d = 0;
    for (my $k = 1; $k < $#t; $k++) {
      $d++ if $t[$k][1] =~ /^[(\[{]$/; $d-- if $t[$k][1] =~ /^[)\]}]$/;
      if ($d == 0 && $t[$k][0] eq 'p' && $t[$k][1] =~ /^[-+*\/%]$/) {
        my $a = fixed($f, $fn, [@t[0 .. $k - 1]], $chain, $seen);
        return $a if $a ne '';
        return fixed($f, $fn, [@t[$k + 1 .. $#t]], $chain, $seen);
      }
    }
  }
  # literals, numbers, macros with fixed bodies, in sequence
  {
    my $k = 0;
    my $ok = 1;
    while ($k < @t) {
      my $x = $t[$k];
      if ($x->[0] eq 'str' || $x->[0] eq 'num' || $x->[0] eq 'chr') { $k++; next; }
      if ($x->[0] eq 'id' && $x->[1] eq 'NULL') { $k++; next; }
      if ($x->[0] eq 'id' && $x->[1] eq 'sizeof' && $k + 1 < @t && $t[$k + 1][1] eq '(') {
        $k = close_of(\@t, $k + 1) + 1; next;
      }
      if ($x->[0] eq 'id' && exists $macro{$x->[1]}) {
        my $m = $macro{$x->[1]};
        if (!defined $m->{params}) {
          my $r = fixed($f, $fn, $m->{body}, $chain, $seen);
          return "$r (in macro $x->[1])" if $r ne '';
          $k++; next;
        }
        if ($k + 1 < @t && $t[$k + 1][1] eq '(') {
          my $c = close_of(\@t, $k + 1);
          my @args = split_commas(@t[$k + 2 .. $c - 1]);
          for my $a (@args) {
            my $r = fixed($f, $fn, $a, $chain, $seen);
            return $r if $r ne '';
          }
          my %isp = map { $_ => 1 } @{$m->{params}};
          my @body = grep { !($_->[0] eq 'id' && $isp{$_->[1]}) } @{$m->{body}};
          if (@body) {
            my $r = fixed($f, $fn, \@body, $chain, $seen);
            return "$r (in macro $x->[1])" if $r ne '';
          }
          $k = $c + 1; next;
        }
      }
      $ok = 0;
      last;
    }
    if ($ok) { $why_ok{literal}++; return ''; }
  }
  # the text of a statement struct
  if (@t >= 3 && $t[-1][1] eq 'sql' && ($t[-2][1] eq '->' || $t[-2][1] eq '.')) {
    $why_ok{statement}++;
    return '';
  }
  # the generator: names from the resource table
  if ($f eq $GEN) {
    if (@t >= 3 && ($t[-2][1] eq '->' || $t[-2][1] eq '.')
        && $t[-1][1] =~ /^(table|column|order_column)$/) { $why_ok{generator}++; return ''; }
    if (@t >= 3 && $t[-1][1] eq 'name' && $t[-2][1] eq '.' && $t[-3][1] eq 'spec') { $why_ok{generator}++; return ''; }
    if ($t[0][0] eq 'id' && $t[0][1] eq 'sql_type' && @t > 1 && $t[1][1] eq '('
        && close_of(\@t, 1) == $#t) { $why_ok{generator}++; return ''; }
  }
  # an element of a static array of fixed elements
  if ($t[0][0] eq 'id' && @t > 1 && $t[1][1] eq '[' && close_of(\@t, 1) == $#t
      && exists $arrays{$f}{$t[0][1]} && $arrays{$f}{$t[0][1]}{const}) {
    for my $el (@{$arrays{$f}{$t[0][1]}{elems}}) {
      my $r = fixed($f, $fn, $el, $chain, $seen);
      return "$r (an element of $t[0][1])" if $r ne '';
    }
    $why_ok{array}++;
    return '';
  }
  # a name: follow it
  if (@t == 1 && $t[0][0] eq 'id' && $fn) {
    my $name = $t[0][1];
    my $r = follow_name($f, $fn, $name, $chain, $seen);
    return $r unless defined $r && $r eq 'allow-check';
  }
  # not fixed, unless allow-listed
  if (exists $allow{$key}) {
    $allow{$key}{used}++;
    $why_ok{allowed}++;
    return '';
  }
  return "`$text` in $fname ($f:$t[0][2])";
}

# Follows a local or a parameter; returns '' (fixed), a reason, or
# 'allow-check' when the name is neither.
sub follow_name {
  my ($f, $fn, $name, $chain, $seen) = @_;
  my $t = $tok{$f};
  my ($b0, $b1) = @{$fn->{body}};
  # a parameter
  for (my $k = 0; $k < @{$fn->{params}}; $k++) {
    next unless defined $fn->{params}[$k][0] && $fn->{params}[$k][0] eq $name;
    my $key = "$f|$fn->{name}|$name";
    if (exists $allow{$key}) { $allow{$key}{used}++; $why_ok{allowed}++; return ''; }
    return "`$name`, a parameter of $fn->{name}, which is not static ($f)"
      unless $fn->{static};
    my $calls = 0;
    for (my $i = 0; $i < @$t; $i++) {
      next unless $t->[$i][0] eq 'id' && $t->[$i][1] eq $fn->{name} && $i != $fn->{def};
      if (!($i + 1 < @$t && $t->[$i + 1][1] eq '(')) {
        return "`$name`, a parameter of $fn->{name}, which is used other than by a call ($f:$t->[$i][2])";
      }
      my $c = close_of($t, $i + 1);
      my @args = split_commas(@{$t}[$i + 2 .. $c - 1]);
      my $caller = func_at($f, $i);
      my $r = fixed($f, $caller, $args[$k] // [], $chain, $seen);
      return "$r, passed as `$name` to $fn->{name} at $f:$t->[$i][2]" if $r ne '';
      $calls++;
    }
    return '' ;
  }
  # a local: its declaration tells an array from a pointer or a number
  my ($decl, $is_array) = (0, 0);
  for (my $i = $b0; $i < $b1; $i++) {
    next unless $t->[$i][0] eq 'id' && $t->[$i][1] eq $name;
    next if $i > 0 && ($t->[$i - 1][1] eq '->' || $t->[$i - 1][1] eq '.');
    my $prev = $t->[$i - 1];
    if ($prev->[0] eq 'id' && $prev->[1] =~ /^(char|int|long|unsigned|size_t|double)$/
        || $prev->[1] eq '*' && $i > 1 && $t->[$i - 2][0] eq 'id'
           && $t->[$i - 2][1] =~ /^(char|void)$/) {
      $decl = 1;
      $is_array = 1 if $t->[$i + 1][1] eq '[';
    }
  }
  return 'allow-check' unless $decl;
  my $writes = 0;
  for (my $i = $b0; $i < $b1; $i++) {
    next unless $t->[$i][0] eq 'id' && $t->[$i][1] eq $name;
    next if $i > 0 && ($t->[$i - 1][1] eq '->' || $t->[$i - 1][1] eq '.');
    # NAME = value (also in its declaration)
    if ($t->[$i + 1][1] eq '=') {
      my @v;
      my $d = 0;
      for (my $k = $i + 2; $k < $b1; $k++) {
        my $y = $t->[$k][1];
        $d++ if $y =~ /^[(\[{]$/;
        $d-- if $y =~ /^[)\]}]$/;
        last if $d < 0 || ($d == 0 && ($y eq ';' || $y eq ','));
        push @v, $t->[$k];
      }
      my $r = fixed($f, $fn, \@v, $chain, $seen);
      return "$r, assigned to `$name` at $f:$t->[$i][2]" if $r ne '';
      $writes++;
      next;
    }
    # written by a libc string function as its destination
    my $callee = $i >= 2 && $t->[$i - 1][1] eq '(' ? $t->[$i - 2][1] : '';
    if ($callee =~ /^(snprintf|vsnprintf|sprintf|strcpy|strcat|strncpy|strncat|memcpy)$/) {
      my $c = close_of($t, $i - 1);
      my @args = split_commas(@{$t}[$i .. $c - 1]);
      my @vals = $callee =~ /^v?snprintf$/ ? @args[2 .. $#args]
               : $callee eq 'sprintf'     ? @args[1 .. $#args]
               :                            ($args[1]);
      for my $a (@vals) {
        my $r = fixed($f, $fn, $a, $chain, $seen);
        return "$r, written into `$name` by $callee at $f:$t->[$i][2]" if $r ne '';
      }
      $writes++;
    }
  }
  return "`$name` in $fn->{name}, which nothing fixed is written into ($f)" unless $writes;
  $why_ok{local}++;
  return '';
}

# ---------------------------------------------------------------- sinks
my %sql_arg = (PQexec => 1, PQexecParams => 1, PQprepare => 2,
               PQsendQuery => 1, PQsendQueryParams => 1, PQsendPrepare => 2);
my $SQLISH = qr/\b(SELECT|INSERT|UPDATE|DELETE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|SET|WITH|FROM|WHERE|VALUES|RETURNING|ORDER\s+BY|LIMIT|set_config|jsonb?_\w+|row_to_json)\b|\$%|::\w/;
my $calls = 0;
my %kinds;

sub note {
  my ($where, $what, $r) = @_;
  $calls++;
  if ($r eq '') { push @report, [$where, "ok    $where  $what"]; }
  else { push @report, [$where, "FAIL  $where  $what"]; push @violations, "$where: $what formats $r"; }
}

for my $f (@files) {
  my $t = $tok{$f};
  for (my $i = 0; $i + 1 < @$t; $i++) {
    my $x = $t->[$i];
    next unless $x->[0] eq 'id' && $t->[$i + 1][1] eq '(';
    my $name = $x->[1];
    next unless $name =~ /^(PQexec|PQexecParams|PQprepare|PQsendQuery\w*|PQsendPrepare|PQexecPrepared|snprintf|vsnprintf|sprintf|sqlf|buf_append)$/;
    my $fn = func_at($f, $i);
    next if $funcs{$f}{$name} && $funcs{$f}{$name}{def} == $i;    # its definition
    my $c = close_of($t, $i + 1);
    my @args = split_commas(@{$t}[$i + 2 .. $c - 1]);
    my $where = "$f:$x->[2]";
    my $in = $fn ? " in $fn->{name}" : '';
    if ($name =~ /^(PQexecPrepared|PQsendQueryPrepared)$/) {
      $calls++;
      push @report, [$where, "ok    $where  $name$in: runs a prepared statement by name (" . show(@{$args[1]}) . ")"];
      $kinds{$name}++;
      next;
    }
    if (exists $sql_arg{$name}) {
      my $r = fixed($f, $fn, $args[$sql_arg{$name}] // [], [], {});
      note($where, "$name$in (" . show(@{$args[$sql_arg{$name}]}) . ")", $r);
      $kinds{$name}++;
      next;
    }
    if ($name eq 'sqlf') {
      # every argument but the buffer: the format and what it formats
      my $r = '';
      for my $a (@args[1 .. $#args]) {
        $r = fixed($f, $fn, $a, [], {});
        last if $r ne '';
      }
      note($where, "sqlf$in (" . (@args - 2) . " values)", $r);
      $kinds{sqlf}++;
      next;
    }
    if ($name eq 'buf_append') {
      my $r = fixed($f, $fn, $args[1] // [], [], {});
      note($where, "buf_append$in (" . show(@{$args[1]}) . ")", $r);
      $kinds{buf_append}++;
      next;
    }
    # snprintf, vsnprintf, sprintf: only those that write SQL
    my $fi = $name eq 'sprintf' ? 1 : 2;
    my @fmt = strip(@{$args[$fi] // []});
    my $literal = @fmt && !grep { $_->[0] ne 'str' && !($_->[0] eq 'id' && exists $macro{$_->[1]}) } @fmt;
    my $fmt_text = join '', map { $_->[0] eq 'str' ? $_->[1] : '' } @fmt;
    if ($literal && $fmt_text !~ $SQLISH) {
      push @report, [$where, "      $where  $name$in: not SQL (" . substr($fmt_text, 0, 40) . ")"];
      next;
    }
    my $r = '';
    for my $a (@args[$fi .. $#args]) {
      $r = fixed($f, $fn, $a, [], {});
      last if $r ne '';
    }
    note($where, "$name$in writes SQL (" . ($literal ? $fmt_text : 'format ' . show(@fmt)) . ")", $r);
    $kinds{$name}++;
  }
  # struct store_statement initializers: their text must be fixed
  for (my $i = 0; $i + 3 < @$t; $i++) {
    next unless $t->[$i][1] eq 'store_statement' && $t->[$i + 1][0] eq 'id'
      && $t->[$i + 2][1] eq '=' && $t->[$i + 3][1] eq '{';
    my $c = close_of($t, $i + 3);
    my @el = split_commas(@{$t}[$i + 4 .. $c - 1]);
    my $r = fixed($f, undef, $el[1] // [], [], {});
    note("$f:$t->[$i][2]", "statement $t->[$i + 1][1]", $r);
    $kinds{statement}++;
  }
  # a statement's text is set only by the generator
  for (my $i = 2; $i + 1 < @$t; $i++) {
    next unless $t->[$i][1] eq 'sql' && ($t->[$i - 1][1] eq '.' || $t->[$i - 1][1] eq '->')
      && $t->[$i + 1][1] eq '=';
    my $fn = func_at($f, $i);
    my $where = "$f:$t->[$i][2]";
    if ($f eq $GEN && $fn && $fn->{name} eq 'generate') {
      $calls++;
      push @report, [$where, "ok    $where  .sql set by the generator (every sqlf call is checked)"];
    } else {
      note($where, ".sql assigned outside the generator", "a statement's text set in " . ($fn ? $fn->{name} : 'file scope'));
    }
  }
}

for my $k (@allow_order) {
  push @violations, "allow-list entry matches nothing (remove it): $k"
    unless $allow{$k}{used};
}
sub by_place {
  my ($fa, $la) = $a->[0] =~ /^(.*):(\d+)$/;
  my ($fb, $lb) = $b->[0] =~ /^(.*):(\d+)$/;
  return $fa cmp $fb || $la <=> $lb;
}
print "$_->[1]\n" for sort by_place @report;
printf "sql formatting: %d places checked (%s)\n", $calls,
  join(', ', map { "$kinds{$_} $_" } sort keys %kinds);
printf "  fixed by kind: %s\n", join(', ', map { "$_ $why_ok{$_}" } sort keys %why_ok);
if (@violations) {
  print "SQL formatted from something that is not a fixed identifier:\n";
  print "  $_\n" for @violations;
  exit 1;
}
print "sql formatting: ok\n";
PERL

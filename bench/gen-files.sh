# Sourced by the bench scripts that need a large project: gen_files makes a monorepo-like git repository initialised
# for Code-Factory, once, and reuses it while its marker file says it is complete.
#   gen_files DIR [FILES=50000] [FACTORY=<this checkout>/factory]
# DIR holds FILES files as `git ls-files -co --exclude-standard` lists them (about 94% committed, 6% untracked, a
# few binary), in nested folders of Java services, TypeScript apps, Python and Go libraries, docs and configuration,
# plus about a third as many ignored files (node_modules/, build/, target/, dist/, .venv/, *.log, a nested .gitignore
# with a negation) that must not be listed; `factory init` and five specs in contracts/specs/, some naming the code's
# identifiers, some linked from the code by `implements` comments, one with identifiers nothing names, and three
# planted secrets. Sizes vary from 100 bytes to 12 KB (about 2.5 KB on average). Deterministic: same FILES, same
# tree. Needs git and perl.
# covers feature-013/NFR-002

gen_files() {
  local dir="$1" files="${2:-50000}"
  local factory="${3:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/factory}"
  local marker="$dir/.git/gen-files-ready-$files"
  [[ -f "$marker" ]] && return 0
  rm -rf "$dir"
  mkdir -p "$dir"
  local git=(git -C "$dir" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false)
  "${git[@]}" init -q -b main
  HOME="$dir/.git" XDG_CONFIG_HOME="$dir/.git" "$factory" -C "$dir" init >/dev/null
  # committed: 94%; untracked: the rest (written after the commit)
  local committed=$((files * 94 / 100 - 8))
  GEN_DIR="$dir" GEN_FILES="$committed" GEN_SEED=1 GEN_PHASE=tracked perl -e "$GEN_FILES_PERL" || return 1
  "${git[@]}" add -A
  "${git[@]}" commit -q -m "generated monorepo"
  local listed
  listed=$("${git[@]}" ls-files -co --exclude-standard | wc -l)
  GEN_DIR="$dir" GEN_FILES="$((files - listed))" GEN_SEED=2 GEN_PHASE=untracked perl -e "$GEN_FILES_PERL" || return 1
  touch "$marker"
}

# The writer: one perl process for all files (a shell loop would take minutes).
# shellcheck disable=SC2016 # perl code, not shell expansions
GEN_FILES_PERL='
use strict; use warnings;
use File::Path qw(make_path);
my $dir = $ENV{GEN_DIR}; my $n = $ENV{GEN_FILES}; my $phase = $ENV{GEN_PHASE};
srand($ENV{GEN_SEED});
my @words = qw(order customer invoice payment account ledger shipment catalog product price tax discount cart
  session token user role audit event report metric cache queue retry policy schedule tenant region quota limit
  export import parser writer reader buffer stream batch job worker task handler filter mapper client server);
sub w { $words[int(rand(@words))] }
sub wn { $words[$_[0] % @words] }
sub cap { ucfirst($_[0]) }
sub put { my ($path, $text) = @_; my $full = "$dir/$path"; (my $parent = $full) =~ s{/[^/]+$}{};
  make_path($parent) unless -d $parent; open(my $fh, ">", $full) or die "$full: $!"; binmode $fh;
  print $fh $text; close $fh; }
sub lines { my ($count, $indent, $comment) = @_; my $t = "";
  for (1 .. $count) { my $r = rand();
    if ($r < 0.15) { $t .= "$indent$comment " . join(" ", map { w() } 1 .. 8) . "\n"; }
    elsif ($r < 0.2) { $t .= "\n"; }
    else { $t .= $indent . "var " . w() . cap(w()) . " = " . w() . "." . w() . "(" . w() . ", " . int(rand(1000))
      . ");\n"; } }
  return $t; }
sub size { my $r = rand(); return $r < 0.3 ? 3 + int(rand(10)) : $r < 0.9 ? 15 + int(rand(60))
  : 80 + int(rand(180)); }
my %link = (0 => "feature-001/FR-001", 1 => "feature-001/FR-002", 2 => "feature-002/FR-001");
my @secret = ("    private static final String AWS_KEY = \"AKIAZ7Q3MV4XKJ2WP6RT\";\n",
  "    token: ghp_R8nX2vQk7LmP4sTz9WcY3bHd6FjA1eGu5NoK\n",
  "    String dsn = \"postgres://app:Xk92-mq7Lp0vZt\@db.internal:5432/orders\";\n");
my $i = 0; my $secrets = $phase eq "tracked" ? 3 : 0;
sub header { my ($k) = @_; return "" unless $k % 499 == 0; return "// impl" . "ements " . $link{($k / 499) % 3}
  . "\n"; }
while ($i < $n) {
  my $k = $i; my $svc = "svc" . ($k % 23); my $pkg = wn(int($k / 23) % 30); my $kind = $k % 20;
  my $u = $phase eq "untracked" ? "New" : "";
  my $name = $u . cap(w()) . cap(w()) . $k;
  my $path; my $text;
  if ($kind < 8) {
    my $sub = $k % 5 == 0 ? "test" : "main";
    $path = "services/$svc/src/$sub/java/com/acme/$svc/$pkg/$name.java";
    $text = header($k) . "package com.acme.$svc.$pkg;\n\nimport java.util.List;\n\npublic final class $name {\n"
      . lines(size(), "    ", "//") . "}\n";
  } elsif ($kind < 12) {
    my $app = "app" . ($k % 6);
    $path = "web/$app/src/" . ($k % 3 ? "components" : "pages") . "/" . wn(int($k / 6) % 40) . "/$name.tsx";
    $text = header($k) . "import React from \"react\";\n\nexport function $name() {\n" . lines(size(), "  ", "//")
      . "  return null;\n}\n";
  } elsif ($kind < 14) {
    $path = "libs/py/" . wn($k % 9) . "/" . wn(int($k / 9) % 7) . "/" . lc($name) . ".py";
    $text = header($k) . "\"\"\"$name.\"\"\"\n\n\ndef " . w() . "_" . w() . "():\n" . lines(size(), "    ", "#");
    $text =~ s/var //g; $text =~ s/;$//mg;
  } elsif ($kind < 16) {
    $path = "libs/go/" . wn(int($k / 3) % 60) . "/" . lc($name) . ".go";
    $text = header($k) . "package " . w() . "\n\nfunc $name() {\n" . lines(size(), "\t", "//") . "}\n";
  } elsif ($kind < 17) {
    $path = "docs/" . wn(int($k / 7) % 25) . "/" . lc($name) . ".md";
    $text = "# " . cap(w()) . " " . w() . "\n\n" . lines(size(), "", "-");
  } elsif ($kind < 18) {
    $path = "services/$svc/src/main/resources/" . lc($name) . ($k % 2 ? ".yml" : ".json");
    $text = $k % 2 ? join("", map { w() . ":\n  " . w() . ": " . int(rand(100)) . "\n" } 1 .. size())
      : "{\n" . join(",\n", map { "  \"" . w() . "$_\": " . int(rand(100)) } 1 .. size()) . "\n}\n";
  } elsif ($kind < 19) {
    $path = "tools/" . wn($k % 5) . "/" . lc($name) . ($k % 2 ? ".sh" : "");
    $text = "#!/usr/bin/env bash\nset -euo pipefail\n" . lines(size(), "", "#");
  } else {
    $path = "web/app" . ($k % 6) . "/public/img/" . lc($name) . ($k % 2 ? ".png" : ".bin");
    $text = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" . join("", map { chr(int(rand(256))) } 1 .. 200 + int(rand(2000)));
  }
  if ($secrets > 0 && $kind < 8) { $text .= $secret[--$secrets]; }
  put($path, $text); $i++;
}
if ($phase eq "tracked") {
  put(".gitignore", "node_modules/\nbuild/\ntarget/\ndist/\n.venv/\n*.log\n.idea/\n");
  put("web/.gitignore", "*.generated.ts\n!keep.generated.ts\ncoverage/\n");
  put("web/app0/src/keep.generated.ts", "export const kept = true;\n");
  put("web/app0/src/api.generated.ts", "export const ignored = true;\n");
  for my $k (0 .. int($n / 3)) {
    my $r = $k % 10;
    if ($r < 5) { put("web/app" . ($k % 6) . "/node_modules/" . wn($k % 40) . ($k % 7) . "/lib/" . w() . "$k.js",
      "module.exports = " . w() . ";\n" . lines(5 + $k % 20, "", "//")); }
    elsif ($r < 8) { put("services/svc" . ($k % 23) . "/target/classes/C$k.class", "\xca\xfe\xba\xbe\x00"
      . ("x" x (100 + $k % 900))); }
    elsif ($r < 9) { put("web/app" . ($k % 6) . "/dist/chunk$k.js", lines(10, "", "//")); }
    else { put("logs/run$k.log", lines(10, "", "#")); }
  }
  my %spec = (
    "contracts/specs/orders.md" => ["feature-001", "Orders", "implemented",
      "- FR-001: `OrderCustomer` keeps the cart and the invoice together.\n"
      . "- FR-002: A PaymentLedger records every payment.\n- FR-003: Prices include the tax.\n"],
    "contracts/specs/payments.md" => ["feature-002", "Payments", "approved",
      "- FR-001: `PaymentAccount` settles an invoice.\n- FR-002: A RefundBroker returns a payment.\n"],
    "contracts/specs/reports.md" => ["feature-003", "Reports", "implemented",
      "- FR-001: `QuarterlyFrobnicator` exports the metrics.\n"],
    "contracts/specs/sessions.md" => ["feature-004", "Sessions", "draft",
      "- FR-001: A session token expires after an hour.\n"],
    "contracts/specs/search.md" => ["feature-005", "Search", "approved",
      "- FR-001: The catalog search finds a product by `ProductCatalog` name.\n"]);
  for my $p (sort keys %spec) { my ($id, $title, $status, $req) = @{$spec{$p}};
    put($p, "---\nid: $id\ntitle: $title\nstatus: $status\ncreated: 2026-01-01\nupdated: 2026-01-01\n"
      . "author: bench\ntags: [" . lc($title) . "]\npriority: high\n---\n\n# $title\n\n## Overview\n"
      . "$title of the generated monorepo.\n\n## Requirements\n\n### Functional\n$req\n## Acceptance Criteria\n"
      . "- [ ] It works.\n"); }
}
'

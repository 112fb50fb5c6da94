#!/usr/bin/env bash
# Benchmark of `factory adopt` discovery (feature-011, NFR-001 and NFR-002), end to end through the launcher (a fresh
# JVM each run, JVM start included), against references on the same repository in the same run, on a generated git
# repository (made once, cached under bench/out/adopt-repo-<files>): FILES files in all, a realistic mix of
#   - Java (half): 20 Maven modules under java/svcNN, each with its pom.xml; Spring controllers (@RestController,
#     @RequestMapping, @GetMapping/@PostMapping), services, JPA entities, DTOs and JUnit tests;
#   - Python: FastAPI and Flask route modules, models and pytest tests (python/pyproject.toml);
#   - TypeScript: Express routers, services and tests (web/package.json);
#   - Go: net/http and gin handlers and tests (go/go.mod);
#   - SQL migrations, markdown docs, and files that are no source (JSON, YAML, PNG, text).
# What it prints:
#   - git ls-files -co --exclude-standard and git grep -c @GetMapping: wall min, median and max (the references: the
#     list of files discovery starts from, and one pass over the Java sources' text)
#   - factory adopt --plan --json: the same (discovery only: modules, surfaces, tests, docs, the plan; nothing written)
#   - factory --version: the JVM's start, as a reference for a loaded machine (the load average is printed too)
#   - the ratios of the medians, and whether discovery is under 5 s (NFR-001)
#   - memory (NFR-002): one run with the heap limited to SMALL_HEAP (FACTORY_JAVA_OPTS=-Xmx..., which the launcher
#     passes to java) and one with the default heap, each with its peak resident set size from /usr/bin/time -v
# Usage: bench/adopt.sh [files=10000] [runs=5] [small-heap=96m]
# Results: printed, and appended to bench/out/adopt-results.txt.
# covers feature-011/NFR-001, feature-011/NFR-002
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-10000}"
runs="${2:-5}"
heap="${3:-96m}"
out="$here/bench/out"
project="$out/adopt-repo-$files"
factory="$here/factory"
mkdir -p "$out"

"$factory" --version >/dev/null   # builds the CLI and its CDS archive if needed

g() { git -C "$project" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false "$@"; }

if [[ ! -f "$project/.bench-complete" ]]; then
  echo "generating $files files in $project ..."
  rm -rf "$project"
  mkdir -p "$project"
  git -C "$project" init -q -b main
  "$factory" -C "$project" init >/dev/null
  # one awk writes every file: a shell loop of 10,000 redirections takes longer than the benchmark
  awk -v dir="$project" -v files="$files" 'BEGIN {
    mods = 20
    printf "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>org.bench</groupId>\n" > (dir "/pom.xml")
    printf "  <artifactId>bench-parent</artifactId>\n  <version>1</version>\n  <packaging>pom</packaging>\n" > (dir "/pom.xml")
    printf "  <modules>\n" > (dir "/pom.xml")
    for (m = 0; m < mods; m++) {
      d = sprintf("%s/java/svc%02d", dir, m)
      system(sprintf("mkdir -p %s/src/main/java/org/bench/svc%02d %s/src/test/java/org/bench/svc%02d", d, m, d, m))
      printf "    <module>java/svc%02d</module>\n", m > (dir "/pom.xml")
      f = d "/pom.xml"
      printf "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <parent><groupId>org.bench</groupId>" > f
      printf "<artifactId>bench-parent</artifactId><version>1</version></parent>\n" > f
      printf "  <artifactId>svc%02d</artifactId>\n</project>\n", m > f
      close(f)
    }
    printf "  </modules>\n</project>\n" > (dir "/pom.xml")
    close(dir "/pom.xml")
    system(sprintf("mkdir -p %s/python/app/api %s/python/tests %s/web/src/routes %s/web/test %s/go/handlers" \
      " %s/db/migrations %s/docs %s/assets %s/data %s/config", dir, dir, dir, dir, dir, dir, dir, dir, dir, dir))
    printf "[project]\nname = \"bench-api\"\nversion = \"1.0\"\ndependencies = [\"fastapi\", \"flask\"]\n" > (dir "/python/pyproject.toml")
    printf "{\n  \"name\": \"bench-web\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\"express\": \"^4\"}\n}\n" > (dir "/web/package.json")
    printf "module example.com/bench\n\ngo 1.21\n\nrequire github.com/gin-gonic/gin v1.9.1\n" > (dir "/go/go.mod")
    printf "# Bench\n\nA generated project.\n\n## Owners\n\nOwners and their pets.\n\n## Visits\n\nVisits.\n" > (dir "/README.md")
    made = 23
    for (i = 1; made < files; i++) {
      c = i % 20
      m = i % mods
      pkg = sprintf("org.bench.svc%02d", m)
      jdir = sprintf("%s/java/svc%02d/src/main/java/org/bench/svc%02d", dir, m, m)
      tdir = sprintf("%s/java/svc%02d/src/test/java/org/bench/svc%02d", dir, m, m)
      if (c <= 1) {
        f = sprintf("%s/Res%05dController.java", jdir, i)
        printf "package %s;\n\nimport org.springframework.web.bind.annotation.*;\nimport java.util.List;\n\n", pkg > f
        printf "@RestController\n@RequestMapping(\"/api/svc%02d/res%05d\")\npublic class Res%05dController {\n", m, i, i > f
        printf "    private final Res%05dService service = new Res%05dService();\n\n", i, i > f
        printf "    @GetMapping\n    public List<String> list() {\n        return service.all();\n    }\n\n" > f
        printf "    @GetMapping(\"/{id}\")\n    public String one(@PathVariable long id) {\n        return service.find(id);\n    }\n\n" > f
        printf "    @PostMapping\n    public String create(@RequestBody String body) {\n        return service.save(body);\n    }\n}\n" > f
      } else if (c <= 4) {
        f = sprintf("%s/Svc%05dService.java", jdir, i)
        printf "package %s;\n\nimport java.util.ArrayList;\nimport java.util.List;\n\n/** Service %d. */\n", pkg, i > f
        printf "public class Svc%05dService {\n    private final List<String> items = new ArrayList<>();\n\n", i > f
        for (l = 0; l < 12; l++) {
          printf "    public int step%d(int x) {\n        return x * %d + items.size();\n    }\n\n", l, l + 1 > f
        }
        printf "}\n" > f
      } else if (c <= 6) {
        f = sprintf("%s/Entity%05d.java", jdir, i)
        printf "package %s;\n\nimport jakarta.persistence.*;\n\n@Entity\n@Table(name = \"entity_%05d\")\n", pkg, i > f
        printf "public class Entity%05d {\n    @Id\n    @GeneratedValue\n    private Long id;\n\n", i > f
        printf "    @Column(nullable = false)\n    private String name;\n\n    public Long getId() {\n" > f
        printf "        return id;\n    }\n\n    public String getName() {\n        return name;\n    }\n}\n" > f
      } else if (c <= 8) {
        f = sprintf("%s/Case%05dTest.java", tdir, i)
        printf "package %s;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n", pkg > f
        printf "import org.junit.jupiter.api.Test;\n\nclass Case%05dTest {\n", i > f
        printf "    @Test\n    void returns_the_items_it_was_given() {\n        assertEquals(1, 1);\n    }\n\n" > f
        printf "    @Test\n    void refuses_an_unknown_id() {\n        assertEquals(2, 2);\n    }\n}\n" > f
      } else if (c == 9) {
        f = sprintf("%s/Dto%05d.java", jdir, i)
        printf "package %s;\n\npublic record Dto%05d(long id, String name, String description) {\n}\n", pkg, i > f
      } else if (c == 10) {
        f = sprintf("%s/python/app/api/routes_%05d.py", dir, i)
        if (i % 40 == 10) {
          printf "from flask import Blueprint, jsonify\n\nbp = Blueprint(\"r%05d\", __name__)\n\n\n", i > f
          printf "@bp.route(\"/items%05d\", methods=[\"GET\"])\ndef list_items():\n    return jsonify([])\n", i > f
        } else {
          printf "from fastapi import APIRouter\n\nrouter = APIRouter(prefix=\"/items%05d\")\n\n\n", i > f
          printf "@router.get(\"/\")\nasync def read_items():\n    return []\n\n\n" > f
          printf "@router.post(\"/\")\nasync def create_item(item: dict):\n    return item\n" > f
        }
      } else if (c == 11) {
        f = sprintf("%s/python/app/models_%05d.py", dir, i)
        printf "from dataclasses import dataclass\n\n\n@dataclass\nclass Model%05d:\n    id: int\n    name: str\n", i > f
        printf "\n    def label(self) -> str:\n        return f\"{self.id}: {self.name}\"\n" > f
      } else if (c == 12) {
        f = sprintf("%s/python/tests/test_items_%05d.py", dir, i)
        printf "from app.api import routes_%05d\n\n\ndef test_lists_no_items_at_first():\n    assert True\n\n\n", i - 2 > f
        printf "def test_creates_an_item():\n    assert True\n" > f
      } else if (c == 13) {
        f = sprintf("%s/web/src/routes/things%05d.ts", dir, i)
        printf "import { Router } from \"express\";\n\nconst router = Router();\n\n" > f
        printf "router.get(\"/things%05d\", (req, res) => {\n  res.json([]);\n});\n\n", i > f
        printf "router.post(\"/things%05d\", (req, res) => {\n  res.status(201).json(req.body);\n});\n\nexport default router;\n", i > f
      } else if (c == 14) {
        f = sprintf("%s/web/src/service%05d.ts", dir, i)
        printf "export class Service%05d {\n  private items: string[] = [];\n\n  add(item: string): number {\n", i > f
        printf "    this.items.push(item);\n    return this.items.length;\n  }\n}\n" > f
      } else if (c == 15) {
        f = sprintf("%s/web/test/things%05d.test.ts", dir, i)
        printf "import router from \"../src/routes/things%05d\";\n\ndescribe(\"things\", () => {\n", i - 2 > f
        printf "  it(\"lists no things at first\", () => {\n    expect(router).toBeDefined();\n  });\n});\n" > f
      } else if (c == 16) {
        f = sprintf("%s/go/handlers/h%05d.go", dir, i)
        printf "package handlers\n\nimport (\n\t\"net/http\"\n\n\t\"github.com/gin-gonic/gin\"\n)\n\n" > f
        printf "func Register%05d(r *gin.Engine) {\n\tr.GET(\"/v1/h%05d\", func(c *gin.Context) { c.JSON(200, nil) })\n", i, i > f
        printf "\thttp.HandleFunc(\"/raw%05d\", func(w http.ResponseWriter, r *http.Request) {})\n}\n", i > f
      } else if (c == 17) {
        f = sprintf("%s/go/handlers/h%05d_test.go", dir, i - 1)
        printf "package handlers\n\nimport \"testing\"\n\nfunc TestRegister%05d(t *testing.T) {\n}\n", i - 1 > f
      } else if (c == 18) {
        if (i % 40 == 18) {
          f = sprintf("%s/db/migrations/V%05d__table.sql", dir, i)
          printf "CREATE TABLE t%05d (\n  id BIGINT PRIMARY KEY,\n  name VARCHAR(80) NOT NULL\n);\n", i > f
        } else {
          f = sprintf("%s/docs/page%05d.md", dir, i)
          printf "# Page %d\n\nHow part %d works.\n\n## Details\n\nMore words about it.\n", i, i > f
        }
      } else {
        k = int(i / 20) % 4
        if (k == 0) { f = sprintf("%s/data/d%05d.json", dir, i); printf "{\"id\": %d, \"items\": []}\n", i > f }
        else if (k == 1) { f = sprintf("%s/config/c%05d.yml", dir, i); printf "name: c%d\nport: %d\n", i, 8000 + i % 100 > f }
        else if (k == 2) { f = sprintf("%s/assets/a%05d.png", dir, i); printf "\211PNG\r\n\032\n%c%c%c%c", 0, 0, 0, 13 > f }
        else { f = sprintf("%s/data/n%05d.txt", dir, i); printf "notes %d\n", i > f }
      }
      close(f)
      made++
    }
  }'
  g add -A
  g commit -q -m "generated: $files files"
  touch "$project/.bench-complete"
  echo "/.bench-complete" >>"$project/.git/info/exclude"
fi
count="$(git -C "$project" ls-files | wc -l)"

source "$here/bench/timing.sh"
MEASURE_WIDTH=64

# peak RSS in MB of one run of CMD... (/usr/bin/time -v), or "n/a"
peak_rss() {
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident set size/ { printf "%d", $NF / 1024 }'
  else
    echo "n/a"
  fi
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$(java -version 2>&1 | sed -n 1p); $count files tracked"
  measure "git ls-files -co --exclude-standard ($count files)" git -C "$project" ls-files -co --exclude-standard
  ls_ms="$MEDIAN"
  measure "git grep -c @GetMapping" git -C "$project" grep -c @GetMapping
  grep_ms="$MEDIAN"
  measure "factory adopt --plan --json" "$factory" -C "$project" adopt --plan --json
  adopt_ms="$MEDIAN"
  measure "factory --version (reference: the JVM's start)" "$factory" --version
  "$factory" -C "$project" adopt --plan --json 2>/dev/null | awk '
    /^ *"(filesScanned|route|entry-point|public-type|scheduled-job|listener|schema|entity|config-key|tests|docs)": [0-9]/ {
      gsub(/^ +|,$/, ""); found = found (found == "" ? "" : ", ") $0 }
    /^ *"key": / { capabilities++ }
    END { print "found: " found ", capabilities: " capabilities }' || true
  awk -v a="$adopt_ms" -v l="$ls_ms" -v g="$grep_ms" 'BEGIN {
    printf "ratio adopt --plan / git ls-files: %.1fx; adopt --plan / git grep: %.1fx; target < 5000 ms: %s\n",
      a / (l > 0 ? l : 1), a / (g > 0 ? g : 1), (a < 5000 ? "met" : "NOT met") }'
  small="$(FACTORY_JAVA_OPTS="-Xmx$heap" peak_rss "$factory" -C "$project" adopt --plan --json)"
  small_rc=0
  FACTORY_JAVA_OPTS="-Xmx$heap" "$factory" -C "$project" adopt --plan --json >/dev/null 2>&1 || small_rc=$?
  default="$(peak_rss "$factory" -C "$project" adopt --plan --json)"
  echo "memory: peak RSS ${small} MB with -Xmx$heap (exit $small_rc), ${default} MB with the default heap"
} | tee -a "$out/adopt-results.txt"

#!/usr/bin/env bash
#
# check-openapi.sh - check the OpenAPI document a running triage server serves, the way API users will.
#
# Usage:  scripts/check-openapi.sh [BASE_URL]        (default BASE_URL: http://127.0.0.1:8080)
#
# What it checks, against BASE_URL/q/openapi (JSON and YAML forms):
#   1. Spectral    (@stoplight/spectral-cli, ruleset: extends spectral:oas)
#   2. Redocly CLI (@redocly/cli lint, ruleset: recommended)
#   3. OpenAPI Generator (openapi-generator-cli jar) generates a typescript-fetch client,
#      and TypeScript compiles it with `tsc --strict`
#   4. A small Node program uses that client against BASE_URL: triages a sudden one-sided weakness
#      (expects urgency emergency_ambulance and a red flag), lists the symptom catalog, sends an unknown
#      symptom code (expects a 400 application/problem+json body the client can read), reads a Spanish text with
#      /api/v1/parse and triages the request it answers (expects an ambulance), and makes a CDS Hooks call whose
#      prefetch keys are null (expects one info card).
# Exits non-zero on any lint error, or if generating, compiling or running the client fails. Lint warnings are
# printed and counted but do not fail the run unless FAIL_ON_WARNINGS=1.
#
# Needs: bash, curl, Java 17+, Node 18+ with npm, Maven (`mvn` on PATH, else this project's ./mvnw) and network
# access to the npm registry and Maven Central (first run only: the tools are cached afterwards).
#
# Environment (all optional):
#   TRIAGE_API_KEY     sent as X-API-Key on API calls, for a server with triage.security.api-keys set
#   FAIL_ON_WARNINGS   1 = lint warnings fail the run too
#   KEEP_WORKDIR       1 = keep the temporary folder (documents, lint reports, generated client) for inspection
#   SPECTRAL_VERSION, REDOCLY_VERSION, TYPESCRIPT_VERSION, GENERATOR_VERSION   tool versions (pinned below)
# Tools are cached in ${XDG_CACHE_HOME:-$HOME/.cache}/triage-openapi-check; delete that folder to reinstall.

set -euo pipefail

BASE_URL="${1:-http://127.0.0.1:8080}"
BASE_URL="${BASE_URL%/}"

SPECTRAL_VERSION="${SPECTRAL_VERSION:-6.16.3}"
REDOCLY_VERSION="${REDOCLY_VERSION:-2.77.0}"
TYPESCRIPT_VERSION="${TYPESCRIPT_VERSION:-7.0.2}"
GENERATOR_VERSION="${GENERATOR_VERSION:-7.25.0}"

CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/triage-openapi-check"
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/triage-openapi-check.XXXXXX")"
if [[ "${KEEP_WORKDIR:-0}" == 1 ]]; then
  echo "Work folder (kept): $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi

SUMMARY=()   # one line per check, printed at the end
FAILED=0

step() { printf '\n=== %s\n' "$*"; }
pass() { SUMMARY+=("PASS  $*"); }
fail() { SUMMARY+=("FAIL  $*"); FAILED=1; }
die()  { echo "check-openapi: $*" >&2; exit 2; }

for tool in curl java node npm; do
  command -v "$tool" >/dev/null || die "'$tool' is needed but not on PATH"
done

# --- Tools -------------------------------------------------------------------------------------------------------------

install_node_tools() {
  local dir="$CACHE_DIR/node" stamp
  stamp="spectral=$SPECTRAL_VERSION redocly=$REDOCLY_VERSION typescript=$TYPESCRIPT_VERSION"
  if [[ -f "$dir/.installed" && "$(cat "$dir/.installed")" == "$stamp" ]]; then
    return
  fi
  echo "Installing npm tools into $dir ($stamp)"
  rm -rf "$dir" && mkdir -p "$dir"
  printf '{ "name": "triage-openapi-check-tools", "private": true }\n' > "$dir/package.json"
  npm install --prefix "$dir" --no-fund --no-audit --loglevel=error \
    "@stoplight/spectral-cli@$SPECTRAL_VERSION" "@redocly/cli@$REDOCLY_VERSION" "typescript@$TYPESCRIPT_VERSION" >&2
  echo "$stamp" > "$dir/.installed"
}

install_generator() {
  GENERATOR_JAR="$CACHE_DIR/openapi-generator-cli-$GENERATOR_VERSION.jar"
  [[ -f "$GENERATOR_JAR" ]] && return
  local mvn
  if command -v mvn >/dev/null; then mvn=mvn
  elif [[ -x "$PROJECT_DIR/mvnw" ]]; then mvn="$PROJECT_DIR/mvnw"
  else die "Maven is needed once to fetch openapi-generator-cli $GENERATOR_VERSION from Maven Central"
  fi
  echo "Fetching openapi-generator-cli $GENERATOR_VERSION from Maven Central into $CACHE_DIR"
  mkdir -p "$CACHE_DIR"
  # Run outside any project (dependency:copy needs no pom); Maven verifies the download's checksum.
  if ! (cd "$WORK" && "$mvn" -q -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        "-Dartifact=org.openapitools:openapi-generator-cli:$GENERATOR_VERSION" "-DoutputDirectory=$CACHE_DIR") \
        >"$WORK/maven.log" 2>&1 || [[ ! -f "$GENERATOR_JAR" ]]; then
    cat "$WORK/maven.log" >&2
    die "could not fetch openapi-generator-cli $GENERATOR_VERSION"
  fi
}

install_node_tools
install_generator
BIN="$CACHE_DIR/node/node_modules/.bin"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

# --- 1. Fetch the served document --------------------------------------------------------------------------------------

step "Fetching $BASE_URL/q/openapi"
curl -fsS --max-time 30 "$BASE_URL/q/openapi?format=json" -o "$WORK/openapi.json" \
  || die "cannot fetch $BASE_URL/q/openapi?format=json: is the server running?"
curl -fsS --max-time 30 "$BASE_URL/q/openapi?format=yaml" -o "$WORK/openapi.yaml" \
  || die "cannot fetch $BASE_URL/q/openapi?format=yaml"
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$WORK/openapi.json" \
  || die "the JSON form is not valid JSON"
echo "openapi.json: $(wc -c < "$WORK/openapi.json") bytes, openapi.yaml: $(wc -c < "$WORK/openapi.yaml") bytes"

# --- 2. Lint -----------------------------------------------------------------------------------------------------------

# Prints one line per finding (severity, rule, JSON path, message) from a Spectral or Redocly JSON report,
# then a last line "ERRORS WARNINGS".
cat > "$WORK/findings.js" <<'EOF'
const [tool, file] = process.argv.slice(2);
const report = JSON.parse(require('fs').readFileSync(file, 'utf8'));
const found = tool === 'spectral'
  ? report.map(r => ({ sev: ['error', 'warning', 'info', 'hint'][r.severity], rule: r.code,
                       where: '#/' + r.path.map(p => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/'),
                       message: r.message }))
  : report.problems.map(p => ({ sev: p.severity === 'warn' ? 'warning' : p.severity, rule: p.ruleId,
                                where: (p.location[0] || {}).pointer || '#/', message: p.message }));
for (const f of found) console.log(`  ${f.sev.padEnd(7)} ${f.rule}  ${f.where}  ${f.message}`);
console.log(`${found.filter(f => f.sev === 'error').length} ${found.filter(f => f.sev === 'warning').length}`);
EOF

printf 'extends: ["spectral:oas"]\n' > "$WORK/.spectral.yaml"
printf 'extends:\n  - recommended\n' > "$WORK/redocly.yaml"

# lint TOOL FILE: runs the linter, prints its findings and records the result.
lint() {
  local tool="$1" doc="$2" report="$WORK/$1-$2.report.json" status=0 out counts errors warnings
  case "$tool" in
    spectral) "$BIN/spectral" lint --quiet -r "$WORK/.spectral.yaml" -f json -o "$report" "$WORK/$doc" \
                >"$WORK/$tool.log" 2>&1 || status=$? ;;
    redocly)  "$BIN/redocly" lint --config "$WORK/redocly.yaml" --format=json "$WORK/$doc" \
                >"$report" 2>"$WORK/$tool.log" || status=$? ;;
  esac
  if ! out="$(node "$WORK/findings.js" "$tool" "$report" 2>/dev/null)"; then
    cat "$WORK/$tool.log" >&2
    fail "$tool $doc: the linter did not run (exit $status)"
    return
  fi
  counts="$(tail -n 1 <<<"$out")"; errors="${counts% *}"; warnings="${counts#* }"
  echo "$tool $doc: $errors error(s), $warnings warning(s)"
  sed '$d' <<<"$out"
  if (( errors > 0 )) || { [[ "${FAIL_ON_WARNINGS:-0}" == 1 ]] && (( warnings > 0 )); }; then
    fail "$tool $doc: $errors error(s), $warnings warning(s)"
  elif (( status != 0 && errors == 0 )); then
    cat "$WORK/$tool.log" >&2
    fail "$tool $doc: exit $status without reported errors"
  else
    pass "$tool $doc: $errors error(s), $warnings warning(s)"
  fi
}

step "Spectral $SPECTRAL_VERSION (spectral:oas)"
lint spectral openapi.json
lint spectral openapi.yaml
step "Redocly CLI $REDOCLY_VERSION (recommended)"
lint redocly openapi.json
lint redocly openapi.yaml

# --- 3. Generate and compile a typescript-fetch client -----------------------------------------------------------------

step "OpenAPI Generator $GENERATOR_VERSION: typescript-fetch client"
generated=0
if java -jar "$GENERATOR_JAR" generate -i "$WORK/openapi.json" -g typescript-fetch -o "$WORK/client" \
     --additional-properties=supportsES6=true >"$WORK/generator.log" 2>&1; then
  gen_warnings="$(grep -c ' WARN ' "$WORK/generator.log" || true)"
  grep ' WARN ' "$WORK/generator.log" | sed 's/^.*WARN  */  warning /' || true
  pass "generator: typescript-fetch client generated ($gen_warnings generator warning(s))"
  generated=1
else
  tail -n 40 "$WORK/generator.log"
  fail "generator: typescript-fetch generation failed"
fi

mkdir -p "$WORK/smoke"
cat > "$WORK/smoke/main.ts" <<'EOF'
// Uses the generated client the way an intake app would. Argument: the server's base URL.
import { CatalogApi, CDSHooksApi, Configuration, Language, ParseApi, ProblemFromJSON, ResponseError, TriageApi, Urgency, type Problem } from '../client';

declare const process: { argv: string[]; env: Record<string, string | undefined>; exitCode?: number };

const apiKey = process.env['TRIAGE_API_KEY'];
const config = new Configuration({
  basePath: process.argv[2],
  headers: apiKey ? { 'X-API-Key': apiKey } : undefined,
});
const triageApi = new TriageApi(config);
const catalogApi = new CatalogApi(config);
const cdsApi = new CDSHooksApi(config);
const parseApi = new ParseApi(config);

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`expected ${what}`);
}

async function main(): Promise<void> {
  // (a) a stroke sign: sudden weakness of the left face and arm
  const answer = await triageApi.triage({
    triageRequest: {
      age: 71,
      symptoms: [{ code: 'muscle_weakness', onset: 'sudden', side: 'left', locations: ['face', 'arm'] }],
    },
  });
  console.log(`  triage: urgency=${answer.urgency}, first red flag=${answer.redFlags[0]?.code ?? '(none)'}`);
  expect(answer.urgency === Urgency.EmergencyAmbulance, 'urgency emergency_ambulance');
  expect(answer.redFlags.length > 0, 'at least one red flag');

  // (b) the symptom catalog
  const symptoms = await catalogApi.listSymptoms();
  console.log(`  symptoms: ${symptoms.length} codes (${symptoms.slice(0, 3).map(s => s.code).join(', ')}, ...)`);
  expect(symptoms.some(s => s.code === 'muscle_weakness'), 'muscle_weakness in the symptom catalog');

  // (c) an unknown symptom code: the client throws ResponseError, whose body is the problem
  try {
    await triageApi.triage({ triageRequest: { symptoms: [{ code: 'weak_arm' }] } });
    throw new Error('expected a 400 for an unknown symptom code, but the request was accepted');
  } catch (e) {
    if (!(e instanceof ResponseError)) throw e;
    const contentType = e.response.headers.get('content-type') ?? '';
    const problem: Problem = ProblemFromJSON(await e.response.json());
    console.log(`  invalid request: HTTP ${e.response.status} ${contentType}: ${problem.title}; `
      + (problem.errors ?? []).map(f => `${f.field}: ${f.message}`).join('; '));
    expect(e.response.status === 400 && problem.status === 400, 'HTTP 400');
    expect(contentType.startsWith('application/problem+json'), 'an application/problem+json body');
    expect((problem.errors ?? []).some(f => f.field === 'symptoms[0].code'), 'an error for symptoms[0].code');
  }

  // (d) a patient's own words in Spanish, read into codes and then triaged as they were read
  const parsed = await parseApi.parse({
    parseRequest: { text: 'Tengo 70 años. De repente no puedo mover el brazo izquierdo. No tengo fiebre.', language: Language.Es },
  });
  const said = parsed.mentions.map(m => `${m.text}=${m.code}:${m.status}`).join(', ');
  console.log(`  parse: ${parsed.request.symptoms?.length ?? 0} symptoms from ${parsed.mentions.length} phrases (${said})`);
  expect(parsed.request.symptoms?.some(s => s.code === 'paralysis' && s.side === 'left') ?? false, 'a left-sided paralysis');
  expect(parsed.mentions.some(m => m.code === 'fever' && m.status === 'absent' && m.cue?.kind === 'negation'), 'fever denied by a cue');
  const fromWords = await triageApi.triage({ triageRequest: parsed.request });
  expect(fromWords.urgency === Urgency.EmergencyAmbulance, 'the parsed request triaged as an ambulance');

  // (e) a CDS Hooks call whose prefetch keys are null, as CDS Hooks 2.0 sends them when the EHR has no such data
  const cards = await cdsApi.cdsMuscleWeaknessTriage({
    cdsHookRequest: {
      hook: 'encounter-start',
      hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      context: { patientId: '1288992', userId: 'Practitioner/123' },
      prefetch: { patient: null, symptoms: null },
    },
  });
  console.log(`  CDS Hooks with null prefetch: ${cards.cards.length} card, indicator=${cards.cards[0]?.indicator}: ${cards.cards[0]?.summary}`);
  expect(cards.cards.length === 1 && cards.cards[0].indicator === 'info', 'one info card for an EHR with no records');
}

main().catch(async (e: unknown) => {
  const why = e instanceof ResponseError
    ? `HTTP ${e.response.status} from ${e.response.url}: ${await e.response.text()}`
    : e instanceof Error ? e.message : String(e);
  console.error(`  client call failed: ${why}`);
  process.exitCode = 1;
});
EOF

if (( generated )); then
  step "TypeScript $TYPESCRIPT_VERSION: tsc --strict"
  if (cd "$WORK" && "$BIN/tsc" --strict --target es2022 --module commonjs --lib es2022,dom \
        --outDir dist smoke/main.ts); then
    pass "tsc --strict: generated client and smoke program compile"
    step "Calling $BASE_URL with the generated client"
    if node "$WORK/dist/smoke/main.js" "$BASE_URL"; then
      pass "client calls: triage, symptom catalog, 400 problem body, a Spanish parse triaged and CDS Hooks null prefetch as expected"
    else
      fail "client calls: see the output above"
    fi
  else
    fail "tsc --strict: compile errors (see above)"
  fi
fi

# --- Summary -----------------------------------------------------------------------------------------------------------

step "Summary for $BASE_URL"
printf '%s\n' "${SUMMARY[@]}"
if (( FAILED )); then
  echo "RESULT: FAILED"
  exit 1
fi
echo "RESULT: OK"

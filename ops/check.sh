#!/usr/bin/env bash
# Checks the operations files: Prometheus configuration, alert rules and their unit tests (promtool, Debian
# package prometheus) and the AsyncAPI document (@asyncapi/cli from npm, installed once into ops/.npm).
# Run from anywhere: bash ops/check.sh. Called by .ci/run before the Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."

ASYNCAPI_CLI_VERSION=6.2.0
NPM_PREFIX=ops/.npm

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	else
		sudo "$@"
	fi
}

if ! command -v promtool >/dev/null 2>&1; then
	echo "Installing promtool (Debian package prometheus)..."
	as_root apt-get update -qq >/dev/null
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

echo "== promtool check config"
promtool check config ops/prometheus/prometheus.yml
echo "== promtool check rules"
promtool check rules ops/prometheus/rules/*.yml
echo "== promtool test rules"
promtool test rules ops/prometheus/tests/*.yml

echo "== every alert's runbook is a section of docs/operations.md"
runbook_anchors=$(grep -ho 'runbook_url: docs/operations.md#[a-z0-9-]*' ops/prometheus/rules/*.yml | sed 's/.*#//' | sort -u)
section_anchors=$(grep -E '^#{2,4} ' docs/operations.md | sed -E 's/^#+ //' | tr '[:upper:]' '[:lower:]' | tr ' ' '-' | tr -cd 'a-z0-9\n-')
missing=$(comm -23 <(echo "$runbook_anchors") <(echo "$section_anchors" | sort -u))
if [ -n "$missing" ]; then
	echo "runbook sections missing from docs/operations.md: $missing" >&2
	exit 1
fi
echo "$(echo "$runbook_anchors" | wc -l) runbook sections found"

echo "== PromQL of the Grafana dashboards (parsed as recording rules by promtool)"
dashboard_rules=$(mktemp --suffix=.yml)
trap 'rm -f "$dashboard_rules"' EXIT
node - ops/grafana/dashboards/*.json >"$dashboard_rules" <<'JS'
const fs = require('fs');
const rules = [];
for (const file of process.argv.slice(2)) {
  const walk = (panels) => panels.forEach((panel) => {
    walk(panel.panels || []);
    (panel.targets || []).forEach((target, i) => rules.push({
      record: `dashboard:panel_${panel.id}_${i}`,
      // Grafana's variables, replaced by typical values so that promtool can parse the query
      expr: target.expr.replaceAll('$__rate_interval', '1m').replaceAll('$__range', '30d'),
    }));
  });
  walk(JSON.parse(fs.readFileSync(file, 'utf8')).panels);
}
console.log(JSON.stringify({ groups: [{ name: 'dashboards', rules }] }));
JS
promtool check rules "$dashboard_rules"

asyncapi_cli="$NPM_PREFIX/node_modules/.bin/asyncapi"
installed_version=$(node -p "require('./$NPM_PREFIX/node_modules/@asyncapi/cli/package.json').version" 2>/dev/null || true)
if [ "$installed_version" != "$ASYNCAPI_CLI_VERSION" ]; then
	echo "Installing @asyncapi/cli@$ASYNCAPI_CLI_VERSION into $NPM_PREFIX (once; git-ignored)..."
	npm install --prefix "$NPM_PREFIX" --no-audit --no-fund --loglevel=error "@asyncapi/cli@$ASYNCAPI_CLI_VERSION" >/dev/null
fi

echo "== asyncapi validate docs/asyncapi.yaml"
# CI=true and a local analytics file: no usage tracking, nothing written to the home directory.
analytics_config="$NPM_PREFIX/asyncapi-analytics.json"
[ -f "$analytics_config" ] || echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"ci"}' >"$analytics_config"
CI=true ASYNCAPI_METRICS_CONFIG_PATH="$analytics_config" SUPPRESS_NO_CONFIG_WARNING=1 \
	"$asyncapi_cli" validate docs/asyncapi.yaml --fail-severity warn

echo "ops checks passed"

#!/bin/sh
# The one entry point of the Grove image: starts the router or one subgraph.
#   docker run grove router            (default; PORT, 4000)
#   docker run grove account           (or license, app-manage, domain, sdk, rule-engine, analytics, search; <NAME>_PORT)
# The service may also come from GROVE_SERVICE. Every variable is read by the service's own zod schema;
# this script only picks the entry file (the JavaScript the image's `npm run build` compiled, docs/adr/0008),
# binds to all interfaces unless HOST / <NAME>_HOST says otherwise, and leaves the health URL where the
# image's HEALTHCHECK finds it.
set -eu

usage() {
  echo "usage: docker-entrypoint.sh router|account|license|app-manage|domain|sdk|rule-engine|analytics|search" >&2
}

service="${1:-${GROVE_SERVICE:-router}}"
case "$service" in
  router)      main=router/dist/main.js;                prefix=;            port="${PORT:-4000}" ;;
  account)     main=subgraphs/account/dist/main.js;     prefix=ACCOUNT;     port="${ACCOUNT_PORT:-4101}" ;;
  license)     main=subgraphs/license/dist/main.js;     prefix=LICENSE;     port="${LICENSE_PORT:-4102}" ;;
  app-manage)  main=subgraphs/app-manage/dist/main.js;  prefix=APP_MANAGE;  port="${APP_MANAGE_PORT:-4103}" ;;
  domain)      main=subgraphs/domain/dist/main.js;      prefix=DOMAIN;      port="${DOMAIN_PORT:-4104}" ;;
  sdk)         main=subgraphs/sdk/dist/main.js;         prefix=SDK;         port="${SDK_PORT:-4105}" ;;
  rule-engine) main=subgraphs/rule-engine/dist/main.js; prefix=RULE_ENGINE; port="${RULE_ENGINE_PORT:-4106}" ;;
  analytics)   main=subgraphs/analytics/dist/main.js;   prefix=ANALYTICS;   port="${ANALYTICS_PORT:-4107}" ;;
  search)      main=subgraphs/search/dist/main.js;      prefix=SEARCH;      port="${SEARCH_PORT:-4108}" ;;
  -h|--help|help) usage; exit 0 ;;
  *) echo "unknown service: $service" >&2; usage; exit 64 ;;
esac

# Services default to loopback (safe on a laptop); in a container they must answer on the pod/network address.
if [ -z "$prefix" ]; then
  export HOST="${HOST:-0.0.0.0}"
else
  host_var="${prefix}_HOST"
  eval "export ${host_var}=\"\${${host_var}:-0.0.0.0}\""
fi

printf 'http://127.0.0.1:%s/healthz\n' "$port" > "${TMPDIR:-/tmp}/grove-healthz-url"
# V8 sizes its young generation from the memory it sees: 16 MB semi-spaces on a large host (about 30 MB per
# process that stays committed after start-up), 1 MB in a 512 Mi pod (a scavenge every MB allocated). A fixed size
# is the same on every host (docs/adr/0008): 8 MB for the router, 4 MB for a subgraph; the start:built scripts and
# the bench use the same flags.
semi_space=4
if [ -z "$prefix" ]; then semi_space=8; fi
exec node --max-semi-space-size="$semi_space" "$main"
